"""A small synchronous client that drives an ASGI app directly (no server, no httpx): enough
for GET, HEAD and OPTIONS with headers. Its event loop runs in a thread of its own, so it works
in a process where another loop runs (Playwright's sync API, in a worker that ran a browser
test before)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from starlette.types import ASGIApp


@dataclass(frozen=True)
class Reply:
    """A response: status, headers (lower-case names; a repeated header's values joined with
    ", ") and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class AsgiClient:
    """Sends requests to `app` in one event loop (close it when done)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                       name="asgi-client")
        self.thread.start()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()

    def __enter__(self) -> AsgiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None,
            method: str = "GET") -> Reply:
        """One request (`url` is a path with its query)."""
        return asyncio.run_coroutine_threadsafe(
            self.request(method, url, headers or {}), self.loop).result()

    async def request(self, method: str, url: str, headers: Mapping[str, str]) -> Reply:
        parts = urlsplit(url)
        scope: dict[str, Any] = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": method, "scheme": "http", "path": unquote(parts.path),
            "raw_path": parts.path.encode("latin-1"),
            "query_string": parts.query.encode("latin-1"), "root_path": "",
            "headers": [(b"host", b"testserver"),
                        *((name.lower().encode("latin-1"), value.encode("latin-1"))
                          for name, value in headers.items())],
            "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
        }
        sent: list[dict[str, Any]] = []
        done = False

        async def receive() -> dict[str, Any]:
            nonlocal done
            if not done:
                done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects
            raise AssertionError("unreachable")

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await self.app(scope, receive, send)
        start = next(message for message in sent if message["type"] == "http.response.start")
        collected: dict[str, str] = {}
        for name, value in start.get("headers", []):
            key, text = name.decode("latin-1").lower(), value.decode("latin-1")
            collected[key] = f"{collected[key]}, {text}" if key in collected else text
        body = b"".join(message.get("body", b"") for message in sent
                        if message["type"] == "http.response.body")
        return Reply(start["status"], collected, body)


def web_client() -> AsgiClient:
    """A client of the app server's own routes (`web.ROUTES`) under the app's middleware, as
    `app.py` gives them to `st.App`."""
    from starlette.applications import Starlette

    from ui.server.serving import MIDDLEWARE
    from web import ROUTES

    return AsgiClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
