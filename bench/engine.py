"""Benchmark the CLI in fresh processes: `python bench/engine.py [--runs 5]`.

Measures, from the repository root, the wall time of `python -m coverage lookup zwolle --json`
and `python -m coverage report --json` (median of N fresh processes, after one warm-up run that
fills the area cache), and the engine's own work after the imports, step by step, each scenario
in a fresh process (median of N).

Then, side by side in the same run, the register read from the database of versions against
the code before the database (`--baseline REF`, by default the commit before `registry/` was
added, unpacked with `git archive` into a temporary folder, reading the YAML files): the lookup
and the app's first page (`AppTest.run()` in a fresh process), alternating between the two,
median of N each. The database is a throwaway SQLite file, created and filled before timing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "lookup": (["lookup", "zwolle", "--json"], 1.5),
    "report": (["report", "--json"], 2.0),
}
ENGINE_TARGET_MS = 100
DATABASE_TOLERANCE = 0.10
"""With the database, lookup and first page stay within 10 % of the time before it."""
FIRST_PAGE = ("from streamlit.testing.v1 import AppTest; "
              "app = AppTest.from_file('app.py', default_timeout=300).run(); "
              "assert not app.exception, app.exception")


def time_command(args: list[str], runs: int) -> float:
    """Median wall time in seconds of `python -m coverage ARGS` in fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "coverage", *args], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scenario_steps(scenario: str) -> dict[str, float]:
    """Milliseconds per engine step of one CLI command, in this process, imports excluded."""
    sys.path.insert(0, str(ROOT))
    from coverage.engine import Coverage
    from coverage.figures import coverage_figures
    from coverage.search import MunicipalityIndex
    from coverage.serialise import lookup_json, records_json
    from geodata import load_units
    from geodata.derived import municipality_areas
    from registry.yaml_register import load_register

    steps: dict[str, float] = {}

    def step(name: str, work: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = work()
        steps[name] = (time.perf_counter() - start) * 1000
        return value

    units = step("load tables", load_units)
    register = step("load and validate register", lambda: load_register(units))
    coverage = Coverage(register.latest, register.fallback, units)
    if scenario == "lookup":
        code = step("find 'zwolle'",
                    lambda: MunicipalityIndex(units.municipalities).find("zwolle").unique)
        step("areas, status, contacts", lambda: lookup_json(coverage, code))
    else:
        areas = step("municipality areas (cached)", municipality_areas)
        step("areas, status, figures by safety region", lambda: records_json(coverage_figures(
            coverage.municipalities.join(areas), "safety-region")))
    return steps


def baseline_commit() -> str:
    """The commit before the one that added `registry/` (the code without the database)."""
    added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--",
                            "registry/__init__.py"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    if not added:
        raise SystemExit("no commit adds registry/__init__.py; give --baseline REF")
    return f"{added[-1]}~1"


def unpack(ref: str, folder: Path) -> Path:
    """The tree of `ref`, unpacked into `folder` (created)."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Wall time in seconds of one fresh process."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare_with_baseline(ref: str, runs: int) -> None:
    """Lookup and first page with the database against the code before it, same run."""
    sys.path.insert(0, str(ROOT))
    from geodata.settings import GEODATA_DIR_VARIABLE, geodata_dir

    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as scratch:
        folder = Path(scratch)
        before = unpack(ref, folder / "before")
        env = {**os.environ, GEODATA_DIR_VARIABLE: str(geodata_dir()),
               "COVERAGE_CACHE_DIR": str(folder / "cache"),
               "COVERAGE_DATABASE_URL": f"sqlite:///{folder / 'register.sqlite3'}"}
        env.pop("COVERAGE_REGISTER_DIR", None)
        lookup = [sys.executable, "-m", "coverage", "lookup", "zwolle", "--json"]
        first_page = [sys.executable, "-c", FIRST_PAGE]
        for tree in (before, ROOT):  # warm-up: area cache, display cache, database filled
            timed(lookup, tree, env)
            timed(first_page, tree, env)
        print(f"with the database (SQLite) against {ref} (YAML files), alternating, "
              f"median of {runs}:")
        for name, command in (("lookup zwolle --json", lookup),
                              ("app first page (AppTest.run)", first_page)):
            times: dict[Path, list[float]] = {before: [], ROOT: []}
            for _ in range(runs):
                for tree in (before, ROOT):
                    times[tree].append(timed(command, tree, env))
            old, new = (statistics.median(times[tree]) for tree in (before, ROOT))
            change = new / old - 1
            verdict = "ok" if change <= DATABASE_TOLERANCE else "OVER TARGET"
            print(f"    {name:32} before {old:6.3f} s   now {new:6.3f} s   {change:+6.1%} "
                  f"(target <= +{DATABASE_TOLERANCE:.0%}) {verdict}")


def main() -> None:
    """Print the measurements and whether they meet the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenario", choices=list(COMMANDS), help=argparse.SUPPRESS)
    parser.add_argument("--baseline", help="commit to compare the database with (default: the "
                                           "one before registry/ was added)")
    parser.add_argument("--only-baseline", action="store_true",
                        help="only the comparison with the baseline")
    args = parser.parse_args()
    if args.scenario:
        print(json.dumps(scenario_steps(args.scenario)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-database-") as scratch:
        # The commands read the database of versions: a throwaway one, never the user's.
        os.environ.setdefault("COVERAGE_DATABASE_URL", f"sqlite:///{scratch}/register.sqlite3")
        if not args.only_baseline:
            engine_figures(args.runs)
        compare_with_baseline(args.baseline or baseline_commit(), args.runs)


def engine_figures(count: int) -> None:
    """The CLI commands and the engine's steps against their targets."""
    time_command(COMMANDS["report"][0], 1)  # warm-up: fills the area cache
    for scenario, (command, target) in COMMANDS.items():
        median = time_command(command, count)
        verdict = "ok" if median < target else "OVER TARGET"
        print(f"python -m coverage {' '.join(command):22} median of {count}: "
              f"{median:6.3f} s (target < {target} s) {verdict}")
        runs = [json.loads(subprocess.run(
            [sys.executable, __file__, "--scenario", scenario], check=True,
            capture_output=True, text=True).stdout) for _ in range(count)]
        for name in runs[0]:
            print(f"    {name:45} {statistics.median(run[name] for run in runs):7.1f} ms")
        total = statistics.median(sum(run.values()) for run in runs)
        verdict = "ok" if total < ENGINE_TARGET_MS else "OVER TARGET"
        print(f"    {'engine work after imports':45} {total:7.1f} ms "
              f"(target < {ENGINE_TARGET_MS} ms) {verdict}")


if __name__ == "__main__":
    main()
