"""The longest test files first, so that the suite's two workers finish together.

pytest-xdist's `--dist=loadfile` hands out whole files, one at a time to whichever worker is
nearly done, in the order of the collection (its own reordering, by number of tests, is turned
off in `pyproject.toml`: it put the browser files, with few but long tests, last). A long file
handed out last runs alone at the end while the other worker idles; longest first (the classic
"longest processing time" rule) leaves only short files for the end.

How long each file takes is recorded in `tests/file_seconds.json` (by
`scripts/record_test_seconds.py` from a `--durations=0` run); a file not recorded yet counts
as the median file. Within a file the tests keep their order. Loaded with `-p tests.file_order`.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

SECONDS_FILE = Path(__file__).with_name("file_seconds.json")
"""Seconds per test file, by path from the repository's root."""


def file_of(item: pytest.Item) -> str:
    """The file of a test, as recorded: `tests/e2e/test_proxy.py` (doctests: their module)."""
    return item.nodeid.split("::", 1)[0]


def longest_first(files: list[str], seconds: dict[str, float]) -> list[str]:
    """The files, longest first by their recorded seconds (unrecorded: the median); ties keep
    their order.

    >>> longest_first(["a.py", "b.py", "c.py"], {"a.py": 1.0, "c.py": 9.0})
    ['c.py', 'b.py', 'a.py']
    """
    typical = statistics.median(seconds.values()) if seconds else 0.0
    return sorted(files, key=lambda name: -seconds.get(name, typical))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the collected tests in longest-file-first order."""
    seconds = json.loads(SECONDS_FILE.read_text()) if SECONDS_FILE.exists() else {}
    by_file: dict[str, list[pytest.Item]] = {}
    for item in items:
        by_file.setdefault(file_of(item), []).append(item)
    items[:] = [item for name in longest_first(list(by_file), seconds) for item in by_file[name]]
