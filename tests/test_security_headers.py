"""The security headers' rules and their middleware (the browser test is in tests/e2e)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.types import Message, Receive, Scope, Send

from ui.server.security_headers import (
    FRAME_ANCESTORS_VARIABLE,
    SecurityHeaders,
    content_security_policy,
    frame_ancestors,
)


@pytest.mark.parametrize(("configured", "expected"), [
    (None, "'self'"),
    ("", "'self'"),
    ("'none'", "'none'"),
    ("'self' https://intranet.example.org", "'self' https://intranet.example.org"),
    ("https://*.gemeente.example:8443", "https://*.gemeente.example:8443"),
    ("http://127.0.0.1:*", "http://127.0.0.1:*"),
])
def test_frame_ancestors_takes_origins(configured: str | None, expected: str) -> None:
    assert frame_ancestors(configured) == expected


@pytest.mark.parametrize("configured", [
    "*", "https:", "https://a.example; script-src *", "https://a.example/path",
    "'unsafe-inline'", "javascript:alert(1)", "https://a.example,https://b.example",
    "https://a.example\r\nX-Evil: 1",
])
def test_frame_ancestors_refuses_anything_else_and_keeps_self(configured: str) -> None:
    assert frame_ancestors(configured) == "'self'"


def test_the_policy_allows_only_the_own_origin() -> None:
    policy = content_security_policy()
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert "unsafe-eval" not in policy and "*" not in policy and "http" not in policy


def _response_headers(monkeypatch: pytest.MonkeyPatch, ancestors: str | None,
                      scope_type: str = "http") -> list[tuple[bytes, bytes]]:
    """The headers the middleware sends for an app that answers with a Referrer-Policy of its
    own (the middleware is driven directly: an ASGI call with a recording `send`)."""
    if ancestors is None:
        monkeypatch.delenv(FRAME_ANCESTORS_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(FRAME_ANCESTORS_VARIABLE, ancestors)
    sent: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/plain"),
                                (b"Referrer-Policy", b"unsafe-url")]})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive() -> Message:
        return {"type": "http.request"}

    async def send(message: Message) -> None:
        sent.append(message)

    # In a thread of its own: a browser test earlier in this worker may have left an event
    # loop running in the main thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, SecurityHeaders(app)({"type": scope_type, "path": "/"},
                                                        receive, send)).result()
    (start,) = [message for message in sent if message["type"] == "http.response.start"]
    assert sent[-1]["body"] == b"ok"
    return list(start["headers"])


def test_every_response_gets_the_headers_once(monkeypatch: pytest.MonkeyPatch) -> None:
    headers = _response_headers(monkeypatch, None)
    named = {name.decode().lower(): value.decode() for name, value in headers}
    assert len(named) == len(headers)  # each once: Streamlit's own Referrer-Policy replaced
    assert named["content-security-policy"] == content_security_policy()
    assert named["x-content-type-options"] == "nosniff"
    assert named["referrer-policy"] == "no-referrer"
    assert named["content-type"] == "text/plain"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in named["permissions-policy"]


def test_the_setting_names_who_may_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    headers = dict(_response_headers(monkeypatch, "'self' https://intranet.example.org"))
    assert headers[b"content-security-policy"].endswith(
        b"frame-ancestors 'self' https://intranet.example.org")
