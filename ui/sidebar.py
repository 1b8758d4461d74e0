"""The sidebar: language, version of the overview, and what the map shows."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from coverage.register import Register
from ui import plain_text
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, TEXT, Translator
from ui.map_view import MapOptions
from ui.register_text import citation_text


@dataclass(frozen=True)
class Settings:
    """What the user chose in the sidebar."""

    snapshot_id: str
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


def settings(register: Register, t: Translator) -> Settings:
    """Render the rest of the sidebar and return the choices."""
    sidebar = st.sidebar
    snapshot_ids = list(reversed(register.snapshots))  # latest first

    def label(snapshot_id: str) -> str:
        key = f"snapshot_{snapshot_id}"
        title = register.snapshots[snapshot_id].title.in_language(t.language)
        return t(key) if key in TEXT else plain_text.label(title)

    snapshot_id = sidebar.radio(t("snapshot_label"), snapshot_ids, key="snapshot",
                                format_func=label)
    snapshot = register.snapshots[snapshot_id]
    plain_text.caption(citation_text(snapshot.source, t), where=sidebar)
    return Settings(
        snapshot_id=snapshot_id,
        show_region_borders=sidebar.toggle(t("show_regions"), value=True, key="show_regions"),
        show_coordinator_areas=sidebar.toggle(t("show_areas"), value=False, key="show_areas"),
        highlight_violations=sidebar.toggle(t("show_violations"), value=False,
                                            key="show_violations"),
    )


def map_options(chosen: Settings, selected: str | None, focus_area: str | None) -> MapOptions:
    """The map options for these settings, the selection and an area to show."""
    return MapOptions(show_region_borders=chosen.show_region_borders,
                      show_coordinator_areas=chosen.show_coordinator_areas,
                      highlight_violations=chosen.highlight_violations,
                      selected_code=selected, focus_area=focus_area)
