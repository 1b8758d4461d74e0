"""The first page's widget code, fetched while the browser waits for the server's first run.

A fresh page gets Streamlit's code in two steps: the module graph `index.html` names (about 60
files), then, as elements arrive on the web socket, each element type's own chunk and the
chunks it imports (the select box alone needs about twenty). On the dashboard that second step
(the map's component frame, HTML, the search box's and the sidebar's select boxes, radio and
toggles: 30 files) ran while the map drew, on the same main thread. The browser is idle before
that: the socket's first message comes some 0.3–0.5 s after the page's code has run.
`PreloadWidgetCode` (ASGI middleware, beside `ui.serving`'s) puts a small module script into
every page that imports those chunks as soon as the document is parsed. The names come from the
installed Streamlit's build at start-up (`chunk_closure` follows each entry chunk's static
imports); when an entry is not found there the page is served unchanged, and
`tests/test_code_preload.py` fails for the pinned version. `python bench/app.py --baseline REF`
measures the effect (page → polygons).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import streamlit
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"
"""The installed Streamlit's built frontend (`index.html`, `static/js/`)."""

FIRST_PAGE_ELEMENTS = ("ComponentInstance", "Html", "Selectbox", "Radio", "Checkbox")
"""The element types of the pages' first screen whose code Streamlit loads on demand: the
map's component frame, `st.html`, the select boxes (search, version), the language radio and
the layer toggles."""

_STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"\./([\w.\-]+\.js)"')
_INDEX_SCRIPT = re.compile(r'\./static/js/([\w.\-]+\.js)')
_PAGE_MARK = b'<script type="module" crossorigin src="./static/js/index.'


def chunk_closure(js_dir: Path, entries: Iterable[str], loaded: Iterable[str]) -> list[str]:
    """The file names of the `entries` chunks and of every chunk they import statically,
    directly or not, leaving out `loaded` (those `index.html` already fetches); entries
    first, in order. Dynamic imports (`import("./x.js")`) are not followed: they load later.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "A.1.js").write_text('import{x}from"./b.2.js";import"./core.js";')
    >>> _ = (folder / "b.2.js").write_text('import("./lazy.js");export const x=1;')
    >>> chunk_closure(folder, ["A.1.js"], loaded=["core.js"])
    ['A.1.js', 'b.2.js']
    """
    skip = set(loaded)
    found: list[str] = []
    queue = list(entries)
    while queue:
        name = queue.pop(0)
        if name in skip or name in found:
            continue
        found.append(name)
        queue.extend(_STATIC_IMPORT.findall((js_dir / name).read_text(encoding="utf-8")))
    return found


def first_page_chunks(static: Path = STREAMLIT_STATIC,
                      elements: Iterable[str] = FIRST_PAGE_ELEMENTS) -> list[str]:
    """The chunk file names to preload for `elements` in Streamlit's build at `static`; empty
    when any element's chunk is missing or ambiguous (another build: nothing is preloaded)."""
    js_dir = static / "static" / "js"
    entries = []
    for element in elements:
        matches = sorted(js_dir.glob(f"{element}.*.js"))
        if len(matches) != 1:
            return []
        entries.append(matches[0].name)
    loaded = _INDEX_SCRIPT.findall((static / "index.html").read_text(encoding="utf-8"))
    return chunk_closure(js_dir, entries, loaded)


def preload_script(chunks: list[str]) -> bytes:
    """The module script that imports `chunks` once the document is parsed (b"" for none)."""
    if not chunks:
        return b""
    urls = json.dumps([f"./static/js/{name}" for name in chunks])
    return ("<script type=\"module\">\n"
            f"const chunks = {urls};\n"
            "const load = () => { for (const url of chunks) { import(url).catch(() => {}); } };\n"
            "if (document.readyState === 'loading') {\n"
            "  document.addEventListener('DOMContentLoaded', load);\n"
            "} else { load(); }\n"
            "</script>\n").encode()


def with_preload(page: bytes, script: bytes) -> bytes:
    """`page` with `script` before `</head>` when it is Streamlit's page; anything else as is.

    >>> with_preload(b'<head><script type="module" crossorigin src="./static/js/index.1.js">'
    ...              b'</script></head>', b"<s/>").endswith(b"<s/></head>")
    True
    >>> with_preload(b"<head></head>", b"<s/>")
    b'<head></head>'
    """
    if not script or _PAGE_MARK not in page or b"</head>" not in page:
        return page
    return page.replace(b"</head>", script + b"</head>", 1)


def _is_page_request(scope: Scope) -> bool:
    """A GET for one of the app's pages (`/`, `/voorstel`…): no file name, not Streamlit's
    own endpoints, not a component's files."""
    path: str = scope.get("path", "")
    last = path.rsplit("/", 1)[-1]
    return (scope["type"] == "http" and scope.get("method") == "GET" and "." not in last
            and not any(part in path for part in ("/_stcore/", "/component/", "/media/")))


class PreloadWidgetCode:
    """ASGI middleware: Streamlit's page with `preload_script(first_page_chunks())` in it."""

    def __init__(self, app: ASGIApp, chunks: list[str] | None = None) -> None:
        self.app = app
        self.script = preload_script(first_page_chunks() if chunks is None else chunks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass everything through; a page's HTML is buffered (uncompressed: it is about
        5 KB) and sent with the script in it."""
        if not self.script or not _is_page_request(scope):
            await self.app(scope, receive, send)
            return
        scope = {**scope, "headers": [(name, value) for name, value in scope.get("headers", [])
                                      if name.lower() != b"accept-encoding"]}
        start: Message | None = None
        body = bytearray()

        async def rewrite(message: Message) -> None:
            nonlocal start
            if start is None and message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if (message.get("status") == 200
                        and headers.get(b"content-type", b"").startswith(b"text/html")):
                    start = message
                    return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            page = with_preload(bytes(body), self.script)
            headers = [(name, value) for name, value in start.get("headers", [])
                       if name.lower() != b"content-length"]
            headers.append((b"content-length", str(len(page)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, rewrite)
