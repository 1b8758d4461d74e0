"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const layer = require("../../static/js/map/layer.js");

const CONFIG = {styleProperty: "key", styles: {a: {color: "#111"}, b: {color: "#222"}},
                defaultStyle: {color: "#000"}, hoverStyle: null};

test("a feature is styled by its key; missing or unknown keys get the default", () => {
  assert.deepEqual(layer.styleFor({key: "a"}, CONFIG), {color: "#111"});
  assert.deepEqual(layer.styleFor({key: "c"}, CONFIG), {color: "#000"});
  assert.deepEqual(layer.styleFor({}, CONFIG), {color: "#000"});
  assert.deepEqual(layer.styleFor(undefined, CONFIG), {color: "#000"});
  assert.deepEqual(layer.styleFor({key: "hasOwnProperty"}, CONFIG), {color: "#000"});
});
