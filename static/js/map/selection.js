/* The selected municipality drawn by the map itself (ui/map/selection_script.py).
 *
 * The map outlines the municipality the page's address names (`config.parameter`), fitting
 * the map to its whole safety region; it hears of a new address through
 * coverageScripts.address. A click outlines at once (unless `config.outlineClicks` is false)
 * and is sent to the app as the component's value {code, click}, `click` new for every click.
 * While the page shows the first screen's mark (`config.waitingSelector`), the map sends
 * {drawn: <frame id>} once its polygons are on the screen.
 *
 * `config`: parameter, pane, haloStyle, style, padding, maxZoom, fit, fitOnLoad,
 * outlineClicks, waitingSelector, pollMs, drawnRetryMs, drawnWaitMs.
 */
(function () {
  "use strict";

  /** What the address asks of the map: {show: code} (null: no selection), or null when it
   * names a code the map does not know (the outline stays as it is). */
  function decide(wanted, known) {
    if (wanted === null) { return {show: null}; }
    return Object.prototype.hasOwnProperty.call(known, wanted) ? {show: wanted} : null;
  }

  /** A frame's id: new for every frame (a time and a random number, base 36). */
  function frameId(now, random) {
    return now.toString(36) + random.toString(36).slice(2);
  }

  /** The code of the municipality a Leaflet click event is on, or undefined. */
  function clickedCode(event) {
    return event.layer && event.layer.feature && event.layer.feature.properties.code;
  }

  /** The component's value: a message to the page, as streamlit-component-lib sends it. */
  function componentValue(value) {
    return {isStreamlitMessage: true, type: "streamlit:setComponentValue", dataType: "json",
            value: value};
  }

  function install(map, municipalities, config) {
    const byCode = {}, regionBounds = {};
    municipalities.eachLayer((layer) => {
      const properties = layer.feature.properties, own = layer.getBounds();
      byCode[properties.code] = layer;
      regionBounds[properties.region] = properties.region in regionBounds
        ? regionBounds[properties.region].extend(own)
        : L.latLngBounds(own.getSouthWest(), own.getNorthEast());
    });
    const pane = map.createPane(config.pane);
    pane.style.zIndex = 450;
    pane.style.pointerEvents = "none";
    function line(style) {
      return L.geoJson(null, {pane: config.pane, interactive: false, style: () => style})
        .addTo(map);
    }
    const halo = line(config.haloStyle), outline = line(config.style);
    const state = {shown: null, clicks: 0, id: frameId(Date.now(), Math.random())};
    window.coverageSelection = state;
    function show(code, fit) {
      if (code === state.shown) { return; }
      state.shown = code;
      halo.clearLayers();
      outline.clearLayers();
      const layer = code === null ? undefined : byCode[code];
      if (layer === undefined) { return; }
      // The shape only: no properties, so nothing takes the outline for the municipality.
      const shape = {type: "Feature", properties: {}, geometry: layer.feature.geometry};
      halo.addData(shape);
      outline.addData(shape);
      if (fit) {  // the municipality with its whole safety region
        map.fitBounds(regionBounds[layer.feature.properties.region],
                      {padding: config.padding, maxZoom: config.maxZoom});
      }
    }
    municipalities.on("click", (event) => {
      const code = clickedCode(event);
      if (!code) { return; }
      if (config.outlineClicks) { show(code, false); }
      state.clicks += 1;
      window.parent.postMessage(componentValue({code: code, click: state.id + "-" + state.clicks}),
                                "*");
    });
    let seen, loading = true;
    function follow(search) {
      const wanted = window.coverageScripts.address.parameter(search, config.parameter);
      if (wanted === seen) { return; }
      seen = wanted;
      const wish = decide(wanted, byCode);
      if (wish !== null) { show(wish.show, loading ? config.fitOnLoad : config.fit); }
    }
    window.coverageScripts.address.watch(window, follow, config.pollMs);
    loading = false;

    // A session's first page waits for the map before it draws the rest: say when the
    // polygons are on the screen (once per frame, while the page shows the mark), after the
    // frame that paints them. Tried after the first frame, then every drawnRetryMs for at most
    // drawnWaitMs (the frame's height comes a moment later; the mark lasts one run).
    let reported = false;
    function polygonsShown() {
      let found = false;
      municipalities.eachLayer((layer) => {
        if (found || !layer._path) { return; }
        const box = layer._path.getBoundingClientRect();
        found = box.width > 0 && box.height > 0;
      });
      return found;
    }
    function reportDrawn() {
      if (reported) { return; }
      let waiting = null;
      try {
        waiting = window.parent.document.querySelector(config.waitingSelector);
      } catch {
        waiting = null;
      }
      if (!waiting || !polygonsShown()) { return; }
      reported = true;
      window.requestAnimationFrame(() => {
        window.setTimeout(() => {
          window.parent.postMessage(componentValue({drawn: state.id}), "*");
        }, 0);
      });
    }
    const started = Date.now();
    function retry() {
      reportDrawn();
      if (!reported && Date.now() - started < config.drawnWaitMs) {
        window.setTimeout(retry, config.drawnRetryMs);
      }
    }
    window.requestAnimationFrame(() => { window.setTimeout(retry, 0); });
  }

  const api = {clickedCode, componentValue, decide, frameId, install};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).selection = api;
  }
})();
