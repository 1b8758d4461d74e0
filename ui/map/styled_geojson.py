"""``StyledGeoJson``: a folium GeoJson layer styled by one property, rendered without branca.

Why a subclass: folium's ``style_function`` calls Python once per feature and writes a
``switch`` over every feature id (slower and larger for the 342 municipalities than one style
lookup in the browser), and branca's ``MacroElement.render`` compiles every rendered macro as a
Jinja template, so a ``{{ }}`` in a municipality name would be evaluated.
:meth:`StyledGeoJson.render` re-implements ``folium.map.Layer.render`` / ``MacroElement.render``
for this one layer.

That re-implementation leans on folium's and branca's internals (``_template.module``,
``ElementAddToElement``, ``get_root().script``) and on streamlit-folium collecting the figure's
script. It was written against, and is tested with, exactly the versions in
:data:`WRITTEN_AGAINST`; ``pyproject.toml`` pins them, and ``tests/test_styled_geojson.py``
fails when the installed ones differ, so an upgrade is a deliberate, tested step.

The layer's browser code is ``static/js/map/layer.js`` (written into the map once, with its
first layer, :func:`ui.map.browser_script.code_for`); its styles reach it as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from typing import Any, Final

import folium
from folium.map import ElementAddToElement
from folium.template import Template, tojavascript
from jinja2.utils import htmlsafe_json_dumps

from ui.map.browser_script import Verbatim, code_for
from ui.text.browser_code import call, data

__all__ = ["WRITTEN_AGAINST", "StyledGeoJson", "Verbatim"]

WRITTEN_AGAINST: Final[dict[str, str]] = {
    "folium": "0.20.0",
    "branca": "0.8.2",
    "streamlit-folium": "0.27.4",
}
"""Distribution → the version :class:`StyledGeoJson` was written and tested against."""

_COMPACT_DUMPS = partial(json.dumps, separators=(",", ":"))


class StyledGeoJson(folium.GeoJson):
    """A ``folium.GeoJson`` styled by a feature property, with compact embedded JSON.

    The styles are one object looked up by ``feature.properties[style_property]`` (missing or
    unknown: ``default_style``), the data is written without blanks, and hovering sets
    ``hover_style`` (``resetStyle`` on leaving). The JSON is HTML-safe (``<``, ``>``, ``&``,
    ``'`` as ``\\u`` escapes, as jinja's ``tojson``). Plain Leaflet; tooltips
    (``GeoJsonTooltip``) and layer controls work as with ``folium.GeoJson``; ``embed`` is
    always true.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}{{ this.script_text() }}{% endmacro %}
        """
    )

    browser_code = ("map/layer",)
    """The layer's script (``static/js/map/layer.js``), written once per map."""

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
        data_script: str | None = None,
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
            data_script: A JavaScript expression giving the layer's GeoJSON in the browser
                (e.g. :meth:`ui.map.topology_script.TopologyScript.features`); then ``data`` only
                serves folium's checks (properties, no geometry needed) and is not sent.
            **kwargs: ``folium.GeoJson`` arguments (``control``, ``show``, ...); the rest
                become ``L.geoJson`` options, e.g. ``interactive=False``.
        """
        super().__init__(data, name=name, tooltip=tooltip, **kwargs)
        self.styles = {key: dict(style) for key, style in (styles or {}).items()}
        self.default_style = dict(default_style)
        self.style_property = style_property
        self.hover_style = dict(hover_style) if hover_style else None
        self.compact_data = ""
        self.data_script = data_script
        self.bounds = bounds

    def render(self, **kwargs: Any) -> None:
        """Render like ``folium.GeoJson``, but put the script into the figure verbatim.

        branca's ``MacroElement.render`` wraps every rendered macro in ``Element(text)``, which
        compiles the text as a Jinja template: for the national map all of its geometry, on
        each of the renders ``st_folium`` does per run, and any ``{{ }}`` in the data would be
        evaluated. The data is serialised on the first render (it must not change after).
        """
        if not self.compact_data:
            self.compact_data = self.data_script or htmlsafe_json_dumps(self.data,
                                                                        dumps=_COMPACT_DUMPS)
        if self.show:  # as folium.map.Layer.render
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        self.get_root().script.add_child(Verbatim(self.script_text()), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)

    def config(self) -> dict[str, Any]:
        """What ``static/js/map/layer.js`` is given: the styles, by key and by default, the
        property holding the key, the hover style."""
        return {"styles": self.styles, "defaultStyle": self.default_style,
                "styleProperty": self.style_property, "hoverStyle": self.hover_style}

    def script_text(self) -> str:
        """The layer's part of the map's script: ``static/js/map/layer.js`` (for the map's
        first layer), the layer made from its styles, then its data."""
        name = self.get_name()
        layer = call("map/layer", data(self.config()), tojavascript(self.options))
        return f"{code_for(self)}var {name} = {layer};\n{name}.addData({self.compact_data});\n"

    def _get_self_bounds(self) -> list[list[float | None]]:
        """The bounds given at construction; folium would walk every coordinate in Python,
        on every render and for every ``get_bounds`` of the map."""
        return self.bounds if self.bounds is not None else super()._get_self_bounds()
