"""Benchmark the plain answer page (`/gemeente/…`, web/pages.py) on the app's own server.

``python bench/answer_page.py [--requests 2000] [--concurrency 50]`` from the repository root.
Starts the dashboard (the e2e helpers' ``app_server``, loopback only, a throwaway database
filled from ``data/``), warms it with one request per municipality, then:

- server CPU per cached answer: the server process's user+system CPU time (``/proc/<pid>/stat``)
  over ``--requests`` sequential requests for cached answers, divided by their number
  (the HTTP parsing of uvicorn and the middleware included). Target ≤ 1 ms;
- ``--requests`` requests, ``--concurrency`` at a time (threads, one connection per request),
  over all 342 municipalities: every status 200, p50 / p95 / max latency. Target p95 ≤ 50 ms
  on a 2-core machine (the client's threads share the cores with the server);
- the same for ``/api/v1/gemeenten/<code>`` and for ``/healthz`` (the least the server
  answers: the floor of uvicorn, Streamlit's app and the middleware), and a 304;
- CPU per cached answer page through the routes and middleware driven as ASGI in this process
  (the route's own cost, without HTTP).
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geodata import load_units  # noqa: E402
from tests.support.servers import app_server  # noqa: E402

CPU_TARGET_MS = 1.0
P95_TARGET_MS = 50.0


def server_pid(port: int) -> int:
    """The pid of the `streamlit run` process this benchmark started on `port`."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"streamlit" in b" ".join(command) and str(port).encode() in command:
                return int(entry.name)
    raise RuntimeError(f"no server on port {port}")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of process `pid` (its threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def get(host: str, port: int, path: str, headers: dict[str, str] | None = None
        ) -> tuple[int, float, str]:
    """One GET on a new connection: status, seconds, ETag."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started, response.getheader("ETag", "")
    finally:
        connection.close()


def load(host: str, port: int, paths: list[str], concurrency: int) -> list[tuple[int, float]]:
    with ThreadPoolExecutor(concurrency) as pool:
        return [result[:2] for result in pool.map(lambda path: get(host, port, path), paths)]


def report(name: str, results: list[tuple[int, float]]) -> None:
    times = sorted(seconds * 1000 for _, seconds in results)
    statuses = {status for status, _ in results}
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{name}: {len(results)} requests, statuses {sorted(statuses)}, p50 "
          f"{statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
          f"(target p95 ≤ {P95_TARGET_MS:.0f} ms: {'met' if p95 <= P95_TARGET_MS else 'MISSED'})")


def in_process(codes: list[str], count: int) -> float:
    """CPU milliseconds per cached answer page through the routes and the middleware, driven
    as ASGI in this process (no HTTP server: the route's own cost)."""
    import tempfile

    from registry.database import DATABASE_URL_VARIABLE
    from tests.support.asgi_client import web_client

    folder = tempfile.mkdtemp(prefix="bench-answer-")
    os.environ[DATABASE_URL_VARIABLE] = f"sqlite:///{folder}/register.sqlite3"
    with web_client() as client:
        for code in codes:
            client.get(f"/gemeente/{code}")
        started = time.process_time()
        for index in range(count):
            client.get(f"/gemeente/{codes[index % len(codes)]}")
        return (time.process_time() - started) / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    codes = list(load_units().municipalities.index)
    with app_server(ROOT / "data") as url:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        pid = server_pid(port)
        started = time.perf_counter()
        status, seconds, _ = get(host, port, "/gemeente/GM0363")
        print(f"first answer page after the start: {status} in {seconds * 1000:.0f} ms")
        for code in codes:  # warm: one render per municipality (and the JSON)
            get(host, port, f"/gemeente/{code}")
            get(host, port, f"/api/v1/gemeenten/{code}")
        print(f"warmed 342 pages and 342 JSON answers in {time.perf_counter() - started:.1f} s")

        paths = [f"/gemeente/{codes[index % len(codes)]}" for index in range(args.requests)]
        before = cpu_seconds(pid)
        for _ in paths:
            get(host, port, "/healthz")
        health_ms = (cpu_seconds(pid) - before) / len(paths) * 1000
        print(f"server CPU per /healthz (the least a request costs, for scale): "
              f"{health_ms:.2f} ms")
        before = cpu_seconds(pid)
        for path in paths:
            get(host, port, path)
        cpu_ms = (cpu_seconds(pid) - before) / len(paths) * 1000
        verdict = "met" if cpu_ms <= CPU_TARGET_MS else "MISSED"
        print(f"server CPU per cached answer page (sequential): {cpu_ms:.2f} ms "
              f"(target ≤ {CPU_TARGET_MS:.0f} ms: {verdict})")

        report(f"/healthz (the server's least answer, for scale), {args.concurrency} at a time",
               load(host, port, ["/healthz"] * len(paths), args.concurrency))
        report(f"answer pages, {args.concurrency} at a time",
               load(host, port, paths, args.concurrency))
        api = [path.replace("/gemeente/", "/api/v1/gemeenten/") for path in paths]
        report(f"JSON answers, {args.concurrency} at a time",
               load(host, port, api, args.concurrency))
        _, _, etag = get(host, port, "/gemeente/GM0363")
        status, seconds, _ = get(host, port, "/gemeente/GM0363", {"If-None-Match": etag})
        print(f"If-None-Match: {status} in {seconds * 1000:.1f} ms")
    print(f"CPU per cached answer page in process (routes and middleware, no HTTP): "
          f"{in_process(codes, args.requests):.3f} ms")


if __name__ == "__main__":
    main()
