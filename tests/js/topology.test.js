"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const topology = require("../../static/js/map/topology.js");

// Two unit squares side by side sharing one arc (arc 1), quantized at 1/10 degree, and a
// line over both, as ui/map/geojson.py writes them (delta-encoded arcs).
const TOPOLOGY = {
  type: "Topology",
  transform: {scale: [0.1, 0.1], translate: [4, 52]},
  arcs: [
    [[10, 0], [-10, 0], [0, 10], [10, 0]],  // (5,52) → (4,52) → (4,53) → (5,53)
    [[10, 10], [0, -10]],  // (5,53) → (5,52): the shared side
    [[10, 10], [10, 0], [0, -10], [-10, 0]],  // (5,53) → (6,53) → (6,52) → (5,52)
    [[0, 5], [20, 0]],  // (4,52.5) → (6,52.5)
  ],
  objects: {
    municipalities: {type: "GeometryCollection", geometries: [
      {type: "MultiPolygon", arcs: [[[0, 1]]], properties: {code: "GM0001", region: "A"}},
      {type: "MultiPolygon", arcs: [[[2, ~1]]], properties: {code: "GM0002", region: "B"}},
    ]},
    line: {type: "LineString", arcs: [3]},
  },
};

test("arcs decode to absolute points", () => {
  assert.deepEqual(topology.decodeArcs(TOPOLOGY)[0], [[5, 52], [4, 52], [4, 53], [5, 53]]);
});

test("an object decodes to GeoJSON features; a reversed arc runs backwards", () => {
  const features = topology.install(TOPOLOGY);
  const collection = features("municipalities");
  assert.equal(collection.type, "FeatureCollection");
  assert.deepEqual(collection.features.map((feature) => feature.properties.code),
                   ["GM0001", "GM0002"]);
  assert.deepEqual(collection.features[0].geometry, {type: "MultiPolygon", coordinates: [[[
    [5, 52], [4, 52], [4, 53], [5, 53], [5, 52]]]]});
  assert.deepEqual(collection.features[1].geometry.coordinates[0][0],
                   [[5, 53], [6, 53], [6, 52], [5, 52], [5, 53]]);
  assert.deepEqual(features("line").features[0], {type: "Feature", properties: {},
    geometry: {type: "LineString", coordinates: [[4, 52.5], [6, 52.5]]}});
});

test("an outline keeps the arcs only one kept geometry uses", () => {
  const features = topology.install(TOPOLOGY);
  const one = features.outline("municipalities", (properties) => properties.region === "A");
  assert.deepEqual(one.geometry.coordinates, [[[5, 52], [4, 52], [4, 53], [5, 53]],
                                              [[5, 53], [5, 52]]]);
  const both = features.outline("municipalities", () => true);
  assert.equal(both.geometry.type, "MultiLineString");
  assert.equal(both.geometry.coordinates.length, 2);  // the shared side is not an outline
  assert.deepEqual(features.outline("municipalities", () => false).geometry.coordinates, []);
});
