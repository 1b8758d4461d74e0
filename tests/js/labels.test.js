"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const labels = require("../../static/js/map/labels.js");

test("a name's point is read from the flat list in ten-thousandths of a degree", () => {
  const points = [523702, 48952, 519851, 51040];
  assert.deepEqual(labels.labelPoint(points, 0, 10000), [52.3702, 4.8952]);
  assert.deepEqual(labels.labelPoint(points, 1, 10000), [51.9851, 5.104]);
  assert.equal(labels.labelPoint(points, 2, 10000), null);  // more layers than points
});

test("the names show from the minimum zoom on", () => {
  assert.equal(labels.shownAt(9.25, 9.5), false);
  assert.equal(labels.shownAt(9.5, 9.5), true);
  assert.equal(labels.shownAt(12, 9.5), true);
});
