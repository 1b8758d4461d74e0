/* Municipality names on the map once it is zoomed in far enough to read them
 * (ui/map/labels_script.py).
 *
 * From `config.minZoom` on, each municipality's name is written at its point (`config.points`:
 * latitude, longitude, latitude, … in whole 1/`config.scale` degrees, in the order of the
 * layer's municipalities) in a pane of its own (`config.pane`) that takes no clicks or taps.
 * The names are the layer's own `name` properties, escaped on the way in (ui/map/geojson.py).
 */
(function () {
  "use strict";

  /** [latitude, longitude] of the `position`-th municipality's name, or null past the end. */
  function labelPoint(points, position, scale) {
    const i = 2 * position;
    return i + 1 >= points.length ? null : [points[i] / scale, points[i + 1] / scale];
  }

  /** Whether the names show at `zoom`. */
  function shownAt(zoom, minZoom) {
    return zoom >= minZoom;
  }

  function install(map, municipalities, config) {
    const pane = map.createPane(config.pane);
    pane.style.zIndex = 460;
    pane.style.pointerEvents = "none";
    const names = L.layerGroup();
    let built = false;
    function build() {
      let position = 0;  // the layers come in the order of the points
      municipalities.eachLayer((layer) => {
        const at = labelPoint(config.points, position++, config.scale);
        if (at === null) { return; }
        names.addLayer(L.marker(at, {
          pane: config.pane, interactive: false, keyboard: false,
          icon: L.divIcon({className: "", iconSize: null,
                           html: "<div class='coverage-label'>"
                                 + layer.feature.properties.name + "</div>"})}));
      });
      built = true;
    }
    const state = {shown: false, minZoom: config.minZoom};
    window.coverageLabels = state;
    function follow() {
      const wanted = shownAt(map.getZoom(), state.minZoom);
      if (wanted === state.shown) { return; }
      if (wanted && !built) { build(); }
      if (wanted) { names.addTo(map); } else { names.remove(); }
      state.shown = wanted;
    }
    map.on("zoomend", follow);
    follow();
  }

  const api = {install, labelPoint, shownAt};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).labels = api;
  }
})();
