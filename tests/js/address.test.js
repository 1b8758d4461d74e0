"use strict";
// The map's one watch over the page's address: an event where the browser has the
// Navigation API, else one poll for every listener of the frame.
const {test} = require("node:test");
const assert = require("node:assert/strict");
const address = require("../../static/js/map/address.js");

/** A map frame whose page is at `search`; `navigation` true gives the page the Navigation API. */
function fakeFrame(search, navigation) {
  const page = {location: {search: search}};
  const frame = {parent: page, intervals: [], frameListeners: {}};
  frame.setInterval = (callback, ms) => { frame.intervals.push({callback, ms}); };
  frame.addEventListener = (name, callback) => { frame.frameListeners[name] = callback; };
  if (navigation) {
    page.navigation = {
      listeners: [],
      addEventListener(name, callback) { this.listeners.push([name, callback]); },
      removeEventListener(name, callback) {
        this.listeners = this.listeners.filter(([n, c]) => n !== name || c !== callback);
      },
    };
  }
  /** The page's address changes (Streamlit's pushState or replaceState). */
  page.go = (next) => {
    page.location.search = next;
    if (page.navigation) {
      page.navigation.listeners.forEach(([name, callback]) => {
        if (name === "currententrychange") { callback(); }
      });
    }
  };
  return frame;
}

test("parameter reads one query parameter, null when absent or unreadable", () => {
  assert.equal(address.parameter("?gemeente=GM0363&x=1", "gemeente"), "GM0363");
  assert.equal(address.parameter("?voorstel=GM0599%2CGM0505", "voorstel"), "GM0599,GM0505");
  assert.equal(address.parameter("?x=1", "gemeente"), null);
  assert.equal(address.parameter("", "gemeente"), null);
  assert.equal(address.parameter(null, "gemeente"), null);
});

test("parentSearch is null when the page cannot be read (another origin)", () => {
  const frame = {};
  Object.defineProperty(frame, "parent", {get() { throw new Error("cross-origin"); }});
  assert.equal(address.parentSearch(frame), null);
  assert.equal(address.parentSearch(fakeFrame("?a=1", false)), "?a=1");
});

test("with the Navigation API the frame listens to the page's event and never polls", () => {
  const frame = fakeFrame("?gemeente=GM0363", true);
  const seen = [];
  const watch = address.watch(frame, (search) => seen.push(["selection", search]), 100);
  address.watch(frame, (search) => seen.push(["focus", search]), 100);
  address.watch(frame, (search) => seen.push(["proposal", search]), 100);
  assert.equal(watch.mode, "event");
  assert.equal(frame.intervals.length, 0);
  assert.equal(frame.parent.navigation.listeners.length, 1);  // one for the three
  frame.parent.go("?gemeente=GM0344");
  frame.parent.go("?gemeente=GM0344");  // replaceState with the same address: no news
  assert.deepEqual(seen, [
    ["selection", "?gemeente=GM0363"], ["focus", "?gemeente=GM0363"],
    ["proposal", "?gemeente=GM0363"],
    ["selection", "?gemeente=GM0344"], ["focus", "?gemeente=GM0344"],
    ["proposal", "?gemeente=GM0344"],
  ]);
});

test("a frame that goes takes its listener off the page", () => {
  const frame = fakeFrame("", true);
  address.watch(frame, () => {}, 100);
  assert.equal(frame.parent.navigation.listeners.length, 1);
  frame.frameListeners.pagehide();
  assert.equal(frame.parent.navigation.listeners.length, 0);
});

test("without the Navigation API one poll serves every listener", () => {
  const frame = fakeFrame("", false);
  const seen = [];
  const watch = address.watch(frame, (search) => seen.push(search), 100);
  address.watch(frame, (search) => seen.push("second " + search), 100);
  assert.equal(watch.mode, "poll");
  assert.deepEqual(frame.intervals.map((interval) => interval.ms), [100]);
  frame.intervals[0].callback();  // nothing changed
  frame.parent.location.search = "?voorstel=GM0599";
  frame.intervals[0].callback();
  assert.deepEqual(seen, ["", "second ", "?voorstel=GM0599", "second ?voorstel=GM0599"]);
  assert.equal(watch.polls, 2);
});
