"""The coverage map: municipalities coloured by status, outlines, selection; built with folium.

Every map comes from :func:`ui.offline_map.offline_map` and uses Leaflet alone (no
``folium.Popup``, plugins, colormaps or jQuery-based features), see that module.

All text shown on the map (tooltip labels, layer names, names, status wording) comes from the
caller. folium's ``GeoJsonTooltip`` puts property values and aliases into ``innerHTML``
unescaped, so every string that can reach a tooltip is passed through :func:`html.escape` here.

The embedded GeoJSON carries only what the map needs: per municipality ``code``, ``name``,
``region``, ``status`` (the translated text) and ``key`` (the :data:`STATUS_COLOURS` key);
outlines carry no properties. Coordinates are whatever the caller passes, normally from
:func:`ui.display_geometry.simplify_for_display` (5 decimals).

Size of the map document (``len(m.get_root().render())``, 2023 boundaries, current register):
319 KB municipalities only; 388 KB with region borders and the layer control (the default);
438 KB with everything on and a municipality selected. The same map through folium's own
``GeoJson`` (``", "`` separators, per-feature style ``switch``) would be 11 % larger, hence
:class:`StyledGeoJson`; borders are drawn as line networks (each shared edge once, see
:func:`ui.display_geometry.outline_lines`).

Clicks: ``st_folium(m, returned_objects=["last_active_drawing"])`` reports the clicked
feature's GeoJSON (Leaflet ``layer.toGeoJSON()``, properties included);
:func:`selected_code_from_click` takes the municipality code from it. Only the municipality
layer is interactive, so clicks always land on a municipality.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final, TypeVar

import folium
import geopandas as gpd
import pandas as pd
import pyproj
import shapely
from branca.element import Element
from folium.map import ElementAddToElement
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from ui.display_geometry import outline_lines
from ui.offline_map import offline_map

__all__ = [
    "AREA_OUTLINE_STYLE",
    "HOVER_STYLE",
    "MAP_BACKGROUND",
    "MUNICIPALITY_CODE",
    "REGION_BORDER_STYLE",
    "SELECTED_HALO_STYLE",
    "SELECTED_STYLE",
    "SPLIT_BY_AGE_OUTLINE",
    "STATUS_COLOURS",
    "STATUS_TEXT_COLUMN",
    "VIOLATION_STYLE",
    "MapLabels",
    "MapOptions",
    "StyledGeoJson",
    "build_map",
    "colour_keys",
    "geojson_geometries",
    "municipality_styles",
    "selected_code_from_click",
]

STATUS_COLOURS: Final[Mapping[str, str]] = {
    "coordinator": "#0072B2",
    "coordinator_split_by_age": "#56B4E9",
    "partial": "#CC79A7",
    "comensha": "#E69F00",
    "fallback": "#BBBBBB",
}
"""Fill colour per colour key (see :func:`colour_keys`), for the map and the legend beside it.

Okabe–Ito blue, sky blue and orange, and a neutral grey (Paul Tol's): distinguishable with
the common colour-vision deficiencies and in greyscale by lightness (blue darkest, grey
lightest). ``coordinator``: a regional coordinator (blue); ``coordinator_split_by_age``: regional
coordinators that split by target group (sky blue, with a dashed dark-blue outline, see
:data:`SPLIT_BY_AGE_OUTLINE`); ``partial``: one age group has a regional coordinator, the other
falls back to CoMensha (Okabe–Ito reddish purple); ``comensha``: the overview names CoMensha
(orange); ``fallback``: nobody is named, CoMensha by default (grey: not in the overview).
Vermillion (#D55E00) is kept for rule violations, so it never doubles as a fill."""

SPLIT_BY_AGE_OUTLINE: Final[Mapping[str, Any]] = {
    "color": "#0072B2", "weight": 1.5, "dashArray": "4 3",
}
"""Outline of municipalities whose coordinators split by age (on top of the sky-blue fill)."""

MUNICIPALITY_BORDER: Final[Mapping[str, Any]] = {"color": "#FFFFFF", "weight": 0.7}
FILL_OPACITY: Final = 0.85

REGION_BORDER_STYLE: Final[Mapping[str, Any]] = {
    "color": "#1A1A1A", "weight": 2.5, "opacity": 0.9, "fill": False,
}
"""Safety-region borders: thick, near-black, solid, no fill."""

AREA_OUTLINE_STYLE: Final[Mapping[str, Any]] = {
    "color": "#000000", "weight": 2, "opacity": 0.9, "dashArray": "6 4", "fill": False,
}
"""Coordinator areas: dashed black outline, no fill."""

VIOLATION_STYLE: Final[Mapping[str, Any]] = {
    "color": "#D55E00", "weight": 4.5, "opacity": 1.0, "fill": False,
}
"""Areas that break the border rule: thick vermillion outline. No tint: a tint over the fill
would read as another status colour."""

SELECTED_HALO_STYLE: Final[Mapping[str, Any]] = {
    "color": "#FFFFFF", "weight": 8, "opacity": 1.0, "fill": False,
}
SELECTED_STYLE: Final[Mapping[str, Any]] = {
    "color": "#000000", "weight": 4, "opacity": 1.0, "fill": False,
}
"""Selected municipality: black outline over a white halo, readable on every fill."""

MAP_BACKGROUND: Final = "#FFFFFF"
"""Background of the map (no tiles): white, so the grey ``fallback`` fill stands out from it
and from the lakes and sea (Leaflet's default background is grey #DDD)."""

HOVER_STYLE: Final[Mapping[str, Any]] = {"color": "#333333", "weight": 2.5, "fillOpacity": 0.95}

STATUS_TEXT_COLUMN: Final = "status_text"
"""Column of the coverage table holding the translated status wording."""

_REQUIRED_COLUMNS: Final = ("display_name", "safety_region_name", "status", "split_by_age",
                            STATUS_TEXT_COLUMN)

MUNICIPALITY_CODE: Final = re.compile(r"GM[0-9]{4}")
"""A CBS municipality code (``GM`` and four digits)."""

_WGS84: Final = pyproj.CRS.from_epsg(4326)
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
    selected_layer: str
    """Layer name of the selected-municipality outline."""


@dataclass(frozen=True)
class MapOptions:
    """What the map shows besides the coloured municipalities."""

    show_region_borders: bool = True
    show_coordinator_areas: bool = False
    highlight_violations: bool = False
    selected_code: str | None = None
    zoom_to_selected: bool = True
    """Fit the map to the selected municipality (else always to the Netherlands)."""
    layer_control: bool = True
    """Add Leaflet's layer switcher (top right) listing the layers present."""
    focus_area: str | None = None
    """An area (entry id) to draw in the violation style and fit the map to, whatever
    ``highlight_violations`` says (the border-rule view's "show on the map")."""


def colour_keys(coverage_table: pd.DataFrame) -> pd.Series:
    """The :data:`STATUS_COLOURS` key per municipality.

    Args:
        coverage_table: With ``status`` (coordinator/partial/comensha/fallback) and
            ``split_by_age``.

    Returns:
        Series like the table's index: the status, or ``coordinator_split_by_age`` for a
        coordinator municipality whose coordinators split by target group.
    """
    split = coverage_table["status"].eq("coordinator") & coverage_table["split_by_age"].eq(True)
    return coverage_table["status"].where(~split, "coordinator_split_by_age")


GeoFrame = TypeVar("GeoFrame", gpd.GeoDataFrame, gpd.GeoSeries)


def _in_wgs84(frame: GeoFrame) -> GeoFrame:
    """The frame in EPSG:4326, without a (costly) transformation when it already is."""
    return frame if frame.crs is not None and frame.crs.equals(_WGS84) else frame.to_crs(_WGS84)


def _escaped(values: pd.Series) -> list[str]:
    return [html.escape(str(value), quote=True) for value in values]


def geojson_geometries(geometry: gpd.GeoSeries) -> list[dict[str, Any]]:
    """The GeoJSON geometry of every shape, in EPSG:4326 and in order.

    For the municipalities these never change: compute them once and pass them to
    :func:`build_map` as ``shapes`` (saves converting 342 polygons on every run).
    """
    return [json.loads(text) for text in shapely.to_geojson(_in_wgs84(geometry).to_numpy())]


def _municipality_features(display: gpd.GeoDataFrame, coverage_table: pd.DataFrame,
                           shapes: Sequence[Mapping[str, Any]] | None) -> dict[str, Any]:
    """The municipality FeatureCollection with the five display properties."""
    missing = [column for column in _REQUIRED_COLUMNS if column not in coverage_table.columns]
    if missing:
        raise KeyError(f"coverage table lacks columns {missing}")
    table = coverage_table.reindex(display.index)
    absent = table.index[table["status"].isna()]
    if len(absent):
        raise KeyError(f"no coverage for municipalities {list(absent)}")
    keys = colour_keys(table)
    unknown = sorted(set(keys) - set(STATUS_COLOURS))
    if unknown:
        raise ValueError(f"unknown status values {unknown}")
    if shapes is None:
        shapes = geojson_geometries(display.geometry)
    columns = zip([str(code) for code in display.index], _escaped(table["display_name"]),
                  _escaped(table["safety_region_name"]), _escaped(table[STATUS_TEXT_COLUMN]),
                  keys.to_numpy(), shapes, strict=True)
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": shape,
         "properties": {"code": code, "name": name, "region": region, "status": status,
                        "key": key}}
        for code, name, region, status, key, shape in columns]}


def _outline_features(outlines: gpd.GeoDataFrame, *, as_lines: bool) -> dict[str, Any]:
    """A FeatureCollection of bare outline geometries (no properties).

    ``as_lines``: one feature with the line network (shared edges once) instead of the
    polygons; for outlines without fill.
    """
    geometry = _in_wgs84(outlines.geometry)
    if as_lines:
        geometry = gpd.GeoSeries([outline_lines(geometry)], crs=geometry.crs)
    bare = gpd.GeoDataFrame(geometry=geometry.to_numpy(), crs=geometry.crs)
    return bare.to_geo_dict(drop_id=True)


class _Verbatim(Element):
    """A piece of a figure rendered as the text it holds (never compiled as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The text, as is."""
        return self.text


class StyledGeoJson(folium.GeoJson):
    """A ``folium.GeoJson`` styled by a feature property, with compact embedded JSON.

    folium's own GeoJson writes its data with ``json.dumps``' default ``", "`` separators and
    styles features through a ``switch`` over every feature id; for the national map that is
    about 55 KB (11 %) more per Streamlit rerun. Here the styles are one object looked up by
    ``feature.properties[style_property]`` (missing or unknown: ``default_style``), the data is
    written without blanks, and hovering sets ``hover_style`` (``resetStyle`` on leaving).
    The JSON is HTML-safe (``<``, ``>``, ``&``, ``'`` as ``\\u`` escapes, as jinja's
    ``tojson``). Plain Leaflet; tooltips (``GeoJsonTooltip``) and layer controls work as
    with ``folium.GeoJson``; ``embed`` is always true.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_styles = {{ this.styles|tojson }};
        var {{ this.get_name() }} = L.geoJson(null, {
            style: function (feature) {
                var key = (feature.properties || {})[{{ this.style_property|tojson }}];
                return Object.prototype.hasOwnProperty.call({{ this.get_name() }}_styles, key)
                    ? {{ this.get_name() }}_styles[key] : {{ this.default_style|tojson }};
            },
            {%- if this.hover_style %}
            onEachFeature: function (feature, layer) {
                layer.on({
                    mouseover: function (e) { e.target.setStyle({{ this.hover_style|tojson }}); },
                    mouseout: function (e) { {{ this.get_name() }}.resetStyle(e.target); }
                });
            },
            {%- endif %}
            ...{{ this.options|tojavascript }}
        });
        {{ this.get_name() }}.addData({{ this.compact_data }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        data: dict[str, Any],
        *,
        name: str,
        default_style: Mapping[str, Any],
        styles: Mapping[str, Mapping[str, Any]] | None = None,
        style_property: str = "key",
        hover_style: Mapping[str, Any] | None = None,
        tooltip: folium.GeoJsonTooltip | None = None,
        bounds: list[list[float]] | None = None,
        **kwargs: Any,
    ) -> None:
        """Args:
            data: A GeoJSON FeatureCollection (dict).
            name: Layer name (HTML: escape plain text first).
            default_style: Leaflet path options for features without a matching key.
            styles: Key → Leaflet path options.
            style_property: The feature property holding the key.
            hover_style: Options set while the pointer is over a feature (none: no hover).
            tooltip: A ``GeoJsonTooltip`` (or None).
            bounds: ``[[south, west], [north, east]]`` of the data, if known (saves folium
                walking every coordinate).
            **kwargs: ``folium.GeoJson`` arguments (``control``, ``show``, ...); the rest
                become ``L.geoJson`` options, e.g. ``interactive=False``.
        """
        super().__init__(data, name=name, tooltip=tooltip, **kwargs)
        self.styles = {key: dict(style) for key, style in (styles or {}).items()}
        self.default_style = dict(default_style)
        self.style_property = style_property
        self.hover_style = dict(hover_style) if hover_style else None
        self.compact_data = ""
        self.bounds = bounds

    def render(self, **kwargs: Any) -> None:
        """Render like ``folium.GeoJson``, but put the script into the figure verbatim.

        branca's ``MacroElement.render`` wraps every rendered macro in ``Element(text)``, which
        compiles the text as a Jinja template: for the national map about 400 KB, on each of
        the renders ``st_folium`` does per run, and any ``{{ }}`` in the data would be
        evaluated. The data is serialised on the first render (it must not change after).
        """
        if not self.compact_data:
            self.compact_data = htmlsafe_json_dumps(self.data, dumps=_COMPACT_DUMPS)
        if self.show:  # as folium.map.Layer.render
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Verbatim(script), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)

    def _get_self_bounds(self) -> list[list[float | None]]:
        """The bounds given at construction; folium would walk every coordinate in Python,
        on every render and for every ``get_bounds`` of the map."""
        return self.bounds if self.bounds is not None else super()._get_self_bounds()


_COMPACT_DUMPS = partial(json.dumps, separators=(",", ":"))


def municipality_styles() -> dict[str, dict[str, Any]]:
    """Leaflet path options per :data:`STATUS_COLOURS` key, as drawn on the map."""
    styles: dict[str, dict[str, Any]] = {}
    for key, colour in STATUS_COLOURS.items():
        style = {**MUNICIPALITY_BORDER, "fillColor": colour, "fillOpacity": FILL_OPACITY}
        if key == "coordinator_split_by_age":
            style.update(SPLIT_BY_AGE_OUTLINE)
        styles[key] = style
    return styles


def _outline_layer(outlines: gpd.GeoDataFrame, name: str, style: Mapping[str, Any], *,
                   as_lines: bool = True, control: bool = True) -> StyledGeoJson:
    """A non-interactive outline layer: it never takes a hover or click from a municipality."""
    return StyledGeoJson(_outline_features(outlines, as_lines=as_lines), name=html.escape(name),
                         default_style=style, interactive=False, control=control,
                         bounds=_latlon_bounds(outlines.geometry))


def _latlon_bounds(geometry: gpd.GeoSeries) -> list[list[float]]:
    west, south, east, north = _in_wgs84(geometry).total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


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

    Layers, bottom to top: municipalities (fill by :data:`STATUS_COLOURS`, tooltip), coordinator
    areas (when ``options.show_coordinator_areas``), safety-region borders (when
    ``options.show_region_borders``), areas breaking the border rule (when
    ``options.highlight_violations``), the selected municipality. Only the municipalities are
    interactive.

    Args:
        display: Municipality geometry for display, indexed by code (from
            :func:`ui.display_geometry.simplify_for_display`).
        coverage_table: Per municipality (index code): ``display_name``,
            ``safety_region_name``, ``status``, ``split_by_age`` and :data:`STATUS_TEXT_COLUMN`
            (the translated status). Must cover every code of ``display``.
        labels: Tooltip labels and layer names, in the reader's language.
        options: What to show; defaults to :class:`MapOptions()`.
        area_outlines: Coordinator-area outlines indexed by entry id (from
            :func:`ui.display_geometry.dissolve_outlines`); needed for the area and violation
            layers, which are left out without it.
        region_outlines: Safety-region outlines (from
            :func:`ui.display_geometry.region_outlines`); the border layer is left out
            without it.
        violation_entry_ids: Entry ids of the areas that break the border rule (e.g. from
            ``Coverage.violations()``); ids without an outline are ignored.
        shapes: :func:`geojson_geometries` of ``display`` (cached by the caller), or None to
            convert them here.
        base_url_path: Streamlit's ``server.baseUrlPath``; see :func:`ui.offline_map.offline_map`.

    Returns:
        The map, fitted to the selected municipality (at most zoom 10) or to the Netherlands.

    Raises:
        KeyError: If the table lacks a column or a municipality of ``display``.
        ValueError: If a status is not one of :data:`STATUS_COLOURS`' statuses.
    """
    options = options or MapOptions()
    fmap = offline_map(base_url_path, zoom_snap=0.25, min_zoom=6, max_zoom=14)
    fmap.get_root().header.add_child(
        folium.Element(f"<style>#{fmap.get_name()} {{ background: {MAP_BACKGROUND}; }}</style>"),
        name="coverage_map_background",
    )

    municipalities = StyledGeoJson(
        _municipality_features(display, coverage_table, shapes),
        name=html.escape(labels.municipalities_layer),
        default_style=municipality_styles()["fallback"],
        styles=municipality_styles(),
        hover_style=HOVER_STYLE,
        bounds=_latlon_bounds(display.geometry),
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

    selected = options.selected_code
    selected_shown = selected is not None and selected in display.index
    if selected_shown:
        shape = display.loc[[selected]]
        group = folium.FeatureGroup(name=html.escape(labels.selected_layer))
        for style in (SELECTED_HALO_STYLE, SELECTED_STYLE):
            _outline_layer(shape, labels.selected_layer, style, as_lines=False,
                           control=False).add_to(group)
        group.add_to(fmap)
    if focus_shown:
        fmap.fit_bounds(_latlon_bounds(area_outlines.geometry.loc[[focus]]),
                        padding=_FIT_PADDING)
    elif selected_shown and options.zoom_to_selected:
        fmap.fit_bounds(_latlon_bounds(display.geometry.loc[[selected]]), padding=_FIT_PADDING,
                        max_zoom=_SELECTED_MAX_ZOOM)
    else:
        fmap.fit_bounds(_latlon_bounds(display.geometry), padding=_FIT_PADDING)

    if options.layer_control:
        folium.LayerControl(collapsed=True).add_to(fmap)
    return fmap


def selected_code_from_click(returned: Mapping[str, Any] | None) -> str | None:
    """The municipality code of the feature clicked last, from ``st_folium``'s return value.

    With ``st_folium(m, returned_objects=["last_active_drawing"])`` the clicked feature is at
    ``returned["last_active_drawing"]["properties"]["code"]`` (streamlit-folium sets
    ``last_active_drawing = e.layer.toGeoJSON()`` on every click).

    Args:
        returned: What ``st_folium`` returned; anything else (``None``, missing keys, other
            types) is tolerated.

    Returns:
        The code when it is a CBS municipality code (``GM`` + 4 digits), else ``None``.

    Note: st_folium keys its component on the map's script, so a map that changes (say, the
    selected outline drawn after a click) is a new component that returns its defaults
    (``last_active_drawing`` ``None``). Keep the selection in ``st.session_state`` and
    replace it only when this returns a code, or the selection is lost on the next rerun.
    """
    if not isinstance(returned, Mapping):
        return None
    drawing = returned.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    properties = drawing.get("properties")
    if not isinstance(properties, Mapping):
        return None
    code = properties.get("code")
    if isinstance(code, str) and MUNICIPALITY_CODE.fullmatch(code):
        return code
    return None
