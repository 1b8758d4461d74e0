/* The layer's tooltip kept inside the map, never cut off at its edges
 * (ui/map/tooltip_script.py).
 *
 * Wraps the tooltip's placement (L.Tooltip._setPosition of the Leaflet in static/, 1.9.3):
 * after Leaflet has placed it, the tooltip is moved back inside the map's container with
 * `config.margin` pixels to spare, and it is never wider than the map (its lines wrap). A click
 * on a municipality hides the tooltip until the pointer leaves it.
 */
(function () {
  "use strict";

  /** The widest the tooltip may be in a map `width` pixels wide. */
  function room(width, margin) {
    return Math.max(width - 2 * margin, 60);
  }

  /** How far to move a tooltip at `rect` to bring it inside `box` with `margin` to spare
   * (its top left corner wins when it is larger than the box). */
  function nudge(box, rect, margin) {
    return {
      dx: Math.max(box.left + margin - rect.left, Math.min(0, box.right - margin - rect.right)),
      dy: Math.max(box.top + margin - rect.top, Math.min(0, box.bottom - margin - rect.bottom)),
    };
  }

  function install(map, layer, config) {
    const tooltip = layer.getTooltip();
    if (!tooltip) { return; }
    const margin = config.margin, place = tooltip._setPosition;
    tooltip._setPosition = function (position) {
      const container = this._container, box = map.getContainer().getBoundingClientRect();
      const widest = room(box.width, margin);
      container.style.maxWidth = "";
      container.style.whiteSpace = "";
      if (container.offsetWidth > widest) {  // wrap only what does not fit
        container.style.maxWidth = widest + "px";
        container.style.whiteSpace = "normal";
      }
      place.call(this, position);
      const move = nudge(box, container.getBoundingClientRect(), margin);
      if (move.dx !== 0 || move.dy !== 0) {
        L.DomUtil.setPosition(container,
                              L.DomUtil.getPosition(container).add(L.point(move.dx, move.dy)));
      }
    };
    // A click (a tap) selects the municipality under it: the tooltip would cover it, so it
    // hides until the pointer leaves that municipality.
    function show(visible) {
      const container = tooltip.getElement && tooltip.getElement();
      if (container) { container.style.visibility = visible ? "" : "hidden"; }
    }
    layer.on("click", () => show(false));
    layer.on("mouseout", () => show(true));
  }

  const api = {install, nudge, room};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).tooltip = api;
  }
})();
