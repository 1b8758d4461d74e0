"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const touch = require("../../static/js/map/touch.js");

const at = (lat, lng) => ({lat, lng});
const SQUARE = [at(0, 0), at(0, 10), at(10, 10), at(10, 0)];
const HOLE = [at(4, 4), at(4, 6), at(6, 6), at(6, 4)];
const ISLAND = [at(20, 20), at(20, 22), at(22, 22), at(22, 20)];

test("Leaflet's nested latlngs flatten to rings", () => {
  assert.deepEqual(touch.rings(SQUARE), [SQUARE]);
  assert.deepEqual(touch.rings([SQUARE, HOLE]), [SQUARE, HOLE]);
  assert.deepEqual(touch.rings([[SQUARE, HOLE], [ISLAND]]), [SQUARE, HOLE, ISLAND]);
});

test("a point is inside by the even-odd rule: holes out, islands in", () => {
  const shape = touch.rings([[SQUARE, HOLE], [ISLAND]]);
  assert.equal(touch.holds(shape, at(2, 2)), true);
  assert.equal(touch.holds(shape, at(5, 5)), false);  // in the hole
  assert.equal(touch.holds(shape, at(21, 21)), true);  // on the island
  assert.equal(touch.holds(shape, at(15, 15)), false);
});

test("a tap is short, still and the last finger up", () => {
  const began = {x: 100, y: 100, at: 1000, moved: false};
  assert.equal(touch.isTap(began, 0, 1500, 600), true);
  assert.equal(touch.isTap(began, 0, 1601, 600), false);  // too long
  assert.equal(touch.isTap(began, 1, 1500, 600), false);  // another finger still down
  assert.equal(touch.isTap({...began, moved: true}, 0, 1500, 600), false);
  assert.equal(touch.isTap(null, 0, 1500, 600), false);
});

test("a finger has moved once it leaves the tolerance in either direction", () => {
  const began = {x: 100, y: 100};
  assert.equal(touch.movedAway(began, 110, 90, 10), false);
  assert.equal(touch.movedAway(began, 111, 100, 10), true);
  assert.equal(touch.movedAway(began, 100, 89, 10), true);
});
