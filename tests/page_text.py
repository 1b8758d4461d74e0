"""Read what `ui.text.plain_text` put on a page in Streamlit's AppTest: kind and literal text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest

_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_CLASS = re.compile(r"^<(?P<tag>p|div|h3|blockquote|pre) class='plain-text(?: (?P<kinds>[\w ]+))?'")
_TAG_KINDS = {"h3": "heading", "blockquote": "quote", "pre": "preformatted"}
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Shown:
    """One element shown by `ui.text.plain_text`: its kind and the text a reader sees."""

    kind: str
    """paragraph, caption, list, heading, quote, preformatted, info, warning, error, success
    or markup."""
    text: str
    html: str


def shown(app: AppTest, kind: str | None = None) -> list[Shown]:
    """Every `st.html` element of the page (sidebar included), optionally of one kind."""
    found = []
    for element in app.get("html"):
        html = _STYLE.sub("", element.proto.body)
        match = _CLASS.match(html)
        if match is None:
            element_kind = "markup"
        else:
            kinds = (match.group("kinds") or "").split()
            element_kind = next((k for k in kinds if k != "callout"),
                                _TAG_KINDS.get(match.group("tag"), "paragraph"))
            if html.startswith("<div class='plain-text'><ul>"):
                element_kind = "list"
        found.append(Shown(element_kind, unescape(_TAG.sub("", html)), html))
    return [item for item in found if kind is None or item.kind == kind]


def texts(app: AppTest, kind: str | None = None) -> list[str]:
    """The texts of `shown(app, kind)`."""
    return [item.text for item in shown(app, kind)]


class _TableParser(HTMLParser):
    """The header and rows of every `<table class='plain-table'>` in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("class", "plain-table") in attrs:
            self.tables.append(([], []))
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            header, rows = self.tables[-1]
            if not header:
                header.extend(self._row)
            else:
                rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._in_caption:
            self._cell.append(data)


def tables(app: AppTest) -> list[pd.DataFrame]:
    """Every plain HTML table of the page (`ui.dashboard.html_table`) as a DataFrame of the texts a
    reader sees in its cells (numbers written the page's way: "12.345")."""
    found = []
    for element in app.get("html"):
        parser = _TableParser()
        parser.feed(element.proto.body)
        found.extend(pd.DataFrame(rows, columns=header) for header, rows in parser.tables)
    return found
