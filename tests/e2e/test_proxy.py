"""End-to-end: two app processes on one PostgreSQL database behind HAProxy, rendered from
`deploy/haproxy/haproxy.cfg.template` (tests/support/proxy.py), driven by Chromium through
the proxy only.

- Readers on the proxy get the page, and a search shows the card's `tel:` link.
- Stickiness: the first answer sets the cookie `coverage_server`, and every request and web
  socket that carries it went to the process it names (HAProxy's log); two browsers pinned to
  different processes.
- A version published on the database shows on both processes' pages within seconds.
- Sign-in on the edit page works through the proxy, and the app counts the attempt for the
  address HAProxy saw, not the one a client forged in X-Forwarded-For.
- One process is killed (SIGKILL): the reader on the other never loses its connection and a new
  search still shows the card; a new reader is served; HAProxy marks the dead process down;
  the reader who was on it is served again by the survivor.
- The proxy's limits: an over-long body gets 413, a chunked one 400, too many page loads from
  one address 429; /healthz and /readyz answer through the proxy.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from bench.ws_sessions import server_pid
from registry.database import TIMEOUT_VARIABLE
from tests.support.browser import CARD, AppPage, search_for, wait_for_app
from tests.support.browser_editing import sign_in
from tests.support.cli import add_account, publish_phone_change
from tests.support.postgres import fresh_database
from tests.support.proxy import Proxy, haproxy
from tests.support.servers import app_server
from ui.client_address import TRUSTED_HEADER_VARIABLE

pytestmark = pytest.mark.e2e

COOKIE = "coverage_server"
OLD, NEW = "058 - 215 70 84", "058 - 215 70 85"
PUBLISHED_WITHIN_MS = 20_000
PUBLISHER = "proxytest"
PASSPHRASE = "Zeehond-kaarsvet-7-molenwiek-dwarsfluit-Vlieland"
FORGED = "203.0.113.9"
SESSIONS_PER_10S = 40
"""The test's page loads stay below this; the last step goes over it."""

_CONNECTION_DROPS_JS = """
() => {
    const app = document.querySelector('[data-testid="stApp"]');
    window.__connectionDrops = 0;
    new MutationObserver(() => {
        if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') {
            window.__connectionDrops += 1;
        }
    }).observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']});
}
"""


def pinned_to(reader: AppPage) -> str:
    """The app process the proxy's cookie pins this browser to (app1, app2)."""
    values = [cookie["value"] for cookie in reader.context.cookies() if cookie["name"] == COOKIE]
    assert len(values) == 1, reader.context.cookies()
    return values[0]


def open_reader(open_page: Callable[[str], AppPage], proxy: Proxy,
                query: str = "gemeente=GM0080") -> AppPage:
    """A new browser on the proxy, its page with Leeuwarden's card drawn."""
    reader = open_page(proxy.url)
    reader.page.goto(f"{proxy.url}/?{query}")
    wait_for_app(reader.page)
    return reader


def status_of(request: urllib.request.Request | str) -> int:
    """The HTTP status of a request."""
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def answer_page(proxy: Proxy, name: str) -> str:
    """The plain answer page for `name`, fetched through the proxy with no cookie."""
    with urllib.request.urlopen(f"{proxy.url}/gemeente/{name}", timeout=60) as response:
        assert response.status == 200 and "Set-Cookie" not in response.headers
        return response.read().decode("utf-8")


def api_answer(proxy: Proxy, code: str) -> dict:
    """The open data's answer for `code`, through the proxy."""
    with urllib.request.urlopen(f"{proxy.url}/api/v1/gemeenten/{code}", timeout=60) as response:
        return json.loads(response.read())


def status_without_body(proxy: Proxy, headers: dict[str, str]) -> int:
    """The status of a POST that announces a body with `headers` but does not send it (the
    proxy answers from the headers alone)."""
    host, port = proxy.url.removeprefix("http://").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest("POST", "/")
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def attempt_clients(database_url: str) -> list[str | None]:
    """The client address recorded for each sign-in attempt of the publisher."""
    plain = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as connection:
        rows = connection.execute("SELECT client FROM sign_in_attempts WHERE name = %s",
                                  (PUBLISHER,)).fetchall()
    return [row[0] for row in rows]


def test_two_app_processes_behind_haproxy(
        postgres_server_url: str, open_page: Callable[[str], AppPage], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    database_url = fresh_database(postgres_server_url)
    monkeypatch.setenv(TRUSTED_HEADER_VARIABLE, "X-Forwarded-For")  # as /etc/coverage/env says
    # A busy machine (the suite hands this long file out first, beside another) can take
    # longer than the 2 s default for a query; /readyz then says 503.
    monkeypatch.setenv(TIMEOUT_VARIABLE, "10")
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(app_server(None, work_dir=tmp_path / f"app{number}",
                                               database_url=database_url))
                for number in (1, 2)]
        add_account(database_url, PUBLISHER, "publisher", PASSPHRASE)
        ports = [int(url.rsplit(":", 1)[1]) for url in urls]
        proxy = stack.enter_context(haproxy(ports, tmp_path / "proxy",
                                            sessions_per_10s=SESSIONS_PER_10S))
        proxy.wait_for_states({"app1": "UP", "app2": "UP"})

        # /healthz and /readyz answer through the proxy, from any process.
        assert status_of(f"{proxy.url}/healthz") == 200
        with urllib.request.urlopen(f"{proxy.url}/readyz", timeout=30) as response:
            assert json.loads(response.read())["status"] == "ready"
        # The answer page and the open data, through the proxy, without a session cookie.
        assert OLD in answer_page(proxy, "leeuwarden")
        assert api_answer(proxy, "GM0080")["municipality"]["name"] == "Leeuwarden"

        # Two readers, pinned to different processes.
        first = open_reader(open_page, proxy)
        card = first.page.locator(CARD)
        card.get_by_text("Contact voor Leeuwarden").wait_for()
        assert OLD in card.inner_text()
        search_for(first.page, "Zwolle")
        card.get_by_text("Zwolle").first.wait_for()
        assert card.locator('a[href^="tel:"]').count() >= 1
        others = []
        for _attempt in range(4):
            others.append(open_reader(open_page, proxy))
            if pinned_to(others[-1]) != pinned_to(first):
                break
        second = others[-1]
        assert {pinned_to(first), pinned_to(second)} == {"app1", "app2"}

        # Stickiness: every request and web socket that carried the cookie went to its process.
        lines = proxy.log_lines()
        with_cookie = [line for line in lines if line["cookie"].startswith(f"{COOKIE}=")]
        assert with_cookie, "no request carried the cookie"
        for line in with_cookie:
            assert line["server"] == line["cookie"].split("=", 1)[1], line.group(0)
        streams = [line for line in with_cookie if line["path"] == "/_stcore/stream"]
        assert {line["server"] for line in streams} == {"app1", "app2"}, \
            [line.group(0) for line in lines if line["path"] == "/_stcore/stream"]

        # A version published on the database reaches both processes' open pages.
        publish_phone_change(database_url, tmp_path, OLD, NEW)
        second.page.locator(CARD).get_by_text(NEW).wait_for(timeout=PUBLISHED_WITHIN_MS)
        search_for(first.page, "Leeuwarden")
        card.get_by_text(NEW).wait_for(timeout=PUBLISHED_WITHIN_MS)

        # Sign-in through the proxy; the attempt counts for the proxy's address, not a forged one.
        signing = open_page(proxy.url)
        signing.context.set_extra_http_headers({"X-Forwarded-For": FORGED})
        sign_in(signing.page, proxy.url, PUBLISHER, PASSPHRASE)
        assert attempt_clients(database_url) == ["127.0.0.1"]

        # One process dies; the reader on the other does not notice.
        survivor, victim = pinned_to(first), pinned_to(second)
        first.page.evaluate(_CONNECTION_DROPS_JS)
        os.kill(server_pid(f"http://127.0.0.1:{proxy.servers[victim]}"), signal.SIGKILL)
        newcomer = open_reader(open_page, proxy, "gemeente=GM0193")  # before the check sees it
        newcomer.page.locator(CARD).get_by_text("Zwolle").first.wait_for()
        assert newcomer.page.locator(CARD).locator('a[href^="tel:"]').count() >= 1
        assert pinned_to(newcomer) == survivor
        proxy.wait_for_states({victim: "DOWN", survivor: "UP"}, timeout_s=20)
        search_for(first.page, "Den Bosch")
        card.get_by_text("'s-Hertogenbosch").first.wait_for()
        assert card.locator('a[href="tel:+31736139225"]').count() >= 1
        assert first.page.evaluate("() => window.__connectionDrops") == 0
        assert pinned_to(first) == survivor

        # The answer page and the API still answer, with the version published meanwhile.
        assert NEW in answer_page(proxy, "GM0080")
        assert api_answer(proxy, "GM0080")["version"]["number"] == 3

        # The reader who was on the dead process is served again, by the survivor.
        second.page.reload()
        wait_for_app(second.page)
        second.page.locator(CARD).get_by_text(NEW).wait_for()
        assert pinned_to(second) == survivor
        for reader in (first, second, newcomer, signing):
            reader.assert_same_origin()

        # The proxy's limits.
        assert status_without_body(proxy, {"Content-Length": "1048577"}) == 413
        assert status_without_body(proxy, {"Transfer-Encoding": "chunked"}) == 400
        statuses = [status_of(f"{proxy.url}/") for _ in range(SESSIONS_PER_10S + 5)]
        assert statuses[0] == 200 and statuses[-1] == 429, statuses
        assert status_of(f"{proxy.url}/healthz") == 200  # answers are not counted
