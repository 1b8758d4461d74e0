"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const tooltip = require("../../static/js/map/tooltip.js");

const BOX = {left: 0, top: 0, right: 400, bottom: 300};

test("a tooltip inside the map stays where Leaflet put it", () => {
  assert.deepEqual(tooltip.nudge(BOX, {left: 10, top: 10, right: 100, bottom: 40}, 4),
                   {dx: 0, dy: 0});
});

test("a tooltip past an edge moves back inside with the margin", () => {
  assert.deepEqual(tooltip.nudge(BOX, {left: 350, top: 280, right: 450, bottom: 320}, 4),
                   {dx: -54, dy: -24});
  assert.deepEqual(tooltip.nudge(BOX, {left: -20, top: -5, right: 80, bottom: 25}, 4),
                   {dx: 24, dy: 9});
});

test("a tooltip larger than the map keeps its top left corner in view", () => {
  assert.deepEqual(tooltip.nudge(BOX, {left: -10, top: -10, right: 500, bottom: 400}, 4),
                   {dx: 14, dy: 14});
});

test("the tooltip is never wider than the map, and at least 60 pixels", () => {
  assert.equal(tooltip.room(320, 4), 312);
  assert.equal(tooltip.room(50, 4), 60);
});
