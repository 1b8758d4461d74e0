/* The region chosen in the gaps view, outlined and fitted by the map itself
 * (ui/map/focus_script.py).
 *
 * The page's address names the region by one of `config.parameters` ([kind, parameter], most
 * specific first; the value is a safety-region code, a police unit's or a province's name).
 * The map fits the region's municipalities and outlines the region (the arcs only one of its
 * municipalities uses, from the map's topology) in a pane of its own under the selection's;
 * when the region is cleared the outline goes and the map returns to the whole country.
 *
 * `config`: regions (safety-region code → [the municipalities' `region` property, province,
 * police unit]), parameters, object (the municipalities' object in the topology), pane,
 * haloStyle, style, padding, pollMs.
 */
(function () {
  "use strict";

  /** [kind, value] of the first of `parameters` in `search`, or null. */
  function wantedFocus(search, parameters) {
    if (search === null) { return null; }
    const query = new URLSearchParams(search);
    for (const [kind, name] of parameters) {
      const value = query.get(name);
      if (value !== null) { return [kind, value]; }
    }
    return null;
  }

  /** The `region` properties (as keys of an object) of the safety regions in the region. */
  function regionNames(regions, kind, value) {
    const column = {safety_region: -1, province: 1, police_unit: 2}[kind], chosen = {};
    Object.keys(regions).forEach((code) => {
      if (column === -1 ? code === value : regions[code][column] === value) {
        chosen[regions[code][0]] = true;
      }
    });
    return chosen;
  }

  function install(map, municipalities, topology, config) {
    const pane = map.createPane(config.pane);
    pane.style.zIndex = 440;
    pane.style.pointerEvents = "none";
    function line(style) {
      return L.geoJson(null, {pane: config.pane, interactive: false, style: () => style})
        .addTo(map);
    }
    const halo = line(config.haloStyle), outline = line(config.style);
    const padding = {padding: config.padding};
    const state = {shown: null};
    window.coverageFocus = state;
    function show(focus) {
      halo.clearLayers();
      outline.clearLayers();
      const had = state.shown;
      state.shown = null;
      const chosen = focus === null ? {} : regionNames(config.regions, focus[0], focus[1]);
      let bounds = null;
      municipalities.eachLayer((layer) => {
        if (chosen[layer.feature.properties.region] !== true) { return; }
        const own = layer.getBounds();
        bounds = bounds === null
          ? L.latLngBounds(own.getSouthWest(), own.getNorthEast())
          : bounds.extend(own);
      });
      if (bounds === null) {
        if (had !== null) {
          map.fitBounds(municipalities.getBounds(), padding);
        }
        return;
      }
      function keep(properties) { return chosen[properties.region] === true; }
      const shape = topology.outline(config.object, keep);
      halo.addData(shape);
      outline.addData(shape);
      state.shown = focus[0] + ":" + focus[1];
      map.fitBounds(bounds, padding);
    }
    let seen = null;
    function follow(search) {
      const focus = wantedFocus(search, config.parameters);
      const key = focus === null ? null : focus.join(":");
      if (key === seen) { return; }
      seen = key;
      show(focus);
    }
    window.coverageScripts.address.watch(window, follow, config.pollMs);
  }

  const api = {install, regionNames, wantedFocus};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).focus = api;
  }
})();
