"""Record how long each test file takes, for the order in which the suite hands files to its
workers (`tests/file_order.py`).

Run the suite with `--durations=0` and pass its output:

    python -m pytest --durations=0 | tee /tmp/durations.txt
    python scripts/record_test_seconds.py /tmp/durations.txt

Every phase of every test (set-up, call, tear-down) is added to its file; a session fixture's
set-up counts for the file whose test first needed it on that worker. The figures are rounded
to a tenth of a second: the order needs the big differences, not the noise.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "tests" / "file_seconds.json"
"""Where the figures go, beside the tests."""

LINE = re.compile(r"^(?P<seconds>\d+(?:\.\d+)?)s (?:setup|call|teardown)\s+(?P<file>[^:\s]+)::")
"""One line of pytest's `--durations` report: `12.34s call     tests/e2e/test_x.py::test_y`."""


def file_seconds(report: str) -> dict[str, float]:
    """Seconds per test file, from a `--durations=0` report, longest first."""
    totals: dict[str, float] = defaultdict(float)
    for line in report.splitlines():
        match = LINE.match(line.strip())
        if match:
            totals[match["file"]] += float(match["seconds"])
    return {name: round(seconds, 1)
            for name, seconds in sorted(totals.items(), key=lambda item: (-item[1], item[0]))}


def main(argv: list[str]) -> int:
    """Write `tests/file_seconds.json` from the report named by the only argument."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    figures = file_seconds(Path(argv[0]).read_text())
    if not figures:
        print(f"no --durations lines in {argv[0]}", file=sys.stderr)
        return 1
    OUTPUT.write_text(json.dumps(figures, indent=1) + "\n")
    print(f"{len(figures)} files, {sum(figures.values()):.0f} s in all -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
