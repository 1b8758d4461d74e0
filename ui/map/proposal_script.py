"""The proposal drawn by the map itself, in the browser, from the page's address.

Like the selection (:mod:`ui.map.selection_script`), the proposal never changes the map
document: the proposal page writes ``?voorstel=GM0599,GM0505`` (:data:`URL_PARAMETER`) and this
script, inside streamlit-folium's iframe (same origin as the page), reads
``window.parent.location`` every :data:`ui.map.selection_script.POLL_MS` ms and draws those
municipalities hatched with a black outline (:data:`ui.map.palette.PROPOSAL_STYLE`), in a pane
of their own under the selection. The status colours stay visible through the hatching. A
click toggles the clicked municipality at once, before the server answers; the address then
confirms it. The map fits the proposal when the page loads and when municipalities are added
other than by a click (a whole region, an existing area).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from branca.element import MacroElement
from folium.template import Template

from ui.map.palette import PROPOSAL_HATCH, PROPOSAL_STYLE
from ui.map.selection_script import POLL_MS
from ui.map.styled_geojson import StyledGeoJson

__all__ = ["PATTERN_ID", "PROPOSAL_PANE", "URL_PARAMETER", "ProposalScript"]

URL_PARAMETER: Final = "voorstel"
"""The page's query parameter listing the proposal's municipality codes."""

PROPOSAL_PANE: Final = "coverageProposal"
"""Leaflet pane of the proposal (class ``leaflet-coverageProposal-pane``)."""

PATTERN_ID: Final = "coverageProposalHatch"
"""Id of the SVG hatch pattern that fills the proposal's municipalities."""


class ProposalScript(MacroElement):
    """Draw the municipalities of the address's proposal; toggle a clicked one at once.

    Add it to the map after the municipality layer.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var municipalities = {{ this.municipalities.get_name() }};
            var byCode = {};
            municipalities.eachLayer(function (layer) {
                byCode[layer.feature.properties.code] = layer;
            });
            var ns = "http://www.w3.org/2000/svg";
            var holder = document.createElementNS(ns, "svg");
            holder.setAttribute("width", "0");
            holder.setAttribute("height", "0");
            holder.setAttribute("aria-hidden", "true");
            holder.style.position = "absolute";
            var pattern = document.createElementNS(ns, "pattern");
            pattern.setAttribute("id", {{ this.pattern_id|tojson }});
            pattern.setAttribute("patternUnits", "userSpaceOnUse");
            pattern.setAttribute("width", {{ this.hatch.spacing|tojson }});
            pattern.setAttribute("height", {{ this.hatch.spacing|tojson }});
            pattern.setAttribute("patternTransform", "rotate(45)");
            var line = document.createElementNS(ns, "line");
            line.setAttribute("x1", "0");
            line.setAttribute("y1", "0");
            line.setAttribute("x2", "0");
            line.setAttribute("y2", {{ this.hatch.spacing|tojson }});
            line.setAttribute("stroke", {{ this.hatch.color|tojson }});
            line.setAttribute("stroke-width", {{ this.hatch.width|tojson }});
            pattern.appendChild(line);
            var defs = document.createElementNS(ns, "defs");
            defs.appendChild(pattern);
            holder.appendChild(defs);
            document.body.appendChild(holder);

            var pane = map.createPane({{ this.pane|tojson }});
            pane.style.zIndex = 440;
            pane.style.pointerEvents = "none";
            var drawn = L.geoJson(null, {pane: {{ this.pane|tojson }}, interactive: false,
                                         style: function () { return {{ this.style|tojson }}; }}
                                  ).addTo(map);
            var state = {codes: [], text: undefined, clicked: null};
            window.coverageProposal = state;
            function draw(codes, fit) {
                drawn.clearLayers();
                var shown = [];
                codes.forEach(function (code) {
                    var layer = byCode[code];
                    if (layer === undefined || shown.indexOf(code) >= 0) { return; }
                    shown.push(code);
                    // The shape only: no properties, so nothing takes it for the
                    // municipality itself.
                    drawn.addData({type: "Feature", properties: {},
                                   geometry: layer.feature.geometry});
                });
                state.codes = shown;
                if (fit && shown.length) {
                    map.fitBounds(drawn.getBounds(), {padding: {{ this.padding|tojson }},
                                                      maxZoom: {{ this.max_zoom|tojson }}});
                }
            }
            municipalities.on("click", function (event) {
                var code = event.layer && event.layer.feature
                    && event.layer.feature.properties.code;
                if (!code) { return; }
                var codes = state.codes.slice();
                var at = codes.indexOf(code);
                if (at >= 0) { codes.splice(at, 1); } else { codes.push(code); }
                state.clicked = code;
                draw(codes, false);
            });
            var loading = true;
            function follow() {
                var text = null;
                try {
                    text = new URLSearchParams(window.parent.location.search)
                        .get({{ this.parameter|tojson }});
                } catch (error) { text = null; }
                if (text === state.text) { return; }
                state.text = text;
                var codes = (text || "").split(",").filter(function (code) {
                    return code !== "";
                });
                var before = state.codes;
                var added = codes.filter(function (code) {
                    return before.indexOf(code) < 0 && code !== state.clicked;
                });
                draw(codes, loading || added.length > 0);
            }
            follow();
            loading = false;
            window.setInterval(follow, {{ this.poll_ms|tojson }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, municipalities: StyledGeoJson, *, max_zoom: int = 10,
                 padding: tuple[int, int] = (8, 8),
                 style: Mapping[str, Any] = PROPOSAL_STYLE,
                 hatch: Mapping[str, Any] = PROPOSAL_HATCH) -> None:
        """Args:
            municipalities: The layer whose features (``properties.code``) can be proposed.
            max_zoom: The most the map zooms in when fitting the proposal.
            padding: Pixels kept free around a fitted proposal.
            style: Leaflet path options of a proposed municipality (its fill is the hatch).
            hatch: ``color``, ``width`` and ``spacing`` (pixels) of the hatch lines.
        """
        super().__init__()
        self._name = "ProposalScript"
        self.municipalities = municipalities
        self.max_zoom = max_zoom
        self.padding = list(padding)
        self.style = dict(style)
        self.hatch = dict(hatch)
        self.pattern_id = PATTERN_ID
        self.pane = PROPOSAL_PANE
        self.parameter = URL_PARAMETER
        self.poll_ms = POLL_MS
