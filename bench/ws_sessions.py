"""Open Streamlit sessions without a browser: a websocket client speaking Streamlit's protocol.

A session is what a browser tab opens: a websocket to ``/_stcore/stream`` (subprotocol
``streamlit``), then a ``BackMsg`` asking to run the script (``rerun_script`` with the page's
query string). The server answers with ``ForwardMsg`` protobufs (the new session, every element
of the page as a delta, ...) and ends the run with ``script_finished``. :func:`open_session`
times that, from connecting to ``script_finished``; :func:`open_sessions_at_once` starts many
at the same moment and reports when each finished.

Used by ``bench/app.py``; no Streamlit server code is imported, only its protobuf classes.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

__all__ = ["SessionRun", "open_session", "open_sessions_at_once", "server_pid", "server_rss_bytes"]


@dataclass(frozen=True)
class SessionRun:
    """One session's first script run, as the client saw it."""

    seconds: float
    """From opening the websocket to ``script_finished``."""
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
        request = BackMsg()
        request.rerun_script.query_string = query_string
        request.rerun_script.page_script_hash = ""
        await socket.send(request.SerializeToString())
        async for frame in socket:
            received += len(frame)
            message = ForwardMsg()
            message.ParseFromString(frame)
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                elements += 1
                if message.delta.new_element.WhichOneof("type") == "exception":
                    raise RuntimeError(f"the page shows an exception: "
                                       f"{message.delta.new_element.exception.message}")
            if kind == "script_finished":
                break
    return SessionRun(seconds=time.perf_counter() - start, received_bytes=received,
                      elements=elements)


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
