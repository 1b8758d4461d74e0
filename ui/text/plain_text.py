"""The only way text reaches the page: every character shows as written, none as markup.

Streamlit renders Markdown, and more, in `st.write`, `st.markdown`, `st.info`, `st.warning`,
`st.error`, `st.success`, `st.caption` and in widget labels: links, images, HTML, colours
(`:red[…]`), icons (`:material/…:`, `:streamlit:`), LaTeX (`$…$`), arrows (`->`) and bare URLs
made into links. Backslash escapes do not stop all of them (icons, arrows and bare URLs are found
after the escapes are resolved). So text that the project did not write (a URL parameter, the
search box, a register field, a value quoted in an error) must never reach those functions.

This module is the only place that calls them (a test checks that no other module in `ui/` or
`app.py` does):

- :func:`paragraph`, :func:`caption`, :func:`echo`, :func:`bullets`, :func:`info`, :func:`warning`,
  :func:`error`, :func:`success` take any text and show it literally: it is HTML-escaped and
  given to `st.html`, which inserts HTML without a Markdown pass.
- :func:`show_markup` shows HTML that the project built (the contact card, the legend); it only
  takes :class:`Markup`, made by :func:`markup`, which escapes every value it fills in.
- :func:`label` makes text safe for a widget label (buttons and radio options render Markdown
  and have no plain-text mode): every ASCII punctuation mark is backslash-escaped and followed
  by a word joiner (U+2060, invisible), so no Markdown, directive, icon, arrow or link forms.
"""

from __future__ import annotations

from html import escape
from typing import Literal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

Kind = Literal["info", "warning", "error", "success"]

WORD_JOINER = "\u2060"
"""Invisible, zero width; breaks `:name:`, `->` and `http://` into pieces no renderer joins."""

# Colours close to Streamlit's own alerts (light theme), with text dark enough for WCAG AA.
_STYLE = """<style>
.plain-text {margin: 0 0 0.5rem 0; overflow-wrap: anywhere; white-space: pre-line;}
.plain-text.caption {font-size: 0.875rem; color: #555;}
.plain-text.echo {font-size: 0.875rem; color: #555; font-style: italic;}
.plain-text.callout {padding: 0.75rem 1rem; border-radius: 0.5rem; color: #1f2937;}
.plain-text.info {background: #e8f1fb; color: #0b3d75;}
.plain-text.warning {background: #fffbe6; color: #6b4a00;}
.plain-text.error {background: #fdecec; color: #7d1212;}
.plain-text.success {background: #e9f7ef; color: #14532d;}
.plain-text ul {margin: 0; padding-left: 1.25rem;}
.plain-text.preformatted {white-space: pre-wrap; font-size: 0.85rem; background: #f6f6f6;
  padding: 0.5rem;}
.plain-table-frame {max-width: 100%; max-height: 36rem; overflow: auto; margin: 0 0 0.5rem 0;
  border: 1px solid #d6d6d6; border-radius: 0.25rem;}
.plain-table {border-collapse: separate; border-spacing: 0; font-size: 0.875rem;
  width: max-content; min-width: 100%;}
.plain-table caption {position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap;}
.plain-table th, .plain-table td {padding: 0.3rem 0.5rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid #e6e6e6; background: #fff; min-width: 4rem; max-width: 22rem;
  white-space: normal; overflow-wrap: anywhere;}
.plain-table thead th {position: sticky; top: 0; z-index: 1; background: #f3f4f6;
  font-weight: 600; max-width: 12rem; overflow-wrap: normal; hyphens: auto;}
.plain-table tbody th {position: sticky; left: 0; font-weight: 600; max-width: 12rem;}
.plain-table thead th:first-child {left: 0; z-index: 2;}
.plain-table .number {text-align: right; font-variant-numeric: tabular-nums;}
@media (max-width: 640px) {.plain-table tbody th, .plain-table thead th:first-child
  {max-width: 8rem;}}
</style>"""

_ROLES: dict[Kind, str] = {"info": "status", "warning": "alert", "error": "alert",
                           "success": "status"}


class Markup(str):
    """HTML written by the project in which every outside text was escaped (see `markup`)."""

    __slots__ = ()


def markup(template: str, **values: object) -> Markup:
    """Fill `{name}` fields of a project-written HTML template with HTML-escaped values.

    Values that are `Markup` themselves are inserted as they are (they were escaped already).

    >>> markup("<b>{name}</b>", name="<img src=x>")
    '<b>&lt;img src=x&gt;</b>'
    >>> markup("<p>{inner}</p>", inner=markup("<i>{x}</i>", x="&"))
    '<p><i>&amp;</i></p>'
    """
    filled = {name: value if isinstance(value, Markup) else escape(str(value), quote=True)
              for name, value in values.items()}
    return Markup(template.format(**filled))


def join(parts: list[Markup], separator: str = "") -> Markup:
    """Join pieces of markup (the separator is project-written HTML)."""
    return Markup(separator.join(parts))


def label(text: str) -> str:
    """Text for a widget label that Streamlit shows exactly as written.

    >>> label("a *b*") == "a \\\\*\\u2060b\\\\*\\u2060"
    True
    """
    return "".join(f"\\{char}{WORD_JOINER}" if _is_punctuation(char) else char for char in text)


def _is_punctuation(char: str) -> bool:
    return char.isascii() and not char.isalnum() and not char.isspace()


def styles() -> None:
    """The style sheet of every element this module shows: once per run, at the top of the page
    (`st.html` puts it in the page's document, where it applies to every element; sent with
    each element, the same style sheet went out again with every element on every rerun)."""
    st.html(_STYLE)


def _show(html: str, where: DeltaGenerator | None) -> None:
    (st if where is None else where).html(html)


def paragraph(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A paragraph of plain text."""
    _show(f"<p class='plain-text'>{escape(text)}</p>", where)


def emphasised(strong: str, rest: str, *, where: DeltaGenerator | None = None) -> None:
    """A paragraph whose first part is bold: `strong` then `rest`, both plain text."""
    _show(f"<p class='plain-text'><strong>{escape(strong)}</strong>{escape(rest)}</p>", where)


def caption(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A small grey line of plain text."""
    _show(f"<p class='plain-text caption'>{escape(text)}</p>", where)


def echo(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A line that quotes the reader's own input (a search, a link's value), small, grey and
    italic, apart from the page's own sentences; plain text. The caller cuts the input first
    (:func:`ui.url_parameters.echo`)."""
    _show(f"<p class='plain-text echo'>{escape(text)}</p>", where)


def bullets(items: list[str], *, where: DeltaGenerator | None = None) -> None:
    """A bulleted list of plain-text items."""
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    _show(f"<div class='plain-text'><ul>{rows}</ul></div>", where)


def callout(kind: Kind, text: str, *, where: DeltaGenerator | None = None) -> None:
    """A coloured box (info, warning, error or success) holding plain text."""
    _show(f"<div class='plain-text callout {kind}' role='{_ROLES[kind]}' data-kind='{kind}'>"
          f"{escape(text)}</div>", where)


def info(text: str, *, where: DeltaGenerator | None = None) -> None:
    """An information box with plain text."""
    callout("info", text, where=where)


def warning(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A warning box with plain text."""
    callout("warning", text, where=where)


def error(text: str, *, where: DeltaGenerator | None = None) -> None:
    """An error box with plain text."""
    callout("error", text, where=where)


def success(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A success box with plain text."""
    callout("success", text, where=where)


def quote(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A quotation of plain text, set off as a block quote."""
    _show(f"<blockquote class='plain-text'>{escape(text)}</blockquote>", where)


def heading(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A section heading of plain text (the level of `st.subheader`)."""
    _show(f"<h3 class='plain-text'>{escape(text)}</h3>", where)


def run_script(script: Markup) -> None:
    """Run a script that the project wrote (a `Markup`, whose values are escaped or encoded)."""
    if not isinstance(script, Markup):
        raise TypeError("run_script takes Markup written by the project, not a str")
    st.html(script, unsafe_allow_javascript=True)


def show_markup(fragment: Markup, *, where: DeltaGenerator | None = None) -> None:
    """Project-written HTML (a `Markup`, whose outside texts are escaped), without Markdown."""
    if not isinstance(fragment, Markup):
        raise TypeError("show_markup takes Markup built with plain_text.markup, not a str")
    (st if where is None else where).html(fragment)


def preformatted(text: str, *, where: DeltaGenerator | None = None) -> None:
    """A block of plain text with its line breaks and indentation kept (e.g. YAML)."""
    _show(f"<pre class='plain-text preformatted'>{escape(text)}</pre>", where)
