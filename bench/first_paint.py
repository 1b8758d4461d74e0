"""Where the time to the map's polygons goes on a fresh page, app beside references.

``python bench/first_paint.py [--runs 3] [--baseline REF] [--list]`` from the repository root.
Every server runs at once (as in ``bench/app.py``); each page is opened in turns in a fresh
headless Chromium context and these moments are recorded (milliseconds after ``page.goto``):
the first websocket frame, the one carrying the map (over 100 KB) and the last before the
polygons; the first JavaScript chunk requested, the last finished, and how many; the map's
iframe element created; its document requested; the polygons visible (``wait_for_polygons``).
Medians of ``--runs`` pages per app; ``--list`` also prints each chunk and websocket frame of
the last page. Chromium reports network events from the page's main thread, so a chunk's
"finished" time also says when that thread was free.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.app import AppUnderTest, baseline_app, map_only_app, naive_app  # noqa: E402
from geodata.derived import CACHE_DIR_VARIABLE  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline")
    parser.add_argument("--list", action="store_true", help="print each chunk of the last page")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="first-paint-") as folder, \
            contextlib.ExitStack() as stack:
        work = Path(folder)
        apps = [AppUnderTest("this app", ROOT / "app.py", ROOT, ROOT, has_search=True,
                             outline="script")]
        if args.baseline:
            apps.append(stack.enter_context(baseline_app(work, args.baseline)))
        apps += [stack.enter_context(naive_app(work)), stack.enter_context(map_only_app(work))]
        urls = []
        for app in apps:
            label = app.label.replace(" ", "-")
            env = {CACHE_DIR_VARIABLE: str(work / f"cache-{label}"), "COVERAGE_REGISTER_DIR": None}
            urls.append(stack.enter_context(streamlit_server(
                app.script, cwd=app.cwd, log=work / f"{label}.log", env=env,
                python_path=app.python_path)))
        results: dict[str, list[dict[str, Any]]] = {app.label: [] for app in apps}
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for url in urls:
                one_page(browser, url)  # the server's first page loads the data
            for _ in range(args.runs):
                for app, url in zip(apps, urls, strict=True):
                    results[app.label].append(one_page(browser, url))
            browser.close()
    names = ["first_ws_frame", "map_ws_frame", "last_ws_frame", "chunk_first_start",
             "chunk_last_done", "chunks", "iframe", "frame_doc_requested", "polygons"]
    print("| moment (ms after goto, median) | " + " | ".join(results) + " |")
    print("| --- |" + " --- |" * len(results))
    for name in names:
        cells = []
        for runs in results.values():
            values = [run["moments"][name] for run in runs if name in run["moments"]]
            cells.append(f"{statistics.median(values):.0f}" if values else "–")
        print(f"| {name} | " + " | ".join(cells) + " |")
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
