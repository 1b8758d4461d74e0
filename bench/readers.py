"""Many readers at once: each opens the whole first page, then searches to a card.

``python bench/readers.py [--readers 100] [--runs 3] [--baseline REF] [--search Zwolle]`` from
the repository root. A server per app (this app; with ``--baseline REF`` also the app at git
ref REF, see ``bench/app.py``), each with a throwaway database and cache folder of its own,
ready (``/readyz``) and warmed by one reader. Then, ``--runs`` times and the apps in turns,
``--readers`` websocket clients (``bench/ws_sessions.py``, no browser) open the dashboard at the
same moment, wait for the whole page (first screen, the map's report, the rest), type the
search and wait for its card. Reported per app, as medians over the runs: the 95th percentile
and the slowest of the readers' times (connect → card), and the server's CPU seconds (user and
system, ``/proc``) per reader. Targets: p95 ≤ 3 s and ≤ 0.05 s CPU per reader.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.app import AppUnderTest, baseline_app  # noqa: E402
from bench.first_paint import _server, wait_ready  # noqa: E402
from bench.ws_sessions import (  # noqa: E402
    open_session,
    open_sessions_at_once,
    server_cpu_s,
    server_pid,
)

P95_TARGET_S = 3.0
CPU_TARGET_S = 0.05


def _load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", help="also measure the app at this git ref")
    parser.add_argument("--search", default="Zwolle")
    args = parser.parse_args()
    load_at_start = _load()
    figures: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as folder, \
            contextlib.ExitStack() as stack:
        work = Path(folder)
        apps = [AppUnderTest("this app", ROOT / "app.py", ROOT, ROOT, has_search=True,
                             outline="script")]
        if args.baseline:
            apps.append(stack.enter_context(baseline_app(work, args.baseline)))
        urls = [_server(stack, app, work, 0) for app in apps]
        for url in urls:
            wait_ready(url)
            asyncio.run(open_session(url, search=args.search))  # the caches are warm
        for _ in range(args.runs):
            for app, url in zip(apps, urls, strict=True):
                pid = server_pid(url)
                before = server_cpu_s(pid)
                runs = open_sessions_at_once(url, args.readers, search=args.search)
                cpu = (server_cpu_s(pid) - before) / args.readers
                times = sorted(run.seconds for run in runs)
                found = figures.setdefault(app.label, {"p95": [], "slowest": [], "cpu": [],
                                                       "search": []})
                found["p95"].append(statistics.quantiles(times, n=20)[18])
                found["slowest"].append(times[-1])
                found["cpu"].append(cpu)
                found["search"].append(statistics.median(run.search_seconds or 0.0
                                                         for run in runs))
                print(f"  {app.label}: p95 {found['p95'][-1]:.2f} s, "
                      f"CPU {cpu:.3f} s per reader", file=sys.stderr, flush=True)
    print(f"\npython bench/readers.py --readers {args.readers} --runs {args.runs}: "
          f"{os.cpu_count()} CPUs; load average at the start {load_at_start}, at the end "
          f"{_load()}\n")
    print("| figure (median of runs) | " + " | ".join(figures) + " |")
    print("| --- |" + " --- |" * len(figures))
    rows = [("p95 connect → card", "p95", "{:.2f} s"), ("slowest", "slowest", "{:.2f} s"),
            ("search → card (median reader)", "search", "{:.2f} s"),
            ("server CPU per reader", "cpu", "{:.3f} s")]
    for label, name, form in rows:
        print(f"| {label} | " + " | ".join(form.format(statistics.median(values[name]))
                                          for values in figures.values()) + " |")
    print(f"\ntargets: p95 ≤ {P95_TARGET_S:g} s, ≤ {CPU_TARGET_S:g} s CPU per reader")
    print("raw:", figures)


if __name__ == "__main__":
    main()
