"""The README's screenshots: the script's palette reduction keeps the map's colours, and the
README shows every picture the script makes (the pictures themselves: tests/e2e)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from scripts.screenshots import KEPT_COLOURS, SHOTS, reduce_palette, rgb
from tests.support.paths import REPOSITORY_ROOT


def test_shrinking_keeps_the_map_colours_exactly(tmp_path: Path) -> None:
    image = Image.new("RGB", (400, 100), "#FFFFFF")
    # A smooth gradient (many colours) beside small patches of the map's own colours.
    for x in range(300):
        for y in range(100):
            image.putpixel((x, y), (x % 256, y * 2, (x + y) % 256))
    for index, colour in enumerate(KEPT_COLOURS):
        for x in range(300 + index * 8, 300 + index * 8 + 3):
            for y in range(3):
                image.putpixel((x, y), rgb(colour))
    path = tmp_path / "shot.png"
    image.save(path)
    reduce_palette(path)
    with Image.open(path) as shrunk:
        assert shrunk.mode == "P"
        pixels = shrunk.convert("RGB")
        for index, colour in enumerate(KEPT_COLOURS):
            assert pixels.getpixel((300 + index * 8 + 1, 1)) == rgb(colour), colour
    assert path.stat().st_size < 45_000


def test_the_readme_shows_every_screenshot() -> None:
    readme = (REPOSITORY_ROOT / "README.md").read_text(encoding="utf-8")
    for name in SHOTS:
        assert f"](docs/{name})" in readme, name
        assert (REPOSITORY_ROOT / "docs" / name).stat().st_size < 150_000, name
