"""A clone of the repository runs on its own: nothing beside it, no settings, an empty cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPOSITORY_ROOT


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          check=True).stdout.strip()


def test_a_fresh_clone_answers_a_lookup(tmp_path: Path) -> None:
    commit = git("rev-parse", "HEAD", cwd=REPOSITORY_ROOT)
    alone = tmp_path / "alone"
    alone.mkdir()
    clone = alone / "repository"
    git("clone", "--quiet", "--no-hardlinks", str(REPOSITORY_ROOT), str(clone), cwd=tmp_path)
    git("checkout", "--quiet", commit, cwd=clone)
    assert [path.name for path in alone.iterdir()] == ["repository"]  # no ../shared

    cache = tmp_path / "cache"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("COVERAGE_") and name != "PYTHONPATH"}
    env["COVERAGE_CACHE_DIR"] = str(cache)
    env["XDG_DATA_HOME"] = str(tmp_path / "data-home")  # a new user: no database of versions yet
    result = subprocess.run([sys.executable, "-m", "coverage", "lookup", "zwolle", "--json"],
                            cwd=clone, env=env, capture_output=True, text=True, timeout=180,
                            check=False)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["municipality"]["code"] == "GM0193"
    assert answer["safety_region"] == {"code": "VR04", "name": "IJsselland"}
    assert answer["coordinators"][0]["phones"][0]["e164"] == "+31334481186"
    # The spatial check ran on the clone's own files and its outcome was cached.
    assert len(list(cache.glob("spatial-check-*.json"))) == 1
