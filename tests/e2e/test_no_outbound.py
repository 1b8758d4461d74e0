"""The server talks to no one else: not at start-up, not for a page, not for a foreign origin.

Streamlit asks a public service for the machine's external address (`net_util.get_external_ip`)
when it prints its URLs at start-up and when a page of another origin opens a web socket. The
test runs `streamlit run app.py` as a user does (only the port given) with every proxy variable
pointing at a recording proxy on the loopback interface that answers 502 and forwards nothing,
and fails if any request reaches it. A control request from a child process with the same
environment proves that the proxy does receive what the server would send.
"""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from geodata.disk_cache import CACHE_DIR_VARIABLE
from registry.yaml_register import REGISTER_DIR_VARIABLE
from tests.support.browser import AppPage, wait_for_app
from tests.support.paths import APP_SCRIPT, REPOSITORY_ROOT
from tests.support.servers import free_port, stop_process_group, wait_healthy

pytestmark = pytest.mark.e2e

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY",
                   "all_proxy")
FOREIGN_ORIGIN = "http://evil.example"


class _Recorder(BaseHTTPRequestHandler):
    """Records the request line of every request (CONNECT included) and answers 502."""

    def _record(self) -> None:
        self.server.requests.append(self.requestline)  # type: ignore[attr-defined]
        self.send_error(502, "recording proxy: nothing is forwarded")

    do_GET = do_POST = do_PUT = do_HEAD = do_CONNECT = do_DELETE = do_OPTIONS = _record  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reports what arrived."""


@contextlib.contextmanager
def recording_proxy() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP proxy that records every request; yields its URL and the record."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", server.requests  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


def proxied_environment(proxy_url: str, work_dir: Path) -> dict[str, str]:
    """The environment with every proxy variable set to the recorder and no exemptions."""
    environment = {name: value for name, value in os.environ.items()
                   if name.lower() != "no_proxy" and name not in PROXY_VARIABLES}
    environment.update(dict.fromkeys(PROXY_VARIABLES, proxy_url))
    environment.pop(REGISTER_DIR_VARIABLE, None)
    environment[CACHE_DIR_VARIABLE] = str(work_dir / "cache")
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPOSITORY_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    return environment


@contextlib.contextmanager
def app_as_a_user_runs_it(environment: dict[str, str], log: Path) -> Iterator[str]:
    """`streamlit run app.py --server.port N` from the repository root; yields the base URL.

    No address, no headless flag, no file watcher setting: the repository's config decides.
    """
    port = free_port()
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT), "--server.port",
             str(port)], cwd=REPOSITORY_ROOT, env=environment, stdout=log_file,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", server, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process_group(server)


def websocket_handshake(base_url: str, origin: str) -> str:
    """Open `/_stcore/stream` with `Origin: origin`; return the response's status line."""
    parts = urlsplit(base_url)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
               f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n"
               f"Origin: {origin}\r\n\r\n")
    with socket.create_connection((parts.hostname, parts.port), timeout=15) as connection:
        connection.sendall(request.encode())
        response = b""
        while b"\r\n" not in response:
            chunk = connection.recv(4096)
            if not chunk:
                break
            response += chunk
    return response.split(b"\r\n", 1)[0].decode()


def test_the_proxy_records_what_a_server_process_would_send(tmp_path: Path) -> None:
    """Control: a child process with the app's environment does reach the recorder."""
    with recording_proxy() as (proxy_url, requests):
        subprocess.run(
            [sys.executable, "-c", "import requests\ntry:\n requests.get("
             "'http://checkip.amazonaws.com', timeout=5)\nexcept Exception:\n pass"],
            env=proxied_environment(proxy_url, tmp_path), check=True, timeout=60)
    assert requests == ["GET http://checkip.amazonaws.com/ HTTP/1.1"]


def test_no_request_leaves_the_server(tmp_path: Path,
                                      open_page: Callable[[str], AppPage]) -> None:
    with recording_proxy() as (proxy_url, requests), app_as_a_user_runs_it(
            proxied_environment(proxy_url, tmp_path), tmp_path / "streamlit.log") as base_url:
        assert requests == [], f"at start-up: {requests}"

        # A page of the app itself, with a search (the whole page runs).
        app_page = open_page(base_url)
        page = app_page.page
        page.goto(f"{base_url}/?gemeente=Zwolle")
        wait_for_app(page)
        app_page.assert_same_origin()

        # A web socket from another origin is refused, and asks no one about it.
        foreign = websocket_handshake(base_url, FOREIGN_ORIGIN)
        same = websocket_handshake(base_url, base_url)
        assert " 403 " in f"{foreign} ", foreign
        assert " 101 " in f"{same} ", same
        assert requests == [], f"requests reached the proxy: {requests}"
