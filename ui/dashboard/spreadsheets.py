"""Tables as files for a spreadsheet: CSV in the dialect of the language's spreadsheets, and
XLSX with typed cells. Every table download of the dashboard is written here.

CSV: Dutch (`nl`) has a semicolon separator and a decimal comma, as Excel and LibreOffice in a
Dutch locale expect; English (`en`) a comma separator and a decimal point. Both are UTF-8 with
a byte order mark, so spreadsheet programs read the accents right, and neither runs a cell as a
formula (see `coverage.safe_csv`: a cell such as ``+31334481186`` reads ``'+31334481186``).

XLSX: text is stored as text, never as a formula (``=HYPERLINK(…)`` and ``+31334481186`` show
as written; a line break is a line feed, as Excel writes it), whole numbers and other numbers
as numbers, shares as numbers with a percentage format; the header row is bold and stays in
view, and columns are as wide as their content (within limits).
"""

from __future__ import annotations

import io
import math
import numbers
import re
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from coverage.safe_csv import csv_text

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
"""The media type of an XLSX file."""

SHEET_NAME_LIMIT = 31
"""Excel's longest sheet name."""

WHOLE_NUMBER_FORMAT = "#,##0"
"""Whole numbers with the spreadsheet's own thousands separator."""

PERCENT_FORMAT = "0.0%"
"""Shares (0 to 1) as a percentage with one decimal."""

COLUMN_WIDTH = (8, 60)
"""The narrowest and widest column, in characters."""

_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class CsvDialect:
    """How a spreadsheet in one locale reads CSV."""

    separator: str
    decimal: str


DIALECTS = {"nl": CsvDialect(";", ","), "en": CsvDialect(",", ".")}


def spreadsheet_csv(table: pd.DataFrame, language: str) -> bytes:
    """`table` as CSV in the dialect of the language's spreadsheets, UTF-8 with BOM, with no
    cell that a spreadsheet would run as a formula and a quoted cell for every line break."""
    dialect = DIALECTS[language]
    return csv_text(table, separator=dialect.separator,
                    decimal=dialect.decimal).encode("utf-8-sig")


def sheet_name(name: str) -> str:
    """`name` as Excel accepts it for a sheet: without ``[]:*?/\\``, at most 31 characters,
    not starting or ending with an apostrophe.

    >>> sheet_name("Hiaten per veiligheidsregio: 2024/2025 [concept]")
    'Hiaten per veiligheidsregio 202'
    """
    cleaned = _SHEET_NAME_FORBIDDEN.sub("", name).strip("' ")
    return cleaned[:SHEET_NAME_LIMIT].strip("' ") or "Sheet"


def _put(cell: Cell, value: object, percent: bool) -> None:
    """Store `value` in `cell` typed: text as text (never a formula), numbers as numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return
    if isinstance(value, bool | np.bool_):
        cell.value = bool(value)
    elif isinstance(value, numbers.Integral):
        cell.value = int(value)
        cell.number_format = PERCENT_FORMAT if percent else WHOLE_NUMBER_FORMAT
    elif isinstance(value, numbers.Real):
        if not math.isnan(value):
            cell.value = float(value)
            if percent:
                cell.number_format = PERCENT_FORMAT
    else:
        # openpyxl refuses control characters other than tab and line breaks; a line break
        # in a cell is a line feed (XML reads CR LF and CR as one anyway); and openpyxl takes
        # text starting with "=" for a formula (and "#N/A" and the like for an error) unless
        # the type is set after the value.
        text = str(value).replace("\r\n", "\n").replace("\r", "\n")
        cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
        cell.data_type = "s"


def _width(values: pd.Series, header: str) -> float:
    """A column's width: its longest line of text (header included), within COLUMN_WIDTH."""
    lines = [line for value in values.dropna().astype(str) for line in value.splitlines()]
    longest = max([len(header), *map(len, lines)])
    return float(min(max(longest + 2, COLUMN_WIDTH[0]), COLUMN_WIDTH[1]))


def spreadsheet_xlsx(table: pd.DataFrame, sheet: str,
                     percent_columns: Collection[str] = ()) -> bytes:
    """`table` as an XLSX workbook of one sheet named `sheet` (made valid by `sheet_name`):
    the header row (bold, frozen, with filters) and one row per row of `table`, every cell
    typed by its value: text as text, whole numbers with a thousands separator, other numbers
    as they are, and the columns in `percent_columns` (shares from 0 to 1) as percentages."""
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet_name(sheet)
    bold = Font(bold=True)
    for number, header in enumerate(table.columns, start=1):
        cell = worksheet.cell(row=1, column=number)
        _put(cell, str(header), percent=False)
        cell.font = bold
        worksheet.column_dimensions[get_column_letter(number)].width = _width(
            table.iloc[:, number - 1], str(header))
    percent = [header in percent_columns for header in table.columns]
    for row_number, row in enumerate(table.itertuples(index=False, name=None), start=2):
        for number, value in enumerate(row, start=1):
            _put(worksheet.cell(row=row_number, column=number), value, percent[number - 1])
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
