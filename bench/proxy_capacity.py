"""Readers through HAProxy against 1, 2 and 4 app processes, side by side in one run.

    python bench/proxy_capacity.py [--readers 100] [--processes 1 2 4] [--runs 3]

Starts a throwaway PostgreSQL server (tests/support/postgres.py) with one database, the largest
number of app processes asked for on it (tests/support/browser.app_server, the repository's
register), and warms each one (its `/readyz` and two sessions). Then, for every configuration
in turn (and `--runs` rounds of them, interleaved, so that the machine's other load falls on
all of them alike), HAProxy is rendered from deploy/haproxy/haproxy.cfg.template in front of
the first N processes and `--readers` readers open a session at the same moment through it: a
websocket client speaking Streamlit's protocol (bench/ws_sessions.py, the whole first page of
`?gemeente=GM0193`, both runs). A reader's time runs from opening its websocket to the page's
last `script_finished`; HAProxy's log says how many sessions each process got. Per
configuration it prints the medians over the rounds of: readers per second (readers / the time
until the last finished), p50, p95 and the slowest reader, and p95 against one process's. The
per-address session limit is lifted for the run (every reader comes from 127.0.0.1). The
readers' client runs on the same machine as the servers, and takes its share of the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ws_sessions import SessionRun, open_session
from tests.support.postgres import fresh_database, postgres_server
from tests.support.proxy import haproxy
from tests.support.servers import app_server

QUERY = "gemeente=GM0193"
NO_LIMIT = 1_000_000
"""Sessions per 10 s per address for the run: every reader comes from one address."""


@dataclass(frozen=True)
class Round:
    """One configuration's readers at once: the wall time and each reader's time."""

    processes: int
    wall_s: float
    seconds: list[float]

    @property
    def per_second(self) -> float:
        """Readers served per second (all readers / the time until the last finished)."""
        return len(self.seconds) / self.wall_s

    def quantile(self, share: float) -> float:
        """The reader time below which `share` of the readers finished (nearest rank)."""
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def _readers_at_once(url: str, count: int) -> tuple[float, list[SessionRun]]:
    started = time.perf_counter()
    runs = await asyncio.gather(*(open_session(url, QUERY, timeout_s=600)
                                  for _ in range(count)))
    return time.perf_counter() - started, list(runs)


def measure(url: str, processes: int, readers: int) -> Round:
    """`readers` sessions at once through the proxy at `url`."""
    wall_s, runs = asyncio.run(_readers_at_once(url, readers))
    return Round(processes, wall_s, [run.seconds for run in runs])


def warm(url: str, timeout_s: float = 300.0) -> None:
    """Wait until the process has warmed up (`/readyz` answers 200: it says 503 "starting"
    before), then open two sessions."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=timeout_s) as response:
                response.read()
            break
        except urllib.error.HTTPError as error:
            if error.code != 503 or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    for _ in range(2):
        asyncio.run(open_session(url, QUERY))


def load_average() -> str:
    """The 1-minute load average (Linux)."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main() -> int:
    """Run the rounds and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--runs", type=int, default=3, help="rounds of every configuration")
    arguments = parser.parse_args()
    configurations = sorted(set(arguments.processes))
    rounds: dict[int, list[Round]] = {count: [] for count in configurations}
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-proxy-")))
        database_url = fresh_database(stack.enter_context(postgres_server()))
        urls = []
        for number in range(max(configurations)):
            urls.append(stack.enter_context(app_server(
                None, work_dir=folder / f"app{number + 1}", database_url=database_url)))
            warm(urls[-1])
        ports = [int(url.rsplit(":", 1)[1]) for url in urls]
        print(f"{len(urls)} app processes warmed; {arguments.readers} readers at once, "
              f"{arguments.runs} rounds", flush=True)
        for round_number in range(arguments.runs):
            for count in configurations:
                with haproxy(ports[:count], folder / f"proxy-{round_number}-{count}",
                             sessions_per_10s=NO_LIMIT) as proxy:
                    proxy.wait_for_states({name: "UP" for name in proxy.servers})
                    before = load_average()
                    result = measure(proxy.url, count, arguments.readers)
                    spread = Counter(line["server"] for line in proxy.log_lines()
                                     if line["path"] == "/_stcore/stream")
                rounds[count].append(result)
                print(f"round {round_number + 1}, {count} process(es): "
                      f"{result.per_second:.1f} readers/s, p95 {result.quantile(0.95):.2f} s "
                      f"(load average {before} before; sessions per process "
                      f"{dict(sorted(spread.items()))})", flush=True)
    print()
    print("| app processes | readers/s | p50 | p95 | slowest | p95 / p95 of one process |")
    print("| --- | --- | --- | --- | --- | --- |")
    base = statistics.median(one.quantile(0.95) for one in rounds[configurations[0]])
    for count in configurations:
        p95 = statistics.median(one.quantile(0.95) for one in rounds[count])
        print(f"| {count} | {statistics.median(one.per_second for one in rounds[count]):.1f} "
              f"| {statistics.median(one.quantile(0.5) for one in rounds[count]):.2f} s "
              f"| {p95:.2f} s "
              f"| {statistics.median(max(one.seconds) for one in rounds[count]):.2f} s "
              f"| {p95 / base:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
