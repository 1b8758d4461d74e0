"""Tables as plain HTML in the page's language, in place of Streamlit's data grid.

Streamlit's data grid (`st.dataframe`) carries a toolbar whose words ("Show/hide columns",
"Download as CSV", "Search", "Fullscreen") are English whatever the page's language, and it
cuts long headers and cells ("Vangnet C…"). A table here is an HTML `<table>` built from a
DataFrame with every cell HTML-escaped (`ui.text.plain_text.markup`): headers and cells wrap, the
table scrolls inside its own frame (never the page), the header row and the key column (the
first) stay in view while it scrolls, and numbers are written the page's way (12.345 in
Dutch). Below it the project's own download button gives the same table as CSV in the
spreadsheet dialect of the page's language (`ui.dashboard.spreadsheets`).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Collection

import pandas as pd
import streamlit as st

from ui.dashboard.spreadsheets import spreadsheet_csv
from ui.text import plain_text
from ui.text.i18n import Translator

TABLE_CLASS = "plain-table"
"""The class of every table (its style is in `ui.text.plain_text`'s style sheet)."""
FRAME_CLASS = "plain-table-frame"
"""The class of the element a table scrolls in."""


def cell_text(value: object, t: Translator, percent: bool = False) -> str:
    """A cell's value as the page writes it: empty for nothing (never "None" or "nan"),
    whole numbers with the language's thousands separator, shares as percentages.

    >>> nl = Translator("nl")
    >>> [cell_text(v, nl) for v in (None, float("nan"), 12345, 2.5, "a")]
    ['', '', '12.345', '2,5', 'a']
    >>> cell_text(0.6, nl, percent=True)
    '60,0 %'
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return t.percent(float(value)) if percent else t.number(int(value))
    if isinstance(value, numbers.Real):
        if math.isnan(float(value)):
            return ""
        if percent:
            return t.percent(float(value))
        if float(value).is_integer():
            return t.number(float(value))
        return t.number(float(value), 3).rstrip("0")
    return str(value)


def table_markup(table: pd.DataFrame, t: Translator, *, caption: str,
                 percent_columns: Collection[str] = (),
                 formats: dict[str, Callable[[object], str]] | None = None) -> plain_text.Markup:
    """`table` as an HTML table (every value escaped) in a frame it scrolls in; the first
    column is the key, written as each row's header. `caption` names the table for screen
    readers (and the frame, which takes the keyboard focus so it can be scrolled by keys)."""
    formats = formats or {}

    def text(column: str, value: object) -> str:
        if column in formats:
            return formats[column](value)
        return cell_text(value, t, percent=column in percent_columns)

    columns = [str(column) for column in table.columns]
    numeric = {column for column in columns
               if pd.api.types.is_numeric_dtype(table[column]) and column not in formats}
    header = plain_text.join([
        plain_text.markup("<th scope='col'{align}>{name}</th>",
                          align=plain_text.Markup(" class='number'" if column in numeric
                                                  else ""),
                          name=column) for column in columns])
    rows = []
    for values in table.itertuples(index=False, name=None):
        cells = []
        for number, (column, value) in enumerate(zip(columns, values, strict=True)):
            tag = "th scope='row'" if number == 0 else "td"
            align = " class='number'" if column in numeric else ""
            cells.append(plain_text.markup(f"<{tag}{align}>{{value}}</{tag.split()[0]}>",
                                           value=text(column, value)))
        rows.append(plain_text.markup("<tr>{cells}</tr>", cells=plain_text.join(cells)))
    return plain_text.markup(
        f"<div class='{FRAME_CLASS}' role='region' tabindex='0' aria-label='{{caption}}'>"
        f"<table class='{TABLE_CLASS}'><caption>{{caption}}</caption>"
        "<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></div>",
        caption=caption, header=header, rows=plain_text.join(rows))


def show_table(table: pd.DataFrame, t: Translator, *, caption: str, key: str,
               file_name: str | None = None, percent_columns: Collection[str] = (),
               formats: dict[str, Callable[[object], str]] | None = None) -> None:
    """Show `table` (see `table_markup`) and, when `file_name` is given, a button that
    downloads it as CSV in the page's spreadsheet dialect (made on click)."""
    plain_text.show_markup(table_markup(table, t, caption=caption,
                                        percent_columns=percent_columns, formats=formats))
    if file_name is not None:
        st.download_button(t("table_download_csv"),
                           lambda: spreadsheet_csv(table, t.language),
                           file_name=file_name, mime="text/csv", on_click="ignore",
                           key=f"download_table_{key}")
