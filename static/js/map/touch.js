/* The map on a touch screen: one finger scrolls the page, two move the map, a tap selects
 * the municipality under the finger (ui/map/touch_script.py).
 *
 * On a device with a touch screen the map's container gets `touch-action: pan-y` and
 * Leaflet's one-finger dragging is switched off as a touch begins (on again when a mouse
 * button goes down); a two-finger move is kept from scrolling the page; a one-finger swipe
 * on the map shows `config.hint` for `config.hintMs`. A short tap (moved at most
 * `config.tolerance` pixels, at most `config.tapMs` long) gives the municipality whose polygon
 * holds the point under the finger Leaflet's `click`, and the browser's own click is
 * cancelled.
 */
(function () {
  "use strict";

  /** The rings of a (multi)polygon's latlngs (Leaflet's nesting), flattened. */
  function rings(latlngs, into) {
    const found = into || [];
    if (latlngs.length && latlngs[0] && latlngs[0].lat !== undefined) {
      found.push(latlngs);
    } else {
      latlngs.forEach((part) => rings(part, found));
    }
    return found;
  }

  /** Whether `point` ({lat, lng}) lies inside the rings, by the even-odd rule over all. */
  function holds(allRings, point) {
    let inside = false;
    allRings.forEach((ring) => {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i], b = ring[j];
        if ((a.lat > point.lat) !== (b.lat > point.lat)
            && point.lng < (b.lng - a.lng) * (point.lat - a.lat) / (b.lat - a.lat) + a.lng) {
          inside = !inside;
        }
      }
    });
    return inside;
  }

  /** Whether a finger at (x, y) has moved more than `tolerance` from where it began. */
  function movedAway(began, x, y, tolerance) {
    return Math.abs(x - began.x) > tolerance || Math.abs(y - began.y) > tolerance;
  }

  /** Whether a touch that began as `began` (or null) and ended at `now` with `left` fingers
   * still down was a tap. */
  function isTap(began, left, now, tapMs) {
    return began !== null && !began.moved && left === 0 && now - began.at <= tapMs;
  }

  function install(map, municipalities, config) {
    const container = map.getContainer();
    const state = {touch: navigator.maxTouchPoints > 0 || "ontouchstart" in window,
                   taps: 0, tapped: null};
    window.coverageTouch = state;
    if (!state.touch) { return; }
    container.style.touchAction = "pan-y";
    const hint = L.DomUtil.create("div", "coverage-touch-hint", container);
    hint.innerHTML = config.hint;  // escaped on the way in
    hint.setAttribute("aria-hidden", "true");
    let hintTimer = null;
    function showHint() {
      if (!hint.innerHTML) { return; }
      L.DomUtil.addClass(hint, "shown");
      window.clearTimeout(hintTimer);
      hintTimer = window.setTimeout(() => L.DomUtil.removeClass(hint, "shown"), config.hintMs);
    }
    function hideHint() {
      window.clearTimeout(hintTimer);
      L.DomUtil.removeClass(hint, "shown");
    }
    function under(latlng) {
      let found = null;
      municipalities.eachLayer((layer) => {
        if (found === null && layer.getBounds().contains(latlng)
            && holds(rings(layer.getLatLngs()), latlng)) {
          found = layer;
        }
      });
      return found;
    }
    let start = null;
    container.addEventListener("touchstart", (event) => {
      // One finger is the page's: Leaflet must not drag the map with it.
      if (map.dragging.enabled()) { map.dragging.disable(); }
      if (event.touches.length === 1) {
        const touch = event.touches[0];
        start = {x: touch.clientX, y: touch.clientY, at: Date.now(), moved: false};
      } else {
        start = null;
        hideHint();
      }
    }, {capture: true, passive: true});
    container.addEventListener("mousedown", () => {
      if (!map.dragging.enabled()) { map.dragging.enable(); }
    }, {capture: true, passive: true});
    container.addEventListener("touchmove", (event) => {
      if (event.touches.length > 1) {  // two fingers move the map, not the page
        if (event.cancelable) { event.preventDefault(); }
        return;
      }
      if (start === null) { return; }
      const touch = event.touches[0];
      if (movedAway(start, touch.clientX, touch.clientY, config.tolerance)) {
        if (!start.moved) { showHint(); }
        start.moved = true;
      }
    }, {capture: true, passive: false});
    container.addEventListener("touchend", (event) => {
      const began = start;
      start = null;
      if (!isTap(began, event.touches.length, Date.now(), config.tapMs)) { return; }
      const touch = event.changedTouches[0], box = container.getBoundingClientRect();
      const containerPoint = L.point(touch.clientX - box.left, touch.clientY - box.top);
      const latlng = map.containerPointToLatLng(containerPoint);
      const layer = under(latlng);
      if (layer === null) { return; }
      if (event.cancelable) { event.preventDefault(); }  // no click of the browser's
      state.taps += 1;
      state.tapped = layer.feature.properties.code;
      layer.fire("click", {latlng: latlng, containerPoint: containerPoint,
                           layerPoint: map.containerPointToLayerPoint(containerPoint),
                           originalEvent: event}, true);
    }, {capture: true, passive: false});
  }

  const api = {holds, install, isTap, movedAway, rings};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).touch = api;
  }
})();
