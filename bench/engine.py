"""Benchmark the CLI in fresh processes: `python bench/engine.py [--runs 5]`.

Measures, from the repository root, the wall time of `python -m coverage lookup zwolle --json`
and `python -m coverage report --json` (median of N fresh processes, after one warm-up run that
fills the area cache), and the engine's own work after the imports, step by step, each scenario
in a fresh process (median of N).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
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
    from coverage.register import load_register
    from coverage.search import MunicipalityIndex
    from coverage.serialise import lookup_json, records_json
    from geodata import load_units
    from geodata.derived import municipality_areas

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


def main() -> None:
    """Print the measurements and whether they meet the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenario", choices=list(COMMANDS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        print(json.dumps(scenario_steps(args.scenario)))
        return
    time_command(COMMANDS["report"][0], 1)  # warm-up: fills the area cache
    for scenario, (command, target) in COMMANDS.items():
        median = time_command(command, args.runs)
        verdict = "ok" if median < target else "OVER TARGET"
        print(f"python -m coverage {' '.join(command):22} median of {args.runs}: "
              f"{median:6.3f} s (target < {target} s) {verdict}")
        runs = [json.loads(subprocess.run(
            [sys.executable, __file__, "--scenario", scenario], check=True,
            capture_output=True, text=True).stdout) for _ in range(args.runs)]
        for name in runs[0]:
            print(f"    {name:45} {statistics.median(run[name] for run in runs):7.1f} ms")
        total = statistics.median(sum(run.values()) for run in runs)
        verdict = "ok" if total < ENGINE_TARGET_MS else "OVER TARGET"
        print(f"    {'engine work after imports':45} {total:7.1f} ms "
              f"(target < {ENGINE_TARGET_MS} ms) {verdict}")


if __name__ == "__main__":
    main()
