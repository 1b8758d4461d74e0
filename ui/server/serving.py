"""How the dashboard is served: web sockets only from the page's own origin, asking no one.

Streamlit refuses a web socket from a foreign origin, but to decide it asks a public service
for the machine's external address (`streamlit.net_util.get_external_ip`, in
`is_url_from_allowed_origins`), so any page on the internet can make the server send that
request. No configuration option avoids it. `SameOriginWebSockets` is ASGI middleware, given to
Streamlit's documented `st.App(..., middleware=...)`, that refuses such a socket before Streamlit
sees it: a socket is let through when it has no `Origin` header (not a browser), when the origin
is the host the socket was opened on, or when the origin is listed in
`server.corsAllowedOrigins`. Everything else gets HTTP 403, as Streamlit would answer.

`MIDDLEWARE` also sets the security headers of every HTTP response (`ui.server.security_headers`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocketClose

from ui.server.security_headers import SecurityHeaders


def allowed_origin(origin: str | None, host: str | None, listed: list[str]) -> bool:
    """Tell whether a web socket from `origin`, opened on `host`, may connect.

    >>> allowed_origin("http://localhost:8501", "localhost:8501", [])
    True
    >>> allowed_origin("http://evil.example", "localhost:8501", [])
    False
    >>> allowed_origin(None, "localhost:8501", [])
    True
    >>> allowed_origin("https://dash.example", "internal:8501", ["https://dash.example"])
    True
    """
    if origin is None:
        return True
    if host is not None and urlsplit(origin).netloc.lower() == host.lower():
        return True
    return origin.strip() in {entry.strip() for entry in listed}


class SameOriginWebSockets:
    """ASGI middleware: refuse a web socket from another origin without any outbound lookup."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass HTTP through; close a foreign web socket before it is accepted (HTTP 403)."""
        if scope["type"] == "websocket":
            headers = {name.decode("latin-1").lower(): value.decode("latin-1")
                       for name, value in scope.get("headers", [])}
            if not allowed_origin(headers.get("origin"), headers.get("host"),
                                  list(st.get_option("server.corsAllowedOrigins"))):
                await WebSocketClose(code=1008)(scope, receive, send)
                return
        await self.app(scope, receive, send)


MIDDLEWARE = [Middleware(SecurityHeaders), Middleware(SameOriginWebSockets)]
"""The middleware `app.py` gives to `st.App`: the security headers of every HTTP response
(`ui.server.security_headers`), and the guard against web sockets from other origins."""
