"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const selection = require("../../static/js/map/selection.js");

const KNOWN = {GM0363: {}, GM0344: {}};

test("the address's municipality is shown; none clears; an unknown one changes nothing", () => {
  assert.deepEqual(selection.decide("GM0363", KNOWN), {show: "GM0363"});
  assert.deepEqual(selection.decide(null, KNOWN), {show: null});
  assert.equal(selection.decide("GM9999", KNOWN), null);
  assert.equal(selection.decide("toString", KNOWN), null);  // not an own property
});

test("every click is a new value: frame id and count", () => {
  const id = selection.frameId(1700000000000, 0.123456789);
  assert.equal(id, (1700000000000).toString(36) + (0.123456789).toString(36).slice(2));
  assert.notEqual(selection.frameId(1700000000000, 0.5), id);
  assert.deepEqual(selection.componentValue({code: "GM0363", click: id + "-2"}), {
    isStreamlitMessage: true, type: "streamlit:setComponentValue", dataType: "json",
    value: {code: "GM0363", click: id + "-2"},
  });
});

test("a click's code comes from the clicked feature", () => {
  assert.equal(selection.clickedCode({layer: {feature: {properties: {code: "GM0344"}}}}),
               "GM0344");
  assert.ok(!selection.clickedCode({}));
  assert.ok(!selection.clickedCode({layer: {}}));
});
