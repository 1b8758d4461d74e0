"""End-to-end: scripts/screenshots.py makes every README picture of the running dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from scripts.screenshots import SHOTS, take_screenshots

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e


def test_the_screenshots_are_made(browser: Browser, app_url: str, tmp_path: Path) -> None:
    saved = take_screenshots(browser, app_url, tmp_path, "en")
    assert [path.name for path in saved] == list(SHOTS)
    for path in saved:
        with Image.open(path) as image:
            assert image.mode == "P"
            assert image.width >= 1000 and image.height >= 400, (path.name, image.size)
        assert path.stat().st_size < 150_000, path.name
