"""The folium map: colours, escaping, layers per option, the selection script, size, clicks."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import folium
import folium.map
import geopandas as gpd
import pandas as pd
import pytest
import shapely

from coverage.engine import Coverage
from geodata.topology import Topology
from tests.support.dissolved_outlines import dissolve_outlines, outline_lines
from tests.support.injection_payloads import EVIL
from tests.support.offline_check import assert_offline
from ui.map.click import MapClick, click_from_component
from ui.map.component import prepare
from ui.map.focus_script import FOCUS_PANE, FOCUS_PARAMETERS, FocusScript
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
    municipality_styles,
)
from ui.map.panel import legend_html
from ui.map.selection_script import SELECTION_PANE, URL_PARAMETER, SelectionScript
from ui.map.styled_geojson import StyledGeoJson
from ui.map.tooltip_script import TooltipInView
from ui.map.topology_script import TopologyScript
from ui.map.view import MapLabels, MapOptions, build_map
from ui.text.browser_code import data
from ui.text.i18n import Translator

LABELS = MapLabels(
    municipality="Municipality",
    safety_region="Safety region",
    status="Status",
    municipalities_layer="Municipalities",
    region_borders_layer="Safety-region borders",
    coordinator_areas_layer="Coordinator areas",
    violations_layer="Areas beyond one safety region",
)
STATUS_TEXT = {
    "coordinator": "Regional coordinator",
    "comensha": "CoMensha",
    "fallback": "Nobody listed (CoMensha)",
}
ALL_ON = MapOptions(show_region_borders=True, show_coordinator_areas=True,
                    highlight_violations=True)


@pytest.fixture(scope="module")
def table(current: Coverage) -> pd.DataFrame:
    frame = current.municipalities[
        ["display_name", "safety_region_name", "status", "split_by_age"]
    ].copy()
    frame[STATUS_TEXT_COLUMN] = frame["status"].map(STATUS_TEXT)
    return frame


@pytest.fixture(scope="module")
def area_codes(current: Coverage) -> dict[str, frozenset[str]]:
    """The areas with a finding: entry id → municipality codes."""
    return {finding.entry_id: frozenset(current.areas[finding.entry_id])
            for finding in current.findings}


@pytest.fixture(scope="module")
def areas(area_codes: dict[str, frozenset[str]], display: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Their outlines, dissolved (to compare the map's lines with)."""
    return dissolve_outlines(display, area_codes)


@pytest.fixture(scope="module")
def violations(current: Coverage) -> list[str]:
    return [finding.entry_id for finding in current.violations()]


def _build(display: gpd.GeoDataFrame, table: pd.DataFrame,
           area_codes: dict[str, frozenset[str]], topology: Topology, violations: list[str],
           options: MapOptions | None = None, labels: MapLabels = LABELS) -> folium.Map:
    return build_map(display, table, labels, options, areas=area_codes,
                     violation_entry_ids=violations, topology=topology, base_url_path="")


def _layers(fmap: folium.Map) -> dict[str, Any]:
    """Top-level layers by (escaped) name."""
    return {child.layer_name: child for child in fmap._children.values()
            if isinstance(child, folium.map.Layer)}


def _fit_bounds(fmap: folium.Map) -> folium.map.FitBounds:
    (fit,) = [child for child in fmap._children.values()
              if isinstance(child, folium.map.FitBounds)]
    return fit


def _flat(bounds: Any) -> list[float]:
    return [float(value) for corner in bounds for value in corner]


def _decoded(fmap: folium.Map, layer: StyledGeoJson) -> list[dict[str, Any]]:
    """The layer's geometries as the browser decodes them from the map's topology."""
    (source,) = [child for child in fmap._children.values()
                 if isinstance(child, TopologyScript)]
    name = json.loads(re.fullmatch(rf"{source.get_name()}\((.*)\)", layer.data_script).group(1))
    topo = source.topojson
    arcs = []
    for encoded in topo["arcs"]:
        x = y = 0
        arcs.append([])
        for dx, dy in encoded:
            x, y = x + dx, y + dy
            arcs[-1].append((x / 100_000, y / 100_000))

    def line(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    obj = topo["objects"][name]
    geometries = obj["geometries"] if obj["type"] == "GeometryCollection" else [obj]
    decoded = []
    for geometry in geometries:
        if geometry["type"] == "MultiLineString":
            coordinates: Any = [line(indices) for indices in geometry["arcs"]]
        else:
            coordinates = [[line(ring) for ring in polygon] for polygon in geometry["arcs"]]
        decoded.append({"type": geometry["type"], "coordinates": coordinates,
                        "properties": geometry.get("properties", {})})
    return decoded


def _lines(fmap: folium.Map, layer: StyledGeoJson) -> shapely.Geometry:
    return shapely.union_all([shapely.geometry.shape(geometry)
                              for geometry in _decoded(fmap, layer)])


def test_fill_colour_follows_status(current: Coverage, display: gpd.GeoDataFrame,
                                    table: pd.DataFrame, areas: gpd.GeoDataFrame,
                                    topology: Topology, area_codes: dict[str, frozenset[str]],
        violations: list[str]) -> None:
    fmap = _build(display, table, area_codes, topology, violations)
    layer = _layers(fmap)[LABELS.municipalities_layer]
    keys = {feature["properties"]["code"]: feature["properties"]["key"]
            for feature in layer.data["features"]}
    assert set(keys) == set(display.index)

    statuses = current.municipalities
    split = statuses["status"].eq("coordinator") & statuses["split_by_age"]
    for code, row in statuses.iterrows():
        expected = "coordinator_split_by_age" if split[code] else row["status"]
        assert keys[code] == expected, code
    assert sum(key == "coordinator_split_by_age" for key in keys.values()) == split.sum() > 0
    # The real register has no partly covered municipality (tests/test_partial.py).
    assert {key for key in keys.values()} == set(STATUS_COLOURS) - {"partial"}

    # The browser gets one style per key, with the palette's fill colour.
    page = fmap.get_root().render()
    assert data(layer.config()) in page  # the layer's configuration (static/js/map/layer.js)
    styles = layer.config()["styles"]
    assert styles == municipality_styles()
    for key, colour in STATUS_COLOURS.items():
        assert styles[key]["fillColor"] == colour
    assert styles["coordinator_split_by_age"].get("dashArray")
    assert len(set(STATUS_COLOURS.values())) == len(STATUS_COLOURS)


def test_tooltip_shows_escaped_name_region_and_status(display: gpd.GeoDataFrame,
                                                      table: pd.DataFrame) -> None:
    fmap = build_map(display, table, LABELS, base_url_path="")
    layer = _layers(fmap)[LABELS.municipalities_layer]
    (tooltip,) = [child for child in layer._children.values()
                  if isinstance(child, folium.GeoJsonTooltip)]
    assert tooltip.fields == ["name", "region", "status"]
    assert tooltip.aliases == [LABELS.municipality, LABELS.safety_region, LABELS.status]
    feature = next(f for f in layer.data["features"] if f["properties"]["code"] == "GM0363")
    assert set(feature["properties"]) == {"code", "name", "region", "status", "key"}
    assert feature["properties"]["name"] == html.escape(table.at["GM0363", "display_name"])
    assert feature["properties"]["status"] == STATUS_TEXT[table.at["GM0363", "status"]]


def test_html_in_names_labels_and_status_is_escaped(display: gpd.GeoDataFrame,
                                                    table: pd.DataFrame) -> None:
    poisoned = table.copy()
    poisoned.loc["GM0363", "display_name"] = "Amsterdam " + EVIL
    poisoned.loc["GM0363", "safety_region_name"] = EVIL
    poisoned.loc["GM0363", STATUS_TEXT_COLUMN] = EVIL
    labels = MapLabels(*(f"{value} {EVIL}" for value in vars(LABELS).values()))
    fmap = build_map(display, poisoned, labels,
                     MapOptions(show_coordinator_areas=True),
                     base_url_path="")
    page = fmap.get_root().render()

    assert page.count("<img") == 0
    # Nor the JSON-escaped raw tag, which the script would turn back into "<img".
    assert page.count("\\u003cimg") == 0
    assert page.count("\\u0026lt;img") > 0
    properties = next(f["properties"] for f in _layers(fmap)[html.escape(
        labels.municipalities_layer)].data["features"] if f["properties"]["code"] == "GM0363")
    assert properties["name"] == html.escape("Amsterdam " + EVIL)
    assert properties["region"] == properties["status"] == html.escape(EVIL)


def test_only_the_municipalities_take_the_pointer(display: gpd.GeoDataFrame,
                                                  table: pd.DataFrame,
                                                  areas: gpd.GeoDataFrame,
                                                  topology: Topology,
                                                  area_codes: dict[str, frozenset[str]],
                                                  violations: list[str]) -> None:
    fmap = _build(display, table, area_codes, topology, violations, ALL_ON)
    layers = _layers(fmap)
    assert layers[LABELS.municipalities_layer].options.get("interactive", True) is not False
    assert layers[LABELS.municipalities_layer].hover_style
    outlines = [layers[LABELS.region_borders_layer], layers[LABELS.coordinator_areas_layer],
                layers[LABELS.violations_layer]]
    for layer in outlines:
        assert isinstance(layer, StyledGeoJson)
        assert layer.options["interactive"] is False
        assert layer.default_style["fill"] is False
        assert layer.hover_style is None
        assert not any(isinstance(child, folium.GeoJsonTooltip)
                       for child in layer._children.values())


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (MapOptions(show_region_borders=False), {LABELS.municipalities_layer}),
        (MapOptions(), {LABELS.municipalities_layer, LABELS.region_borders_layer}),
        (MapOptions(show_region_borders=False, show_coordinator_areas=True),
         {LABELS.municipalities_layer, LABELS.coordinator_areas_layer}),
        (MapOptions(show_region_borders=False, highlight_violations=True),
         {LABELS.municipalities_layer, LABELS.violations_layer}),
        (ALL_ON,
         {LABELS.municipalities_layer, LABELS.region_borders_layer,
          LABELS.coordinator_areas_layer, LABELS.violations_layer}),
    ],
)
def test_layers_follow_the_options(display: gpd.GeoDataFrame, table: pd.DataFrame,
                                   area_codes: dict[str, frozenset[str]], topology: Topology,
                                   violations: list[str], options: MapOptions,
                                   expected: set[str]) -> None:
    fmap = _build(display, table, area_codes, topology, violations, options)
    assert set(_layers(fmap)) == expected
    assert_offline(fmap)


def test_outline_layers_need_their_outlines(display: gpd.GeoDataFrame,
                                            table: pd.DataFrame, violations: list[str]) -> None:
    """Area layers need the areas; region borders come from the municipalities' regions."""
    fmap = build_map(display, table, LABELS, MapOptions(True, True, True),
                     violation_entry_ids=violations, base_url_path="")
    assert set(_layers(fmap)) == {LABELS.municipalities_layer, LABELS.region_borders_layer}


def test_layers_are_switched_in_one_place(display: gpd.GeoDataFrame, table: pd.DataFrame) -> None:
    """The sidebar switches the layers; the map has no switcher of its own unless asked."""
    def controls(options: MapOptions) -> int:
        fmap = build_map(display, table, LABELS, options, base_url_path="")
        return sum(isinstance(child, folium.LayerControl) for child in fmap._children.values())

    assert controls(MapOptions()) == 0
    assert controls(MapOptions(layer_control=True)) == 1


def test_region_borders_are_drawn_once_on_the_edges(display: gpd.GeoDataFrame,
                                                    table: pd.DataFrame,
                                                    regions: gpd.GeoDataFrame) -> None:
    fmap = build_map(display, table, LABELS, base_url_path="")
    layer = _layers(fmap)[LABELS.region_borders_layer]
    assert layer.default_style == dict(REGION_BORDER_STYLE)
    assert _lines(fmap, layer).equals(outline_lines(regions))


def test_violations_are_highlighted(display: gpd.GeoDataFrame, table: pd.DataFrame,
                                    area_codes: dict[str, frozenset[str]],
                                    areas: gpd.GeoDataFrame, topology: Topology,
                                    violations: list[str]) -> None:
    assert violations  # the current register has areas crossing a border
    fmap = _build(display, table, area_codes, topology, violations, ALL_ON)
    layers = _layers(fmap)
    highlighted = layers[LABELS.violations_layer]
    plain = layers[LABELS.coordinator_areas_layer]
    assert highlighted.default_style == dict(VIOLATION_STYLE)
    assert plain.default_style == dict(AREA_OUTLINE_STYLE)
    assert _lines(fmap, highlighted).equals(outline_lines(areas.loc[violations]))
    # The others are dashed; the violating ones are not drawn twice.
    assert _lines(fmap, plain).equals(outline_lines(areas.drop(index=violations)))
    assert VIOLATION_STYLE["color"] in fmap.get_root().render()

    quiet = _build(display, table, area_codes, topology, violations,
                   MapOptions(show_coordinator_areas=True))
    assert LABELS.violations_layer not in _layers(quiet)
    assert _lines(quiet, _layers(quiet)[LABELS.coordinator_areas_layer]).equals(
        outline_lines(areas))
    assert VIOLATION_STYLE["color"] not in quiet.get_root().render()


def test_unknown_violation_ids_are_ignored(display: gpd.GeoDataFrame, table: pd.DataFrame,
                                           area_codes: dict[str, frozenset[str]]) -> None:
    fmap = build_map(display, table, LABELS, MapOptions(highlight_violations=True),
                     areas=area_codes, violation_entry_ids=["no-such-entry"],
                     base_url_path="")
    assert LABELS.violations_layer not in _layers(fmap)


def _selection_script(fmap: folium.Map) -> SelectionScript:
    (script,) = [child for child in fmap._children.values()
                 if isinstance(child, SelectionScript)]
    return script


def test_the_map_outlines_the_selection_it_reads_from_the_page(
        display: gpd.GeoDataFrame, table: pd.DataFrame) -> None:
    """The selection is drawn by the map's own script: outline styles, pane, URL parameter."""
    fmap = build_map(display, table, LABELS, base_url_path="")
    script = _selection_script(fmap)
    assert script.municipalities is _layers(fmap)[LABELS.municipalities_layer]
    page = fmap.get_root().render()
    for style in (SELECTED_HALO_STYLE, SELECTED_STYLE):
        assert json.dumps(style, sort_keys=True) in page
    config = script.config()  # given to static/js/map/selection.js
    assert data(config) in page
    assert config["pane"] == SELECTION_PANE and "map.createPane(config.pane)" in page
    assert config["parameter"] == URL_PARAMETER
    assert "new URLSearchParams(search).get(name)" in page  # static/js/map/address.js
    assert "frame.parent.location.search" in page
    assert '"streamlit:setComponentValue"' in page
    assert config["maxZoom"] == 10 and "maxZoom: config.maxZoom" in page
    # The script comes after the layer it reads, so the layer exists when it runs.
    assert page.index(f"var {script.municipalities.get_name()} =") < page.index("createPane(")


def test_zoom_to_selected_is_an_option(display: gpd.GeoDataFrame, table: pd.DataFrame) -> None:
    assert _selection_script(build_map(display, table, LABELS, base_url_path="")).fit is True
    off = build_map(display, table, LABELS, MapOptions(zoom_to_selected=False), base_url_path="")
    assert _selection_script(off).fit is False
    config = _selection_script(off).config()
    assert (config["fitOnLoad"], config["fit"]) == (False, False)
    page = off.get_root().render()
    assert data(config) in page and "loading ? config.fitOnLoad : config.fit" in page


def test_the_map_fits_the_netherlands(display: gpd.GeoDataFrame, table: pd.DataFrame) -> None:
    west, south, east, north = display.total_bounds
    fmap = build_map(display, table, LABELS, base_url_path="")
    assert _flat(_fit_bounds(fmap).bounds) == pytest.approx([south, west, north, east])
    assert "maxZoom" not in _fit_bounds(fmap).options


def test_the_component_arguments_are_the_same_for_the_same_map(
        display: gpd.GeoDataFrame, table: pd.DataFrame, areas: gpd.GeoDataFrame,
        topology: Topology, area_codes: dict[str, frozenset[str]],
        violations: list[str]) -> None:
    """Byte-identical arguments under the same key: Streamlit then sends a reference to the
    map it already sent, and the iframe is kept."""
    first = prepare(_build(display, table, area_codes, topology, violations))
    again = prepare(_build(display, table, area_codes, topology, violations))
    assert first == again
    assert first.size > 100_000  # the whole map, not a reference
    assert first.js_links == ("/app/static/leaflet-1.9.3/leaflet.js",)
    assert first.css_links == ("/app/static/leaflet-1.9.3/leaflet.css",)
    other = prepare(_build(display, table, area_codes, topology, violations, ALL_ON))
    assert other.key != first.key


def test_same_input_gives_the_same_script(display: gpd.GeoDataFrame, table: pd.DataFrame,
                                          area_codes: dict[str, frozenset[str]], topology: Topology,
                                          violations: list[str]) -> None:
    """st_folium keys its component on the script without folium's random ids: an identical
    map on rerun must not reload the component (which would also drop the last click)."""
    def script() -> str:
        page = _build(display, table, area_codes, topology, violations, ALL_ON).get_root().render()
        return re.sub(r"_[0-9a-f]{32}", "", page)

    assert script() == script()


def test_map_document_is_small(display: gpd.GeoDataFrame, table: pd.DataFrame,
                               area_codes: dict[str, frozenset[str]], topology: Topology,
                               violations: list[str]) -> None:
    def size(options: MapOptions) -> int:
        return len(_build(display, table, area_codes, topology, violations, options)
                   .get_root().render().encode())

    # Measured: 196 KB municipalities only, 200 KB with region borders (390 KB as GeoJSON
    # before the topology), 205 KB with everything on; of these about 7 KB are the scripts
    # that outline the chosen region and keep the tooltip inside the map. Issue 17 added about
    # 9.5 KB: the touch script (one finger scrolls the page, exact taps) and the names at
    # closer zooms (4 KB of label points).
    assert size(MapOptions(show_region_borders=False)) < 209_000
    assert size(MapOptions()) < 213_000
    assert size(ALL_ON) < 218_000


def test_missing_table_data_is_refused(display: gpd.GeoDataFrame, table: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match=STATUS_TEXT_COLUMN):
        build_map(display, table.drop(columns=STATUS_TEXT_COLUMN), LABELS, base_url_path="")
    with pytest.raises(KeyError, match="GM0363"):
        build_map(display, table.drop(index="GM0363"), LABELS, base_url_path="")
    odd = table.copy()
    odd.loc["GM0363", "status"] = "unknown"
    with pytest.raises(ValueError, match="unknown"):
        build_map(display, odd, LABELS, base_url_path="")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"code": "GM0363", "click": "lx3k9a0b1-1"}, MapClick("GM0363", "lx3k9a0b1-1")),
        ({"code": "GM0363", "click": "lx3k9a0b1-12"}, MapClick("GM0363", "lx3k9a0b1-12")),
        (None, None),
        ({}, None),
        ([], None),
        ("GM0363", None),
        ({"code": "GM0363"}, None),
        ({"code": "GM0363", "click": 1}, None),
        ({"code": "GM0363", "click": "<b>-1"}, None),
        ({"code": "GM0363", "click": "a-1 "}, None),
        ({"click": "a-1"}, None),
        ({"code": 363, "click": "a-1"}, None),
        ({"code": "GM036", "click": "a-1"}, None),
        ({"code": "GM03633", "click": "a-1"}, None),
        ({"code": " GM0363", "click": "a-1"}, None),
        ({"code": "gm0363", "click": "a-1"}, None),
        ({"code": "VR13", "click": "a-1"}, None),
        ({"code": "GM\u0660\u0663\u0666\u0663", "click": "a-1"}, None),
        ({"last_active_drawing": {"properties": {"code": "GM0363"}}}, None),
    ],
)
def test_click_from_component(value: Any, expected: MapClick | None) -> None:
    assert click_from_component(value) == expected


def test_focus_area_is_highlighted_and_fitted(display: gpd.GeoDataFrame, table: pd.DataFrame,
                                              area_codes: dict[str, frozenset[str]],
                                              areas: gpd.GeoDataFrame) -> None:
    """The border-rule view's "show on the map": one area drawn and fitted, toggles aside."""
    entry_id = "gemeente-apeldoorn-en-de-veluwe"
    focused = build_map(display, table, LABELS, MapOptions(focus_area=entry_id),
                        areas=area_codes)
    layer = _layers(focused)[LABELS.violations_layer]
    assert _lines(focused, layer).equals(outline_lines(areas.loc[[entry_id]]))
    west, south, east, north = areas.geometry.loc[entry_id].bounds
    assert _flat(_fit_bounds(focused).bounds) == pytest.approx([south, west, north, east])
    plain = build_map(display, table, LABELS, MapOptions(), areas=area_codes)
    assert LABELS.violations_layer not in _layers(plain)
    # The selection does not pull the map away from the area when it loads, only later.
    assert (_selection_script(focused).fit_on_load, _selection_script(focused).fit) == (
        False, True)
    assert _selection_script(plain).fit_on_load is True
    config = _selection_script(focused).config()
    assert (config["fitOnLoad"], config["fit"]) == (False, True)
    page = focused.get_root().render()
    assert data(config) in page and "loading ? config.fitOnLoad : config.fit" in page


def test_names_are_never_evaluated_as_templates(display: gpd.GeoDataFrame,
                                                table: pd.DataFrame) -> None:
    """branca compiles rendered scripts as Jinja templates; the map's data must not be."""
    braces = table.copy()
    braces.loc["GM0193", "display_name"] = "{{ 7*7 }} {% if %}"
    fmap = build_map(display, braces, LABELS)
    document = fmap.get_root().render()
    assert "{{ 7*7 }} {% if %}" in document
    assert '"name":"49' not in document


def test_the_municipalities_are_drawn_from_the_topology(display: gpd.GeoDataFrame,
                                                       table: pd.DataFrame,
                                                       topology: Topology) -> None:
    fmap = build_map(display, table, LABELS, MapOptions(show_coordinator_areas=True),
                     topology=topology)
    decoded = _decoded(fmap, _layers(fmap)[LABELS.municipalities_layer])
    assert [geometry["properties"]["code"] for geometry in decoded] == list(display.index)
    for geometry in decoded:
        code = geometry["properties"]["code"]
        assert shapely.geometry.shape(geometry).equals(display.geometry[code]), code
    # Built here or passed in: the same map.
    assert prepare(fmap) == prepare(build_map(display, table, LABELS,
                                              MapOptions(show_coordinator_areas=True)))


def _child(fmap: folium.Map, kind: type) -> Any:
    (child,) = [element for element in fmap._children.values() if isinstance(element, kind)]
    return child


def test_the_map_follows_the_chosen_region_from_the_page(display: gpd.GeoDataFrame,
                                                         table: pd.DataFrame,
                                                         current: Coverage) -> None:
    """The region filter reaches the map through the address; the map carries the table to
    find the region's municipalities and outline it."""
    fmap = build_map(display, table, LABELS, base_url_path="")
    focus = _child(fmap, FocusScript)
    assert focus.municipalities is _layers(fmap)[LABELS.municipalities_layer]
    regions = current.units.safety_regions
    assert set(focus.regions) == set(regions.index)
    properties = {feature["properties"]["code"]: feature["properties"]
                  for feature in focus.municipalities.data["features"]}
    for code, row in display.iterrows():
        name, province, police_unit = focus.regions[row["safety_region_code"]]
        assert properties[code]["region"] == name, code
        assert (province, police_unit) == tuple(regions.loc[row["safety_region_code"],
                                                            ["province", "police_unit"]])
    assert focus.regions["VR04"] == ["IJsselland", "Overijssel", "Oost-Nederland"]
    page = fmap.get_root().render()
    assert json.dumps([[kind, name] for kind, name in FOCUS_PARAMETERS.items()]) in page
    assert list(FOCUS_PARAMETERS.values()) == ["veiligheidsregio", "politie-eenheid",
                                               "provincie"]
    config = focus.config()  # given to static/js/map/focus.js
    assert data(config) in page
    assert config["pane"] == FOCUS_PANE and "map.createPane(config.pane)" in page
    for style in (FOCUS_HALO_STYLE, FOCUS_STYLE):
        assert json.dumps(style, sort_keys=True) in page
    assert config["object"] == "municipalities"
    assert "topology.outline(config.object, keep)" in page
    assert f"{focus.topology.get_name()}, {data(config)});" in page
    # After the layer it reads.
    assert page.index(f"var {focus.municipalities.get_name()} =") < page.index("coverageFocus =")


def test_the_tooltip_is_kept_inside_the_map(display: gpd.GeoDataFrame,
                                            table: pd.DataFrame) -> None:
    fmap = build_map(display, table, LABELS, base_url_path="")
    keeper = _child(fmap, TooltipInView)
    layer = _layers(fmap)[LABELS.municipalities_layer]
    assert keeper.layer is layer
    page = fmap.get_root().render()
    tooltip_bound = page.index(f"{layer.get_name()}.bindTooltip(")
    # static/js/map/tooltip.js reads the layer's tooltip (`layer.getTooltip()`) once bound.
    assert "layer.getTooltip()" in page
    assert tooltip_bound < page.index(f"coverageScripts.tooltip.install({fmap.get_name()}, "
                                      f"{layer.get_name()}, ")


def test_a_selection_is_fitted_with_its_safety_region(display: gpd.GeoDataFrame,
                                                      table: pd.DataFrame) -> None:
    page = build_map(display, table, LABELS, base_url_path="").get_root().render()
    assert "map.fitBounds(regionBounds[layer.feature.properties.region]" in page


def test_every_line_on_the_map_has_its_own_look() -> None:
    """Area outlines, region borders, breaches, the selection and the chosen region differ
    from each other and from every fill."""
    looks = {
        "areas": (AREA_OUTLINE_STYLE["color"], AREA_OUTLINE_STYLE.get("dashArray")),
        "regions": (REGION_BORDER_STYLE["color"], REGION_BORDER_STYLE.get("dashArray")),
        "violations": (VIOLATION_STYLE["color"], None),
        "selection": (SELECTED_HALO_STYLE["color"], SELECTED_STYLE["color"]),
        "focus": (FOCUS_HALO_STYLE["color"], FOCUS_STYLE["color"]),
    }
    assert len(set(looks.values())) == len(looks)
    fills = {colour.upper() for colour in STATUS_COLOURS.values()}
    for style in (AREA_OUTLINE_STYLE, VIOLATION_STYLE, SELECTED_HALO_STYLE):
        assert style["color"].upper() not in fills
    assert AREA_OUTLINE_STYLE["color"].upper() not in {
        REGION_BORDER_STYLE["color"].upper(), VIOLATION_STYLE["color"].upper()}
    # The highlights are heavier than a safety-region border.
    assert SELECTED_HALO_STYLE["weight"] > REGION_BORDER_STYLE["weight"]
    assert FOCUS_STYLE["weight"] > REGION_BORDER_STYLE["weight"]


def test_the_legend_names_every_line() -> None:
    for language in ("nl", "en"):
        t = Translator(language)
        legend = legend_html(t)
        for key in ("legend_regions", "legend_areas", "legend_violation", "legend_selection",
                    "legend_focus", "legend_layers"):
            assert html.escape(t(key)) in legend, key
        assert f"dashed {AREA_OUTLINE_STYLE['color']}" in legend
        assert f"solid {REGION_BORDER_STYLE['color']}" in legend
        assert SELECTED_HALO_STYLE["color"] in legend and FOCUS_HALO_STYLE["color"] in legend
