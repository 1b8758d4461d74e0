"""Benchmark the dashboard: `python bench/app.py [--runs 5] [--no-browser]`.

From the repository root, prints each figure with its target:

- the first script run in a fresh process: ``AppTest.from_file("app.py").run()`` in a new
  Python process, timing ``.run()`` only (the script's own imports happen inside it), and the
  whole process from start to exit; median of N processes, after one warm-up process (not
  counted) that fills the area cache and the OS file cache;
- a rerun after a click on the map: in one process, after the first run and a search for
  Zwolle, the current map key in session state is set to a click on another municipality (as
  ``tests/test_app.py`` does) and ``.run()`` is timed; median of N clicks;
- the size of the map document: the ``folium.Map`` the app builds in ``render_map``, taken
  from its ``st_folium`` call, rendered with ``fmap.get_root().render()``, for the national
  view and with a municipality selected; also what ``st_folium`` sends to the browser (its
  ``script``, ``header`` and ``html`` arguments);
- in headless Chromium against ``streamlit run app.py``: from ``page.goto`` to the
  municipality polygons drawn in the map's iframe (the first load of a new server, then the
  median of N fresh pages), and from a click on Zwolle's polygon to its contact card (median
  of N fresh pages).

The server and browser code is the end-to-end tests' (``tests/e2e/helpers.py``).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CHILD_TIMEOUT_S = 300

FIRST_RUN_TARGET_S = 2.0
RERUN_TARGET_S = 0.3
MAP_DOCUMENT_TARGET_BYTES = 500_000
PAGE_TO_POLYGONS_TARGET_S = 3.0
CLICK_TO_CARD_TARGET_S = 1.0

# Municipalities clicked in turn after Zwolle was searched (each click changes the selection).
CLICKS = ["GM0363", "GM0796", "GM0080", "GM0599", "GM0344", "GM0518", "GM0193"]
ZWOLLE = ("GM0193", 6.10, 52.51, "Zwolle")  # code, longitude, latitude, name


# --- children: each scenario in a fresh process ----------------------------------------------


def _app_test() -> Any:
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=CHILD_TIMEOUT_S)


def _check(app: Any) -> None:
    if app.exception:
        raise RuntimeError(f"the app raised: {[e.message for e in app.exception]}")


def child_first_run() -> dict[str, Any]:
    """Time the first ``AppTest.run()`` of this process."""
    app = _app_test()
    start = time.perf_counter()
    app.run()
    seconds = time.perf_counter() - start
    _check(app)
    return {"run_s": seconds}


def child_reruns(runs: int) -> dict[str, Any]:
    """Time reruns after simulated clicks, after a first run and a search for Zwolle."""
    app = _app_test()
    app.run()
    _check(app)
    app.text_input(key="search").input("Zwolle").run()
    _check(app)
    if app.query_params.get("gemeente") != "GM0193":
        raise RuntimeError(f"search did not select Zwolle: {app.query_params}")
    start = time.perf_counter()
    app.run()
    plain = time.perf_counter() - start
    clicks = []
    for position in range(runs):
        code = CLICKS[position % len(CLICKS)]
        state = app.session_state  # AppTest's session state has no .get()
        generation = state["map_generation"] if "map_generation" in state else 0  # noqa: SIM401
        app.session_state[f"map-{generation}"] = {"last_active_drawing": {
            "type": "Feature", "properties": {"code": code}}}
        start = time.perf_counter()
        app.run()
        clicks.append(time.perf_counter() - start)
        _check(app)
        if app.query_params.get("gemeente") != code:
            raise RuntimeError(f"a click on {code} selected {app.query_params.get('gemeente')}")
    return {"click_rerun_s": clicks, "plain_rerun_s": plain}


def child_map_sizes() -> dict[str, Any]:
    """Bytes of the map the app builds, national and with Zwolle selected."""
    import streamlit_folium

    import ui.map_panel

    seen: dict[str, int] = {}
    original_st_folium = ui.map_panel.st_folium
    original_component = streamlit_folium._component_func

    def st_folium(fig: Any, *args: Any, **kwargs: Any) -> Any:
        seen["document"] = len(fig.get_root().render().encode())
        return original_st_folium(fig, *args, **kwargs)

    def component(**kwargs: Any) -> Any:
        seen["sent"] = sum(len((kwargs.get(name) or "").encode())
                           for name in ("script", "header", "html"))
        return original_component(**kwargs)

    ui.map_panel.st_folium = st_folium
    streamlit_folium._component_func = component
    sizes: dict[str, Any] = {}
    for view, query in (("national", {}), ("selected", {"gemeente": "GM0193"})):
        seen.clear()
        app = _app_test()
        for name, value in query.items():
            app.query_params[name] = value
        app.run()
        _check(app)
        if "document" not in seen:
            raise RuntimeError("render_map did not call st_folium: the measurement is stale")
        sizes[view] = dict(seen)
    return sizes


CHILDREN: dict[str, Callable[[int], dict[str, Any]]] = {
    "first-run": lambda runs: child_first_run(),
    "reruns": child_reruns,
    "map-sizes": lambda runs: child_map_sizes(),
}


def run_child(mode: str, runs: int, cache_dir: Path) -> tuple[dict[str, Any], float]:
    """Run ``bench/app.py --child MODE`` in a fresh process; its JSON and its wall time."""
    env = {**os.environ, "COVERAGE_CACHE_DIR": str(cache_dir)}
    env.pop("COVERAGE_REGISTER_DIR", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--runs", str(runs)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"--child {mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), wall


# --- the browser -----------------------------------------------------------------------------


def browser_timings(runs: int) -> dict[str, Any]:
    """Page load to polygons and click to card, in headless Chromium against a new server."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.helpers import (
        CARD,
        app_server,
        hover_municipality,
        launch_chromium,
        open_app_page,
        tooltip_text,
        wait_for_app,
        wait_for_polygons,
        wait_for_script_done,
    )

    def page_load(browser: Any, url: str) -> float:
        app_page = open_app_page(browser, url, "bench")
        try:
            start = time.perf_counter()
            app_page.page.goto(url)
            wait_for_polygons(app_page.page)
            seconds = time.perf_counter() - start
            app_page.assert_same_origin()
            return seconds
        finally:
            app_page.close()

    def click(browser: Any, url: str) -> tuple[float, float]:
        code, lon, lat, name = ZWOLLE
        app_page = open_app_page(browser, url, "bench")
        page = app_page.page
        try:
            page.goto(url)
            wait_for_app(page)
            x, y = hover_municipality(page, code, lon, lat)
            if name not in tooltip_text(page):
                raise RuntimeError(f"the tooltip at Zwolle's point reads {tooltip_text(page)!r}")
            start = time.perf_counter()
            page.mouse.click(x, y)
            page.locator(CARD).get_by_text(f"Contact voor {name}").wait_for()
            to_card = time.perf_counter() - start
            wait_for_script_done(page, settle_ms=0)
            wait_for_polygons(page)
            to_map = time.perf_counter() - start
            app_page.assert_same_origin()
            return to_card, to_map
        finally:
            app_page.close()

    with tempfile.TemporaryDirectory(prefix="bench-app-") as work, \
            app_server(work_dir=Path(work)) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            first = page_load(browser, url)
            loads = [page_load(browser, url) for _ in range(runs)]
            clicks = [click(browser, url) for _ in range(runs)]
        finally:
            browser.close()
    return {"first_load_s": first, "load_s": loads,
            "click_card_s": [card for card, _ in clicks],
            "click_map_s": [redrawn for _, redrawn in clicks]}


# --- report ----------------------------------------------------------------------------------


def _seconds(values: list[float]) -> str:
    return " ".join(f"{value:.2f}" for value in values)


def line(label: str, value: str, detail: str = "", target: str = "",
         ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("OK" if ok else "MISSED")
    print(f"{label:<50} {value:>9}  {target:<9} {verdict:<6} {detail}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measurements per figure")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)

    if args.child:
        print(json.dumps(CHILDREN[args.child](args.runs)))
        return

    # The register's versions: a throwaway database (filled by the first warm-up), never the
    # user's own; the children and the browser timings' server inherit it.
    database = tempfile.mkdtemp(prefix="bench-database-")
    atexit.register(shutil.rmtree, database, True)
    os.environ.setdefault("COVERAGE_DATABASE_URL", f"sqlite:///{database}/register.sqlite3")
    runs = args.runs
    print(f"python bench/app.py: {runs} runs per figure, median shown; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        cache_dir = Path(cache)
        run_child("first-run", runs, cache_dir)  # warm-up: area cache, OS file cache
        fresh = [run_child("first-run", runs, cache_dir) for _ in range(runs)]
        reruns, _ = run_child("reruns", runs, cache_dir)
        sizes, _ = run_child("map-sizes", runs, cache_dir)

    first_runs = [result["run_s"] for result, _ in fresh]
    walls = [wall for _, wall in fresh]
    clicks = reruns["click_rerun_s"]
    line("first script run, fresh process (AppTest.run)",
         f"{statistics.median(first_runs):.2f} s", f"[{_seconds(first_runs)}]",
         f"< {FIRST_RUN_TARGET_S:g} s", statistics.median(first_runs) < FIRST_RUN_TARGET_S)
    line("  whole fresh process (start to exit)", f"{statistics.median(walls):.2f} s",
         f"[{_seconds(walls)}]")
    line("rerun after a click on the map (AppTest.run)",
         f"{statistics.median(clicks) * 1000:.0f} ms",
         "[" + " ".join(f"{value * 1000:.0f}" for value in clicks) + "]",
         f"< {RERUN_TARGET_S * 1000:g} ms", statistics.median(clicks) < RERUN_TARGET_S)
    line("  rerun, nothing changed (once)", f"{reruns['plain_rerun_s'] * 1000:.0f} ms")
    for view, label in (("national", "national view"), ("selected", "Zwolle selected")):
        document = sizes[view]["document"]
        line(f"map document, {label} (get_root().render)", f"{document / 1000:.0f} KB",
             f"({document} bytes)", f"< {MAP_DOCUMENT_TARGET_BYTES / 1000:g} KB",
             document < MAP_DOCUMENT_TARGET_BYTES)
        line("  sent by st_folium (script, header, html)", f"{sizes[view]['sent'] / 1000:.0f} KB",
             f"({sizes[view]['sent']} bytes)")
    sys.stdout.flush()

    if args.no_browser:
        return
    timings = browser_timings(runs)
    loads, cards, maps = timings["load_s"], timings["click_card_s"], timings["click_map_s"]
    line("page.goto to polygons (Chromium)", f"{statistics.median(loads):.2f} s",
         f"[{_seconds(loads)}]", f"< {PAGE_TO_POLYGONS_TARGET_S:g} s",
         statistics.median(loads) < PAGE_TO_POLYGONS_TARGET_S)
    line("  first page of a new server", f"{timings['first_load_s']:.2f} s")
    line("click on Zwolle to its card (Chromium)", f"{statistics.median(cards):.2f} s",
         f"[{_seconds(cards)}]", f"< {CLICK_TO_CARD_TARGET_S:g} s",
         statistics.median(cards) < CLICK_TO_CARD_TARGET_S)
    line("  click to the map drawn again", f"{statistics.median(maps):.2f} s",
         f"[{_seconds(maps)}]")


if __name__ == "__main__":
    main()
