"""The coverage map assembled: municipalities coloured by status, borders, areas, selection.

Every map comes from :func:`ui.map.offline.offline_map` and uses Leaflet alone (no
``folium.Popup``, plugins, colormaps or jQuery-based features), see that module. All text shown
on the map (tooltip labels, layer names, names, status wording) comes from the caller and is
escaped on the way in (:mod:`ui.map.geojson`).

The map does not depend on the selection: the selected municipality is outlined and fitted in
the browser (:mod:`ui.map.selection_script`), so one map document serves every selection of a
register version, language and layer choice.

Geometry is embedded once, as a TopoJSON topology (:mod:`geodata.topology`,
:mod:`ui.map.topology_script`): municipalities, region borders and area outlines share its arcs,
so each edge is sent once, not once per layer that draws it (the document's size, against
GeoJSON's, is in the README's benchmark section; `tests/test_map_view.py` bounds it).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Final

import folium
import geopandas as gpd
import pandas as pd

from geodata.topology import Topology, build_topology
from ui.map.focus_script import FocusScript
from ui.map.geojson import (
    MUNICIPALITIES,
    area_outlines_object,
    latlon_bounds,
    municipalities_object,
    municipality_properties,
    region_borders_object,
)
from ui.map.labels_script import LabelsScript, label_points
from ui.map.offline import offline_map
from ui.map.palette import (
    AREA_OUTLINE_STYLE,
    HOVER_STYLE,
    MAP_BACKGROUND,
    REGION_BORDER_STYLE,
    VIOLATION_STYLE,
    municipality_styles,
)
from ui.map.proposal_script import ProposalScript
from ui.map.selection_script import SelectionScript
from ui.map.styled_geojson import StyledGeoJson
from ui.map.tooltip_script import TooltipInView
from ui.map.topology_script import TopologyScript
from ui.map.touch_script import TouchScript

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
    touch_hint: str = ""
    """Shown over the map after a one-finger swipe on a touch screen (:mod:`ui.map.touch_script`):
    "two fingers move the map"; none when empty."""


@dataclass(frozen=True)
class MapOptions:
    """What the map shows besides the coloured municipalities (never the selection)."""

    show_region_borders: bool = True
    show_coordinator_areas: bool = False
    highlight_violations: bool = False
    zoom_to_selected: bool = True
    """Fit the map to a municipality selected by search or link."""
    layer_control: bool = False
    """Add Leaflet's layer switcher (top right) listing the layers present. Off in the app:
    its layers are switched in one place, the sidebar (``ui.shell.sidebar``), which also says
    which layers the map document holds."""
    proposal: bool = False
    """The proposal page's map: draw the proposal named in the address
    (:class:`ui.map.proposal_script.ProposalScript`) and do not outline a clicked
    municipality as a selection."""
    focus_area: str | None = None
    """An area (entry id) to draw in the violation style and fit the map to, whatever
    ``highlight_violations`` says (the border-rule view's "show on the map")."""


_REGION_COLUMNS: Final = ("safety_region_code", "province", "police_unit")
_REGION_BORDERS: Final = "region_borders"
_COORDINATOR_AREAS: Final = "coordinator_areas"
_VIOLATIONS: Final = "violations"


def _outline_layer(topology: TopologyScript, name: str, object_name: str,
                   style: Mapping[str, Any], bounds: list[list[float]]) -> StyledGeoJson:
    """A non-interactive line layer from the topology: it never takes a hover or click from a
    municipality."""
    placeholder = {"type": "FeatureCollection",
                   "features": [{"type": "Feature", "properties": {}, "geometry": None}]}
    return StyledGeoJson(placeholder, name=html.escape(name), default_style=style,
                         interactive=False, bounds=bounds,
                         data_script=topology.features(object_name))


def _region_table(display: gpd.GeoDataFrame,
                  properties: Mapping[str, Mapping[str, str]]) -> dict[str, list[str]]:
    """Safety-region code → (its municipalities' ``region`` property, province, police unit),
    for :class:`ui.map.focus_script.FocusScript`; empty without those columns in ``display``."""
    if not set(_REGION_COLUMNS) <= set(display.columns):
        return {}
    rows = display[list(_REGION_COLUMNS)].astype(str)
    return {region: [properties[code]["region"], province, police_unit]
            for code, (region, province, police_unit) in zip(rows.index, rows.to_numpy(),
                                                              strict=True)}


def build_map(
    display: gpd.GeoDataFrame,
    coverage_table: pd.DataFrame,
    labels: MapLabels,
    options: MapOptions | None = None,
    areas: Mapping[str, Collection[str]] | None = None,
    violation_entry_ids: Collection[str] = (),
    *,
    topology: Topology | None = None,
    base_url_path: str | None = None,
) -> folium.Map:
    """Build the national coverage map.

    Layers, bottom to top: municipalities (fill by :data:`ui.map.palette.STATUS_COLOURS`,
    tooltip), safety-region borders (when ``options.show_region_borders``), coordinator areas
    (when ``options.show_coordinator_areas``), areas breaking the border rule (when
    ``options.highlight_violations``); the selection, drawn in the browser
    (:class:`ui.map.selection_script.SelectionScript`). Only the municipalities are interactive.

    The map also follows the region chosen in the gaps view, from the page's address
    (:class:`ui.map.focus_script.FocusScript`), and keeps the municipalities' tooltip inside
    the map (:class:`ui.map.tooltip_script.TooltipInView`).

    Args:
        display: Municipality geometry for display, indexed by code, with
            ``safety_region_code`` (from :func:`geodata.display_geometry.simplify_for_display`)
            and, for the region focus, ``province`` and ``police_unit``.
        coverage_table: Per municipality (index code): ``display_name``,
            ``safety_region_name``, ``status``, ``split_by_age`` and ``status_text``
            (:data:`ui.map.geojson.STATUS_TEXT_COLUMN`, the translated status). Must cover
            every code of ``display``.
        labels: Tooltip labels and layer names, in the reader's language.
        options: What to show; defaults to :class:`MapOptions()`.
        areas: Coordinator areas: entry id → municipality codes (``Coverage.areas``); needed
            for the area and violation layers, which are left out without it.
        violation_entry_ids: Entry ids of the areas that break the border rule (e.g. from
            ``Coverage.violations()``); ids without an area are ignored.
        topology: :func:`geodata.topology.build_topology` of ``display`` (cached by the
            caller), or None to build it here.
        base_url_path: Streamlit's ``server.baseUrlPath``; see :func:`ui.map.offline.offline_map`.

    Returns:
        The map, fitted to the focus area if any, else to the Netherlands.

    Raises:
        KeyError: If the table lacks a column or a municipality of ``display``.
        ValueError: If a status is not one of :data:`ui.map.palette.STATUS_COLOURS`' statuses.
    """
    options = options or MapOptions()
    properties = municipality_properties(display, coverage_table)
    topology = topology or build_topology(display)
    areas = {entry_id: codes for entry_id, codes in (areas or {}).items() if codes}

    violating_ids = [entry_id for entry_id in violation_entry_ids if entry_id in areas]
    highlighted = violating_ids if options.highlight_violations else []
    focus = options.focus_area
    focus_shown = focus in areas
    if focus_shown and focus not in highlighted:
        highlighted = [*highlighted, focus]
    # Highlighted areas are drawn in the violation style instead, not twice.
    plain = [codes for entry_id, codes in areas.items() if entry_id not in highlighted] \
        if options.show_coordinator_areas else []

    objects: dict[str, Any] = {MUNICIPALITIES: municipalities_object(topology, properties)}
    if options.show_region_borders:
        objects[_REGION_BORDERS] = region_borders_object(topology, display)
    if plain:
        objects[_COORDINATOR_AREAS] = area_outlines_object(topology, plain)
    if highlighted:
        objects[_VIOLATIONS] = area_outlines_object(topology,
                                                    [areas[entry_id] for entry_id in highlighted])

    fmap = offline_map(base_url_path, zoom_snap=0.25, min_zoom=6, max_zoom=14)
    fmap.get_root().header.add_child(
        folium.Element(f"<style>#{fmap.get_name()} {{ background: {MAP_BACKGROUND}; }}</style>"),
        name="coverage_map_background",
    )
    source = TopologyScript(topology.to_topojson(objects))
    source.add_to(fmap)
    national = latlon_bounds(display.geometry)

    municipalities = StyledGeoJson(
        {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": values, "geometry": None}
            for values in properties.values()]},
        name=html.escape(labels.municipalities_layer),
        default_style=municipality_styles()["fallback"],
        styles=municipality_styles(),
        hover_style=HOVER_STYLE,
        bounds=national,
        data_script=source.features(MUNICIPALITIES),
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "region", "status"],
            aliases=[html.escape(labels.municipality), html.escape(labels.safety_region),
                     html.escape(labels.status)],
            sticky=True,
        ),
    )
    municipalities.add_to(fmap)
    TooltipInView(municipalities).add_to(fmap)
    TouchScript(municipalities, hint=html.escape(labels.touch_hint)).add_to(fmap)
    LabelsScript(municipalities, label_points(display)).add_to(fmap)
    if options.show_region_borders:
        _outline_layer(source, labels.region_borders_layer, _REGION_BORDERS,
                       REGION_BORDER_STYLE, national).add_to(fmap)
    # Areas over the borders: where an area follows a safety-region border the line shows
    # green dashes with black between them, both at once.
    if plain:
        _outline_layer(source, labels.coordinator_areas_layer, _COORDINATOR_AREAS,
                       AREA_OUTLINE_STYLE, national).add_to(fmap)
    if highlighted:
        _outline_layer(source, labels.violations_layer, _VIOLATIONS, VIOLATION_STYLE,
                       national).add_to(fmap)

    if focus_shown:
        fmap.fit_bounds(latlon_bounds(display.geometry.loc[sorted(areas[focus])]),
                        padding=_FIT_PADDING)
    else:
        fmap.fit_bounds(national, padding=_FIT_PADDING)

    # A map shown for an area stays fitted to the area, whatever is selected when it loads.
    SelectionScript(municipalities, fit=options.zoom_to_selected,
                    fit_on_load=options.zoom_to_selected and not focus_shown,
                    max_zoom=_SELECTED_MAX_ZOOM, padding=_FIT_PADDING,
                    outline_clicks=not options.proposal).add_to(fmap)
    regions = _region_table(display, properties)
    if regions:
        FocusScript(municipalities, source, MUNICIPALITIES, regions,
                    padding=_FIT_PADDING).add_to(fmap)
    if options.proposal:
        ProposalScript(municipalities, max_zoom=_SELECTED_MAX_ZOOM,
                       padding=_FIT_PADDING).add_to(fmap)
    if options.layer_control:
        folium.LayerControl(collapsed=True).add_to(fmap)
    return fmap
