"""Where the boundary data lives."""

import os
from pathlib import Path

GEODATA_DIR_VARIABLE = "COVERAGE_GEODATA_DIR"
"""Environment variable that points at the boundary data folder."""

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GEODATA_DIR = REPOSITORY_ROOT.parent / "shared" / "geodata"


def geodata_dir() -> Path:
    """The boundary data folder: `$COVERAGE_GEODATA_DIR`, else `../shared/geodata` from the
    repository root."""
    configured = os.environ.get(GEODATA_DIR_VARIABLE)
    return Path(configured).expanduser().resolve() if configured else DEFAULT_GEODATA_DIR
