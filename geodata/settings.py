"""Where the boundary data lives."""

import os
from pathlib import Path

GEODATA_DIR_VARIABLE = "COVERAGE_GEODATA_DIR"
"""Environment variable that points at another boundary data folder."""

DEFAULT_GEODATA_DIR = Path(__file__).resolve().parent / "cbs-2023"
"""The CBS 2023 boundary files shipped with the repository (see its README for the source)."""


def geodata_dir() -> Path:
    """The boundary data folder: `$COVERAGE_GEODATA_DIR`, else the shipped `geodata/cbs-2023`."""
    configured = os.environ.get(GEODATA_DIR_VARIABLE)
    return Path(configured).expanduser().resolve() if configured else DEFAULT_GEODATA_DIR
