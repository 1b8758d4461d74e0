"""Where the time to the map's polygons goes on a fresh page, app beside references.

``python bench/first_paint.py [--runs 3] [--baseline REF] [--list] [--new-server]`` from the
repository root.
Every server runs at once (as in ``bench/app.py``); each page is opened in turns in a fresh
headless Chromium context and these moments are recorded (milliseconds after ``page.goto``):
the first websocket frame, the one carrying the map (over 100 KB) and the last before the
polygons; the first JavaScript chunk requested, the last finished, and how many; the map's
iframe element created; its document requested; the polygons visible (``wait_for_polygons``).
Medians of ``--runs`` pages per app; ``--list`` also prints each chunk and websocket frame of
the last page. Chromium reports network events from the page's main thread, so a chunk's
"finished" time also says when that thread was free.

``--new-server``: a new server's first page instead. Every round starts a new server for each
app (their cache folders, kept from round to round, hold the derived data as after a restart),
waits until it is ready as a proxy would (this app: ``/readyz`` no longer 503; an app without
``/readyz``: Streamlit's own health check) and opens the first page of each, in turns. A first
round, not counted, fills the cache folders.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.app import AppUnderTest, baseline_app, map_only_app, naive_app  # noqa: E402
from geodata.disk_cache import CACHE_DIR_VARIABLE  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    launch_chromium,
    open_app_page,
    streamlit_server,
    wait_for_polygons,
)

_WATCH = """
(() => {
  const mark = (name) => {
    const top = window.top;
    top.__firstPaint = top.__firstPaint || {};
    if (!(name in top.__firstPaint)) { top.__firstPaint[name] = Date.now(); }
  };
  const watch = () => {
    const frameSelector = 'iframe[title*="st_folium"]';
    new MutationObserver(() => {
      if (window === window.top && document.querySelector(frameSelector)) { mark('iframe'); }
    }).observe(document, {childList: true, subtree: true});
  };
  watch();
})();
"""


def one_page(browser: Any, url: str) -> dict[str, Any]:
    """Open ``url`` once; the moments (ms after goto) and the chunks."""
    app_page = open_app_page(browser, url, "first-paint")
    page = app_page.page
    page.add_init_script(_WATCH)
    chunks: dict[str, list[float]] = {}
    moments: dict[str, float] = {}
    frames: list[tuple[float, int]] = []
    start = 0.0

    def now() -> float:
        return (time.time() - start) * 1000

    def on_request(request: Any) -> None:
        if request.url.endswith(".js") and "/static/js/" in request.url:
            chunks[request.url.rsplit("/", 1)[-1]] = [now()]
        if "component" in request.url and "index.html" in request.url:
            moments.setdefault("frame_doc_requested", now())

    def on_finished(request: Any) -> None:
        name = request.url.rsplit("/", 1)[-1]
        if name in chunks and len(chunks[name]) == 1:
            chunks[name].append(now())

    def on_socket(socket: Any) -> None:
        def received(payload: Any) -> None:
            moments.setdefault("first_ws_frame", now())
            frames.append((now(), len(payload)))
            if len(payload) > 100_000:
                moments.setdefault("map_ws_frame", now())
            moments["last_ws_frame_before_polygons"] = now()
        socket.on("framereceived", received)

    page.on("request", on_request)
    page.on("requestfinished", on_finished)
    page.on("websocket", on_socket)
    try:
        start = time.time()
        page.goto(url)
        wait_for_polygons(page)
        moments["polygons"] = now()
        last = moments.pop("last_ws_frame_before_polygons", None)
        if last is not None:
            moments["last_ws_frame"] = last
        marks = page.evaluate("window.__firstPaint || {}")
        for name, at in marks.items():
            moments[name] = at - start * 1000
        if chunks:
            moments["chunks"] = len(chunks)
            moments["chunk_first_start"] = min(times[0] for times in chunks.values())
            moments["chunk_last_done"] = max(times[-1] for times in chunks.values())
        return {"moments": moments, "chunks": chunks, "frames": frames}
    finally:
        app_page.close()


def wait_ready(url: str, timeout_s: float = 300.0) -> float:
    """Poll ``/readyz`` until it no longer answers 503 (an app without it: at once); the
    seconds waited."""
    import urllib.error
    import urllib.request

    start = time.perf_counter()
    while time.perf_counter() - start < timeout_s:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=30):
                return time.perf_counter() - start
        except urllib.error.HTTPError as error:
            if error.code != 503:
                return time.perf_counter() - start
        time.sleep(0.1)
    raise RuntimeError(f"{url} not ready after {timeout_s} s")


def _server(stack: contextlib.ExitStack, app: AppUnderTest, work: Path, round_: int) -> str:
    label = app.label.replace(" ", "-")
    # The register's versions: a throwaway database per app (filled by its first page or
    # warm-up, kept from round to round), never the user's own.
    env = {CACHE_DIR_VARIABLE: str(work / f"cache-{label}"), "COVERAGE_REGISTER_DIR": None,
           "COVERAGE_DATABASE_URL": f"sqlite:///{work / f'register-{label}.sqlite3'}"}
    return stack.enter_context(streamlit_server(
        app.script, cwd=app.cwd, log=work / f"{label}-{round_}.log", env=env,
        python_path=app.python_path))


def new_server_pages(browser: Any, apps: list[AppUnderTest], work: Path,
                     runs: int) -> dict[str, list[dict[str, Any]]]:
    """Each app's first page on a new server, ``runs`` rounds after one that fills the caches."""
    results: dict[str, list[dict[str, Any]]] = {app.label: [] for app in apps}
    for round_ in range(runs + 1):
        with contextlib.ExitStack() as servers:
            urls = [_server(servers, app, work, round_) for app in apps]
            waited = [wait_ready(url) for url in urls]
            for app, url, seconds in zip(apps, urls, waited, strict=True):
                page = one_page(browser, url)
                page["moments"]["ready_wait"] = seconds * 1000
                if round_:
                    results[app.label].append(page)
        print(f"  round {round_} done", file=sys.stderr, flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline")
    parser.add_argument("--list", action="store_true", help="print each chunk of the last page")
    parser.add_argument("--new-server", action="store_true",
                        help="a new server's first page, one new server per app and round")
    args = parser.parse_args()
    load_at_start = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    from playwright.sync_api import sync_playwright


    with tempfile.TemporaryDirectory(prefix="first-paint-") as folder, \
            contextlib.ExitStack() as stack:
        work = Path(folder)
        apps = [AppUnderTest("this app", ROOT / "app.py", ROOT, ROOT, has_search=True,
                             outline="script")]
        if args.baseline:
            apps.append(stack.enter_context(baseline_app(work, args.baseline)))
        apps += [stack.enter_context(naive_app(work)), stack.enter_context(map_only_app(work))]
        results: dict[str, list[dict[str, Any]]] = {app.label: [] for app in apps}
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            if args.new_server:
                results = new_server_pages(browser, apps, work, args.runs)
            else:
                urls = [_server(stack, app, work, 0) for app in apps]
                for url in urls:
                    one_page(browser, url)  # the server's first page loads the data
                for _ in range(args.runs):
                    for app, url in zip(apps, urls, strict=True):
                        results[app.label].append(one_page(browser, url))
            browser.close()
    names = ["ready_wait", "first_ws_frame", "map_ws_frame", "last_ws_frame", "chunk_first_start",
             "chunk_last_done", "chunks", "iframe", "frame_doc_requested", "polygons"]
    print("| moment (ms after goto, median) | " + " | ".join(results) + " |")
    print("| --- |" + " --- |" * len(results))
    for name in names:
        cells = []
        for runs in results.values():
            values = [run["moments"][name] for run in runs if name in run["moments"]]
            cells.append(f"{statistics.median(values):.0f}" if values else "–")
        print(f"| {name} | " + " | ".join(cells) + " |")
    ours, naive = (statistics.median(run["moments"]["polygons"] for run in results[label])
                   for label in ("this app", "naive one-map app"))
    print(f"\n{'a new server' if args.new_server else 'a warm server'}'s page → polygons, "
          f"this app / naive one-map app: {ours / naive:.2f} (medians of {args.runs}); "
          f"load average at the start {load_at_start}, at the end "
          + ", ".join(f"{value:.1f}" for value in os.getloadavg()))
    if args.list:
        for label, runs in results.items():
            print(f"\n{label}: chunks of the last page (start, done ms)")
            for name, times in sorted(runs[-1]["chunks"].items(), key=lambda item: item[1][0]):
                print(f"  {times[0]:7.0f} {times[-1]:7.0f}  {name}")
            print("  websocket frames (ms, bytes):",
                  [(round(at), size) for at, size in runs[-1]["frames"]])
            print("  moments:", {k: round(v) for k, v in runs[-1]["moments"].items()})


if __name__ == "__main__":
    main()
