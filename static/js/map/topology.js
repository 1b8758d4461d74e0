/* The map's topology in the browser: one TopoJSON object and a small decoder, no library
 * (ui/map/topology_script.py).
 *
 * `install(topology)` gives `features`: `features(name)` is object `name` as a GeoJSON
 * FeatureCollection; `features.outline(name, keep)` is the outline of the geometries whose
 * properties `keep` accepts (the arcs only one of them uses, as geodata.topology.outline_arcs)
 * as one MultiLineString feature. It decodes what ui/map/geojson.py writes: a quantized,
 * delta-encoded topology with (Multi)Polygon and (Multi)LineString geometries, in a
 * GeometryCollection or alone.
 */
(function () {
  "use strict";

  /** The arcs as absolute [longitude, latitude] points. */
  function decodeArcs(topology) {
    const scale = topology.transform.scale, move = topology.transform.translate;
    const kx = Math.round(1 / scale[0]), ky = Math.round(1 / scale[1]);
    return topology.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map((step) => {
        x += step[0];
        y += step[1];
        return [x / kx + move[0], y / ky + move[1]];
      });
    });
  }

  function install(topology) {
    const arcs = decodeArcs(topology);
    function line(indices) {
      const points = [];
      indices.forEach((index) => {
        const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
        Array.prototype.push.apply(points, points.length ? arc.slice(1) : arc);
      });
      return points;
    }
    function rings(polygon) { return polygon.map(line); }
    const decode = {
      LineString: line,
      MultiLineString: (lines) => lines.map(line),
      Polygon: rings,
      MultiPolygon: (polygons) => polygons.map(rings),
    };
    function features(name) {
      const object = topology.objects[name];
      const geometries = object.type === "GeometryCollection" ? object.geometries : [object];
      return {type: "FeatureCollection", features: geometries.map((geometry) => ({
        type: "Feature", properties: geometry.properties || {},
        geometry: {type: geometry.type, coordinates: decode[geometry.type](geometry.arcs)},
      }))};
    }
    features.outline = function (name, keep) {
      const users = {};
      topology.objects[name].geometries.forEach((geometry) => {
        if (!keep(geometry.properties || {})) { return; }
        const own = {};
        geometry.arcs.forEach((polygon) => {
          polygon.forEach((ring) => {
            ring.forEach((index) => { own[index < 0 ? ~index : index] = true; });
          });
        });
        Object.keys(own).forEach((arc) => { users[arc] = (users[arc] || 0) + 1; });
      });
      const lines = Object.keys(users).filter((arc) => users[arc] === 1)
        .map((arc) => line([+arc]));
      return {type: "Feature", properties: {},
              geometry: {type: "MultiLineString", coordinates: lines}};
    };
    return features;
  }

  const api = {decodeArcs, install};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).topology = api;
  }
})();
