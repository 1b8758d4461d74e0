"""Benchmark the dashboard against a naive one-map app, in the same run.

``python bench/app.py [--runs 5] [--sessions 50] [--memory-sessions 300] [--baseline REF]``
from the repository root (``COVERAGE_GEODATA_DIR`` as for the app). Measured for each app, each
on a fresh ``streamlit run`` server on loopback (the e2e helpers' ``streamlit_server``):

- page → polygons: headless Chromium, a fresh browser context per page, from ``page.goto`` to
  the first municipality polygon visible in the map's iframe; median of N pages (the server's
  first page, which loads the data, is reported apart). Every server runs at once and the
  pages are loaded in turns, one of each app per round, so a change of the machine's load
  (it is shared) falls on every app alike;
- click → card: a click on Zwolle's polygon to "Contact voor Zwolle" on the page (median);
- click → outline: this app: in the iframe, from the click event to the next frame after the
  selection outline was drawn (``performance.now()``); so too a ``--baseline`` app that
  outlines in place, while one that rebuilds the map on a selection (before
  ``ui/map/selection_script.py``): from the click to the new map's polygons visible;
- websocket bytes per click and per search: every websocket frame, both ways, from the click
  (or the Enter in the search box, "Utrecht") until the script has finished and the card shows;
- N sessions at once: a websocket client speaking Streamlit's protocol (``bench/ws_sessions.py``,
  no browser) opens ``--sessions`` sessions at the same moment; seconds until the last one's
  script run finished (after one warm-up session); median of ``--runs`` rounds, the apps in
  turns;
- server memory over ``--memory-sessions`` sessions (this app): resident memory of the server
  after each 100 sessions, opened 25 at a time.

Two references beside the naive app: a page with only this app's map (``bench/map_only_app.py``:
the page → polygons figure's floor for this map) and a page with one line of text ("Streamlit
hello page"): the sessions figure's floor, what Streamlit itself costs per session on this
machine, under the same load. Every app is served with the dashboard's
``.streamlit/config.toml``.

``--baseline REF`` also measures the app as it was at git ref REF (exported with
``git archive`` into a temporary folder), e.g. ``--baseline main``.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ws_sessions import (  # noqa: E402
    open_session,
    open_sessions_at_once,
    server_pid,
    server_rss_bytes,
)
from geodata.disk_cache import CACHE_DIR_VARIABLE  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    MAP_IFRAME,
    WebsocketMeter,
    click_to_outline_s,
    launch_chromium,
    municipality_point,
    open_app_page,
    search_for,
    start_click_to_outline_timer,
    streamlit_server,
    wait_for_polygons,
    wait_for_script_done,
)

ZWOLLE = ("GM0193", 6.10, 52.51, "Zwolle")  # code, longitude, latitude, name
SEARCH = "Utrecht"
SELECTION_BYTES_TARGET = 30_000
OUTLINE_TARGET_S = 0.1
SESSIONS_TARGET_S = 5.0


@dataclass
class AppUnderTest:
    """One app to measure and what it can do."""

    label: str
    script: Path
    cwd: Path
    python_path: Path
    has_search: bool
    outline: str
    """``"script"``: drawn by the map's own script; ``"rebuild"``: a new map; ``""``: none."""
    browser: bool = True
    """Take the page → polygons figure (not for the hello page)."""
    clicks: bool = True
    """Take the click and search figures (an app that shows a card)."""
    figures: dict[str, Any] = field(default_factory=dict)


# --- the browser -----------------------------------------------------------------------------


def _card(page: Any, name: str) -> Any:
    return page.get_by_text(f"Contact voor {name}").first


def _page_to_polygons(browser: Any, url: str) -> float:
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


def _click(browser: Any, url: str, app: AppUnderTest) -> dict[str, float]:
    """Click Zwolle on a fresh page: seconds to card and outline, websocket bytes."""
    code, lon, lat, name = ZWOLLE
    app_page = open_app_page(browser, url, "bench")
    page = app_page.page
    meter = WebsocketMeter().attach(page)
    try:
        page.goto(url)
        wait_for_script_done(page)
        wait_for_polygons(page)
        if app.outline == "script":
            start_click_to_outline_timer(page)
        x, y = municipality_point(page, code, lon, lat)
        page.mouse.move(x, y)
        page.frame_locator(MAP_IFRAME).locator(".leaflet-tooltip").wait_for(state="visible")
        meter.reset()
        start = time.perf_counter()
        page.mouse.click(x, y)
        _card(page, name).wait_for()
        result = {"card_s": time.perf_counter() - start}
        if app.outline == "rebuild":
            wait_for_script_done(page, settle_ms=0)
            wait_for_polygons(page)
            result["outline_s"] = time.perf_counter() - start
        elif app.outline == "script":
            result["outline_s"] = click_to_outline_s(page)
        wait_for_script_done(page)
        result["bytes"] = meter.total
        if app.has_search:
            meter.reset()
            search_for(page, SEARCH)
            _card(page, SEARCH).wait_for()
            wait_for_script_done(page)
            result["search_bytes"] = meter.total
        app_page.assert_same_origin()
        return result
    finally:
        app_page.close()


def browser_figures(apps: list[tuple[AppUnderTest, str]], runs: int) -> None:
    """Page → polygons (every app in turns) and the click/search figures, in headless
    Chromium; ``apps``: each app with its server's URL."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for app, url in apps:
                app.figures["first_page_s"] = _page_to_polygons(browser, url)
                app.figures["page_s"] = []
            for _ in range(runs):
                for app, url in apps:
                    app.figures["page_s"].append(_page_to_polygons(browser, url))
            for app, url in apps:
                if app.clicks:
                    print(f"  {app.label}: clicks ...", file=sys.stderr, flush=True)
                    _click_figures(app, [_click(browser, url, app) for _ in range(runs)])
        finally:
            browser.close()


def _click_figures(app: AppUnderTest, clicks: list[dict[str, float]]) -> None:
    for name in ("card_s", "outline_s", "bytes", "search_bytes"):
        values = [click[name] for click in clicks if name in click]
        if values:
            app.figures[name] = values


# --- sessions without a browser --------------------------------------------------------------


def session_figures(apps: list[tuple[AppUnderTest, str]], sessions: int, runs: int,
                    memory_sessions: int) -> None:
    """N sessions at once (seconds to the last finished; ``runs`` times, every app in turns);
    memory over many sessions for the first app."""
    import asyncio

    for app, url in apps:
        asyncio.run(open_session(url))  # warm-up: the data and the map are in the caches
        app.figures["sessions_s"] = []
    for _ in range(runs):
        for app, url in apps:
            start = time.perf_counter()
            opened = open_sessions_at_once(url, sessions)
            app.figures["sessions_s"].append(time.perf_counter() - start)
            app.figures["session_bytes"] = statistics.median(run.received_bytes
                                                             for run in opened)
    if memory_sessions:
        app, url = apps[0]
        pid = server_pid(url)
        memory = [server_rss_bytes(pid)]
        done = 0
        while done < memory_sessions:
            open_sessions_at_once(url, 25)
            done += 25
            if done % 100 == 0:
                memory.append(server_rss_bytes(pid))
        app.figures["rss_mb"] = [round(value / 1e6) for value in memory]


# --- the apps --------------------------------------------------------------------------------


def _page_in_own_folder(folder: Path, script_name: str) -> Path:
    """Copy ``bench/<script_name>`` into ``folder`` with the app's config and ``static/`` (Leaflet)
    beside it; return the copied script."""
    (folder / ".streamlit").mkdir(parents=True)
    shutil.copyfile(ROOT / "bench" / script_name, folder / script_name)
    shutil.copyfile(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    shutil.copytree(ROOT / "static", folder / "static")
    return folder / script_name


@contextlib.contextmanager
def naive_app(work: Path) -> Iterator[AppUnderTest]:
    """The naive app in a folder of its own, with Leaflet in its ``static/``."""
    script = _page_in_own_folder(work / "naive", "naive_app.py")
    yield AppUnderTest("naive one-map app", script, script.parent, ROOT,
                       has_search=False, outline="")


@contextlib.contextmanager
def map_only_app(work: Path) -> Iterator[AppUnderTest]:
    """A page with only this app's map, in a folder of its own with ``static/`` beside it."""
    script = _page_in_own_folder(work / "map-only", "map_only_app.py")
    yield AppUnderTest("map-only page", script, script.parent, ROOT,
                       has_search=False, outline="", clicks=False)


@contextlib.contextmanager
def hello_app(work: Path) -> Iterator[AppUnderTest]:
    """A page with one line of text: what any Streamlit session costs on this machine."""
    folder = work / "hello"
    (folder / ".streamlit").mkdir(parents=True)
    shutil.copyfile(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    (folder / "hello.py").write_text('import streamlit as st\n\nst.write("Hello")\n',
                                     encoding="utf-8")
    yield AppUnderTest("Streamlit hello page", folder / "hello.py", folder, ROOT,
                       has_search=False, outline="", browser=False, clicks=False)


@contextlib.contextmanager
def baseline_app(work: Path, ref: str) -> Iterator[AppUnderTest]:
    """The dashboard as it was at git ref ``ref``."""
    folder = work / "baseline"
    folder.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, check=True,
                             capture_output=True).stdout
    archive_path = work / "baseline.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(folder, filter="data")
    # A version that outlines the selection in the map's own script is timed as this app is;
    # an older one rebuilds the map on a selection.
    in_place = any((folder / "ui" / name).exists()
                   for name in ("map_selection_script.py", "map/selection_script.py"))
    yield AppUnderTest(f"this app at {ref}", folder / "app.py", folder, folder,
                       has_search=True, outline="script" if in_place else "rebuild")


def measure(apps: list[AppUnderTest], work: Path, args: argparse.Namespace) -> None:
    """Run every app's server at once and take every figure (the memory figure for the first
    app only)."""
    with contextlib.ExitStack() as servers:
        urls = []
        for app in apps:
            label = app.label.replace(" ", "-")
            env = {CACHE_DIR_VARIABLE: str(work / f"cache-{label}"), "COVERAGE_REGISTER_DIR": None}
            urls.append(servers.enter_context(streamlit_server(
                app.script, cwd=app.cwd, log=work / f"{label}.log", env=env,
                python_path=app.python_path)))
        if not args.no_browser:
            print("  browser ...", file=sys.stderr, flush=True)
            browser_figures([(app, url) for app, url in zip(apps, urls, strict=True)
                             if app.browser], args.runs)
        print("  sessions ...", file=sys.stderr, flush=True)
        session_figures(list(zip(apps, urls, strict=True)), args.sessions, args.runs,
                        args.memory_sessions)


# --- report ----------------------------------------------------------------------------------


def _median(values: Any, scale: float = 1.0, digits: int = 2, unit: str = "s") -> str:
    if values is None:
        return "–"
    values = values if isinstance(values, list) else [values]
    return f"{statistics.median(values) * scale:.{digits}f} {unit}".strip()


def _kb(values: Any) -> str:
    return _median(values, 1 / 1000, 1, "KB")


def report(apps: list[AppUnderTest], args: argparse.Namespace) -> None:
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("page → polygons (median)", lambda f: _median(f.get("page_s"))),
        ("  server's first page", lambda f: _median(f.get("first_page_s"))),
        ("click → card (median)", lambda f: _median(f.get("card_s"))),
        ("click → outline (median)", lambda f: _median(f.get("outline_s"), 1000, 0, "ms")),
        ("websocket bytes per click", lambda f: _kb(f.get("bytes"))),
        ("websocket bytes per search", lambda f: _kb(f.get("search_bytes"))),
        (f"{args.sessions} sessions at once, last finished",
         lambda f: _median(f.get("sessions_s"))),
        ("  bytes per new session", lambda f: _kb(f.get("session_bytes"))),
        ("server memory every 100 sessions",
         lambda f: " → ".join(f"{value} MB" for value in f["rss_mb"]) if "rss_mb" in f
         else "–"),
    ]
    print(f"\npython bench/app.py --runs {args.runs} --sessions {args.sessions}: "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print("| figure | " + " | ".join(app.label for app in apps) + " |")
    print("| --- | " + " | ".join("---" for _ in apps) + " |")
    for label, cell in rows:
        print(f"| {label} | " + " | ".join(cell(app.figures) for app in apps) + " |")
    ours = apps[0].figures
    print(f"\ntargets (this app): click → outline < {OUTLINE_TARGET_S * 1000:g} ms; "
          f"bytes per selection < {SELECTION_BYTES_TARGET / 1000:g} KB; "
          f"{args.sessions} sessions < {SESSIONS_TARGET_S:g} s; page → polygons no later "
          f"than the naive app")
    print(f"load average (1, 5, 15 min): at the start {args.load_at_start}, at the end "
          f"{_load_average()}, on {os.cpu_count()} CPUs")
    by_label = {app.label: app.figures for app in apps}
    if "page_s" in ours:
        ours_s = statistics.median(ours["page_s"])
        for label in ("naive one-map app", "map-only page"):
            theirs = statistics.median(by_label[label]["page_s"])
            print(f"page → polygons, this app minus {label}: {ours_s - theirs:+.2f} s "
                  f"(ratio {ours_s / theirs:.2f})")
    hello = by_label["Streamlit hello page"]
    if ours.get("sessions_s") and hello.get("sessions_s"):
        ratio = statistics.median(ours["sessions_s"]) / statistics.median(hello["sessions_s"])
        print(f"{args.sessions} sessions at once, this app / hello page: {ratio:.2f}")
    print("raw:", {app.label: app.figures for app in apps})


def _load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="browser measurements per figure")
    parser.add_argument("--sessions", type=int, default=50, help="sessions opened at once")
    parser.add_argument("--memory-sessions", type=int, default=300,
                        help="sessions for the memory figure (0: skip)")
    parser.add_argument("--baseline", help="also measure the app at this git ref")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    args = parser.parse_args()
    args.load_at_start = _load_average()
    os.chdir(ROOT)

    # The register's versions: a throwaway database (filled by the first page), never the
    # user's own; every server measured inherits it.
    database = tempfile.mkdtemp(prefix="bench-database-")
    atexit.register(shutil.rmtree, database, True)
    os.environ.setdefault("COVERAGE_DATABASE_URL", f"sqlite:///{database}/register.sqlite3")
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder, \
            contextlib.ExitStack() as stack:
        work = Path(folder)
        apps = [AppUnderTest("this app", ROOT / "app.py", ROOT, ROOT, has_search=True,
                             outline="script"),
                stack.enter_context(naive_app(work)),
                stack.enter_context(map_only_app(work))]
        if args.baseline:
            apps.append(stack.enter_context(baseline_app(work, args.baseline)))
        apps.append(stack.enter_context(hello_app(work)))
        measure(apps, work, args)
    report(apps, args)


if __name__ == "__main__":
    main()
