/* A GeoJSON layer styled by one feature property (ui/map/styled_geojson.py).
 *
 * `config`: `styles` (key → Leaflet path options), `defaultStyle` (for a feature whose key is
 * missing or unknown), `styleProperty` (the property holding the key) and `hoverStyle` (set
 * while the pointer is over a feature, or null). `options` are more L.geoJson options (they win
 * over these).
 */
(function () {
  "use strict";

  /** The path options of a feature with these properties. */
  function styleFor(properties, config) {
    const key = (properties || {})[config.styleProperty];
    return Object.prototype.hasOwnProperty.call(config.styles, key)
      ? config.styles[key] : config.defaultStyle;
  }

  /** An empty L.geoJson layer styled by `config`; the caller adds the data. */
  function install(config, options) {
    let layer = null;
    const own = {style: (feature) => styleFor(feature.properties, config)};
    if (config.hoverStyle) {
      own.onEachFeature = (feature, each) => {
        each.on({
          mouseover: function (e) { e.target.setStyle(config.hoverStyle); },
          mouseout: function (e) { layer.resetStyle(e.target); },
        });
      };
    }
    layer = L.geoJson(null, Object.assign(own, options));
    return layer;
  }

  const api = {install, styleFor};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).layer = api;
  }
})();
