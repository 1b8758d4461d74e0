"""The first page's widget code is named in the page (`ui.code_preload`), and only there."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.types import Message, Receive, Scope, Send

from ui.code_preload import (
    FIRST_PAGE_ELEMENTS,
    STREAMLIT_STATIC,
    PreloadWidgetCode,
    chunk_closure,
    first_page_chunks,
    preload_script,
)
from ui.serving import MIDDLEWARE

STREAMLIT_PAGE = (b'<html><head><script type="module" crossorigin '
                  b'src="./static/js/index.abc.js"></script></head><body></body></html>')


def test_the_pinned_streamlit_build_has_every_first_page_element() -> None:
    chunks = first_page_chunks()
    js_dir = STREAMLIT_STATIC / "static" / "js"
    index = (STREAMLIT_STATIC / "index.html").read_text(encoding="utf-8")
    for element in FIRST_PAGE_ELEMENTS:
        assert any(re.fullmatch(rf"{element}\.[\w\-]+\.js", name) for name in chunks), element
    assert all((js_dir / name).is_file() for name in chunks)
    assert not [name for name in chunks if f"./static/js/{name}" in index]
    # The select box's imports are followed (its combobox hooks are separate chunks).
    assert len(chunks) > len(FIRST_PAGE_ELEMENTS) + 10


def test_the_closure_follows_static_imports_only(tmp_path: Path) -> None:
    (tmp_path / "Entry.1.js").write_text(
        'import{a as b}from"./shared.2.js";import"./side.3.js";const c=()=>import("./lazy.4.js");')
    (tmp_path / "shared.2.js").write_text('import{x}from"./core.5.js";export const a=1;')
    (tmp_path / "side.3.js").write_text('import{a}from"./shared.2.js";')
    assert chunk_closure(tmp_path, ["Entry.1.js"], loaded=["core.5.js"]) == [
        "Entry.1.js", "shared.2.js", "side.3.js"]


def test_another_build_is_served_unchanged(tmp_path: Path) -> None:
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<html></html>")
    (tmp_path / "static" / "js" / "Html.x.js").write_text("")
    assert first_page_chunks(tmp_path, ["Html", "Selectbox"]) == []
    assert preload_script([]) == b""


def _serve(middleware: PreloadWidgetCode, path: str, *, method: str = "GET",
           scope_type: str = "http") -> tuple[list[Message], Scope]:
    """Run one request through `middleware`; the messages sent and the scope the app saw."""
    sent: list[Message] = []
    seen: dict[str, Scope] = {}

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        sent.append(message)

    async def run() -> None:
        await middleware(
            {"type": scope_type, "method": method, "path": path,
             "headers": [(b"accept-encoding", b"gzip"), (b"host", b"localhost")]},
            receive, send)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen["scope"] = scope
        html = path in {"/", "/voorstel", "/component/x/page"}
        status = 304 if path == "/unchanged" else 200
        body = STREAMLIT_PAGE if path != "/component/x/page" else b"<head></head>"
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"text/html; charset=utf-8" if html or status == 304
             else b"application/javascript"),
            (b"content-length", str(len(body)).encode())]})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:]})

    middleware.app = app
    # A loop of its own, in a thread: Playwright's sync API may run one in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, run()).result()
    return sent, seen["scope"]


def _body(sent: list[Message]) -> bytes:
    return b"".join(message.get("body", b"") for message in sent
                    if message["type"] == "http.response.body")


@pytest.mark.parametrize("path", ["/", "/voorstel"])
def test_a_page_gets_the_script_once_with_its_length(path: str) -> None:
    middleware = PreloadWidgetCode(app=None, chunks=["Selectbox.a1.js", "useField.b2.js"])
    sent, scope = _serve(middleware, path)
    body = _body(sent)
    assert body.count(b"<script type=\"module\">") == 1
    assert b'"./static/js/Selectbox.a1.js", "./static/js/useField.b2.js"' in body
    assert body.index(b"const chunks") < body.index(b"</head>")
    headers = dict(sent[0]["headers"])
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"accept-encoding" not in dict(scope["headers"])  # the page is rewritten uncompressed


@pytest.mark.parametrize("path", ["/static/js/index.abc.js", "/_stcore/health",
                                  "/component/x/page", "/unchanged"])
def test_everything_else_passes_unchanged(path: str) -> None:
    middleware = PreloadWidgetCode(app=None, chunks=["Selectbox.a1.js"])
    sent, scope = _serve(middleware, path)
    assert b"const chunks" not in _body(sent)
    assert len(sent) == 3  # start and both parts, as the app sent them
    if path.startswith(("/static/", "/_stcore/")):
        assert (b"accept-encoding", b"gzip") in scope["headers"]


def test_the_app_serves_with_the_preload() -> None:
    assert [entry.cls for entry in MIDDLEWARE][-1] is PreloadWidgetCode
