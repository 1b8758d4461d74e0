"""Text the project did not write shows literally in a real browser: no link, image or styling.

Payloads (tests/injection_payloads.py) carry a Markdown link to a `tel:` number of their own, a
Markdown image and an HTML image on the loopback discard port, bold HTML, a colour directive, an
icon, LaTeX, an arrow and a bare URL. They come in through the URL (`?gemeente=`, `?lang=`), the
search box (both quoted back cut to 40 characters, `ui.url_parameters.echo`) and every text
field of the register (a copy served with `COVERAGE_REGISTER_DIR`).
Each test proves, in the page and in the map's frame: no anchor points at a payload's target, no
image loads from it (the page records every request), and every text node that holds a piece of
a payload holds all of it, so no element was made from it and it reads as written.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import (
    CARD,
    AppPage,
    hover_municipality,
    map_frame,
    open_view,
    search_box,
    search_for,
    wait_for_app,
    wait_for_script_done,
)
from tests.injection_payloads import (
    FORBIDDEN_HOST,
    FORGED_TEL,
    REGISTER_FIELDS,
    VELUWE,
    payload,
    payload_register,
)
from ui.text.plain_text import WORD_JOINER
from ui.url_parameters import echo

pytestmark = pytest.mark.e2e

APELDOORN = ("GM0200", 5.95, 52.20)

_INSPECT_JS = """
([fields, payloads, joiner, tel, host]) => {
    const problems = [], seen = {};
    const markers = fields.map(field => new RegExp('(^|[^_a-z])' + field + '-vet'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue.split(joiner).join('');
        fields.forEach((field, i) => {
            if (markers[i].test(text)) {
                seen[field] = (seen[field] || 0) + 1;
                if (!text.includes(payloads[i])) { problems.push([field, text]); }
            }
        });
    }
    const anchors = [...document.querySelectorAll('a')].map(a => a.getAttribute('href') || '')
        .filter(href => href.startsWith(tel) || href.includes(host));
    const images = [...document.querySelectorAll('img, source, image')]
        .map(img => img.getAttribute('src') || img.getAttribute('href') || '')
        .filter(src => src.includes(host));
    return {problems, seen, anchors, images};
}
"""


def inspect(target: Any, fields: dict[str, str]) -> dict[str, Any]:
    """Check a page or frame: payload pieces outside their payload, anchors and images."""
    return target.evaluate(_INSPECT_JS, [list(fields), list(fields.values()), WORD_JOINER,
                                         FORGED_TEL, FORBIDDEN_HOST])


def assert_literal(app_page: AppPage, fields: dict[str, str], expected: set[str]) -> None:
    """The page and the map frame hold the payloads only as text; `expected` fields show."""
    page = app_page.page
    found = inspect(page, fields)
    assert found["problems"] == [], found["problems"]
    assert found["anchors"] == [] and found["images"] == [], found
    assert expected <= set(found["seen"]), (expected, found["seen"])
    frame = page.locator('iframe[title="streamlit_folium.st_folium"]').element_handle()
    if frame is not None and frame.content_frame() is not None:
        in_map = inspect(frame.content_frame(), fields)
        assert in_map["problems"] == [] and in_map["anchors"] == [] and in_map["images"] == []
    requested = [url for url in app_page.requests if FORBIDDEN_HOST in url]
    assert requested == [], f"the browser fetched a payload's address: {requested}"
    app_page.assert_same_origin()


def test_url_parameters_show_as_text(app_page: AppPage) -> None:
    fields = {"gemeente": payload("gemeente", 90), "lang": payload("lang", 91)}
    page = app_page.page
    query = urllib.parse.urlencode({"gemeente": fields["gemeente"], "lang": fields["lang"]})
    page.goto(f"{app_page.origin}/?{query}")
    wait_for_app(page)
    page.get_by_text("De link noemt geen gemeente die het dashboard kent.").wait_for()
    page.wait_for_timeout(500)  # time for an image request, had one been made
    # Quoted cut (so without its marker), on a line of its own, in no alert box.
    assert_literal(app_page, fields, set())
    quoted = page.locator(".plain-text.echo").inner_text()
    assert quoted == f"In de link stond: “{echo(fields['gemeente'])}”"
    assert page.get_by_role("alert").count() == 0
    app_page.screenshot()


def test_search_box_shows_as_text(app_page: AppPage) -> None:
    """The box takes only its offers (no free text, so no "Add: …"): a payload typed there
    matches none, stays plain text in the box, and Enter selects nothing."""
    fields = {"search": payload("search", 92)}
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    box = search_box(page)
    box.click()
    box.fill(fields["search"])
    assert page.get_by_role("listbox").get_by_role("option").filter(
        has_text="search-vet").count() == 0
    box.press("Enter")
    wait_for_script_done(page)
    page.wait_for_timeout(500)  # time for an image request, had one been made
    assert_literal(app_page, fields, set())
    assert page.locator(CARD).count() == 0
    assert page.get_by_role("alert").count() == 0
    app_page.screenshot()


def test_every_register_field_shows_as_text(
        tmp_path: Path, start_app: Callable[[Path | None], str],
        open_page: Callable[[str], AppPage]) -> None:
    fields = {field: payload(field, number) for number, field in enumerate(REGISTER_FIELDS)}
    app_page = open_page(start_app(payload_register(tmp_path / "data")))
    page = app_page.page
    page.goto(f"{app_page.origin}/?gemeente=Apeldoorn")
    wait_for_app(page)
    card = page.locator(CARD)
    card.get_by_text("Contact voor Apeldoorn").wait_for()
    page.wait_for_timeout(500)
    # Card (organisation, wording, note), sidebar (source's title and address, date note);
    # Dutch only.
    assert_literal(app_page, fields, {"organisation", "area_wording", "note", "source",
                                      "address", "date_note"})
    assert fields["organisation"] in card.inner_text()
    assert fields["note"] in card.inner_text()
    english = {"note_en", "date_note_en", "title_en"}
    assert not english & set(inspect(page, fields)["seen"])
    hover_municipality(page, *APELDOORN)  # the map's tooltip, then the frame is checked too
    assert map_frame(page).locator(".leaflet-tooltip").inner_text().startswith("Gemeente")
    assert_literal(app_page, fields, {"organisation"})
    app_page.screenshot("test_every_register_field_shows_as_text-card")

    open_view(page, "Grensregel")
    page.locator(f".st-key-show-{VELUWE} button").click()
    wait_for_script_done(page)
    page.get_by_role("status").filter(has_text="Op de kaart").wait_for()
    wait_for_app(page)
    assert_literal(app_page, fields, {"organisation", "area_wording"})
    status = page.get_by_role("status").filter(has_text="Op de kaart").inner_text()
    assert status == f"Op de kaart: ‘{fields['area_wording']}’."
    app_page.screenshot("test_every_register_field_shows_as_text-border")

    for view in ("Zorgcoördinatoren", "Wijzigingen", "Downloads"):
        open_view(page, view)
        assert_literal(app_page, fields, set())

    # Version 1 (`extra`, the oldest): its title, in the sidebar.
    page.goto(f"{app_page.origin}/?versie=1")
    wait_for_app(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("Getoond: versie 1").wait_for()
    assert_literal(app_page, fields, {"title"})
    assert "title_en" not in inspect(page, fields)["seen"]  # the Dutch title only

    # Version 2, the earlier overview: Den Haag's number, whose organisation is inferred.
    page.goto(f"{app_page.origin}/?versie=2")
    wait_for_app(page)
    search_for(page, "Den Haag")
    card.get_by_text("Contact voor Den Haag").wait_for()
    page.wait_for_timeout(500)
    assert_literal(app_page, fields, {"inferred_organisation"})
    assert fields["inferred_organisation"] in card.inner_text()
    app_page.screenshot()
