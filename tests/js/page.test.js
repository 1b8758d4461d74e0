"use strict";
// The page's own scripts: the keyboard path, scrolling into view, Streamlit's words.
const {test} = require("node:test");
const assert = require("node:assert/strict");
const keyboard = require("../../static/js/page/keyboard.js");
const scroll = require("../../static/js/page/scroll.js");
const words = require("../../static/js/page/words.js");

test("the first plain Tab with nothing focused goes to the search box", () => {
  const body = {}, link = {};
  assert.equal(keyboard.jumpsToSearch({key: "Tab", shiftKey: false}, body, body), true);
  assert.equal(keyboard.jumpsToSearch({key: "Tab", shiftKey: false}, null, body), true);
  assert.equal(keyboard.jumpsToSearch({key: "Tab", shiftKey: true}, body, body), false);
  assert.equal(keyboard.jumpsToSearch({key: "Tab", shiftKey: false}, link, body), false);
  assert.equal(keyboard.jumpsToSearch({key: "Enter", shiftKey: false}, body, body), false);
});

test("the page scrolls when the target is under the header or too low", () => {
  const box = (top, bottom) => ({top, bottom});
  // The map: its top in the upper third of an 900 px window, no header limit.
  assert.equal(scroll.needsScroll(box(200, 700), "top", 0, 900, 1 / 3), false);
  assert.equal(scroll.needsScroll(box(400, 900), "top", 0, 900, 1 / 3), true);
  assert.equal(scroll.needsScroll(box(-50, 400), "top", 0, 900, 1 / 3), true);
  // The card's number: wholly in the window and clear of the 64 px header.
  assert.equal(scroll.needsScroll(box(300, 340), "bottom", 64, 900, 1), false);
  assert.equal(scroll.needsScroll(box(880, 920), "bottom", 64, 900, 1), true);
  assert.equal(scroll.needsScroll(box(30, 70), "bottom", 64, 900, 1), true);
});

const PAIRS = [["Fullscreen", "Volledig scherm"], ["Close", "Sluiten"]];

test("Dutch pages swap English words; English pages swap them back", () => {
  const dutch = words.wordsFor("nl", PAIRS), english = words.wordsFor("en", PAIRS);
  assert.equal(dutch.get("Close"), "Sluiten");
  assert.equal(english.get("Sluiten"), "Close");
  assert.equal(english.get("Close"), undefined);
});

test("an attribute is swapped whole, or by its head before ': '", () => {
  const dutch = words.wordsFor("nl", PAIRS);
  assert.equal(words.swappedValue("Close", dutch), "Sluiten");
  assert.equal(words.swappedValue("Fullscreen: chart of statuses", dutch),
               "Volledig scherm: chart of statuses");
  assert.equal(words.swappedValue("Something else", dutch), null);
  assert.equal(words.swappedValue(": Close", dutch), null);
  assert.equal(words.swappedValue(null, dutch), null);
});
