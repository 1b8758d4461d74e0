"""The security headers of every HTTP response of the dashboard's server, in one place.

`SecurityHeaders` is ASGI middleware (given to `st.App` through `ui.server.serving.MIDDLEWARE`) that
sets, on every HTTP response (the page, Streamlit's static files, the map component's frame,
`/app/static/`, the health check):

- `Content-Security-Policy` (:func:`content_security_policy`): only the app's own origin, for
  everything; `frame-ancestors 'self'` unless `COVERAGE_FRAME_ANCESTORS` names who may embed
  the dashboard;
- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` and a `Permissions-Policy`
  that turns off every powerful feature the dashboard never uses.

A header of the same name that Streamlit set is replaced, so each is sent once.
"""

from __future__ import annotations

import logging
import os
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER = logging.getLogger(__name__)

FRAME_ANCESTORS_VARIABLE = "COVERAGE_FRAME_ANCESTORS"
"""Who may put the dashboard in a frame: CSP sources separated by spaces, e.g.
`'self' https://intranet.example.org`. Unset: the dashboard's own pages only (`'self'`)."""
DEFAULT_FRAME_ANCESTORS = "'self'"

_SOURCE = re.compile(
    r"'self'|'none'"
    r"|https?://(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*"
    r"[A-Za-z0-9])?)*(:([0-9]{1,5}|\*))?")
"""A source `frame-ancestors` accepts here: `'self'`, `'none'` or an http(s) origin (a host,
optionally `*.` and a port or `:*`; no path, no quotes, no `;` that could end the directive)."""

POLICY: tuple[tuple[str, str], ...] = (
    # Everything from the app's own origin: Streamlit's files, the component frames, Leaflet
    # under /app/static/, and the web socket ('self' includes ws:/wss: of the same host).
    ("default-src", "'self'"),
    # Inline scripts: Streamlit's page starts with one; the project's own scripts run through
    # st.html(unsafe_allow_javascript=True) (ui.text.plain_text.run_script) as inline scripts; and
    # streamlit-folium writes the map's script into its frame as an inline script. Streamlit
    # offers no nonces, and the map's script differs per version, so no fixed hashes either.
    # No 'unsafe-eval' and no 'wasm-unsafe-eval': nothing needs them (Streamlit's protobuf
    # code tries WebAssembly for 64-bit numbers, is refused and uses its JavaScript path).
    ("script-src", "'self' 'unsafe-inline'"),
    # Streamlit (emotion) and Leaflet write style elements and style attributes at run time;
    # the project's st.html elements carry their own <style>.
    ("style-src", "'self' 'unsafe-inline'"),
    # One of Streamlit's fonts is a data: URL.
    ("font-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
"""The Content-Security-Policy without `frame-ancestors` (found by running the dashboard in
Chromium under it and watching for violations: tests/e2e/test_security_headers.py)."""

PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
    "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
    "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking"))
"""Every powerful browser feature off, for the page and every frame in it."""


def frame_ancestors(configured: str | None) -> str:
    """The `frame-ancestors` sources: the configured ones when every one is a valid source,
    else (and when unset) `'self'`.

    >>> frame_ancestors(None)
    "'self'"
    >>> frame_ancestors("'self'  https://intranet.example.org:8443")
    "'self' https://intranet.example.org:8443"
    >>> frame_ancestors("https://a.example; script-src *")
    "'self'"
    """
    if configured is None or not configured.strip():
        return DEFAULT_FRAME_ANCESTORS
    sources = configured.split()
    if not all(_SOURCE.fullmatch(source) for source in sources):
        LOGGER.error("%s is not a list of origins ('self', 'none' or https://host[:port]): "
                     "only the dashboard's own pages may frame it", FRAME_ANCESTORS_VARIABLE)
        return DEFAULT_FRAME_ANCESTORS
    return " ".join(sources)


def content_security_policy(ancestors: str = DEFAULT_FRAME_ANCESTORS) -> str:
    """The Content-Security-Policy, with `ancestors` as its `frame-ancestors`.

    >>> content_security_policy().endswith("frame-ancestors 'self'")
    True
    """
    return "; ".join(f"{name} {value}" for name, value in
                     (*POLICY, ("frame-ancestors", ancestors)))


def security_headers(ancestors: str = DEFAULT_FRAME_ANCESTORS) -> list[tuple[bytes, bytes]]:
    """Every header :class:`SecurityHeaders` sets (lower-case names, as ASGI sends them)."""
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in (
        ("content-security-policy", content_security_policy(ancestors)),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("permissions-policy", PERMISSIONS_POLICY),
    )]


class SecurityHeaders:
    """ASGI middleware: add the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp, ancestors: str | None = None) -> None:
        self.app = app
        self.headers = security_headers(
            ancestors or frame_ancestors(os.environ.get(FRAME_ANCESTORS_VARIABLE)))
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass everything through; set the headers on the start of an HTTP response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(name, value) for name, value in message.get("headers", [])
                        if name.lower() not in self.names]
                message = {**message, "headers": [*kept, *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
