"""Whether the server runs the tested set of packages pinned in `constraints.txt`.

The README installs with those pins, and CI tests with them; a server started in another
environment logs which packages differ, once per process, so that a wrong answer can be traced
to an untested version. `python -m coverage doctor` says the same (`registry.doctor`); it sits
here, below both the interface and the command line, because both ask.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_log = logging.getLogger(__name__)
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)", re.MULTILINE)


def pinned_versions(text: str) -> dict[str, str]:
    """The `name==version` pins of a constraints file, comments and extras left out.

    >>> pinned_versions("# generated\\nstreamlit==1.67.0\\n    # via x\\npsycopg[binary]==3.3.9\\n")
    {'streamlit': '1.67.0', 'psycopg': '3.3.9'}
    """
    return dict(_PIN.findall(text))


def untested_versions(pins: Mapping[str, str]) -> list[str]:
    """One line per pinned package whose installed version is another (or none)."""
    differences = []
    for name, tested in pins.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "not installed"
        if installed != tested:
            differences.append(f"{name} {installed} (tested: {tested})")
    return differences


@cache
def log_untested_versions(constraints: Path) -> list[str]:
    """Log, once per process, the packages that differ from the pins in `constraints`."""
    try:
        differences = untested_versions(pinned_versions(constraints.read_text(encoding="utf-8")))
    except OSError as error:
        _log.warning("cannot compare with the tested set of packages: %s", error)
        return []
    if differences:
        _log.warning("not the tested set of packages (%s): %s", constraints.name,
                     "; ".join(differences))
    return differences
