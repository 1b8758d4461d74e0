"""CSV that a spreadsheet opens without running any cell as a formula (OWASP, "CSV Injection").

Every CSV the project writes (the dashboard's downloads and `python -m coverage report --csv`)
goes through :func:`write_csv` (or :func:`csv_text`):

- A text cell that starts with ``=``, ``+``, ``-``, ``@``, ``|`` or ``%`` gets an apostrophe in
  front (and a ``|`` inside it a backslash), by `defusedcsv`'s writer; one that starts with a
  tab or a carriage return, which defusedcsv leaves alone but OWASP lists, gets the apostrophe
  here. A spreadsheet then reads the cell as text: ``=HYPERLINK(…)`` as ``'=HYPERLINK(…)``, and
  a phone number in E.164 as ``'+31334481186`` (without the apostrophe, a spreadsheet reads
  ``+31334481186`` as a formula and shows 31334481186). Text that is only a negative number
  (``-12``, ``-1,5``) is left as it is: a spreadsheet reads it as that number and nothing else.
- Numbers are never neutralised: they are written in positional notation (never ``1e-05``)
  with the dialect's decimal mark, so a negative number stays a number.
- Rows end in CRLF (RFC 4180, as Excel writes), so the csv module quotes a cell holding a
  carriage return as well as one holding a line feed: a line break never splits a row.

>>> import pandas as pd
>>> csv_text(pd.DataFrame({"name": ["=1+1", "-2", "a\\rb"], "n": [-1.5, 2.0, 3.25]}),
...          decimal=",", separator=";")
'name;n\\r\\n\\'=1+1;-1,5\\r\\n-2;2,0\\r\\n"a\\rb";3,25\\r\\n'
"""

from __future__ import annotations

import io
import math
import numbers
from collections.abc import Iterator
from typing import TextIO

import numpy as np
import pandas as pd
from defusedcsv import csv as defused

ROW_END = "\r\n"
"""Rows end in CRLF, so a cell with a carriage return or a line feed in it is quoted."""

OWASP_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters OWASP lists as making a spreadsheet read a cell as a formula."""

_UNGUARDED_BY_DEFUSEDCSV = ("\t", "\r")
"""OWASP's first characters that defusedcsv 3.0.0 does not neutralise: done here."""


def _number(value: float, decimal: str, float_format: str | None) -> str:
    """A float in positional notation with `decimal` as the decimal mark ("" for NaN)."""
    if math.isnan(value):
        return ""
    text = (float_format % value if float_format
            else np.format_float_positional(value, trim="0"))
    return text.replace(".", decimal)


def _cell(value: object, decimal: str, float_format: str | None) -> str | None:
    """One cell as the text the CSV holds before defusedcsv neutralises it."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return _number(float(value), decimal, float_format)
    text = str(value)
    return "'" + text if text.startswith(_UNGUARDED_BY_DEFUSEDCSV) else text


def _rows(table: pd.DataFrame, decimal: str,
          float_format: str | None) -> Iterator[list[str | None]]:
    """The header row, then every row of `table`, as cells for defusedcsv's writer."""
    yield [_cell(column, decimal, float_format) for column in table.columns]
    for row in table.itertuples(index=False, name=None):
        yield [_cell(value, decimal, float_format) for value in row]


def write_csv(table: pd.DataFrame, target: TextIO, *, separator: str = ",",
              decimal: str = ".", float_format: str | None = None) -> None:
    """Write `table` (header row, no index) as CSV to `target`.

    `separator` between cells, `decimal` as the decimal mark of floats, `float_format` (a
    %-format such as ``"%.4f"``) for floats, else their shortest positional form. Text cells
    are neutralised as the module says; rows end in CRLF and cells are quoted where needed.
    """
    writer = defused.writer(target, delimiter=separator, lineterminator=ROW_END,
                            quoting=defused.QUOTE_MINIMAL)
    writer.writerows(_rows(table, decimal, float_format))


def csv_text(table: pd.DataFrame, *, separator: str = ",", decimal: str = ".",
             float_format: str | None = None) -> str:
    """`table` as CSV text, written as `write_csv` writes it."""
    buffer = io.StringIO()
    write_csv(table, buffer, separator=separator, decimal=decimal, float_format=float_format)
    return buffer.getvalue()
