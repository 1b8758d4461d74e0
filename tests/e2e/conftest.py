"""Fixtures for the browser tests: the running dashboard, Chromium and a recording page.

- ``app_url``: the dashboard (``streamlit run app.py`` from the repository root, the
  repository's register, a throwaway area cache), started once per session.
- ``start_app``: starts another dashboard server, e.g. with a different register folder or
  database; stopped at the end of the test.
- ``browser``: the system's headless Chromium, once per session.
- ``open_page``: opens a fresh page for a server's base URL (an :class:`AppPage` recording
  every request, aborting those off the app's origin); at teardown it saves a screenshot to
  ``artifacts/e2e/<test name>.png`` if the test did not, and closes the page.
- ``app_page``: ``open_page(app_url)``.

The helpers themselves (also used by ``bench/`` and ``scripts/``) are in
``tests/support/servers.py`` and ``tests/support/browser.py``.
Every test fails (never skips) when Playwright or ``/usr/bin/chromium`` is missing.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support.browser import CHROMIUM, AppPage, launch_chromium, open_app_page
from tests.support.paths import ARTIFACTS_DIR
from tests.support.servers import app_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def _require_browser() -> None:
    """Fail, never skip, without a browser: a green run must have driven a real browser."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("the browser tests need Playwright: pip install -e '.[test]'")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Chromium at {CHROMIUM}: apt-get install chromium")


def screenshot_name(request: pytest.FixtureRequest) -> str:
    """The test's name, usable as a file name."""
    return re.sub(r"[^\w.-]+", "_", request.node.name)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the dashboard with the repository's register."""
    _require_browser()
    with app_server(work_dir=tmp_path_factory.mktemp("app")) as url:
        yield url


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Start a dashboard with another register folder or database:
    ``start_app(folder, database_url=None)`` → base URL."""
    _require_browser()
    numbers = itertools.count()
    with contextlib.ExitStack() as servers:

        def start(register_dir: Path | None, database_url: str | None = None) -> str:
            work_dir = tmp_path / f"server-{next(numbers)}"
            return servers.enter_context(app_server(register_dir, work_dir=work_dir,
                                                    database_url=database_url))

        yield start


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The system's headless Chromium."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser: Browser,
              request: pytest.FixtureRequest) -> Iterator[Callable[[str], AppPage]]:
    """``open_page(base_url)``: a fresh recording page; screenshot and close at teardown."""
    pages: list[AppPage] = []
    name = screenshot_name(request)

    def open_(base_url: str) -> AppPage:
        page = open_app_page(browser, base_url, name)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        shot = ARTIFACTS_DIR / f"{page.name}.png"
        if not shot.exists() or shot.stat().st_mtime < page.created:
            try:
                page.screenshot()
            except Exception as error:  # a crashed or hung page: keep the real error
                print(f"no screenshot of {page.name}: {error}", file=sys.stderr)
        page.close()


@pytest.fixture
def app_page(app_url: str, open_page: Callable[[str], AppPage]) -> AppPage:
    """A fresh recording page for the dashboard (not yet navigated)."""
    return open_page(app_url)
