"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const focus = require("../../static/js/map/focus.js");

const PARAMETERS = [["safety_region", "veiligheidsregio"], ["police_unit", "politie-eenheid"],
                    ["province", "provincie"]];
const REGIONS = {
  VR04: ["IJsselland", "Overijssel", "Oost-Nederland"],
  VR05: ["Twente", "Overijssel", "Oost-Nederland"],
  VR06: ["Noord- en Oost-Gelderland", "Gelderland", "Oost-Nederland"],
  VR23: ["Limburg-Noord", "Limburg", "Limburg"],
};

test("the most specific region parameter wins", () => {
  assert.deepEqual(focus.wantedFocus("?provincie=Limburg&veiligheidsregio=VR04", PARAMETERS),
                   ["safety_region", "VR04"]);
  assert.deepEqual(focus.wantedFocus("?politie-eenheid=Oost-Nederland&provincie=Limburg",
                                     PARAMETERS), ["police_unit", "Oost-Nederland"]);
  assert.deepEqual(focus.wantedFocus("?provincie=Limburg", PARAMETERS), ["province", "Limburg"]);
  assert.equal(focus.wantedFocus("?gemeente=GM0363", PARAMETERS), null);
  assert.equal(focus.wantedFocus(null, PARAMETERS), null);
});

test("a region's municipalities are found by their region property", () => {
  assert.deepEqual(focus.regionNames(REGIONS, "safety_region", "VR04"), {IJsselland: true});
  assert.deepEqual(focus.regionNames(REGIONS, "province", "Overijssel"),
                   {IJsselland: true, Twente: true});
  assert.deepEqual(focus.regionNames(REGIONS, "police_unit", "Oost-Nederland"),
                   {IJsselland: true, Twente: true, "Noord- en Oost-Gelderland": true});
  assert.deepEqual(focus.regionNames(REGIONS, "province", "Utopia"), {});
  assert.deepEqual(focus.regionNames(REGIONS, "nonsense", "VR04"), {});
});
