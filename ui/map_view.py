"""The coverage map assembled: municipalities coloured by status, borders, areas, selection.

Every map comes from :func:`ui.offline_map.offline_map` and uses Leaflet alone (no
``folium.Popup``, plugins, colormaps or jQuery-based features), see that module. All text shown
on the map (tooltip labels, layer names, names, status wording) comes from the caller and is
escaped on the way in (:mod:`ui.map_geojson`).

The map does not depend on the selection: the selected municipality is outlined and fitted in
the browser (:mod:`ui.map_selection_script`), so one map document serves every selection of a
register version, language and layer choice.

Size of the map document (``len(m.get_root().render())``, 2023 boundaries, current register):
about 320 KB municipalities only; 390 KB with region borders and the layer control (the
default); 430 KB with every layer on. Borders are drawn as line networks (each shared edge
once, see :func:`geodata.display_geometry.outline_lines`).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import folium
import geopandas as gpd
import pandas as pd

from ui.map_geojson import latlon_bounds, municipality_features, outline_features
from ui.map_palette import (
    AREA_OUTLINE_STYLE,
    HOVER_STYLE,
    MAP_BACKGROUND,
    REGION_BORDER_STYLE,
    VIOLATION_STYLE,
    municipality_styles,
)
from ui.map_selection_script import SelectionScript
from ui.offline_map import offline_map
from ui.styled_geojson import StyledGeoJson

__all__ = ["MapLabels", "MapOptions", "build_map"]

_FIT_PADDING: Final = (8, 8)
_SELECTED_MAX_ZOOM: Final = 10


@dataclass(frozen=True)
class MapLabels:
    """The text the map shows, supplied by the caller in the reader's language.

    Plain text: escaped here before it reaches the HTML.
    """

    municipality: str
    """Tooltip label of the municipality name."""
    safety_region: str
    """Tooltip label of the safety region."""
    status: str
    """Tooltip label of the status wording."""
    municipalities_layer: str
    """Layer name of the coloured municipalities."""
    region_borders_layer: str
    """Layer name of the safety-region borders."""
    coordinator_areas_layer: str
    """Layer name of the coordinator-area outlines."""
    violations_layer: str
    """Layer name of the highlighted areas that break the border rule."""


@dataclass(frozen=True)
class MapOptions:
    """What the map shows besides the coloured municipalities (never the selection)."""

    show_region_borders: bool = True
    show_coordinator_areas: bool = False
    highlight_violations: bool = False
    zoom_to_selected: bool = True
    """Fit the map to a municipality selected by search or link."""
    layer_control: bool = True
    """Add Leaflet's layer switcher (top right) listing the layers present."""
    focus_area: str | None = None
    """An area (entry id) to draw in the violation style and fit the map to, whatever
    ``highlight_violations`` says (the border-rule view's "show on the map")."""


def _outline_layer(outlines: gpd.GeoDataFrame, name: str,
                   style: Mapping[str, Any]) -> StyledGeoJson:
    """A non-interactive outline layer (a line network): it never takes a hover or click from a
    municipality."""
    return StyledGeoJson(outline_features(outlines, as_lines=True), name=html.escape(name),
                         default_style=style, interactive=False,
                         bounds=latlon_bounds(outlines.geometry))


def build_map(
    display: gpd.GeoDataFrame,
    coverage_table: pd.DataFrame,
    labels: MapLabels,
    options: MapOptions | None = None,
    area_outlines: gpd.GeoDataFrame | None = None,
    region_outlines: gpd.GeoDataFrame | None = None,
    violation_entry_ids: Collection[str] = (),
    *,
    shapes: Sequence[Mapping[str, Any]] | None = None,
    base_url_path: str | None = None,
) -> folium.Map:
    """Build the national coverage map.

    Layers, bottom to top: municipalities (fill by :data:`ui.map_palette.STATUS_COLOURS`,
    tooltip), coordinator areas (when ``options.show_coordinator_areas``), safety-region
    borders (when ``options.show_region_borders``), areas breaking the border rule (when
    ``options.highlight_violations``); the selection, drawn in the browser
    (:class:`ui.map_selection_script.SelectionScript`). Only the municipalities are interactive.

    Args:
        display: Municipality geometry for display, indexed by code (from
            :func:`geodata.display_geometry.simplify_for_display`).
        coverage_table: Per municipality (index code): ``display_name``,
            ``safety_region_name``, ``status``, ``split_by_age`` and ``status_text``
            (:data:`ui.map_geojson.STATUS_TEXT_COLUMN`, the translated status). Must cover
            every code of ``display``.
        labels: Tooltip labels and layer names, in the reader's language.
        options: What to show; defaults to :class:`MapOptions()`.
        area_outlines: Coordinator-area outlines indexed by entry id (from
            :func:`geodata.display_geometry.dissolve_outlines`); needed for the area and violation
            layers, which are left out without it.
        region_outlines: Safety-region outlines (from
            :func:`geodata.display_geometry.region_outlines`); the border layer is left out
            without it.
        violation_entry_ids: Entry ids of the areas that break the border rule (e.g. from
            ``Coverage.violations()``); ids without an outline are ignored.
        shapes: :func:`ui.map_geojson.geojson_geometries` of ``display`` (cached by the
            caller), or None to convert them here.
        base_url_path: Streamlit's ``server.baseUrlPath``; see :func:`ui.offline_map.offline_map`.

    Returns:
        The map, fitted to the focus area if any, else to the Netherlands.

    Raises:
        KeyError: If the table lacks a column or a municipality of ``display``.
        ValueError: If a status is not one of :data:`ui.map_palette.STATUS_COLOURS`' statuses.
    """
    options = options or MapOptions()
    fmap = offline_map(base_url_path, zoom_snap=0.25, min_zoom=6, max_zoom=14)
    fmap.get_root().header.add_child(
        folium.Element(f"<style>#{fmap.get_name()} {{ background: {MAP_BACKGROUND}; }}</style>"),
        name="coverage_map_background",
    )

    municipalities = StyledGeoJson(
        municipality_features(display, coverage_table, shapes),
        name=html.escape(labels.municipalities_layer),
        default_style=municipality_styles()["fallback"],
        styles=municipality_styles(),
        hover_style=HOVER_STYLE,
        bounds=latlon_bounds(display.geometry),
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "region", "status"],
            aliases=[html.escape(labels.municipality), html.escape(labels.safety_region),
                     html.escape(labels.status)],
            sticky=True,
        ),
    )
    municipalities.add_to(fmap)

    violating_ids = [entry_id for entry_id in violation_entry_ids
                     if area_outlines is not None and entry_id in area_outlines.index]
    highlighted = violating_ids if options.highlight_violations else []
    focus = options.focus_area
    focus_shown = area_outlines is not None and focus in area_outlines.index
    if focus_shown and focus not in highlighted:
        highlighted = [*highlighted, focus]

    if options.show_coordinator_areas and area_outlines is not None:
        # Highlighted areas are drawn in the violation style instead, not twice.
        plain = area_outlines.drop(index=highlighted)
        if len(plain):
            _outline_layer(plain, labels.coordinator_areas_layer, AREA_OUTLINE_STYLE).add_to(fmap)

    if options.show_region_borders and region_outlines is not None and len(region_outlines):
        _outline_layer(region_outlines, labels.region_borders_layer,
                       REGION_BORDER_STYLE).add_to(fmap)

    if highlighted and area_outlines is not None:
        _outline_layer(area_outlines.loc[highlighted], labels.violations_layer,
                       VIOLATION_STYLE).add_to(fmap)

    if focus_shown:
        fmap.fit_bounds(latlon_bounds(area_outlines.geometry.loc[[focus]]),
                        padding=_FIT_PADDING)
    else:
        fmap.fit_bounds(latlon_bounds(display.geometry), padding=_FIT_PADDING)

    SelectionScript(municipalities, fit=options.zoom_to_selected, max_zoom=_SELECTED_MAX_ZOOM,
                    padding=_FIT_PADDING).add_to(fmap)
    if options.layer_control:
        folium.LayerControl(collapsed=True).add_to(fmap)
    return fmap


