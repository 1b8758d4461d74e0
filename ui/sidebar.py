"""The sidebar: language, version of the register, and what the map shows.

The version is any published one, the newest by default; a session left at the default
follows new publications (`watch_for_new_versions`). A chosen older version is kept in the link
(`?versie=N`, also read as `?version=N`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from coverage.schema import Snapshot
from registry.versions import VersionInfo
from ui import data, plain_text
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, TEXT, Translator
from ui.map_view import MapOptions
from ui.register_text import citation_text

VERSION_PARAMETERS = ("versie", "version")
"""Query parameters naming a version; the first is written."""
NEWEST = 0
"""The version choice that follows the newest published version."""
WATCH_EVERY_S = 3.0
"""How often an open page asks whether a newer version was published."""


@dataclass(frozen=True)
class Settings:
    """What the user chose in the sidebar."""

    version: int
    """The number of the version shown (the newest, unless another was chosen)."""
    show_region_borders: bool
    show_coordinator_areas: bool
    highlight_violations: bool


def initial_language() -> str:
    """The language of this session: the link's `?lang=` the first time, then the user's pick."""
    if "language" not in st.session_state:
        asked = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state.language = asked if asked in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state.language


def language_choice() -> str:
    """The language radio in the sidebar; returns the chosen language."""
    return st.sidebar.radio(Translator(initial_language())("language_label"), list(LANGUAGES),
                            format_func=LANGUAGES.__getitem__, key="language", horizontal=True)


def version_label(info: VersionInfo, t: Translator) -> str:
    """How a version's label reads: the seed overviews by name, other labels as written."""
    key = f"snapshot_{info.label}"
    return t(key) if key in TEXT else info.label


def _initial_version(infos: list[VersionInfo], t: Translator) -> int:
    """The version a new session starts on: the link's, else the newest."""
    asked = next((st.query_params[name] for name in VERSION_PARAMETERS
                  if name in st.query_params), None)
    if asked is None:
        return NEWEST
    if asked.strip().isdigit() and any(info.number == int(asked) for info in infos):
        return int(asked) if int(asked) != infos[0].number else NEWEST
    plain_text.warning(t("version_unknown", newest=infos[0].number), where=st.sidebar)
    return NEWEST


def version_choice(infos: list[VersionInfo], t: Translator) -> int:
    """The version select box (newest first); returns the number to show and keeps the link
    up to date."""
    by_number = {info.number: info for info in infos}
    if st.session_state.get("version") not in (NEWEST, *by_number):
        st.session_state.version = _initial_version(infos, t)

    def label(number: int) -> str:
        if number == NEWEST:  # a label that never changes: the browser keeps the one it saw
            return t("version_newest")
        info = by_number[number]
        # An option of a select box is shown as plain text (no Markdown): not escaped.
        return t("version_option", number=number, label=version_label(info, t),
                 date=f"{info.published_at:%Y-%m-%d}")

    choice = st.sidebar.selectbox(t("snapshot_label"), [NEWEST, *by_number], key="version",
                                  format_func=label)
    for name in VERSION_PARAMETERS:
        if name in st.query_params and (choice == NEWEST or name != VERSION_PARAMETERS[0]):
            del st.query_params[name]
    if choice != NEWEST:
        st.query_params[VERSION_PARAMETERS[0]] = str(choice)
    return infos[0].number if choice == NEWEST else choice


@st.fragment(run_every=WATCH_EVERY_S)
def watch_for_new_versions(known_newest: int) -> None:
    """Rerun the page when a newer version than `known_newest` has been published."""
    newest = data.newest_number()
    if newest is not None and newest != known_newest:
        st.rerun()


def settings(infos: list[VersionInfo], snapshot_of: Callable[[int], Snapshot],
             t: Translator) -> Settings:
    """Render the rest of the sidebar and return the choices."""
    sidebar = st.sidebar
    number = version_choice(infos, t)
    snapshot = snapshot_of(number)
    info = next(info for info in infos if info.number == number)
    name = (version_label(info, t) if f"snapshot_{info.label}" in TEXT
            else snapshot.title.in_language(t.language))
    plain_text.caption(t("version_shown", number=number, label=name,
                         date=f"{info.published_at:%Y-%m-%d %H:%M} UTC"), where=sidebar)
    plain_text.caption(citation_text(snapshot.source, t), where=sidebar)
    with sidebar:
        watch_for_new_versions(infos[0].number)
    return Settings(
        version=number,
        show_region_borders=sidebar.toggle(t("show_regions"), value=True, key="show_regions"),
        show_coordinator_areas=sidebar.toggle(t("show_areas"), value=False, key="show_areas"),
        highlight_violations=sidebar.toggle(t("show_violations"), value=False,
                                            key="show_violations"),
    )


def map_options(chosen: Settings, focus_area: str | None) -> MapOptions:
    """The map options for these settings and an area to show (the selection is not one)."""
    return MapOptions(show_region_borders=chosen.show_region_borders,
                      show_coordinator_areas=chosen.show_coordinator_areas,
                      highlight_violations=chosen.highlight_violations,
                      focus_area=focus_area)
