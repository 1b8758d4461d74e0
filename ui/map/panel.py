"""The map beside the contact card: coverage map, legend and a text version of the map."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from coverage.engine import Coverage
from ui import data
from ui.map.click import MapClick, click_from_component
from ui.map.component import MapDocument, draw, prepare
from ui.map.focus import Focus
from ui.map.focus_script import FOCUS_PARAMETERS
from ui.map.geojson import STATUS_TEXT_COLUMN
from ui.map.palette import (
    AREA_OUTLINE_STYLE,
    FOCUS_HALO_STYLE,
    FOCUS_STYLE,
    REGION_BORDER_STYLE,
    SELECTED_HALO_STYLE,
    SELECTED_STYLE,
    STATUS_COLOURS,
    VIOLATION_STYLE,
)
from ui.map.view import MapLabels, MapOptions, build_map
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.plain_text import Markup
from ui.text.status_text import status_labels

MAP_HEIGHT = 620
CLICK_STATE_KEY = "map_click"
"""Session state: the map's latest value (set by the component's on_change)."""


def clicked(state_key: str = CLICK_STATE_KEY) -> MapClick | None:
    """The latest click on the map, if any (read before the map is drawn); `state_key` as
    given to `render_map`."""
    return click_from_component(st.session_state.get(state_key))


def labels(t: Translator) -> MapLabels:
    """The map's text in the reader's language."""
    return MapLabels(
        municipality=t("tooltip_municipality"), safety_region=t("tooltip_region"),
        status=t("tooltip_status"), municipalities_layer=t("layer_municipalities"),
        region_borders_layer=t("layer_regions"), coordinator_areas_layer=t("layer_areas"),
        violations_layer=t("layer_violations"), touch_hint=t("map_touch_hint"))


def coverage_table(coverage: Coverage, t: Translator) -> pd.DataFrame:
    """What the map needs per municipality, with the status in words."""
    table = coverage.municipalities[["display_name", "safety_region_name", "status",
                                     "split_by_age"]].copy()
    table[STATUS_TEXT_COLUMN] = status_labels(coverage, t)
    return table


@st.cache_resource(show_spinner=False, max_entries=32)
def map_document(version: int, snapshot_id: str, language: str, options: MapOptions,
                 base_url_path: str, _coverage: Coverage) -> MapDocument:
    """The map for one register version, snapshot, language and layer choice, prepared once
    per process and shared by every session (it does not depend on the selection)."""
    t = Translator(language)
    fmap = build_map(
        data.display_municipalities(), coverage_table(_coverage, t), labels(t), options,
        areas=_coverage.areas,
        violation_entry_ids=[finding.entry_id for finding in _coverage.violations()],
        topology=data.display_topology(),
        base_url_path=base_url_path,
    )
    return prepare(fmap)


def _remember_click(key: str, state_key: str) -> None:
    st.session_state[state_key] = st.session_state.get(key)


def render_map(coverage: Coverage, version: int, options: MapOptions, t: Translator,
               click_state_key: str = CLICK_STATE_KEY) -> None:
    """Draw the map; a click is picked up on the next run through :func:`clicked` (with the
    same `click_state_key`: each page keeps its own, so a click on one page is never taken
    for a click on another).

    The map is the same whatever is selected: it outlines the selection itself, from the
    page's address (see :mod:`ui.map.selection_script`).
    """
    base_url_path = str(st.get_option("server.baseUrlPath") or "")
    document = map_document(version, coverage.snapshot.id, t.language, options, base_url_path,
                            coverage)
    plain_text.caption(t("map_label"))
    draw(document, height=MAP_HEIGHT,
         on_change=lambda: _remember_click(document.key, click_state_key))


def show_focus(focus: Focus) -> None:
    """Tell the map which region to zoom to and outline (or none): one query parameter of
    the page's address (:data:`ui.map.focus_script.FOCUS_PARAMETERS`), which the map reads
    itself, so the map document stays the same."""
    for kind, name in FOCUS_PARAMETERS.items():
        wanted = focus[1] if focus is not None and focus[0] == kind else None
        if wanted is None and name in st.query_params:
            del st.query_params[name]
        elif wanted is not None and st.query_params.get(name) != wanted:
            st.query_params[name] = wanted


def legend_html(t: Translator, proposal: bool = False, caveat: bool = True) -> Markup:
    """The legend: a swatch and words for every colour and line on the map (on the proposal
    page the hatching of the proposal instead of the selection's and the gaps view's region's
    outlines, which that page does not draw), and the capacity
    caveat unless `caveat` is False (the contact card above it already says it)."""
    swatches = [
        (STATUS_COLOURS["coordinator"], t("status_coordinator")),
        (STATUS_COLOURS["coordinator_split_by_age"], t("status_coordinator_split")),
        (STATUS_COLOURS["partial"], t("status_partial")),
        (STATUS_COLOURS["comensha"], t("status_comensha")),
        (STATUS_COLOURS["fallback"], t("status_fallback")),
    ]
    items = [f"<li><span class='swatch' style='background:{colour}'></span>{escape(text)}</li>"
             for colour, text in swatches]
    lines = [(REGION_BORDER_STYLE, t("legend_regions")),
             (AREA_OUTLINE_STYLE, t("legend_areas")),
             (VIOLATION_STYLE, t("legend_violation"))]
    items += [f"<li><span class='line' style='border-top:3px "
              f"{'dashed' if style.get('dashArray') else 'solid'} {style['color']}'></span>"
              f"{escape(text)}</li>" for style, text in lines]
    # The proposal page has neither a selection nor the gaps view's chosen region.
    outlines = [] if proposal else [(SELECTED_STYLE, SELECTED_HALO_STYLE,
                                     t("legend_selection")),
                                    (FOCUS_STYLE, FOCUS_HALO_STYLE, t("legend_focus"))]
    items += [f"<li><span class='outline' style='border-color:{line['color']};"
              f"box-shadow:0 0 0 3px {halo['color']},0 0 0 4px #888'></span>{escape(text)}</li>"
              for line, halo, text in outlines]
    if proposal:
        items.append(f"<li><span class='hatch'></span>{escape(t('legend_proposal'))}</li>")
    return Markup(
        "<style>.legend ul{list-style:none;padding:0;margin:0}"
        ".legend li{display:flex;align-items:center;gap:.5rem;margin:.15rem 0}"
        ".legend .swatch{width:1.1rem;height:1.1rem;border:1px solid #555;display:inline-block}"
        ".legend .line{width:1.4rem;display:inline-block}"
        ".legend .outline{width:.7rem;height:.7rem;margin:0 .2rem;border:3px solid;"
        "display:inline-block}"
        ".legend .hatch{width:1.1rem;height:1.1rem;border:1.5px solid #000;display:inline-block;"
        "background:repeating-linear-gradient(45deg,#000 0 1.5px,transparent 1.5px 6px)}"
        "</style>"
        f"<div class='legend' role='group' aria-label='{escape(t('legend_heading'))}'>"
        f"<strong>{escape(t('legend_heading'))}</strong><ul>{''.join(items)}</ul>"
        f"<p>{escape(t('legend_layers'))}</p>"
        + (f"<p>{escape(t('card_capacity_caveat'))}</p>" if caveat else "") + "</div>")


@st.cache_data(show_spinner=False, max_entries=16)
def _summary_counts(version: int, snapshot_id: str, _coverage: Coverage) -> dict[str, int]:
    """The counts of the text version, once per register version and snapshot."""
    table = _coverage.municipalities
    counts = table["status"].value_counts()
    return {"coordinator": int(counts.get("coordinator", 0)),
            "split": int((table["split_by_age"] & table["status"].eq("coordinator")).sum()),
            "partial": int(counts.get("partial", 0)),
            "comensha": int(counts.get("comensha", 0)),
            "fallback": int(counts.get("fallback", 0)),
            "violations": len(_coverage.violations())}


def summary_text(coverage: Coverage, version: int, t: Translator) -> str:
    """The text version of the map."""
    return t("map_summary", **_summary_counts(version, coverage.snapshot.id, coverage))
