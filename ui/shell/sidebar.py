"""The sidebar: language, version of the register, and what the map shows.

The version is any published one, the newest by default; a session left at the default
follows new publications (`watch_for_new_versions`). A chosen older version is kept in the link
(`?versie=N`, also read as `?version=N`).

The choices are read before the sidebar is drawn (:func:`chosen_settings`, from the widgets'
state), and the sidebar is drawn after the page (:func:`show_sidebar`): the map is then the
first widget the browser meets, and its code is fetched before the sidebar's (a fresh browser
fetches Streamlit's code in many small files, six at a time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from coverage.schema import Snapshot
from registry.database import DatabaseUnreachableError
from registry.versions import VersionInfo
from ui import data
from ui.map.view import MapOptions
from ui.text import plain_text
from ui.text.i18n import DEFAULT_LANGUAGE, LANGUAGES, TEXT, Translator
from ui.text.local_time import date_text, date_time_text
from ui.text.register_text import citation_text
from ui.timed_fragment import on_ticks_only
from ui.url_parameters import language, version_number

VERSION_PARAMETERS = ("versie", "version")
"""Query parameters naming a version; the first is written."""
NEWEST = 0
"""The version choice that follows the newest published version."""
WATCH_EVERY_S = 3.0
"""How often an open page asks whether a newer version was published."""
LANGUAGE_REJECTED_KEY = "language_rejected"
"""Session state: the link's `?lang=` named no language of the page (so a note says so)."""


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
        asked = st.query_params.get("lang")
        chosen = language(asked, LANGUAGES)
        st.session_state.language = chosen or DEFAULT_LANGUAGE
        st.session_state[LANGUAGE_REJECTED_KEY] = asked is not None and chosen is None
    return st.session_state.language


def language_note(t: Translator) -> None:
    """A short note when the link asked for a language the page does not have (until the
    reader picks another language); the asked text is not shown."""
    if st.session_state.get(LANGUAGE_REJECTED_KEY) and t.language == DEFAULT_LANGUAGE:
        plain_text.caption(t("url_language_unknown"))


def _language_radio() -> None:
    """The language radio in the sidebar (its state is the session's `language`)."""
    st.sidebar.radio(Translator(initial_language())("language_label"), list(LANGUAGES),
                     format_func=LANGUAGES.__getitem__, key="language", horizontal=True)


def version_label(info: VersionInfo, t: Translator) -> str:
    """How a version's label reads: the seed overviews by name, other labels as written."""
    key = f"snapshot_{info.label}"
    return t(key) if key in TEXT else info.label


def version_option(info: VersionInfo, t: Translator) -> str:
    """A version as a select box offers it: "Versie 3, Huidig overzicht (Nederlands)
    (01-03-2025)" (the date of publication, in Amsterdam)."""
    return t("version_option", number=info.number, label=version_label(info, t),
             date=date_text(info.published_at, t.language))


def _initial_version(infos: list[VersionInfo], t: Translator) -> int:
    """The version a new session starts on: the link's, else the newest."""
    asked = next((st.query_params[name] for name in VERSION_PARAMETERS
                  if name in st.query_params), None)
    if asked is None:
        return NEWEST
    number = version_number(asked)  # ASCII digits only, at most six: no ², no 5,000 nines
    if number is not None and any(info.number == number for info in infos):
        return number if number != infos[0].number else NEWEST
    plain_text.warning(t("version_unknown", newest=infos[0].number), where=st.sidebar)
    return NEWEST


def version_choice(infos: list[VersionInfo], t: Translator) -> int:
    """The version chosen in the select box (its state; a new session's from the link), and
    the link kept up to date; returns the number to show."""
    by_number = {info.number: info for info in infos}
    if st.session_state.get("version") not in (NEWEST, *by_number):
        st.session_state.version = _initial_version(infos, t)
    choice = st.session_state.version
    for name in VERSION_PARAMETERS:
        if name in st.query_params and (choice == NEWEST or name != VERSION_PARAMETERS[0]):
            del st.query_params[name]
    if choice != NEWEST:
        st.query_params[VERSION_PARAMETERS[0]] = str(choice)
    return infos[0].number if choice == NEWEST else choice


@on_ticks_only(every_s=WATCH_EVERY_S)
def watch_for_new_versions(known_newest: int, offline: bool = False) -> None:
    """Rerun the page when a newer version than `known_newest` has been published, or, on a
    page shown from the last known good version (`offline`), once the database answers again:
    checked every `WATCH_EVERY_S` seconds, never at the end of the run that drew the page
    (which may read a newer number than its start did, once the cached one expires mid-run).
    A database that does not answer is no news: the page stays as it is."""
    try:
        newest = data.newest_number()
    except DatabaseUnreachableError:
        return
    if offline or (newest is not None and newest != known_newest):
        st.rerun()


LAYER_DEFAULTS = {"show_regions": True, "show_areas": False, "show_violations": False}
"""The map-layer toggles (their keys) and where they start."""


def chosen_settings(infos: list[VersionInfo], t: Translator) -> Settings:
    """The sidebar's choices, read from its widgets' state before it is drawn (a new session:
    the link's version, the layers' defaults)."""
    layers = {key: bool(st.session_state.get(key, default))
              for key, default in LAYER_DEFAULTS.items()}
    return Settings(version=version_choice(infos, t),
                    show_region_borders=layers["show_regions"],
                    show_coordinator_areas=layers["show_areas"],
                    highlight_violations=layers["show_violations"])


def show_sidebar(infos: list[VersionInfo], chosen: Settings,
                 snapshot_of: Callable[[int], Snapshot], t: Translator, *,
                 offline: bool = False) -> None:
    """Draw the sidebar for the choices `chosen` (see :func:`chosen_settings`): language,
    version, which version is shown and its source, and the map's layers; `offline`: the
    versions are the last known good one only (the database did not answer)."""
    sidebar = st.sidebar
    _language_radio()
    by_number = {info.number: info for info in infos}

    def label(number: int) -> str:
        if number == NEWEST:  # a label that never changes: the browser keeps the one it saw
            return t("version_newest")
        info = by_number[number]
        # An option of a select box is shown as plain text (no Markdown): not escaped.
        return version_option(info, t)

    sidebar.selectbox(t("snapshot_label"), [NEWEST, *by_number], key="version",
                      format_func=label, help=t("version_newest_help"),
                      placeholder=t("choose_placeholder"))
    number = chosen.version
    snapshot = snapshot_of(number)
    info = by_number[number]
    name = (version_label(info, t) if f"snapshot_{info.label}" in TEXT
            else snapshot.title.in_language(t.language))
    plain_text.caption(t("version_shown", number=number, label=name,
                         date=date_time_text(info.published_at, t.language)),
                       where=sidebar)
    plain_text.caption(citation_text(snapshot.source, t), where=sidebar)
    with sidebar:
        watch_for_new_versions(infos[0].number, offline)
    sidebar.toggle(t("show_regions"), value=LAYER_DEFAULTS["show_regions"], key="show_regions")
    sidebar.toggle(t("show_areas"), value=LAYER_DEFAULTS["show_areas"], key="show_areas")
    sidebar.toggle(t("show_violations"), value=LAYER_DEFAULTS["show_violations"],
                   key="show_violations")


def map_options(chosen: Settings, focus_area: str | None) -> MapOptions:
    """The map options for these settings and an area to show (the selection is not one)."""
    return MapOptions(show_region_borders=chosen.show_region_borders,
                      show_coordinator_areas=chosen.show_coordinator_areas,
                      highlight_violations=chosen.highlight_violations,
                      focus_area=focus_area)
