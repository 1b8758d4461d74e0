"""Every response of the dashboard's server carries the security headers, the dashboard works
under its Content-Security-Policy, and a page of another origin cannot frame it (issue 16).

The page records every response of every frame (the page, Streamlit's static files, the map
component's frame and Leaflet under `/app/static/`) and every CSP violation of every frame (a
`securitypolicyviolation` listener in each document). The one violation allowed is Streamlit's
protobuf code trying WebAssembly (`wasm-eval`), which it catches and does without.

The framing tests open a page of another origin (another port of the loopback address, served
by `http.server`) that puts the dashboard in an `<iframe>`.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from geodata.disk_cache import CACHE_DIR_VARIABLE
from tests.e2e.helpers import (
    APP_SCRIPT,
    ARTIFACTS_DIR,
    CARD,
    MAP_IFRAME,
    NO_OUTBOUND_ENV,
    POLYGONS,
    REPO_ROOT,
    AppPage,
    search_for,
    streamlit_server,
    wait_for_app,
)
from ui.server.security_headers import FRAME_ANCESTORS_VARIABLE, PERMISSIONS_POLICY

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

pytestmark = pytest.mark.e2e

EMBEDDING = "http://127.0.0.1:*"
"""What the embeddable dashboard allows to frame it: any port of the loopback address (the
framing page gets a free port)."""

_RECORD_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
    const violation = {directive: e.violatedDirective, blocked: e.blockedURI,
                       source: e.sourceFile, document: e.documentURI};
    window.__cspViolations.push(violation);
    console.log('csp-violation ' + JSON.stringify(violation));
});
"""


EXPECTED = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
            "permissions-policy": PERMISSIONS_POLICY}
"""The headers every response carries as they are (the CSP is checked piece by piece)."""


def assert_security_headers(headers: dict[str, str], url: str,
                            ancestors: str = "'self'") -> None:
    """`headers` (lower-case names) carry the security headers with these frame ancestors."""
    for name, value in EXPECTED.items():
        assert headers.get(name) == value, (url, name, headers.get(name))
    policy = headers.get("content-security-policy", "")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives.get("frame-ancestors") == ancestors, (url, policy)
    assert directives.get("default-src") == "'self'", (url, policy)
    assert directives.get("object-src") == "'none'", (url, policy)
    assert "'unsafe-eval'" not in policy and "*" not in directives.get("script-src", "*")


def test_every_response_carries_the_headers_and_the_app_works(app_page: AppPage) -> None:
    page = app_page.page
    responses: list[Response] = []
    violations: list[str] = []
    page.on("response", lambda response: responses.append(response))
    page.on("console", lambda message: violations.append(message.text)
            if message.text.startswith("csp-violation") else None)
    app_page.context.add_init_script(_RECORD_VIOLATIONS_JS)

    page.goto(app_page.origin)
    wait_for_app(page)
    search_for(page, "Zwolle")
    card = page.locator(CARD)
    card.get_by_text("Contact voor Zwolle").wait_for()
    assert card.locator("a[href^='tel:']").first.is_visible()
    assert page.frame_locator(MAP_IFRAME).locator(POLYGONS).count() > 300
    app_page.screenshot()

    by_kind = {
        "page": [r for r in responses if r.url.rstrip("/") == app_page.origin],
        "Streamlit's static file": [r for r in responses if "/static/js/" in r.url],
        "component frame": [r for r in responses
                            if "/component/streamlit_folium.st_folium/index.html" in r.url],
        "component file": [r for r in responses if "/component/streamlit_folium" in r.url
                           and r.url.endswith(".js")],
        "Leaflet (/app/static/)": [r for r in responses if "/app/static/leaflet" in r.url],
    }
    for kind, found in by_kind.items():
        assert found, f"no response of the {kind}"
    checked = [r for r in responses if r.url.startswith(app_page.origin)]
    for response in checked:
        assert_security_headers(response.all_headers(), response.url)
    # Beside what the browser fetched: the health check and an address that does not exist.
    for path in ("/_stcore/health", "/app/static/nothing-here.js"):
        try:
            with urllib.request.urlopen(app_page.origin + path, timeout=10) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
        except urllib.error.HTTPError as error:
            headers = {k.lower(): v for k, v in error.headers.items()}
        assert_security_headers(headers, path)

    # No violation but Streamlit's attempt at WebAssembly (caught, with a JavaScript path).
    breaking = [text for text in violations if '"directive":"script-src"' not in text
                or '"blocked":"wasm-eval"' not in text]
    assert breaking == [], breaking


@contextlib.contextmanager
def _other_origin(app_origin: str) -> Iterator[str]:
    """Serve, on another port of the loopback address (another origin), a page whose only
    content is the dashboard in an iframe; yield its address."""
    html = (f"<!doctype html><title>Another site</title>"
            f"<iframe id='embedded' src='{app_origin}/?gemeente=GM0193' "
            "style='width:1300px;height:900px'></iframe>").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/embed.html"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def _framing_page(browser: Browser, app_origin: str) -> Iterator[Page]:
    """A page of another origin that puts the dashboard in an iframe (`#embedded`)."""
    with _other_origin(app_origin) as address:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            page.goto(address)
            yield page
        finally:
            context.close()


def test_a_page_of_another_origin_cannot_frame_the_app(app_url: str, browser: Browser) -> None:
    with _framing_page(browser, app_url) as page:
        page.wait_for_timeout(3000)  # time for the dashboard to render, were it allowed to
        frame = page.locator("#embedded").element_handle().content_frame()
        assert frame is not None
        assert not frame.url.startswith(app_url), frame.url
        assert frame.locator("[data-testid='stApp']").count() == 0
        assert "Zwolle" not in frame.content()
        page.screenshot(path=ARTIFACTS_DIR / "test_a_page_of_another_origin_cannot_frame.png")


@pytest.fixture
def embeddable_app(tmp_path: Path) -> Iterator[str]:
    """A dashboard that any port of the loopback address may frame (by the setting)."""
    env = {CACHE_DIR_VARIABLE: str(tmp_path / "cache"),
           FRAME_ANCESTORS_VARIABLE: f"'self' {EMBEDDING}", **NO_OUTBOUND_ENV}
    with streamlit_server(APP_SCRIPT, cwd=REPO_ROOT, log=tmp_path / "streamlit.log",
                          env=env) as origin:
        yield origin


def test_an_organisation_named_in_the_setting_may_frame_it(embeddable_app: str,
                                                           browser: Browser) -> None:
    with _framing_page(browser, embeddable_app) as page:
        embedded = page.frame_locator("#embedded")
        # The map's frame inside the dashboard's frame: every ancestor is allowed.
        embedded.locator(CARD).get_by_text("Contact voor Zwolle").wait_for(timeout=60_000)
        embedded.frame_locator(MAP_IFRAME).locator(POLYGONS).filter(
            visible=True).first.wait_for(timeout=60_000)
        page.screenshot(path=ARTIFACTS_DIR / "test_an_organisation_may_frame_it.png")
    with urllib.request.urlopen(embeddable_app, timeout=10) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
    assert_security_headers(headers, embeddable_app, ancestors=f"'self' {EMBEDDING}")
