"""The search box (the keyboard path to a municipality), what a place or postcode search found,
and its ambiguous or unknown results.

The box is a combobox (Streamlit's selectbox): typing filters the offers, in the page's
language, by the text they contain (:mod:`ui.dashboard.search_offers`: every municipality by name,
then aliases, places and four-digit postcodes said as such, "Hoofddorp — gemeente Haarlemmermeer",
"2132 — Haarlemmermeer"), the arrow keys move between them, and Enter takes the highlighted
one. The box takes no text that is not an offer: Streamlit words such an entry in English
("Add: …", which also reads like adding data), and the offers already hold every name, place
and postcode. A link's `?gemeente=` is read by :meth:`coverage.search.MunicipalityIndex.find`
(any name, code, place or postcode, with suggestions for a misspelling).

A search or link that finds nothing says so in a sentence of the page's own and quotes at most
:data:`ui.url_parameters.ECHO_LIMIT` characters of what was asked, on a line of its own marked
as the reader's input (:func:`ui.text.plain_text.echo`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from coverage.search import MunicipalityIndex, SearchResult, Via
from ui.dashboard.search_offers import label_in, offer_labels
from ui.dashboard.selection import SelectionState, choose
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.url_parameters import echo

SEARCH_KEY = "search"


def search_text() -> str:
    """What the search box holds on this run (read before the box is drawn)."""
    return st.session_state.get(SEARCH_KEY) or ""


def box_text(text: str | None, index: MunicipalityIndex, t: Translator) -> str | None:
    """`text` as the box can hold it in the page's language (an offer's label in the other
    language becomes this one's: the reader switched languages)."""
    return label_in(text, index, t.language)


def show_in_search(text: str | None) -> None:
    """Put `text` in the search box (None: empty it); before the box is drawn on this run."""
    st.session_state[SEARCH_KEY] = text


def _pick(code: str) -> None:
    st.session_state.selection = choose(st.session_state.selection, code)


def render_search(state: SelectionState, index: MunicipalityIndex, t: Translator) -> None:
    """The search box, and buttons to pick from several matches or suggestions."""
    st.selectbox(t("search_label"), offer_labels(index, t.language), index=None,
                 key=SEARCH_KEY, help=t("search_help"), placeholder=t("search_placeholder"),
                 accept_new_options=False, filter_mode="contains")
    result = state.search_result
    if state.url_rejected:
        # A short note of our own, then the link's text, cut, set apart as the reader's input:
        # never in a box that reads as the dashboard's own notice.
        plain_text.paragraph(t("url_unknown_note"))
        plain_text.echo(t("echo_link", text=echo(state.url_rejected)))
    if result is None:
        return
    names = index.municipalities["display_name"]
    if result.unique:
        _explain(result, names, t)
        return
    if result.codes:
        plain_text.paragraph(t("search_ambiguous", query=echo(result.query)))
        options = [(code, _option(code, result.via_of(code), names)) for code in result.codes[:12]]
    else:
        plain_text.paragraph(t("search_none_note"))
        plain_text.echo(t("echo_search", text=echo(result.query)))
        if not result.suggestions:
            return
        plain_text.paragraph(t("search_suggestions"))
        by_name = dict(zip(names, names.index, strict=True))
        options = [(by_name[name], name) for name in result.suggestions if name in by_name]
    _buttons(options)


def _option(code: str, via: Via | None, names: pd.Series) -> str:
    """A choice's label: the municipality, and the place or postcode that matched in it."""
    return f"{names[code]} ({via.name if via else code})"


def _buttons(options: list[tuple[str, str]]) -> None:
    columns = st.columns(min(len(options), 4) or 1)
    for position, (code, label) in enumerate(options):
        columns[position % len(columns)].button(plain_text.label(label), key=f"pick-{code}",
                                                on_click=_pick, args=(code,))


def _explain(result: SearchResult, names: pd.Series, t: Translator) -> None:
    """Beside a found municipality: the place or postcode that led to it, and places of the
    same name in other municipalities, to pick instead."""
    code = result.unique
    via = result.via_of(code)
    if via is not None:
        key = "search_via_postcode" if via.kind == "postcode" else "search_via_place"
        plain_text.paragraph(t(key, query=via.name, municipality=names[code]))
    if result.alternatives:
        plain_text.paragraph(t("search_also", query=echo(result.query)))
        _buttons([(other, _option(other, result.via_of(other), names))
                  for other in result.alternatives[:12]])
