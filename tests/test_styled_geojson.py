"""StyledGeoJson and the st_folium arguments: the versions they were written against.

``ui/map/styled_geojson.py`` re-implements branca's render and ``ui/map/component.py`` calls
streamlit-folium's helpers; both depend on those libraries' internals. These tests fail when
the installed versions or the pins in ``pyproject.toml`` drift from
:data:`ui.map.styled_geojson.WRITTEN_AGAINST`, and check the rendered layer does what folium's own
GeoJson would.
"""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import folium
import pytest

from ui.map.component import prepare
from ui.map.offline import offline_map
from ui.map.styled_geojson import WRITTEN_AGAINST, StyledGeoJson
from ui.text import browser_code

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

SQUARES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"code": code, "key": key},
     "geometry": {"type": "Polygon", "coordinates": [[[x, 52], [x + 1, 52], [x + 1, 53],
                                                      [x, 53], [x, 52]]]}}
    for code, key, x in (("GM0001", "a", 4), ("GM0002", "b", 5), ("GM0003", "{{ 7*7 }}", 6))]}


@pytest.mark.parametrize("distribution", sorted(WRITTEN_AGAINST))
def test_installed_version_is_the_one_written_against(distribution: str) -> None:
    assert version(distribution) == WRITTEN_AGAINST[distribution]


def test_pyproject_pins_exactly_those_versions() -> None:
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = dict(re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", spec).groups()
                for spec in dependencies if "==" in spec)
    assert {name: pins.get(name) for name in WRITTEN_AGAINST} == WRITTEN_AGAINST


def _map_with_layer() -> tuple[folium.Map, StyledGeoJson]:
    fmap = offline_map("")
    layer = StyledGeoJson(SQUARES, name="Squares", default_style={"color": "#000"},
                          styles={"a": {"color": "#111"}, "b": {"color": "#222"}},
                          hover_style={"weight": 3}, interactive=True)
    layer.add_to(fmap)
    return fmap, layer


def test_the_layer_renders_its_data_compact_and_verbatim() -> None:
    fmap, layer = _map_with_layer()
    page = fmap.get_root().render()
    data = re.search(rf"{layer.get_name()}\.addData\((.*?)\);\n", page).group(1)
    assert json.loads(data) == SQUARES
    assert ", " not in data  # written without blanks
    assert "{{ 7*7 }}" in page and '"key":"49"' not in page  # never evaluated as a template
    # The styles reach the browser as the layer's configuration (static/js/map/layer.js).
    config = layer.config()
    made = f"var {layer.get_name()} = coverageScripts.layer.install({browser_code.data(config)}, "
    assert made in page
    styles = config["styles"]
    assert styles == {"a": {"color": "#111"}, "b": {"color": "#222"}}
    assert config["hoverStyle"] == {"weight": 3} and "layer.resetStyle(e.target)" in page
    assert f".addTo({fmap.get_name()})" in page


def test_streamlit_folium_collects_the_layer_script() -> None:
    """st_folium's script generation walks each element's ``script`` macro: the layer (data,
    styles, hover) must reach the component's script like any folium layer's."""
    fmap, _ = _map_with_layer()
    document = prepare(fmap)
    assert '"code":"GM0002"' in document.script
    assert "resetStyle(e.target)" in document.script
    assert "map_div" in document.script  # streamlit-folium's renaming of the map variable
    assert document.js_links == ("/app/static/leaflet-1.9.3/leaflet.js",)
