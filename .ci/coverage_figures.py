"""Print the line coverage of each source folder from slipcover's JSON report.

Usage: python .ci/coverage_figures.py REPORT.json FOLDER...
Lines run only in subprocesses (the CLI tests, the browser tests' servers) are not counted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def folder_figures(report: dict, folders: list[str]) -> dict[str, tuple[int, int]]:
    """Covered and total statement lines per folder.

    >>> folder_figures({"files": {"geodata/a.py": {"summary": {"covered_lines": 3,
    ...     "missing_lines": 1}}}}, ["geodata", "coverage"])
    {'geodata': (3, 4), 'coverage': (0, 0)}
    """
    figures = {}
    for folder in folders:
        covered = missing = 0
        for name, data in report["files"].items():
            if Path(name).parts[0] == folder:
                covered += data["summary"]["covered_lines"]
                missing += data["summary"]["missing_lines"]
        figures[folder] = (covered, covered + missing)
    return figures


def main() -> None:
    """Print one line per folder and one for all of them."""
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    figures = folder_figures(report, sys.argv[2:])
    figures["together"] = (sum(c for c, _ in figures.values()),
                           sum(t for _, t in figures.values()))
    for folder, (covered, total) in figures.items():
        share = covered / total if total else 0.0
        label = folder if folder == "together" else f"{folder}/"
        print(f"test coverage {label:10} {share:6.1%} of lines ({covered} of {total})")


if __name__ == "__main__":
    main()
