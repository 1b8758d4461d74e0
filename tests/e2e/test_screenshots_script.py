"""End-to-end: scripts/screenshots.py makes every README picture against a fresh dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from scripts.screenshots import SHOTS, main

pytestmark = pytest.mark.e2e


def test_the_screenshots_are_made(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    for name in SHOTS:
        path = tmp_path / name
        with Image.open(path) as image:
            assert image.mode == "P"
            assert image.width >= 1000 and image.height >= 400, (name, image.size)
        assert path.stat().st_size < 150_000, name
