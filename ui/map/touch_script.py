"""The map on a touch screen: one finger scrolls the page, two move the map, a tap selects the
municipality under the finger.

Done by the map's own script (no plugin, nothing downloaded), on the Leaflet in ``static/``
(1.9.3, :data:`ui.map.offline.LEAFLET_VERSION`), as Leaflet's gesture-handling plugins do:

- **Scrolling.** On a device with a touch screen the map's container gets ``touch-action:
  pan-y``, so a one-finger swipe is the browser's own: the page scrolls (the map's frame does
  not scroll, so the scroll passes to the page). Leaflet's one-finger dragging is switched off
  as a touch begins (and on again when a mouse button goes down, for a laptop with a touch
  screen). Two fingers pinch and move the map (Leaflet's touch zoom, which also pans); a
  two-finger move is kept from scrolling the page. A one-finger swipe on the map shows
  :attr:`TouchScript.hint` ("two fingers to move the map") for a moment.
- **Tapping.** Chromium moves a tap to the "best" clickable element within the finger's reach,
  judged by bounding boxes: at the opening zoom on a phone (municipalities 12 to 27 px wide) a
  tap in the middle of Dordrecht went to Sliedrecht, whose box lies inside Dordrecht's. So a
  short tap (moved at most :data:`TAP_TOLERANCE_PX`) is resolved here: the municipality whose
  polygon holds the point under the finger gets Leaflet's ``click`` (as a mouse click gives
  it, so :mod:`ui.map.selection_script` and :mod:`ui.map.proposal_script` take it as they
  take a click), and the browser's own click is cancelled.
"""

from __future__ import annotations

from typing import Final

from branca.element import MacroElement
from folium.template import Template

from ui.map.styled_geojson import StyledGeoJson

__all__ = ["HINT_MS", "TAP_MS", "TAP_TOLERANCE_PX", "TouchScript"]

TAP_TOLERANCE_PX: Final = 10
"""The most a finger may move between touching and lifting for a tap."""
TAP_MS: Final = 600
"""The longest touch that is still a tap."""
HINT_MS: Final = 1500
"""How long the hint shows after a one-finger swipe on the map."""


class TouchScript(MacroElement):
    """Gesture handling and exact taps for the municipalities' layer. Add it after the layer."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .coverage-touch-hint {position: absolute; inset: 0; z-index: 1000; display: flex;
            align-items: center; justify-content: center; pointer-events: none;
            background: rgba(0, 0, 0, 0.45); color: #fff; font: 600 16px/1.3 sans-serif;
            text-align: center; padding: 1rem; opacity: 0; transition: opacity 0.2s;}
        .coverage-touch-hint.shown {opacity: 1;}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var municipalities = {{ this.municipalities.get_name() }};
            var container = map.getContainer();
            var state = {touch: navigator.maxTouchPoints > 0 || "ontouchstart" in window,
                         taps: 0, tapped: null};
            window.coverageTouch = state;
            if (!state.touch) { return; }
            container.style.touchAction = "pan-y";
            var hint = L.DomUtil.create("div", "coverage-touch-hint", container);
            hint.innerHTML = {{ this.hint|tojson }};  // escaped on the way in
            hint.setAttribute("aria-hidden", "true");
            var hintTimer = null;
            function showHint() {
                if (!hint.innerHTML) { return; }
                L.DomUtil.addClass(hint, "shown");
                window.clearTimeout(hintTimer);
                hintTimer = window.setTimeout(function () {
                    L.DomUtil.removeClass(hint, "shown");
                }, {{ this.hint_ms|tojson }});
            }
            function hideHint() {
                window.clearTimeout(hintTimer);
                L.DomUtil.removeClass(hint, "shown");
            }
            function rings(latlngs, into) {  // the rings of a (multi)polygon, flattened
                if (latlngs.length && latlngs[0] && latlngs[0].lat !== undefined) {
                    into.push(latlngs);
                } else {
                    latlngs.forEach(function (part) { rings(part, into); });
                }
                return into;
            }
            function holds(layer, point) {  // even-odd rule over every ring
                var inside = false;
                rings(layer.getLatLngs(), []).forEach(function (ring) {
                    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                        var a = ring[i], b = ring[j];
                        if ((a.lat > point.lat) !== (b.lat > point.lat)
                            && point.lng < (b.lng - a.lng) * (point.lat - a.lat)
                                / (b.lat - a.lat) + a.lng) {
                            inside = !inside;
                        }
                    }
                });
                return inside;
            }
            function under(latlng) {
                var found = null;
                municipalities.eachLayer(function (layer) {
                    if (found === null && layer.getBounds().contains(latlng)
                        && holds(layer, latlng)) {
                        found = layer;
                    }
                });
                return found;
            }
            var start = null;
            container.addEventListener("touchstart", function (event) {
                // One finger is the page's: Leaflet must not drag the map with it.
                if (map.dragging.enabled()) { map.dragging.disable(); }
                if (event.touches.length === 1) {
                    var touch = event.touches[0];
                    start = {x: touch.clientX, y: touch.clientY, at: Date.now(), moved: false};
                } else {
                    start = null;
                    hideHint();
                }
            }, {capture: true, passive: true});
            container.addEventListener("mousedown", function () {
                if (!map.dragging.enabled()) { map.dragging.enable(); }
            }, {capture: true, passive: true});
            container.addEventListener("touchmove", function (event) {
                if (event.touches.length > 1) {  // two fingers move the map, not the page
                    if (event.cancelable) { event.preventDefault(); }
                    return;
                }
                if (start === null) { return; }
                var touch = event.touches[0];
                if (Math.abs(touch.clientX - start.x) > {{ this.tolerance|tojson }}
                    || Math.abs(touch.clientY - start.y) > {{ this.tolerance|tojson }}) {
                    if (!start.moved) { showHint(); }
                    start.moved = true;
                }
            }, {capture: true, passive: false});
            container.addEventListener("touchend", function (event) {
                var began = start;
                start = null;
                if (began === null || began.moved || event.touches.length > 0
                    || Date.now() - began.at > {{ this.tap_ms|tojson }}) { return; }
                var touch = event.changedTouches[0], box = container.getBoundingClientRect();
                var containerPoint = L.point(touch.clientX - box.left, touch.clientY - box.top);
                var latlng = map.containerPointToLatLng(containerPoint);
                var layer = under(latlng);
                if (layer === null) { return; }
                if (event.cancelable) { event.preventDefault(); }  // no click of the browser's
                state.taps += 1;
                state.tapped = layer.feature.properties.code;
                layer.fire("click", {latlng: latlng, containerPoint: containerPoint,
                                     layerPoint: map.containerPointToLayerPoint(containerPoint),
                                     originalEvent: event}, true);
            }, {capture: true, passive: false});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, municipalities: StyledGeoJson, hint: str = "",
                 tolerance: int = TAP_TOLERANCE_PX, tap_ms: int = TAP_MS,
                 hint_ms: int = HINT_MS) -> None:
        """Args:
            municipalities: The layer whose features (``properties.code``) a tap selects.
            hint: Shown over the map after a one-finger swipe on it (the reader's language,
                HTML-escaped like every text on the map); none when empty.
            tolerance: :data:`TAP_TOLERANCE_PX`.
            tap_ms: :data:`TAP_MS`.
            hint_ms: :data:`HINT_MS`.
        """
        super().__init__()
        self._name = "TouchScript"
        self.municipalities = municipalities
        self.hint = hint
        self.tolerance = tolerance
        self.tap_ms = tap_ms
        self.hint_ms = hint_ms
