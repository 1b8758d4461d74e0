"""Read what `ui.plain_text` put on a page in Streamlit's AppTest: kind and literal text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from streamlit.testing.v1 import AppTest

_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_CLASS = re.compile(r"^<(?P<tag>p|div|h3|blockquote|pre) class='plain-text(?: (?P<kinds>[\w ]+))?'")
_TAG_KINDS = {"h3": "heading", "blockquote": "quote", "pre": "preformatted"}
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Shown:
    """One element shown by `ui.plain_text`: its kind and the text a reader sees."""

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
