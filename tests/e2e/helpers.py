"""Helpers for the browser tests and `bench/app.py`: a Streamlit server, Chromium, waiting.

Plain functions and context managers (no pytest), so the benchmark can reuse them; the pytest
fixtures built on them are in `tests/e2e/conftest.py`.

- :func:`streamlit_server` runs any Streamlit script on a free loopback port, waits for
  ``/_stcore/health`` and stops the process and its children afterwards; :func:`app_server`
  runs the dashboard (``app.py``) with a chosen register folder and a throwaway cache.
- :func:`launch_chromium` starts the system's Chromium (never a downloaded browser);
  :func:`open_app_page` gives an :class:`AppPage`: a page in a fresh browser context that
  records every request and aborts the ones off the app's origin.
- :func:`wait_for_script_done`, :func:`wait_for_polygons`, :func:`search_for` and
  :func:`click_municipality` drive the dashboard.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from geodata.disk_cache import CACHE_DIR_VARIABLE
from registry.database import DATABASE_URL_VARIABLE
from registry.yaml_register import REGISTER_DIR_VARIABLE
from ui.first_screen import WAITING_MARK

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from playwright.sync_api import (
        Browser,
        BrowserContext,
        FrameLocator,
        Locator,
        Page,
        Playwright,
        Route,
    )
    from playwright.sync_api import Request as PwRequest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = REPO_ROOT / "app.py"
ARTIFACTS_DIR = REPO_ROOT / "artifacts" / "e2e"
"""Screenshots for a person to look at (git-ignored)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1000}
PHONE_CONTEXT: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True,
                                 "is_mobile": True, "device_scale_factor": 3}
"""A phone's browser context (touch events, a mobile viewport), for :func:`open_app_page`."""

# streamlit-folium declares its component as "st_folium" in module "streamlit_folium";
# Streamlit titles a v1 component's iframe with that name.
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
POLYGONS = "path.leaflet-interactive"
CARD = "section.contact-card"
WAITING_SELECTOR = f".st-key-{WAITING_MARK}"
"""The mark of a first screen, which waits for the map (``ui.first_screen``)."""

SEARCH_LABEL = "Zoek een gemeente"
"""The search box's name on a Dutch page (a combobox: ui/dashboard/search.py)."""

SERVER_START_TIMEOUT_S = 30.0
UI_TIMEOUT_MS = 30_000
"""Playwright's default timeout on an :class:`AppPage` (the first run loads the boundaries)."""


_SAFE_SCHEMES = {"data", "blob", "about"}

NO_OUTBOUND_PROXY = "http://127.0.0.1:9"
"""The discard port of the loopback interface: nothing listens, every connection is refused."""
NO_OUTBOUND_ENV: dict[str, str | None] = {
    **dict.fromkeys(("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY",
                     "all_proxy"), NO_OUTBOUND_PROXY),
    "NO_PROXY": None, "no_proxy": None,
}
"""For a dashboard under test: an HTTP(S) request by the server goes to a closed local port
instead of the internet (tests/e2e/test_no_outbound.py proves that none is made)."""


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    """Return a TCP port that is free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base_url: str, server: subprocess.Popen[bytes], log: Path,
                 timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; raise if the server dies or hangs."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as response:
                if response.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"streamlit not healthy after {timeout_s}s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 60) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {log})"


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group (it was started in a session of its own)."""
    if server.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
    # Children of the server (if any) may outlive it; the group id is the server's pid.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    if server.poll() is None:
        server.wait()


@contextlib.contextmanager
def streamlit_server(script: Path, *, cwd: Path, log: Path,
                     env: Mapping[str, str | None] | None = None,
                     extra_args: tuple[str, ...] = (), python_path: Path = REPO_ROOT,
                     command_prefix: tuple[str, ...] = ()) -> Iterator[str]:
    """Run ``streamlit run SCRIPT`` on a free loopback port; yield the base URL.

    Args:
        script: The main script.
        cwd: Working directory (Streamlit reads ``cwd/.streamlit/config.toml``).
        log: File for the server's output (shown when it fails to start).
        env: Changes to the environment; ``None`` as a value removes the variable.
            ``python_path`` is put on ``PYTHONPATH``.
        extra_args: More ``streamlit run`` options.
        python_path: The folder the project is imported from (the repository root).
        command_prefix: A command the server is started through (e.g. ``setpriv ...``).

    The server runs in a process group of its own, terminated (and killed if need be) on exit.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    environment = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(python_path), *filter(None, [os.environ.get("PYTHONPATH")])])
    command = [
        *command_prefix, sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        # Nothing to watch in a test; a colleague's edit must not trigger anything either.
        "--server.fileWatcherType", "none",
        *extra_args,
    ]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as log_file:
        server = subprocess.Popen(command, cwd=cwd, env=environment, stdout=log_file,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(base_url, server, log)
        yield base_url
    finally:
        _stop(server)


@contextlib.contextmanager
def app_server(register_dir: Path | None = None, work_dir: Path | None = None,
               database_url: str | None = None) -> Iterator[str]:
    """Run the dashboard from the repository root; yield its base URL.

    Args:
        register_dir: Register folder (``COVERAGE_REGISTER_DIR``) that fills an empty
            database; ``None``: the repository's ``data/`` (the variable is removed from the
            environment).
        work_dir: Folder for the server log and the area cache (``COVERAGE_CACHE_DIR``); a
            temporary folder, removed afterwards, when ``None``.
        database_url: The database of versions (``COVERAGE_DATABASE_URL``). ``None``: a new
            SQLite file in ``work_dir`` when a register folder is given (so that the folder
            fills it), else the database named by this process's environment.
    """
    with contextlib.ExitStack() as stack:
        if work_dir is None:
            work_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="e2e-app-")))
        if database_url is None and register_dir is not None:
            database_url = f"sqlite:///{work_dir / 'register.sqlite3'}"
        env = {
            REGISTER_DIR_VARIABLE: str(register_dir) if register_dir is not None else None,
            CACHE_DIR_VARIABLE: str(work_dir / "cache"),
            **NO_OUTBOUND_ENV,
        }
        if database_url is not None:
            env[DATABASE_URL_VARIABLE] = database_url
        yield stack.enter_context(streamlit_server(
            APP_SCRIPT, cwd=REPO_ROOT, log=work_dir / "streamlit.log", env=env))


# --- the browser -----------------------------------------------------------------------------


def launch_chromium(playwright: Playwright) -> Browser:
    """Start the system's headless Chromium (never one downloaded by Playwright)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def is_foreign(url: str, origin: str) -> bool:
    """Tell whether ``url`` goes to another host (or port) than ``origin``'s.

    ``data:``, ``blob:`` and ``about:`` URLs stay on the page; ``ws:`` to the app's host and
    port is the app's own.
    """
    parts = urlsplit(url)
    if parts.scheme in _SAFE_SCHEMES:
        return False
    return parts.netloc != urlsplit(origin).netloc


@dataclass
class AppPage:
    """A page in a browser context of its own, recording every request it makes."""

    page: Page
    context: BrowserContext
    origin: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    name: str = "page"
    """Default screenshot name (the test's name, from the ``open_page`` fixture)."""
    created: float = field(default_factory=time.time)

    def foreign_requests(self) -> list[str]:
        """Requested URLs off the app's origin (they were aborted)."""
        return [url for url in self.requests if is_foreign(url, self.origin)]

    def assert_same_origin(self) -> None:
        """Fail if any request went to a host other than the app's own."""
        foreign = self.foreign_requests()
        assert not foreign, f"requests off the app's origin {self.origin}: {foreign}"

    def screenshot(self, name: str | None = None) -> Path:
        """Save a screenshot of the viewport to ``artifacts/e2e/<name>.png``."""
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS_DIR / f"{name or self.name}.png"
        self.page.screenshot(path=path)
        return path

    def close(self) -> None:
        self.context.close()


def open_app_page(browser: Browser, origin: str, name: str = "page",
                  **context_options: Any) -> AppPage:
    """A fresh context and page for the app at ``origin`` (``context_options``: more options of
    the browser context, e.g. :data:`PHONE_CONTEXT`).

    Every request (and web socket) is recorded; HTTP requests off ``origin`` are aborted at
    once (so a test fails fast instead of waiting for DNS) and reported on stderr.
    """
    context = browser.new_context(**{"viewport": VIEWPORT, **context_options})
    app_page = AppPage(page=context.new_page(), context=context, origin=origin, name=name)

    def route(route: Route, request: PwRequest) -> None:
        if is_foreign(request.url, origin):
            app_page.blocked.append(request.url)
            print(f"blocked request off the app's origin: {request.url}", file=sys.stderr)
            route.abort()
        else:
            route.continue_()

    context.on("request", lambda request: app_page.requests.append(request.url))
    # A regular expression is matched in the browser; a Python predicate would send every
    # request of the app through this process (about 150 of them per page load).
    own_host = re.escape(urlsplit(origin).netloc)
    context.route(re.compile(rf"^https?://(?!{own_host}(?:[/?#]|$))", re.IGNORECASE), route)
    app_page.page.on("websocket", lambda socket: app_page.requests.append(socket.url))
    # A page that stops answering leaves only a timeout; say when the browser knows why.
    app_page.page.on("crash", lambda _: print(f"the page crashed: {origin}", file=sys.stderr))
    app_page.page.on("pageerror", lambda error: print(f"page error: {error}", file=sys.stderr))
    app_page.page.set_default_timeout(UI_TIMEOUT_MS)
    return app_page


# --- the dashboard ---------------------------------------------------------------------------

_SCRIPT_DONE_JS = """
([settleMs, token]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const idle = app !== null
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && document.querySelector('[data-testid="stStatusWidgetRunningIcon"]') === null;
    const seen = window.__e2eIdle;
    if (!idle) { window.__e2eIdle = {token, since: null}; return false; }
    if (!seen || seen.token !== token || seen.since === null) {
        window.__e2eIdle = {token, since: performance.now()};
        return settleMs <= 0;
    }
    return performance.now() - seen.since >= settleMs;
}
"""


_wait_tokens = itertools.count()


def map_frame(page: Page) -> FrameLocator:
    """The st_folium iframe."""
    return page.frame_locator(MAP_IFRAME)


def wait_for_script_done(page: Page, settle_ms: int = 150, timeout_ms: float | None = None) -> None:
    """Wait until the app is connected and its script is not running, for ``settle_ms``.

    Uses ``data-test-script-state`` on ``[data-testid="stApp"]`` and the status widget's
    running icon. The settle time covers the moment between a key press or a widget click
    and the rerun it starts. Not so for a click on the map: streamlit-folium reports it after
    a 250 ms debounce, so wait for what the click should show (the card) first.
    """
    token = next(_wait_tokens)  # a fresh settle clock for every wait
    page.wait_for_function(_SCRIPT_DONE_JS, arg=[settle_ms, token], polling=50,
                           timeout=timeout_ms)


def wait_for_polygons(page: Page, timeout_ms: float | None = None) -> None:
    """Wait until a municipality polygon is drawn and visible inside the map's iframe.

    Leaflet gives paths outside the view an empty ``d``; those count as hidden, so this waits
    for any visible one, not the first.
    """
    map_frame(page).locator(POLYGONS).filter(visible=True).first.wait_for(
        state="visible", timeout=timeout_ms)


def wait_for_app(page: Page) -> None:
    """Wait until the map's polygons are visible and the whole page is drawn: on a session's
    first page the rest comes in a second run once the map has drawn (``ui.first_screen``),
    so the page no longer shows the mark of a first screen and its script has finished."""
    wait_for_polygons(page)
    page.locator(WAITING_SELECTOR).wait_for(state="detached")
    wait_for_script_done(page)


VIEWPORTS = {"laptop": (1400, 1000), "phone": (390, 844)}
"""The two screens the number-first and accessibility tests use: a laptop and a phone."""

ZWOLLE = ("GM0193", 6.10, 52.51)
"""Zwolle's code, and the longitude and latitude of its representative point."""


def open_at(app_page: AppPage, viewport: str, query: str = "") -> None:
    """Open the dashboard (``query``: e.g. ``/?gemeente=GM0193``) at one of ``VIEWPORTS``
    and wait for the app."""
    width, height = VIEWPORTS[viewport]
    app_page.page.set_viewport_size({"width": width, "height": height})
    app_page.page.goto(app_page.origin + query)
    wait_for_app(app_page.page)


def search_box(page: Page, label: str = SEARCH_LABEL) -> Locator:
    """The search box: a combobox named by its label."""
    return page.get_by_role("combobox", name=label)


def search_for(page: Page, text: str, label: str = SEARCH_LABEL) -> None:
    """Type ``text`` in the search box and press Enter once its offers are listed (the first,
    highlighted, is the text as typed, or the offer that is exactly that text); wait for the
    run that follows."""
    box = search_box(page, label)
    box.click()  # a fill alone does not open the offers once the focus was elsewhere
    box.fill(text)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    box.press("Enter")
    wait_for_script_done(page)


_FIND_POINT_JS = """
([code, lat, lon]) => {
    const map = window.map;  // streamlit-folium keeps the Leaflet map here
    if (!map) { return {error: 'no window.map in the iframe'}; }
    let layer = null;
    map.eachLayer(l => {
        if (l.feature && l.feature.properties && l.feature.properties.code === code) { layer = l; }
    });
    if (layer === null || !layer._path) { return {error: `no polygon for ${code}`}; }
    const box = map.getContainer().getBoundingClientRect();
    const hits = point => {
        const x = box.left + point.x, y = box.top + point.y;
        return document.elementFromPoint(x, y) === layer._path ? {x, y} : null;
    };
    // The given point first, then the layer's centre, then a grid over its bounds: the first
    // point where the polygon itself is on top.
    let found = hits(map.latLngToContainerPoint([lat, lon]))
        || hits(map.latLngToContainerPoint(layer.getCenter()));
    const bounds = layer.getBounds(), steps = 12;
    for (let i = 1; !found && i < steps; i++) {
        for (let j = 1; !found && j < steps; j++) {
            const at = [bounds.getSouth() + (bounds.getNorth() - bounds.getSouth()) * i / steps,
                        bounds.getWest() + (bounds.getEast() - bounds.getWest()) * j / steps];
            found = hits(map.latLngToContainerPoint(at));
        }
    }
    return found || {error: `${code} is not visible on the map`};
}
"""

_IFRAME_OFFSET_JS = """
el => {
    const box = el.getBoundingClientRect();
    return {x: box.left + el.clientLeft, y: box.top + el.clientTop};
}
"""


def municipality_point(page: Page, code: str, lon: float, lat: float) -> tuple[float, float]:
    """Page coordinates of a point inside the municipality ``code``'s polygon on the map.

    Uses the Leaflet map inside the iframe: ``(lon, lat)`` if the polygon is on top there,
    else its centre or a point on a grid over its bounds.
    """
    iframe = page.locator(MAP_IFRAME)
    iframe.scroll_into_view_if_needed()
    frame = iframe.element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    # The map may still be settling (its frame resized, a fit animating): try for a while.
    deadline = time.monotonic() + 10
    point = frame.evaluate(_FIND_POINT_JS, [code, lat, lon])
    while "error" in point and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        point = frame.evaluate(_FIND_POINT_JS, [code, lat, lon])
    assert "error" not in point, point["error"]
    offset = iframe.evaluate(_IFRAME_OFFSET_JS)
    return offset["x"] + point["x"], offset["y"] + point["y"]


def hover_municipality(page: Page, code: str, lon: float, lat: float) -> tuple[float, float]:
    """Move the mouse onto municipality ``code``; return the page point; wait for a tooltip."""
    x, y = municipality_point(page, code, lon, lat)
    page.mouse.move(x, y)
    map_frame(page).locator(".leaflet-tooltip").wait_for(state="visible")
    return x, y


def tooltip_text(page: Page) -> str:
    """The text of the map's tooltip."""
    return map_frame(page).locator(".leaflet-tooltip").inner_text()


def click_municipality(page: Page, code: str, lon: float, lat: float,
                       name: str | None = None) -> None:
    """Click municipality ``code`` on the map (after checking the tooltip names ``name``)."""
    x, y = hover_municipality(page, code, lon, lat)
    if name is not None:
        text = tooltip_text(page)
        assert name in text, f"tooltip at the point for {code} reads {text!r}, not {name!r}"
    page.mouse.click(x, y)


# --- the selection drawn by the map (ui/map/selection_script.py) -----------------------------

SELECTION_OUTLINE = ".leaflet-coverageSelection-pane path"
"""The selection's outline paths inside the map's iframe (halo and line)."""


@dataclass
class WebsocketMeter:
    """Counts the bytes of every websocket frame the page sends and receives."""

    received: int = 0
    sent: int = 0

    def attach(self, page: Page) -> WebsocketMeter:
        """Count the frames of every websocket ``page`` opens from now on."""
        def size(payload: str | bytes) -> int:
            return len(payload.encode() if isinstance(payload, str) else payload)

        def watch(socket: Any) -> None:
            socket.on("framereceived", lambda payload: self._add("received", size(payload)))
            socket.on("framesent", lambda payload: self._add("sent", size(payload)))

        page.on("websocket", watch)
        return self

    def _add(self, direction: str, count: int) -> None:
        setattr(self, direction, getattr(self, direction) + count)

    @property
    def total(self) -> int:
        """Bytes both ways."""
        return self.received + self.sent

    def reset(self) -> None:
        """Start counting from zero."""
        self.received = self.sent = 0


def map_window_id(page: Page) -> str:
    """The id the map's script drew for its iframe (a rebuilt iframe has another)."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    return str(frame.evaluate("() => window.coverageSelection.id"))


def shown_selection(page: Page) -> str | None:
    """The municipality the map outlines now (its own record, ``window.coverageSelection``)."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    return frame.evaluate("() => window.coverageSelection.shown")


def wait_for_selection_outline(page: Page, code: str, timeout_ms: float | None = None) -> None:
    """Wait until the map outlines ``code`` (both paths drawn and visible)."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    frame.wait_for_function(
        """code => window.coverageSelection && window.coverageSelection.shown === code
            && document.querySelectorAll('.leaflet-coverageSelection-pane path').length === 2""",
        arg=code, timeout=timeout_ms)
    map_frame(page).locator(SELECTION_OUTLINE).last.wait_for(state="visible",
                                                              timeout=timeout_ms)


_CLICK_TO_OUTLINE_JS = """
() => {
    const pane = document.querySelector('.leaflet-coverageSelection-pane');
    const times = {click: null, outline: null};
    window.__clickToOutline = times;
    document.addEventListener('click', () => {
        times.click = performance.now(); times.outline = null;
    }, true);
    new MutationObserver(() => {
        if (times.click !== null && times.outline === null && pane.querySelector('path')) {
            // The next frame: the outline is painted by then.
            requestAnimationFrame(() => { times.outline = performance.now(); });
        }
    }).observe(pane, {childList: true, subtree: true});
}
"""


def start_click_to_outline_timer(page: Page) -> None:
    """Record, inside the map's iframe, when a click happens and the next outline is painted."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    frame.evaluate(_CLICK_TO_OUTLINE_JS)


def click_to_outline_s(page: Page) -> float:
    """Seconds from the last click to the outline painted (see
    :func:`start_click_to_outline_timer`), waiting for the outline if need be."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    frame.wait_for_function("() => window.__clickToOutline.outline !== null")
    times = frame.evaluate("() => window.__clickToOutline")
    return (times["outline"] - times["click"]) / 1000


def open_view(page: Page, name: str, settle_ms: int = 150) -> None:
    """Open the view tab ``name`` and wait for the run it starts.

    A tab click that lands while a run is being finished can be undone by that run's result,
    so the click is repeated (at most three times) until the tab is still selected once the
    app has settled.
    """
    tab = page.get_by_role("tab", name=name)
    for _attempt in range(3):
        wait_for_script_done(page)
        tab.click()
        wait_for_script_done(page, settle_ms=settle_ms)
        if tab.get_attribute("aria-selected") == "true":
            return
    raise AssertionError(f"the view tab {name!r} did not stay selected after three clicks")


NUMBER_IN_VIEW_JS = """
(selector) => {
    const link = document.querySelector(selector);
    if (!link) { return false; }
    const box = link.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0;
}
"""
"""Whether the link `selector` finds lies wholly inside the viewport."""


def number_in_view(app_page: AppPage, name: str, number: str | None = None) -> None:
    """Wait until the card names `name` and its first `tel:` link (or the one for `number`)
    lies wholly inside the viewport."""
    page = app_page.page
    page.locator(CARD).get_by_text(f"Contact voor {name}", exact=True).wait_for()
    selector = (f'{CARD} a[href="tel:{number}"]' if number else f'{CARD} a[href^="tel:"]')
    page.wait_for_function(NUMBER_IN_VIEW_JS, arg=selector, timeout=15_000)
