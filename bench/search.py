"""Benchmark the search: page open → search usable, beside Streamlit's own minimal page, and
Enter → the number in view.

``python bench/search.py [--runs 7] [--baseline REF]`` from the repository root. The servers
(with ``--baseline``, also the dashboard as it was at git ref ``REF``) run side by side in the
same run (the e2e helpers' ``streamlit_server``, loopback only), measured in headless
Chromium, a fresh browser context per page, the two pages taken in turn:

- page open → search usable: from ``page.goto`` until the search box takes text (Playwright's
  ``fill`` of one letter has succeeded: the box is visible, enabled and editable), for this app
  and for Streamlit's own minimal page: a title and one text input (``st.text_input``), the least
  a Streamlit page with a search box can be. Target: this app within 1.5 s of that page. The
  server's first page (which loads the boundaries and the register) is reported apart;
- Enter → number visible: on a page that has finished loading, "Zwolle" typed in the search box
  and its offers listed, from the Enter key until a ``tel:`` link of the contact card lies
  inside the viewport, at 1400x1000 and 390x844 (polled every animation frame). Target ≤ 0.5 s.

Medians over ``--runs`` pages each, printed as a table with every figure.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.app import baseline_app  # noqa: E402
from geodata.disk_cache import CACHE_DIR_VARIABLE  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    CARD,
    app_server,
    launch_chromium,
    open_app_page,
    search_box,
    streamlit_server,
    wait_for_app,
)

USABLE_MARGIN_TARGET_S = 1.5
ENTER_TO_NUMBER_TARGET_S = 0.5
VIEWPORTS = {"1400x1000": (1400, 1000), "390x844": (390, 844)}
HELLO_LABEL = "Zoek een gemeente"
HELLO_PAGE = f"""import streamlit as st

st.title("Hello")
st.text_input({HELLO_LABEL!r})
"""

_NUMBER_IN_VIEW_JS = """(selector) => {
    for (const link of document.querySelectorAll(`${selector} a[href^="tel:"]`)) {
        const box = link.getBoundingClientRect();
        if (box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight) { return true; }
    }
    return false;
}"""


@contextlib.contextmanager
def hello_server(work: Path) -> Iterator[str]:
    """Streamlit's own minimal page with a search box, with the app's config (no telemetry)."""
    folder = work / "hello"
    (folder / ".streamlit").mkdir(parents=True)
    (folder / "hello.py").write_text(HELLO_PAGE, encoding="utf-8")
    shutil.copyfile(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    with streamlit_server(folder / "hello.py", cwd=folder, log=work / "hello.log") as url:
        yield url


def open_to_usable(browser: Any, url: str, role: str) -> float:
    """Seconds from opening the page to the search box (a `role` named `HELLO_LABEL`) taking
    text."""
    app_page = open_app_page(browser, url, "bench")
    try:
        page = app_page.page
        start = time.perf_counter()
        page.goto(url)
        box = page.get_by_role(role, name=HELLO_LABEL)  # type: ignore[arg-type]
        box.fill("Z")
        seconds = time.perf_counter() - start
        assert box.input_value() == "Z"
        app_page.assert_same_origin()
        return seconds
    finally:
        app_page.close()


def enter_to_number(browser: Any, url: str, viewport: tuple[int, int]) -> float:
    """Seconds from Enter on "Zwolle" in the search box to a `tel:` link inside the viewport."""
    app_page = open_app_page(browser, url, "bench")
    try:
        page = app_page.page
        page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        page.goto(url)
        wait_for_app(page)
        box = search_box(page)
        box.click()
        box.fill("Zwolle")
        page.get_by_role("listbox").get_by_role("option").first.wait_for()
        start = time.perf_counter()
        box.press("Enter")
        page.wait_for_function(_NUMBER_IN_VIEW_JS, arg=CARD, polling="raf")
        seconds = time.perf_counter() - start
        assert "Contact voor Zwolle" in page.locator(CARD).inner_text()
        app_page.assert_same_origin()
        return seconds
    finally:
        app_page.close()


def measure(runs: int, work: Path, baseline: str | None = None) -> dict[str, Any]:
    """Every figure, the servers running side by side."""
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {"app": [], "hello": []}
    with contextlib.ExitStack() as servers:
        app_url = servers.enter_context(app_server(work_dir=work / "app"))
        hello_url = servers.enter_context(hello_server(work))
        pages = [("app", app_url, "combobox"), ("hello", hello_url, "textbox")]
        if baseline:
            app = servers.enter_context(baseline_app(work, baseline))
            env = {CACHE_DIR_VARIABLE: str(work / "cache-baseline"), "COVERAGE_REGISTER_DIR": None}
            pages.append(("baseline", servers.enter_context(streamlit_server(
                app.script, cwd=app.cwd, log=work / "baseline.log", env=env,
                python_path=app.python_path)), "combobox"))
        playwright = servers.enter_context(sync_playwright())
        browser = launch_chromium(playwright)
        try:
            for name, url, role in pages:
                figures[f"{name}_first"] = open_to_usable(browser, url, role)
                figures.setdefault(name, [])
            for _ in range(runs):  # in turn, so all see the same load on the machine
                for name, url, role in pages:
                    figures[name].append(open_to_usable(browser, url, role))
            for name, size in VIEWPORTS.items():
                figures[name] = [enter_to_number(browser, app_url, size) for _ in range(runs)]
        finally:
            browser.close()
    return figures


def _s(values: list[float] | float) -> str:
    values = values if isinstance(values, list) else [values]
    return f"{statistics.median(values):.2f} s"


def report(figures: dict[str, Any], runs: int, baseline: str | None = None) -> None:
    app, hello = statistics.median(figures["app"]), statistics.median(figures["hello"])
    print(f"\npython bench/search.py --runs {runs}: {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}\n")
    print("| figure (median) | this app | Streamlit's minimal page (title + text input) |")
    print("| --- | --- | --- |")
    print(f"| page open → search usable | {_s(figures['app'])} | {_s(figures['hello'])} |")
    print(f"|   server's first page | {_s(figures['app_first'])} | "
          f"{_s(figures['hello_first'])} |")
    for name in VIEWPORTS:
        print(f"| Enter → number in view, {name} | {_s(figures[name])} | – |")
    if "baseline" in figures:
        print(f"\nthe dashboard at {baseline}: page open → search usable "
              f"{_s(figures['baseline'])} (server's first page {_s(figures['baseline_first'])})")
    margin = app - hello
    slowest_enter = max(statistics.median(figures[name]) for name in VIEWPORTS)
    usable_met = margin <= USABLE_MARGIN_TARGET_S
    print(f"\nsearch usable: {margin:+.2f} s beside Streamlit's minimal page (target ≤ "
          f"{USABLE_MARGIN_TARGET_S:g} s): {'met' if usable_met else 'MISSED'}")
    print(f"Enter → number: {slowest_enter:.2f} s at the slower size (target ≤ "
          f"{ENTER_TO_NUMBER_TARGET_S:g} s): "
          f"{'met' if slowest_enter <= ENTER_TO_NUMBER_TARGET_S else 'MISSED'}")
    print("raw:", {name: [round(value, 3) for value in (values if isinstance(values, list)
                                                         else [values])]
                   for name, values in figures.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="pages per figure")
    parser.add_argument("--baseline", help="also time the search box of the app at this git ref")
    args = parser.parse_args()
    os.chdir(ROOT)
    # The register's versions: a throwaway database (filled by the first page), never the
    # user's own.
    database = tempfile.mkdtemp(prefix="bench-search-database-")
    atexit.register(shutil.rmtree, database, True)
    os.environ.setdefault("COVERAGE_DATABASE_URL", f"sqlite:///{database}/register.sqlite3")
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        figures = measure(args.runs, Path(folder), args.baseline)
    report(figures, args.runs, args.baseline)


if __name__ == "__main__":
    main()
