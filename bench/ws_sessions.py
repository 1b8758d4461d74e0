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
(and the mark's name from ``ui.first_screen``).
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

from ui.first_screen import WAITING_MARK

FIRST_SCREEN_MARK = WAITING_MARK.encode()
"""The mark of the dashboard's first screen: the page waits for the map's report before it
draws the rest, so the client sends it as the map would."""

__all__ = ["SessionRun", "open_session", "open_sessions_at_once", "server_pid", "server_rss_bytes"]


@dataclass(frozen=True)
class SessionRun:
    """One session's page (a dashboard's first screen and the rest), as the client saw it."""

    seconds: float
    """From opening the websocket to the page's last ``script_finished``."""
    received_bytes: int
    """Bytes of every websocket message received until then."""
    elements: int
    """Elements the page drew (``new_element`` deltas)."""


def _stream_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"


async def open_session(base_url: str, query_string: str = "",
                       timeout_s: float = 120.0) -> SessionRun:
    """Open one session, run the script once, close it; fail if the page shows an exception.

    Args:
        base_url: The server, e.g. ``http://127.0.0.1:8501``.
        query_string: The page's query, e.g. ``gemeente=GM0193`` (no ``?``).
        timeout_s: Give up after this long.
    """
    start = time.perf_counter()
    received = elements = 0
    async with asyncio.timeout(timeout_s), connect(
            _stream_url(base_url), subprotocols=["streamlit"], max_size=None,
            compression=None) as socket:
        report: str | None = None  # the map's widget id, on a first screen that waits for it
        cached: list[str] = []  # what a browser keeps and says it has (the map's message)
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
                waiting = waiting or (FIRST_SCREEN_MARK in frame)
                if kind == "script_finished":
                    break
            if report is not None or not (waiting and map_id):
                break
            # As a browser's map does once its polygons are drawn (ui.map_selection_script).
            report = map_id
            request = _run_request(query_string)
            request.rerun_script.cached_message_hashes.extend(cached)
            request.rerun_script.widget_states.widgets.add(
                id=map_id, json_value=json.dumps({"drawn": "bench"}))
            await socket.send(request.SerializeToString())
    return SessionRun(seconds=time.perf_counter() - start, received_bytes=received,
                      elements=elements)


def _run_request(query_string: str) -> BackMsg:
    request = BackMsg()
    request.rerun_script.query_string = query_string
    request.rerun_script.page_script_hash = ""
    return request


async def _at_once(base_url: str, count: int, query_string: str) -> list[SessionRun]:
    return list(await asyncio.gather(*(open_session(base_url, query_string)
                                       for _ in range(count))))


def open_sessions_at_once(base_url: str, count: int, query_string: str = "") -> list[SessionRun]:
    """Open ``count`` sessions at the same moment; each one's run (the slowest is the figure)."""
    return asyncio.run(_at_once(base_url, count, query_string))


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
