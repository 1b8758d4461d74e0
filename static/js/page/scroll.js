/* Bring a part of the page into view and keep it there while the page settles (ui/scroll.py).
 *
 * `config`: token (new for every request, so Streamlit runs the script again), selector (what
 * to bring into view), watched (what must be in view; the selector's element by default),
 * watchedEdge ("top" or "bottom" of the watched element), lowest (the part of the window's
 * height the edge must be above), headerPx (Streamlit's header bar: an element under it is
 * not in view), holdMs (how long to keep it in view, unless the reader scrolls).
 */
(function () {
  "use strict";

  /** Whether the page must scroll: the watched element's `box` lies under the header bar, or
   * its edge lies below `lowest` of the window's height. */
  function needsScroll(box, edge, headerPx, innerHeight, lowest) {
    const at = edge === "bottom" ? box.bottom : box.top;
    return box.top < headerPx || at > innerHeight * lowest;
  }

  function install(config) {
    // The page is still being laid out while the app's run finishes (the map is drawn anew),
    // so keep the target in view for a short while, unless the reader scrolls themself.
    let stopped = false;
    const stop = () => { stopped = true; };
    // In the page and in its frames of the same origin (the map): a touch on the map is the
    // reader's too.
    const windows = [window];
    for (const frame of document.querySelectorAll("iframe")) {
      try {
        if (frame.contentWindow.document) { windows.push(frame.contentWindow); }
      } catch { /* another origin */ }
    }
    for (const name of ["wheel", "touchstart", "keydown", "mousedown"]) {
      for (const each of windows) {
        each.addEventListener(name, stop, {once: true, passive: true, capture: true});
      }
    }
    const started = Date.now();
    function keepInView() {
      if (stopped || Date.now() - started > config.holdMs) { return; }
      const target = document.querySelector(config.selector);
      const watched = document.querySelector(config.watched) || target;
      if (target && watched && needsScroll(watched.getBoundingClientRect(), config.watchedEdge,
                                           config.headerPx, window.innerHeight, config.lowest)) {
        target.style.scrollMarginTop = "4.5rem";  // clear of Streamlit's header bar
        target.scrollIntoView({block: "start"});
      }
      setTimeout(keepInView, 100);
    }
    keepInView();
  }

  const api = {install, needsScroll};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).scroll = api;
  }
})();
