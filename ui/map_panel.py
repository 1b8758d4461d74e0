"""The map beside the contact card: coverage map, legend and a text version of the map."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from coverage.engine import Coverage
from ui import data, plain_text
from ui.i18n import Translator
from ui.map_view import (
    REGION_BORDER_STYLE,
    SELECTED_STYLE,
    STATUS_COLOURS,
    STATUS_TEXT_COLUMN,
    VIOLATION_STYLE,
    MapLabels,
    MapOptions,
    build_map,
    selected_code_from_click,
)
from ui.plain_text import Markup
from ui.tables import status_labels

MAP_HEIGHT = 620


def map_key() -> str:
    """The key of the current map widget; a new key gives a fresh map without a stale click."""
    return f"map-{st.session_state.get('map_generation', 0)}"


def renew_map() -> None:
    """Make the next run draw a fresh map (after the selection or the shown area changed)."""
    st.session_state.map_generation = st.session_state.get("map_generation", 0) + 1


def clicked_code() -> str | None:
    """The municipality clicked on the current map, if any (read before the map is drawn)."""
    return selected_code_from_click(st.session_state.get(map_key()))


def labels(t: Translator) -> MapLabels:
    """The map's text in the reader's language."""
    return MapLabels(
        municipality=t("tooltip_municipality"), safety_region=t("tooltip_region"),
        status=t("tooltip_status"), municipalities_layer=t("layer_municipalities"),
        region_borders_layer=t("layer_regions"), coordinator_areas_layer=t("layer_areas"),
        violations_layer=t("layer_violations"), selected_layer=t("layer_selection"))


def coverage_table(coverage: Coverage, t: Translator) -> pd.DataFrame:
    """What the map needs per municipality, with the status in words."""
    table = coverage.municipalities[["display_name", "safety_region_name", "status",
                                     "split_by_age"]].copy()
    table[STATUS_TEXT_COLUMN] = status_labels(coverage, t)
    return table


def render_map(coverage: Coverage, version: int, options: MapOptions, t: Translator) -> None:
    """Draw the map; a click is picked up on the next run through `clicked_code`."""
    fmap = build_map(
        data.display_municipalities(), coverage_table(coverage, t), labels(t), options,
        area_outlines=data.area_outlines(version, coverage.snapshot.id, coverage)
        if options.show_coordinator_areas or options.highlight_violations or options.focus_area
        else None,
        region_outlines=data.display_regions(),
        violation_entry_ids=[finding.entry_id for finding in coverage.violations()],
        shapes=data.municipality_shapes(),
    )
    plain_text.caption(t("map_label"))
    st_folium(fmap, key=map_key(), returned_objects=["last_active_drawing"],
              height=MAP_HEIGHT, use_container_width=True)


def legend_html(t: Translator) -> Markup:
    """The legend: a swatch and words for every colour and line on the map."""
    swatches = [
        (STATUS_COLOURS["coordinator"], t("status_coordinator")),
        (STATUS_COLOURS["coordinator_split_by_age"], t("status_coordinator_split")),
        (STATUS_COLOURS["partial"], t("status_partial")),
        (STATUS_COLOURS["comensha"], t("status_comensha")),
        (STATUS_COLOURS["fallback"], t("status_fallback")),
    ]
    items = [f"<li><span class='swatch' style='background:{colour}'></span>{escape(text)}</li>"
             for colour, text in swatches]
    lines = [(REGION_BORDER_STYLE["color"], t("legend_regions")),
             (VIOLATION_STYLE["color"], t("legend_violation"))]
    items += [f"<li><span class='line' style='border-color:{colour}'></span>{escape(text)}</li>"
              for colour, text in lines]
    items.append(f"<li><span class='outline' style='border-color:{SELECTED_STYLE['color']}'>"
                 f"</span>{escape(t('legend_selection'))}</li>")
    return Markup(
        "<style>.legend ul{list-style:none;padding:0;margin:0}"
        ".legend li{display:flex;align-items:center;gap:.5rem;margin:.15rem 0}"
        ".legend .swatch{width:1.1rem;height:1.1rem;border:1px solid #555;display:inline-block}"
        ".legend .line{width:1.4rem;border-top:3px solid;display:inline-block}"
        ".legend .outline{width:.9rem;height:.9rem;border:3px solid;display:inline-block}"
        "</style>"
        f"<div class='legend' role='list' aria-label='{escape(t('legend_heading'))}'>"
        f"<strong>{escape(t('legend_heading'))}</strong><ul>{''.join(items)}</ul>"
        f"<p>{escape(t('card_capacity_caveat'))}</p></div>")


def summary_text(coverage: Coverage, t: Translator) -> str:
    """The text version of the map."""
    table = coverage.municipalities
    counts = table["status"].value_counts()
    return t("map_summary", coordinator=int(counts.get("coordinator", 0)),
             split=int((table["split_by_age"] & table["status"].eq("coordinator")).sum()),
             partial=int(counts.get("partial", 0)), comensha=int(counts.get("comensha", 0)),
             fallback=int(counts.get("fallback", 0)), violations=len(coverage.violations()))
