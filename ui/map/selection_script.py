"""The selected municipality drawn by the map itself, in the browser: the map never changes.

The map document is the same for every selection (so Streamlit need not send it again and the
iframe is never rebuilt). The selection reaches the map through the page's address instead:
the app writes ``?gemeente=GMxxxx`` (:data:`URL_PARAMETER`) on every selection, by click,
search or link, and this script, running inside streamlit-folium's iframe (same origin as the
page), reads ``window.parent.location`` every :data:`POLL_MS` ms and outlines the
municipality named there, fitting the map to its whole safety region (the municipalities with
the same ``region`` property), so the reader sees where in the region it lies. A click
outlines at once, without waiting for the server, and is sent to the app as the component's
value ``{"code": ..., "click": ...}``: ``click`` is new for every click (a per-iframe random
id and a counter), so clicking the same municipality again is a new value and reaches the
app (see :mod:`ui.map.click`).

While the page shows :data:`ui.first_screen.WAITING_MARK` (a session's first page, which
waits for the map before it draws the rest), the script sends ``{"drawn": <iframe id>}`` as
the component's value once its polygons are drawn: that value runs the page again.

The outline sits in a pane of its own above the overlays (:data:`SELECTION_PANE`, drawn from
:data:`ui.map.palette.SELECTED_HALO_STYLE` and :data:`ui.map.palette.SELECTED_STYLE`), so
layers switched on later never cover it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from branca.element import MacroElement
from folium.template import Template

from ui.first_screen import WAITING_MARK
from ui.map.palette import SELECTED_HALO_STYLE, SELECTED_STYLE
from ui.map.styled_geojson import StyledGeoJson

__all__ = ["POLL_MS", "SELECTION_PANE", "URL_PARAMETER", "SelectionScript"]

URL_PARAMETER: Final = "gemeente"
"""The page's query parameter naming the selected municipality."""

SELECTION_PANE: Final = "coverageSelection"
"""Leaflet pane of the selection outline (class ``leaflet-coverageSelection-pane``)."""

POLL_MS: Final = 100
"""How often the map looks at the page's address for a new selection."""


class SelectionScript(MacroElement):
    """Outline and fit the selected municipality in the browser; report clicks to the app.

    Add it to the map after the municipality layer.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var municipalities = {{ this.municipalities.get_name() }};
            var byCode = {}, regionBounds = {};
            municipalities.eachLayer(function (layer) {
                var properties = layer.feature.properties, own = layer.getBounds();
                byCode[properties.code] = layer;
                regionBounds[properties.region] = properties.region in regionBounds
                    ? regionBounds[properties.region].extend(own)
                    : L.latLngBounds(own.getSouthWest(), own.getNorthEast());
            });
            var pane = map.createPane({{ this.pane|tojson }});
            pane.style.zIndex = 450;
            pane.style.pointerEvents = "none";
            var halo = L.geoJson(null, {pane: {{ this.pane|tojson }}, interactive: false,
                                        style: function () { return {{ this.halo_style|tojson }}; }}
                                 ).addTo(map);
            var outline = L.geoJson(null, {pane: {{ this.pane|tojson }}, interactive: false,
                                           style: function () { return {{ this.style|tojson }}; }}
                                    ).addTo(map);
            var state = {shown: null, clicks: 0,
                         id: Date.now().toString(36) + Math.random().toString(36).slice(2)};
            window.coverageSelection = state;
            function show(code, fit) {
                if (code === state.shown) { return; }
                state.shown = code;
                halo.clearLayers();
                outline.clearLayers();
                var layer = code === null ? undefined : byCode[code];
                if (layer === undefined) { return; }
                // The shape only: no properties, so nothing takes the outline for the
                // municipality itself.
                var shape = {type: "Feature", properties: {}, geometry: layer.feature.geometry};
                halo.addData(shape);
                outline.addData(shape);
                if (fit) {  // the municipality with its whole safety region
                    map.fitBounds(regionBounds[layer.feature.properties.region],
                                  {padding: {{ this.padding|tojson }},
                                   maxZoom: {{ this.max_zoom|tojson }}});
                }
            }
            municipalities.on("click", function (event) {
                var code = event.layer && event.layer.feature
                    && event.layer.feature.properties.code;
                if (!code) { return; }
                {%- if this.outline_clicks %}
                show(code, false);
                {%- endif %}
                state.clicks += 1;
                window.parent.postMessage({
                    isStreamlitMessage: true, type: "streamlit:setComponentValue",
                    dataType: "json",
                    value: {code: code, click: state.id + "-" + state.clicks}
                }, "*");
            });
            var seen, loading = true;
            function follow() {
                var wanted = null;
                try {
                    wanted = new URLSearchParams(window.parent.location.search)
                        .get({{ this.parameter|tojson }});
                } catch (error) { wanted = null; }
                if (wanted === seen) { return; }
                seen = wanted;
                if (wanted === null) { show(null, false); }
                else if (Object.prototype.hasOwnProperty.call(byCode, wanted)) {
                    show(wanted, loading ? {{ this.fit_on_load|tojson }} : {{ this.fit|tojson }});
                }
            }
            // A session's first page waits for the map before it draws the rest: say when
            // the polygons are on the screen (once per frame, while the page shows the mark),
            // after the frame that paints them.
            var reported = false;
            function polygonsShown() {
                var found = false;
                municipalities.eachLayer(function (layer) {
                    if (found || !layer._path) { return; }
                    var box = layer._path.getBoundingClientRect();
                    found = box.width > 0 && box.height > 0;
                });
                return found;
            }
            function reportDrawn() {
                if (reported) { return; }
                var waiting = null, mark = {{ this.waiting_selector|tojson }};
                try { waiting = window.parent.document.querySelector(mark); }
                catch (error) { waiting = null; }
                if (!waiting || !polygonsShown()) { return; }
                reported = true;
                window.requestAnimationFrame(function () {
                    window.setTimeout(function () {
                        window.parent.postMessage({
                            isStreamlitMessage: true, type: "streamlit:setComponentValue",
                            dataType: "json", value: {drawn: state.id}
                        }, "*");
                    }, 0);
                });
            }
            follow();
            loading = false;
            window.requestAnimationFrame(function () { window.setTimeout(reportDrawn, 0); });
            window.setInterval(function () { follow(); reportDrawn(); },
                               {{ this.poll_ms|tojson }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, municipalities: StyledGeoJson, *, fit: bool = True,
                 fit_on_load: bool | None = None, max_zoom: int = 10,
                 padding: tuple[int, int] = (8, 8),
                 halo_style: Mapping[str, Any] = SELECTED_HALO_STYLE,
                 style: Mapping[str, Any] = SELECTED_STYLE,
                 outline_clicks: bool = True) -> None:
        """Args:
            municipalities: The layer whose features (``properties.code``) can be selected.
            fit: Fit the map to the safety region of a municipality selected by search or link
                (a clicked one is already in view).
            fit_on_load: The same for the selection the page has when the map loads (default:
                ``fit``); false when the map was fitted to something else on purpose.
            max_zoom: The most the map zooms in when fitting.
            padding: Pixels kept free around a fitted municipality.
            halo_style: Leaflet path options of the wide line under the outline.
            style: Leaflet path options of the outline.
            outline_clicks: Outline a clicked municipality at once (false where a click
                means something else, as on the proposal page).
        """
        super().__init__()
        self._name = "SelectionScript"
        self.municipalities = municipalities
        self.fit = fit
        self.fit_on_load = fit if fit_on_load is None else fit_on_load
        self.max_zoom = max_zoom
        self.padding = list(padding)
        self.halo_style = dict(halo_style)
        self.style = dict(style)
        self.pane = SELECTION_PANE
        self.parameter = URL_PARAMETER
        self.poll_ms = POLL_MS
        self.outline_clicks = outline_clicks
        self.waiting_selector = f".st-key-{WAITING_MARK}"
