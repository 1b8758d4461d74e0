/* The page's address, as the map's frame learns of it (ui/map/selection_script.py).
 *
 * The app keeps what the map shows in the page's address (?gemeente=, ?voorstel=, the region's
 * parameter). The map's frame (streamlit-folium's component, same origin as the page) hears
 * of every change by one mechanism, shared by everything in the frame that follows the address:
 * the Navigation API's `currententrychange` on the page (it fires on Streamlit's pushState and
 * replaceState and on back and forward); where a browser lacks that API, one poll of the page's
 * address every `pollMs`. Every listener is called at once with the address as it is, then
 * whenever it changes.
 */
(function () {
  "use strict";

  /** The page's query string as the frame sees it ("?a=1"), or null when it cannot be read. */
  function parentSearch(frame) {
    try {
      return frame.parent.location.search;
    } catch {
      return null;
    }
  }

  /** The value of query parameter `name` in `search`, or null (also when `search` is null). */
  function parameter(search, name) {
    return search === null ? null : new URLSearchParams(search).get(name);
  }

  /** The page's Navigation API object, when the browser has one and the frame may use it. */
  function pageNavigation(frame) {
    try {
      const navigation = frame.parent.navigation;
      return navigation && typeof navigation.addEventListener === "function" ? navigation : null;
    } catch {
      return null;
    }
  }

  /** The frame's one watch over the page's address: `mode` is "event" or "poll". */
  function createWatch(frame, pollMs) {
    const watch = {mode: null, listeners: [], search: parentSearch(frame), polls: 0};
    function notify() {
      const search = parentSearch(frame);
      if (search === watch.search) {
        return;
      }
      watch.search = search;
      watch.listeners.forEach((listener) => listener(search));
    }
    const navigation = pageNavigation(frame);
    if (navigation !== null) {
      watch.mode = "event";
      navigation.addEventListener("currententrychange", notify);
      // A frame that goes (a map drawn anew) leaves no listener on the page behind.
      frame.addEventListener("pagehide", () => {
        navigation.removeEventListener("currententrychange", notify);
      });
    } else {
      watch.mode = "poll";
      frame.setInterval(() => {
        watch.polls += 1;
        notify();
      }, pollMs);
    }
    return watch;
  }

  /** Call `listener(search)` now and on every change of the page's address (see above). */
  function watch(frame, listener, pollMs) {
    if (!frame.coverageAddress) {
      frame.coverageAddress = createWatch(frame, pollMs);
    }
    frame.coverageAddress.listeners.push(listener);
    listener(frame.coverageAddress.search);
    return frame.coverageAddress;
  }

  const api = {parameter, parentSearch, watch};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).address = api;
  }
})();
