"""Open Streamlit sessions without a browser: a websocket client speaking Streamlit's protocol.

A session is what a browser tab opens: a websocket to ``/_stcore/stream`` (subprotocol
``streamlit``), then a ``BackMsg`` asking to run the script (``rerun_script`` with the page's
query string). The server answers with ``ForwardMsg`` protobufs (the new session, every element
of the page as a delta, ...) and ends the run with ``script_finished``. The dashboard's first
screen then waits for the map to report its polygons drawn (``ui.first_screen``): the client
sends that report as the browser's map would, and the second run draws the rest of the page.
:func:`open_session` times the whole page, from connecting to the last ``script_finished``;
:func:`open_sessions_at_once` starts many at the same moment and reports when each finished.

Used by ``bench/app.py``; no Streamlit server code is imported, only its protobuf classes
(and the mark's name from ``ui.first_screen``, the search box's key from ``ui.dashboard.search``).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from ui.dashboard.search import SEARCH_KEY
from ui.first_screen import WAITING_MARK

SEARCH_BOX_ID_END = f"-{SEARCH_KEY}"
"""How the search box's widget id ends (Streamlit's ids end with the widget's key)."""
FIRST_SCREEN_MARK = WAITING_MARK.encode()
"""The mark of the dashboard's first screen: the page waits for the map's report before it
draws the rest, so the client sends it as the map would."""

__all__ = ["SessionRun", "open_session", "open_sessions_at_once", "server_cpu_s", "server_pid",
           "server_rss_bytes"]


@dataclass(frozen=True)
class SessionRun:
    """One session's page (a dashboard's first screen and the rest), as the client saw it."""

    seconds: float
    """From opening the websocket to the page's last ``script_finished``."""
    received_bytes: int
    """Bytes of every websocket message received until then."""
    elements: int
    """Elements the page drew (``new_element`` deltas)."""
    search_seconds: float | None = None
    """With a search: from sending it to the run that shows its card finished."""


def _stream_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"


async def open_session(base_url: str, query_string: str = "",
                       timeout_s: float = 120.0, search: str | None = None) -> SessionRun:
    """Open one session, run the script once, close it; fail if the page shows an exception.

    Args:
        base_url: The server, e.g. ``http://127.0.0.1:8501``.
        query_string: The page's query, e.g. ``gemeente=GM0193`` (no ``?``).
        timeout_s: Give up after this long.
        search: Once the whole page is there, type this into the search box (as Enter in the
            box does) and wait for the card ``Contact voor <search>``.
    """
    start = time.perf_counter()
    received = elements = 0
    search_seconds = None
    async with asyncio.timeout(timeout_s), connect(
            _stream_url(base_url), subprotocols=["streamlit"], max_size=None,
            compression=None) as socket:
        report: str | None = None  # the map's widget id, on a first screen that waits for it
        cached: list[str] = []  # what a browser keeps and says it has (the map's message)
        box: str | None = None  # the search box's widget id
        await socket.send(_run_request(query_string).SerializeToString())
        while True:
            map_id = waiting = None
            async for frame in socket:
                received += len(frame)
                message = ForwardMsg()
                message.ParseFromString(frame)
                kind = message.WhichOneof("type")
                if message.metadata.cacheable:
                    cached.append(message.hash)
                if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                    elements += 1
                    element = message.delta.new_element
                    if element.WhichOneof("type") == "exception":
                        raise RuntimeError(f"the page shows an exception: "
                                           f"{element.exception.message}")
                    if element.WhichOneof("type") == "component_instance":
                        map_id = element.component_instance.id
                    if element.WhichOneof("type") == "selectbox" and \
                            element.selectbox.id.endswith(SEARCH_BOX_ID_END):
                        box = element.selectbox.id
                waiting = waiting or (FIRST_SCREEN_MARK in frame)
                if kind == "script_finished":
                    break
            if report is not None or not (waiting and map_id):
                break
            # As a browser's map does once its polygons are drawn (ui.map.selection_script).
            report = map_id
            request = _run_request(query_string)
            request.rerun_script.cached_message_hashes.extend(cached)
            request.rerun_script.widget_states.widgets.add(
                id=map_id, json_value=json.dumps({"drawn": "bench"}))
            await socket.send(request.SerializeToString())
        if search is not None:
            if box is None:
                raise RuntimeError("the page has no search box")
            searched = time.perf_counter()
            request = _run_request(query_string)
            request.rerun_script.cached_message_hashes.extend(cached)
            request.rerun_script.widget_states.widgets.add(id=box, string_value=search)
            await socket.send(request.SerializeToString())
            card = f"Contact voor {search}".encode()
            shown = False
            async for frame in socket:
                received += len(frame)
                shown = shown or card in frame
                message = ForwardMsg()
                message.ParseFromString(frame)
                if message.WhichOneof("type") == "script_finished":
                    break
            if not shown:
                raise RuntimeError(f"no card for {search!r} after the search")
            search_seconds = time.perf_counter() - searched
    return SessionRun(seconds=time.perf_counter() - start, received_bytes=received,
                      elements=elements, search_seconds=search_seconds)


def _run_request(query_string: str) -> BackMsg:
    request = BackMsg()
    request.rerun_script.query_string = query_string
    request.rerun_script.page_script_hash = ""
    return request


async def _at_once(base_url: str, count: int, query_string: str,
                   search: str | None = None) -> list[SessionRun]:
    return list(await asyncio.gather(*(open_session(base_url, query_string, search=search)
                                       for _ in range(count))))


def open_sessions_at_once(base_url: str, count: int, query_string: str = "",
                          search: str | None = None) -> list[SessionRun]:
    """Open ``count`` sessions at the same moment; each one's run (the slowest is the figure);
    ``search``: each then searches for it, see `open_session`."""
    return asyncio.run(_at_once(base_url, count, query_string, search))


def server_cpu_s(pid: int) -> float:
    """CPU seconds (user and system) process ``pid`` has used so far (Linux ``/proc``)."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_rss_bytes(pid: int) -> int:
    """Resident memory of process ``pid`` and its children (Linux ``/proc``)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def server_pid(base_url: str) -> int:
    """The process id of the Streamlit server listening at ``base_url`` (started with
    ``--server.port``, as ``tests/e2e/helpers.streamlit_server`` does)."""
    port = base_url.rstrip("/").rsplit(":", 1)[-1]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(arguments) and b"--server.port" in arguments and \
                arguments[arguments.index(b"--server.port") + 1] == port.encode():
            return int(entry.name)
    raise LookupError(f"no Streamlit server on port {port}")
