"""An axe-core audit of a page in Chromium (axe-playwright-python, which ships axe-core: nothing
is downloaded), inside the app's own frames too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.support.browser import AppPage

BLOCKING = {"serious", "critical"}
"""The impacts that fail a test (the others are printed only)."""


def audit(app_page: AppPage, what: str, within: str | None = None) -> list[str]:
    """The serious and critical violations on the page as it is now (or in the elements that
    match the CSS selector `within`), one line each."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = app_page.page
    for frame in page.frames[1:]:  # axe in every frame, so the audit reaches inside them
        if frame.url.startswith(app_page.origin):
            frame.evaluate(axe.axe_script)
    context = {"include": [[within]]} if within else None
    results: dict[str, Any] = axe.run(page, context=context).response
    found = []
    for violation in results["violations"]:
        targets = [node["target"] for node in violation["nodes"][:3]]
        line = f"{what}: {violation['impact']} {violation['id']} ({violation['help']}) {targets}"
        print(line)
        if violation["impact"] in BLOCKING:
            found.append(line)
    return found
