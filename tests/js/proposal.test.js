"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const proposal = require("../../static/js/map/proposal.js");

test("the address's codes are comma-separated; none when absent", () => {
  assert.deepEqual(proposal.parseCodes("GM0599,GM0505"), ["GM0599", "GM0505"]);
  assert.deepEqual(proposal.parseCodes("GM0599,,"), ["GM0599"]);
  assert.deepEqual(proposal.parseCodes(""), []);
  assert.deepEqual(proposal.parseCodes(null), []);
});

test("a click toggles the clicked municipality", () => {
  const codes = ["GM0599", "GM0505"];
  assert.deepEqual(proposal.toggled(codes, "GM0505"), ["GM0599"]);
  assert.deepEqual(proposal.toggled(codes, "GM0363"), ["GM0599", "GM0505", "GM0363"]);
  assert.deepEqual(codes, ["GM0599", "GM0505"]);  // a new list
});

test("the map fits only for municipalities added other than by the click", () => {
  assert.deepEqual(proposal.added(["GM0599"], ["GM0599", "GM0505"], "GM0505"), []);
  assert.deepEqual(proposal.added(["GM0599"], ["GM0599", "GM0505", "GM0363"], "GM0505"),
                   ["GM0363"]);
  assert.deepEqual(proposal.added(["GM0599", "GM0505"], ["GM0599"], null), []);
});

test("only known codes are drawn, each once", () => {
  const known = {GM0599: {}, GM0505: {}};
  assert.deepEqual(proposal.shownCodes(["GM0505", "GM9999", "GM0505", "GM0599", "constructor"],
                                       known), ["GM0505", "GM0599"]);
});
