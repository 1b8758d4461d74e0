"""End-to-end: the dashboard runs from a read-only copy of the repository (issue 6).

The repository is copied to a temporary folder and made read-only (``chmod -R a-w``). Tests run
as root, for whom file modes mean nothing, so the server is started without the capabilities
that let root ignore them (``setpriv --bounding-set=-dac_override,...``): a write into the copy
then fails as it would in a read-only container image. Besides, every file of the copy is
fingerprinted before and after: nothing may change or appear. The map must draw, with Leaflet
served from the copy, and a search must show its card.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from geodata.disk_cache import CACHE_DIR_VARIABLE
from tests.e2e.helpers import (
    CARD,
    REPO_ROOT,
    AppPage,
    search_for,
    streamlit_server,
    wait_for_app,
)
from ui.map.offline import LEAFLET_DIR

pytestmark = pytest.mark.e2e

_NOT_IN_A_CHECKOUT = {".git", "artifacts", "__pycache__", ".pytest_cache", ".ruff_cache",
                      "vendor"}
_WITHOUT_OVERRIDES = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner,-chown")


def _fingerprints(root: Path) -> dict[str, str]:
    """Every file and folder below ``root``: content hash (files) and mode."""
    prints: dict[str, str] = {}
    for folder, folders, files in os.walk(root):
        for name in folders:
            path = Path(folder, name)
            prints[str(path.relative_to(root))] = f"dir {stat.filemode(path.stat().st_mode)}"
        for name in files:
            path = Path(folder, name)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            prints[str(path.relative_to(root))] = f"{digest} {stat.filemode(path.stat().st_mode)}"
    return prints


def _set_writable(root: Path, writable: bool) -> None:
    for folder, _, files in os.walk(root):
        for path in [Path(folder), *(Path(folder, name) for name in files)]:
            mode = path.stat().st_mode
            path.chmod(mode | stat.S_IWUSR if writable
                       else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def read_only_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the repository without write permission anywhere (restored afterwards)."""
    copy = tmp_path / "checkout"
    shutil.copytree(REPO_ROOT, copy,
                    ignore=lambda folder, names: [n for n in names if n in _NOT_IN_A_CHECKOUT])
    _set_writable(copy, writable=False)
    try:
        yield copy
    finally:
        _set_writable(copy, writable=True)


def test_the_copy_is_really_read_only_for_the_server(read_only_copy: Path) -> None:
    """The check below can fail: the server's privileges cannot write into the copy."""
    probe = subprocess.run(
        [*_WITHOUT_OVERRIDES, sys.executable, "-c",
         f"open({str(read_only_copy / 'probe.txt')!r}, 'w')"],
        capture_output=True, text=True, check=False)
    assert probe.returncode != 0
    assert "Permission denied" in probe.stderr
    assert not (read_only_copy / "probe.txt").exists()


def test_the_app_runs_from_a_read_only_checkout(
        read_only_copy: Path, tmp_path: Path,
        open_page: Callable[[str], AppPage]) -> None:
    before = _fingerprints(read_only_copy)
    assert "static/leaflet-1.9.3/leaflet.js" in before
    cache = tmp_path / "cache"  # the derived-data cache lives outside the checkout
    with streamlit_server(read_only_copy / "app.py", cwd=read_only_copy,
                          log=tmp_path / "streamlit.log",
                          env={CACHE_DIR_VARIABLE: str(cache)}, python_path=read_only_copy,
                          command_prefix=_WITHOUT_OVERRIDES) as origin:
        app_page = open_page(origin)
        page = app_page.page
        leaflet = []
        page.on("response", lambda response: leaflet.append((response.url, response.status))
                if f"/app/static/{LEAFLET_DIR.name}/" in response.url else None)
        page.goto(f"{origin}/?gemeente=Zwolle")
        wait_for_app(page)
        page.locator(CARD).get_by_text("Contact voor Zwolle").wait_for()
        search_for(page, "Den Bosch")
        page.locator(CARD).get_by_text("Contact voor Den Bosch").wait_for()
        app_page.screenshot()
        app_page.assert_same_origin()

    log = (tmp_path / "streamlit.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]
    served = {url.rsplit("/", 1)[-1]: status for url, status in leaflet}
    assert served["leaflet.js"] == served["leaflet.css"] == 200
    assert set(served.values()) == {200}, served
    after = _fingerprints(read_only_copy)
    assert after == before, {path: (before.get(path), after.get(path))
                             for path in set(before) | set(after)
                             if before.get(path) != after.get(path)}
