"""Take `docs/proposal.png`, the README's screenshot of the proposal page.

Run from the repository root: `python scripts/screenshot_proposal_page.py`. It starts the app
on a free loopback port with a throwaway database (filled from `data/`), opens the proposal page
with a proposal for safety region IJsselland and, kept for comparison, Rotterdam with Dordrecht, and
saves a screenshot with the system's Chromium (`/usr/bin/chromium`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coverage.whatif import Proposal
from geodata import load_units
from tests.e2e.helpers import REPO_ROOT, app_server, launch_chromium, wait_for_app
from ui.proposal.url import codes_text, encode

OUTPUT = REPO_ROOT / "docs" / "proposal.png"
VIEWPORT = {"width": 1400, "height": 2300}


def proposal_address() -> str:
    """The page's address: IJsselland being built, Rotterdam with Dordrecht kept."""
    units = load_units()
    kept = Proposal("Rijnmond en Drechtsteden", None, "all", frozenset({"GM0599", "GM0505"}))
    return "voorstel?" + urlencode({
        "voorstel": codes_text(units.codes_of("safety_region", "VR04")),
        "naam": "IJsselland", "vergelijk": encode(kept)})


def main() -> None:
    """Start the app, open the proposal page and save the screenshot."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="proposal-shot-") as work, \
            app_server(register_dir=REPO_ROOT / "data", work_dir=Path(work)) as url, \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        page.set_default_timeout(120_000)
        page.goto(f"{url}/{proposal_address()}")
        wait_for_app(page)
        page.get_by_text("Binnen één veiligheidsregio: IJsselland (VR04).").wait_for()
        page.wait_for_timeout(1500)  # the map's fit animation
        page.screenshot(path=str(OUTPUT))
        browser.close()
    print(f"saved {OUTPUT}")


if __name__ == "__main__":
    main()
