/* The keyboard path through the page: the search box first, the map out of the way
 * (ui/shell/keyboard.py).
 *
 * The first Tab on a page that has no focus yet goes to the search box
 * (`config.searchSelector`). The map's frame (`config.mapSelector`) leaves the tab order, and
 * so does everything in it, and it is named `config.mapName` for screen readers. Runs in the
 * page's document and keeps doing so as Streamlit redraws the page (a map drawn anew is a new
 * frame); installed once per browser tab, the name follows the latest run.
 */
(function () {
  "use strict";

  const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

  /** Whether a key press moves the focus to the search box: the first plain Tab while
   * nothing has the focus. */
  function jumpsToSearch(event, active, body) {
    const nothingFocused = !active || active === body;
    return event.key === "Tab" && !event.shiftKey && nothingFocused;
  }

  function untab(root) {
    for (const element of root.querySelectorAll(FOCUSABLE)) {
      if (element.getAttribute("tabindex") !== "-1") { element.setAttribute("tabindex", "-1"); }
    }
  }

  function install(config) {
    const state = window.__coverageKeyboard || (window.__coverageKeyboard = {});
    state.mapName = config.mapName;  // the language may change between runs
    function tidyInside(frame) {
      // The frame is the app's own origin: its zoom buttons, layer switches and the map itself
      // leave the tab order too (a frame out of the tab order must hold nothing tabbable).
      let inner = null;
      try { inner = frame.contentDocument; } catch { return; }
      if (!inner || !inner.body) { return; }
      untab(inner);
      if (inner.__coverageUntabbed) { return; }
      inner.__coverageUntabbed = true;
      new MutationObserver(() => untab(inner))
        .observe(inner.body, {childList: true, subtree: true});
    }
    function tidyMaps() {
      for (const frame of document.querySelectorAll(config.mapSelector)) {
        if (frame.getAttribute("tabindex") !== "-1") { frame.setAttribute("tabindex", "-1"); }
        if (frame.getAttribute("aria-label") !== state.mapName) {
          frame.setAttribute("aria-label", state.mapName);
        }
        if (!frame.__coverageLoadWatched) {
          frame.__coverageLoadWatched = true;
          frame.addEventListener("load", () => tidyInside(frame));
        }
        tidyInside(frame);
      }
    }
    tidyMaps();
    if (state.installed) { return; }
    state.installed = true;
    new MutationObserver(tidyMaps).observe(document.body, {childList: true, subtree: true});
    document.addEventListener("keydown", (event) => {
      if (!jumpsToSearch(event, document.activeElement, document.body)) { return; }
      const search = document.querySelector(config.searchSelector);
      if (search) { event.preventDefault(); search.focus(); }
    }, true);
  }

  const api = {install, jumpsToSearch};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).keyboard = api;
  }
})();
