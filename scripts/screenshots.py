"""Take the README's screenshots of the dashboard with the system's headless Chromium.

    python scripts/screenshots.py [--out docs] [--lang en]

Starts the dashboard on a free loopback port with a fresh database filled from the
repository's register (``data/``), so the pictures show the seed versions, opens it in
Chromium (``/usr/bin/chromium``, never a downloaded browser) 1400 pixels wide and saves one PNG
per view into ``--out``, reduced to a 256-colour palette (the map's colours kept exactly) to
keep them small:

- ``screenshot.png``: the map with the contact card of Ede (coordinators split by age);
- ``screenshot-national.png``: the national map and picture;
- ``screenshot-charts.png``: the charts;
- ``screenshot-gaps.png``: the gaps of the safety region IJsselland, the map zoomed to it;
- ``screenshot-border-rule.png``: the border rule's verdicts, one area shown on the map.

Nothing leaves the machine: the page may only reach the app's own origin.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from PIL import Image  # noqa: E402  (Streamlit's own dependency)
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from registry.yaml_register import DATA_DIR  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    MAP_IFRAME,
    app_server,
    launch_chromium,
    open_app_page,
    wait_for_app,
    wait_for_script_done,
)
from ui.dashboard.page import MAP_AND_CARD  # noqa: E402
from ui.map.palette import (  # noqa: E402
    AREA_OUTLINE_STYLE,
    REGION_BORDER_STYLE,
    SELECTED_HALO_STYLE,
    STATUS_COLOURS,
    VIOLATION_STYLE,
)
from ui.text.i18n import Translator  # noqa: E402

VIEWPORT = {"width": 1400, "height": 2400}
"""Tall, so the map and the open view below it are on one screen; each picture is a clip."""
SETTLE_MS = 800
"""Time for Leaflet's zoom animation and charts to finish drawing."""


def reduce_palette(path: Path) -> None:
    """Reduce the PNG to a palette of at most 256 colours, without dithering: the map's own
    colours (:data:`KEPT_COLOURS`) exactly, the rest as close as a median cut gets."""
    with Image.open(path) as opened:
        image = opened.convert("RGB")
    common = image.quantize(colors=256 - len(KEPT_COLOURS), dither=Image.Dither.NONE)
    palette = [*(value for colour in KEPT_COLOURS for value in rgb(colour)),
               *common.getpalette()[:3 * (256 - len(KEPT_COLOURS))]]
    target = Image.new("P", (1, 1))
    target.putpalette(palette)
    image.quantize(palette=target, dither=Image.Dither.NONE).save(path, optimize=True)


def rgb(colour: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as a tuple of three integers."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


KEPT_COLOURS: tuple[str, ...] = tuple(dict.fromkeys(
    [*STATUS_COLOURS.values(), AREA_OUTLINE_STYLE["color"], VIOLATION_STYLE["color"],
     REGION_BORDER_STYLE["color"], SELECTED_HALO_STYLE["color"], "#FFFFFF", "#000000"]))
"""Colours every screenshot keeps exactly: the map's fills and lines."""


def _clip(page: Page, top_selector: str, bottom_selector: str,
          max_height: int = 1500) -> dict[str, float]:
    """The page area from the top of one element to the bottom of another, at most
    ``max_height`` high, over the main column (the viewport is tall enough to hold it)."""
    top = page.locator(top_selector).first.evaluate("el => el.getBoundingClientRect().top")
    bottom = page.locator(bottom_selector).first.evaluate(
        "el => el.getBoundingClientRect().bottom")
    main = page.locator('[data-testid="stMain"]').first.bounding_box()
    assert main is not None
    top = max(top - 12, 0)
    return {"x": main["x"], "y": top, "width": main["width"],
            "height": min(bottom - top + 12, max_height)}


def _save(page: Page, path: Path, clip: dict[str, float] | None = None) -> None:
    page.screenshot(path=path, clip=clip)
    reduce_palette(path)
    print(f"{path}: {path.stat().st_size // 1024} KB")


def _open_tab(page: Page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    wait_for_script_done(page)
    page.wait_for_timeout(SETTLE_MS)


def _choose(page: Page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_script_done(page)
    page.wait_for_timeout(SETTLE_MS)


TAB_PANEL = "[role='tabpanel']:not([hidden])"
MAP_BLOCK = f".st-key-{MAP_AND_CARD}"


def card(page: Page, t: Translator) -> dict[str, float] | None:
    page.locator("section.contact-card").wait_for()
    page.wait_for_timeout(SETTLE_MS)
    return _clip(page, "h1", MAP_BLOCK)


def national(page: Page, t: Translator) -> dict[str, float] | None:
    _open_tab(page, t("tab_overview"))
    return _clip(page, MAP_BLOCK, TAB_PANEL, max_height=1800)


def charts(page: Page, t: Translator) -> dict[str, float] | None:
    _open_tab(page, t("tab_charts"))
    page.locator('[data-testid="stVegaLiteChart"]').nth(1).wait_for()
    page.wait_for_timeout(SETTLE_MS)
    return _clip(page, "[role='tablist']", TAB_PANEL)


def gaps(page: Page, t: Translator) -> dict[str, float] | None:
    _open_tab(page, t("tab_gaps"))
    _choose(page, t("filter_safety_region"), "IJsselland (VR04)")
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None
    frame.wait_for_function("() => window.coverageFocus.shown === 'safety_region:VR04'")
    page.wait_for_timeout(SETTLE_MS)
    return _clip(page, MAP_BLOCK, TAB_PANEL, max_height=1800)


def border_rule(page: Page, t: Translator) -> dict[str, float] | None:
    _open_tab(page, t("tab_border"))
    page.locator(".st-key-show-gemeente-apeldoorn-en-de-veluwe button").click()
    wait_for_script_done(page)
    page.wait_for_timeout(SETTLE_MS)
    return _clip(page, MAP_BLOCK, TAB_PANEL, max_height=1800)


SHOTS: dict[str, tuple[str, Callable[[Page, Translator], Any]]] = {
    "screenshot.png": ("?gemeente=Ede", card),
    "screenshot-national.png": ("", national),
    "screenshot-charts.png": ("", charts),
    "screenshot-gaps.png": ("", gaps),
    "screenshot-border-rule.png": ("", border_rule),
}
"""File name → (query after the language, the steps that show the view and return the part
of the page to keep)."""


def take_screenshots(browser: Browser, origin: str, out: Path, language: str) -> list[Path]:
    """Save every picture of :data:`SHOTS` of the dashboard at ``origin`` into ``out``."""
    t = Translator(language)
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for name, (query, steps) in SHOTS.items():
        app_page = open_app_page(browser, origin, name)
        try:
            page = app_page.page
            page.set_viewport_size(VIEWPORT)
            separator = "&" if query else ""
            page.goto(f"{origin}/{query or '?'}{separator}lang={language}")
            wait_for_app(page)
            _save(page, out / name, steps(page, t))
            app_page.assert_same_origin()
        finally:
            app_page.close()
        saved.append(out / name)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs")
    parser.add_argument("--lang", default="en", choices=["en", "nl"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as work, \
            app_server(DATA_DIR, work_dir=Path(work)) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            take_screenshots(browser, origin, args.out, args.lang)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
