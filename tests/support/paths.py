"""Where things are: the repository root the tests run from, the app's script, and the folder
for screenshots a person looks at."""

from __future__ import annotations

from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = REPOSITORY_ROOT / "app.py"
ARTIFACTS_DIR = REPOSITORY_ROOT / "artifacts" / "e2e"
"""Screenshots for a person to look at (git-ignored)."""
