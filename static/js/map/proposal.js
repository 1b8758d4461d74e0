/* The proposal drawn by the map itself, from the page's address (ui/map/proposal_script.py).
 *
 * The proposal page writes the proposal's municipality codes into the address
 * (`config.parameter`, comma-separated); the map draws them hatched with a black outline in a
 * pane of their own under the selection. A click toggles the clicked municipality at once,
 * before the server answers; the address then confirms it. The map fits the proposal when the
 * page loads and when municipalities are added other than by a click.
 *
 * `config`: parameter, pane, patternId, hatch ({color, width, spacing}), style, padding,
 * maxZoom, pollMs.
 */
(function () {
  "use strict";

  /** The codes in the parameter's text ("GM0599,GM0505"); none for null or "". */
  function parseCodes(text) {
    return (text || "").split(",").filter((code) => code !== "");
  }

  /** `codes` with `code` taken out when in it, else added at the end (a new list). */
  function toggled(codes, code) {
    const next = codes.slice();
    const at = next.indexOf(code);
    if (at >= 0) { next.splice(at, 1); } else { next.push(code); }
    return next;
  }

  /** The codes of `codes` not in `before`, the clicked one apart (it is in view already). */
  function added(before, codes, clicked) {
    return codes.filter((code) => before.indexOf(code) < 0 && code !== clicked);
  }

  /** The codes of `codes` the map knows, each once, in their order. */
  function shownCodes(codes, known) {
    const shown = [];
    codes.forEach((code) => {
      if (Object.prototype.hasOwnProperty.call(known, code) && shown.indexOf(code) < 0) {
        shown.push(code);
      }
    });
    return shown;
  }

  /** The SVG hatch pattern that fills the proposal's municipalities, in the document. */
  function addPattern(document, id, hatch) {
    const ns = "http://www.w3.org/2000/svg";
    const holder = document.createElementNS(ns, "svg");
    holder.setAttribute("width", "0");
    holder.setAttribute("height", "0");
    holder.setAttribute("aria-hidden", "true");
    holder.style.position = "absolute";
    const pattern = document.createElementNS(ns, "pattern");
    pattern.setAttribute("id", id);
    pattern.setAttribute("patternUnits", "userSpaceOnUse");
    pattern.setAttribute("width", hatch.spacing);
    pattern.setAttribute("height", hatch.spacing);
    pattern.setAttribute("patternTransform", "rotate(45)");
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", "0");
    line.setAttribute("y1", "0");
    line.setAttribute("x2", "0");
    line.setAttribute("y2", hatch.spacing);
    line.setAttribute("stroke", hatch.color);
    line.setAttribute("stroke-width", hatch.width);
    pattern.appendChild(line);
    const defs = document.createElementNS(ns, "defs");
    defs.appendChild(pattern);
    holder.appendChild(defs);
    document.body.appendChild(holder);
  }

  function install(map, municipalities, config) {
    const byCode = {};
    municipalities.eachLayer((layer) => {
      byCode[layer.feature.properties.code] = layer;
    });
    addPattern(document, config.patternId, config.hatch);
    const pane = map.createPane(config.pane);
    pane.style.zIndex = 440;
    pane.style.pointerEvents = "none";
    const drawn = L.geoJson(null, {pane: config.pane, interactive: false,
                                   style: () => config.style}).addTo(map);
    const state = {codes: [], text: undefined, clicked: null};
    window.coverageProposal = state;
    function draw(codes, fit) {
      drawn.clearLayers();
      const shown = shownCodes(codes, byCode);
      shown.forEach((code) => {
        // The shape only: no properties, so nothing takes it for the municipality itself.
        drawn.addData({type: "Feature", properties: {},
                       geometry: byCode[code].feature.geometry});
      });
      state.codes = shown;
      if (fit && shown.length) {
        map.fitBounds(drawn.getBounds(), {padding: config.padding, maxZoom: config.maxZoom});
      }
    }
    municipalities.on("click", (event) => {
      const code = event.layer && event.layer.feature && event.layer.feature.properties.code;
      if (!code) { return; }
      state.clicked = code;
      draw(toggled(state.codes, code), false);
    });
    let loading = true;
    function follow(search) {
      const text = window.coverageScripts.address.parameter(search, config.parameter);
      if (text === state.text) { return; }
      state.text = text;
      const codes = parseCodes(text);
      draw(codes, loading || added(state.codes, codes, state.clicked).length > 0);
    }
    window.coverageScripts.address.watch(window, follow, config.pollMs);
    loading = false;
  }

  const api = {added, install, parseCodes, shownCodes, toggled};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).proposal = api;
  }
})();
