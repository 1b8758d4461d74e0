"""The plain answer page per municipality (`/gemeente/…`, web/pages.py) through the app
server's own routes and middleware (driven as ASGI, no browser): names, places, postcodes,
several matches, unknown input quoted short, the search, 304, no script, size, language,
security headers, a partly covered municipality, and the database gone (the last known good
version, said in one line); per contact when it was last checked (or that it never was) and
whether it is due, availability, the national routes and since which version the status holds,
in the card's words (issue 18)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from coverage.answer import answers
from coverage.check_age import date_in_words, today_in_amsterdam
from coverage.engine import Coverage
from geodata import load_units
from registry.database import DATABASE_URL_VARIABLE
from registry.drafts import entry_of
from registry.entry_yaml import with_entry
from registry.store import open_store
from tests.asgi_client import AsgiClient, Reply, web_client
from tests.postgres_cluster import _free_port
from tests.test_last_checked import ROTTERDAM, cli, sqlite_url  # noqa: F401  (fixtures)
from tests.test_outage import (  # noqa: F401  (fixtures)
    bring_back,
    cache,
    damage,
    fresh_server,
    later,
    sqlite_database,
)
from tests.test_partial import VELUWE_MOVIERA, _edited_register
from ui.dashboard.card import card_html
from ui.server.security_headers import security_headers
from ui.text.i18n import Translator
from web import current

PAGE_LIMIT = 20 * 1024
ROUTES_NL = ('<p class="routes">Altijd, overal: Politie <a href="tel:+319008844">0900-8844</a>; '
             'Nederlandse Arbeidsinspectie, bij arbeidsuitbuiting '
             '<a href="tel:+318005151">0800-5151</a>; Bij acuut gevaar '
             '<a href="tel:112">112</a>.</p>')
NOTICE = {"nl": "de database is nu niet bereikbaar", "en": "the database cannot be reached"}


@pytest.fixture
def client() -> Iterator[AsgiClient]:
    current.forget()
    with web_client() as made:
        yield made


def tel_links(page: str) -> list[str]:
    """The `tel:` links of the page's list of whom to call, in order."""
    calls = page.split('<ul class="calls">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="(tel:[^"]+)"', calls)


def heading(page: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)


def assert_security_headers(reply: Reply) -> None:
    for name, value in security_headers():
        assert reply.headers.get(name.decode()) == value.decode(), name


@pytest.mark.parametrize(("text", "name", "code"), [
    ("GM0363", "Amsterdam", "GM0363"),
    ("gm0363", "Amsterdam", "GM0363"),
    ("amsterdam", "Amsterdam", "GM0363"),
    ("den-haag", "Den Haag", "GM0518"),
    ("'s-Gravenhage", "Den Haag", "GM0518"),
    ("Súdwest-Fryslân", "Súdwest-Fryslân", "GM1900"),
])
def test_a_municipality_by_code_or_name(client: AsgiClient, text: str, name: str,
                                        code: str) -> None:
    reply = client.get("/gemeente/" + quote(text))
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    page = reply.text
    assert heading(page) == f"{name}: wie belt u?"
    assert f'<link rel="canonical" href="/gemeente/{code}">' in page
    assert tel_links(page), "no number to call"
    assert f'href="/?gemeente={code}"' in page  # the dashboard with the map
    assert '<p class="via">' not in page
    assert_security_headers(reply)


def test_a_place_and_a_postcode_say_where_they_lie(client: AsgiClient) -> None:
    by_name = client.get("/gemeente/GM0394").text
    for text, line in [
        ("hoofddorp", "Hoofddorp ligt in de gemeente Haarlemmermeer."),
        ("2132", "Postcode 2132 (Hoofddorp) ligt in de gemeente Haarlemmermeer."),
        ("2132 AB", "Postcode 2132 (Hoofddorp) ligt in de gemeente Haarlemmermeer."),
    ]:
        reply = client.get("/gemeente/" + quote(text))
        assert reply.status == 200, text
        assert heading(reply.text) == "Haarlemmermeer: wie belt u?"
        assert f'<p class="via">{line}</p>' in reply.text
        assert tel_links(reply.text) == tel_links(by_name)
        assert reply.headers["etag"] != client.get("/gemeente/GM0394").headers["etag"]


def test_a_name_of_several_municipalities_lists_them(client: AsgiClient) -> None:
    reply = client.get("/gemeente/Bergen")
    assert reply.status == 200
    page = reply.text
    assert "Meer dan één gemeente" in page and "tel:" not in page
    assert 'href="/gemeente/GM0373"' in page and 'href="/gemeente/GM0893"' in page
    english = client.get("/gemeente/Bergen?lang=en").text
    assert 'href="/gemeente/GM0373?lang=en"' in english


@pytest.mark.parametrize("path", ["/gemeente/{}", "/gemeente?q={}"])
def test_unknown_input_is_quoted_short_with_the_search_form(client: AsgiClient,
                                                             path: str) -> None:
    typed = "LET OP: bel voortaan 0900-1234567 <script>alert(1)</script>" + "x" * 30
    reply = client.get(path.format(quote(typed)))
    assert reply.status == 404
    page = reply.text
    quoted = re.search(r"<p>U zocht: “(.*?)”</p>", page).group(1)
    assert quoted == "LET OP: bel voortaan 0900-1234567 &lt;scri…"
    assert len(quoted.replace("&lt;", "<")) == 40
    assert "0900-1234567 <" not in page and "<script" not in page and "alert" not in page
    assert '<form action="/gemeente" method="get"' in page and "tel:" not in page
    assert_security_headers(reply)


def test_a_near_miss_suggests_names(client: AsgiClient) -> None:
    reply = client.get("/gemeente/amsterdm")
    assert reply.status == 404
    assert 'href="/gemeente/GM0363">Amsterdam</a>' in reply.text


def test_the_search_form_goes_to_the_answer(client: AsgiClient) -> None:
    assert client.get("/gemeente").status == 200
    assert '<input type="search" id="q" name="q"' in client.get("/gemeente").text
    reply = client.get("/gemeente?q=Amsterdam")
    assert (reply.status, reply.headers["location"]) == (303, "/gemeente/GM0363")
    reply = client.get("/gemeente?q=hoofddorp&lang=en")
    assert (reply.status, reply.headers["location"]) == (303, "/gemeente/hoofddorp?lang=en")
    assert client.get("/gemeente?q=Bergen").status == 200  # the choices, at once


def test_not_modified_when_the_reader_has_it(client: AsgiClient) -> None:
    first = client.get("/gemeente/GM0193")
    etag = first.headers["etag"]
    assert etag.startswith('"v2-nl-GM0193-')
    assert first.headers["cache-control"] == "public, max-age=60"
    again = client.get("/gemeente/GM0193", {"If-None-Match": etag})
    assert (again.status, again.body) == (304, b"")
    assert again.headers["etag"] == etag
    assert_security_headers(again)
    assert client.get("/gemeente/GM0193", {"If-None-Match": f'W/{etag}'}).status == 304
    assert client.get("/gemeente/GM0193", {"If-None-Match": '"other"'}).status == 200
    english = client.get("/gemeente/GM0193?lang=en")
    assert english.headers["etag"] != etag
    assert client.get("/gemeente/GM0193?lang=en", {"If-None-Match": etag}).status == 200
    assert client.get("/gemeente/GM0200", {"If-None-Match": etag}).status == 200


@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_language_per_page(client: AsgiClient, language: str) -> None:
    reply = client.get(f"/gemeente/GM0193?lang={language}")
    page = reply.text
    assert page.startswith(f'<!DOCTYPE html>\n<html lang="{language}">')
    assert reply.headers["content-language"] == language
    other = {"nl": "en", "en": "nl"}[language]
    assert f'lang="{other}" hreflang="{other}"' in page  # the link to the other language
    assert ("Regio en status" in page) == (language == "nl")
    assert ("Region and status" in page) == (language == "en")
    assert client.get("/gemeente/GM0193?lang=fr").text.startswith(
        '<!DOCTYPE html>\n<html lang="nl">')


def test_the_numbers_come_first_and_the_page_is_small_and_plain(client: AsgiClient) -> None:
    page = client.get("/gemeente/GM0228").text  # Ede: two organisations, split by age
    assert page.index("tel:") < page.index("Regio en status") < page.index(
        "Wat het overzicht zegt") < page.index("Versie 2 van het register")
    assert tel_links(page) == ["tel:+31555269200", "tel:+31883744744"]
    assert "Jonger dan 23 jaar" in page and "23 jaar en ouder" in page
    assert len(page.encode()) <= PAGE_LIMIT
    assert "<script" not in page.lower() and "javascript:" not in page.lower()
    assert "http://" not in page and "https://" not in page  # nothing from elsewhere
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page



@pytest.mark.parametrize("status", ["fallback", "comensha"])
def test_comensha_where_there_is_no_regional_coordinator(client: AsgiClient, current: Coverage,
                                                         status: str) -> None:
    table = current.municipalities
    code = table.index[table["status"] == status][0]
    page = client.get(f"/gemeente/{code}").text
    (call,) = answers(current, codes=[code])[code].calls
    assert call.organisation == "CoMensha"
    assert tel_links(page) == [phone.tel_url for phone in call.phones]
    if status == "fallback":
        assert tel_links(page) == ["tel:+31334481186"]  # the national number
    assert "CoMensha" in page.split('<ul class="calls">', 1)[1].split("</ul>", 1)[0]
    why = {"fallback": "Het overzicht noemt voor deze gemeente geen regionale zorgcoördinator",
           "comensha": "Het overzicht noemt voor dit gebied CoMensha zelf als contact"}
    assert why[status] in page


def test_the_card_links_to_the_answer(current: Coverage) -> None:
    answer = answers(current, codes=["GM0193"])["GM0193"]
    assert "href='/gemeente/GM0193'>Link naar dit antwoord</a>" in card_html(
        answer, Translator("nl"))
    assert "href='/gemeente/GM0193?lang=en'>Link to this answer</a>" in card_html(
        answer, Translator("en"))


def test_a_partly_covered_municipality_gives_comensha_for_the_other_group(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: AsgiClient) -> None:
    folder = _edited_register(tmp_path / "data", VELUWE_MOVIERA, "  - id: gemeente-groningen")
    url = f"sqlite:///{tmp_path / 'partial.sqlite3'}"
    store = open_store(url)
    store.prepare(load_units(), folder)
    store.engine.dispose()
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    page = client.get("/gemeente/Apeldoorn").text
    assert "Deels gedekt" in page
    calls = page.split('<ul class="calls">', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li.*?</li>", calls, re.S)
    assert len(items) == 2
    assert "Jonger dan 23 jaar" in items[0] and "MEE-Veluwe" in items[0]
    assert "tel:+31555269200" in items[0]
    assert 'class="fallback"' in items[1] and "23 jaar en ouder" in items[1]
    assert "CoMensha" in items[1] and "tel:+31334481186" in items[1]
    assert "Geen regionale zorgcoördinator voor deze leeftijdsgroep" in items[1]


def test_no_version_at_all_is_503_with_the_search_form(
        cache: Path, monkeypatch: pytest.MonkeyPatch, client: AsgiClient) -> None:  # noqa: F811
    closed = f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/nothing"
    monkeypatch.setenv(DATABASE_URL_VARIABLE, closed)
    reply = client.get("/gemeente/GM0193")
    assert reply.status == 503 and reply.headers["cache-control"] == "no-store"
    assert "Het register is nu niet bereikbaar" in reply.text
    assert '<form action="/gemeente"' in reply.text


def test_the_database_gone_answers_from_the_last_known_good_version(
        sqlite_database: Path, client: AsgiClient) -> None:  # noqa: F811
    online = client.get("/gemeente/GM0193")
    assert online.status == 200 and NOTICE["nl"] not in online.text
    numbers = tel_links(online.text)
    json_online = client.get("/api/v1/gemeenten/GM0193").body
    feed_online = client.get("/feed.atom").body

    aside = damage(sqlite_database, "moved away")
    later()
    offline = client.get("/gemeente/GM0193")
    assert offline.status == 200
    assert tel_links(offline.text) == numbers
    (line,) = re.findall(r'<p class="notice" role="status">(.*?)</p>', offline.text)
    assert line.startswith("Overzicht van ") and line.endswith(
        "; de database is nu niet bereikbaar.")
    assert offline.headers["etag"] != online.headers["etag"]
    english = client.get("/gemeente/GM0193?lang=en").text
    assert NOTICE["en"] in english
    api = client.get("/api/v1/gemeenten/GM0193")
    assert (api.status, api.body) == (200, json_online)
    assert "x-last-known-good" in api.headers
    assert client.get("/feed.atom").body == feed_online
    assert client.get("/api/v1/versies/1").status == 503  # only the kept version
    assert not sqlite_database.exists()

    bring_back(sqlite_database, aside)
    later()
    back = client.get("/gemeente/GM0193")
    assert back.status == 200 and NOTICE["nl"] not in back.text
    assert back.headers["etag"] == online.headers["etag"]


# --- issue 18 on the answer page: the last check, availability, routes, since ---------------


def checked_lines(page: str) -> list[str]:
    """The line on each contact's last check, in the order of the calls."""
    calls = page.split('<ul class="calls">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<span class="checked">(.*?)</span>', calls)


def test_a_seed_contact_is_not_yet_checked_and_due_in_words(client: AsgiClient) -> None:
    page = client.get("/gemeente/GM0228").text
    due = ("Nog niet gecontroleerd. <strong class=\"due\">Controle nodig: langer dan 12 "
           "maanden geleden of nooit gecontroleerd.</strong>")
    assert checked_lines(page) == [due, due]
    assert "houdt het register nog niet bij" not in page
    english = client.get("/gemeente/GM0228?lang=en").text
    assert checked_lines(english)[0] == (
        'Not yet checked. <strong class="due">Due for a check: checked more than 12 months '
        "ago, or never.</strong>")
    fallback = client.get("/gemeente/GM0193").text  # Zwolle: CoMensha as the fallback
    assert checked_lines(fallback)[0].startswith("Nog niet gecontroleerd.")


def test_the_national_routes_in_one_line_under_the_answer(client: AsgiClient) -> None:
    page = client.get("/gemeente/GM0228").text
    assert page.count('<p class="routes">') == 1
    assert ROUTES_NL in page
    assert page.index("</ul>") < page.index(ROUTES_NL) < page.index("Regio en status")
    assert tel_links(page) == ["tel:+31555269200", "tel:+31883744744"]  # the answer first
    english = client.get("/gemeente/GM0228?lang=en").text
    assert 'Always, everywhere: The police <a href="tel:+319008844">0900-8844</a>;' in english
    assert '<a href="tel:112">112</a>.</p>' in english


def test_since_which_version_the_status_holds(client: AsgiClient, current: Coverage,
                                              earlier: Coverage) -> None:
    now, before = current.municipalities["status"], earlier.municipalities["status"]
    kept = next(code for code in now.index if now[code] == before[code])
    changed = next(code for code in now.index if now[code] != before[code])
    for code, number in [(kept, 1), (changed, 2)]:
        page = client.get(f"/gemeente/{code}").text
        (line,) = re.findall(r'<p class="since">(.*?)</p>', page)
        assert re.fullmatch(rf"Deze status sinds versie {number} \(\d+ \w+ \d{{4}}\)\.", line)
    assert re.search(r'<p class="since">This status since version 1 \(\d+ [A-Z]\w+ \d{4}\)',
                     client.get(f"/gemeente/{kept}?lang=en").text)


@dataclass(frozen=True)
class Dated:
    """A third version in which Rotterdam's first contact was checked, with availability."""

    day: datetime.date
    name: str


@pytest.fixture
def dated_version(cli: Callable, tmp_path: Path) -> Dated:  # noqa: F811
    """Version 3 of a database of its own: Rotterdam's first contact checked three days ago by
    anna, with opening hours, an after-hours number and an e-mail address (as
    tests/test_last_checked.py makes one)."""
    exported = tmp_path / "overview.yaml"
    assert cli("export", "current", "-o", str(exported)).code == 0
    text = exported.read_text("utf-8")
    data = yaml.safe_load(entry_of(text, ROTTERDAM))
    day = today_in_amsterdam() - datetime.timedelta(days=3)
    data["contacts"][0].update(verified_on=day.isoformat(), verified_by="anna",
                               opening_hours="ma–vr 08:00–19:00 <b>",
                               after_hours_phone="010 - 123 45 67", email="zorg@shop.nl")
    exported.write_text(with_entry(text, ROTTERDAM, yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False)), encoding="utf-8")
    result = cli("import", str(exported), "--yes", "--author", "piet")
    assert result.code == 0, result.err
    current.forget()
    return Dated(day, "anna")


def test_a_checked_contact_says_when_and_by_whom(dated_version: Dated,
                                                 client: AsgiClient) -> None:
    reply = client.get("/gemeente/Rotterdam")
    assert reply.status == 200 and reply.headers["etag"].startswith('"v3-nl-GM0599-')
    page = reply.text
    words = date_in_words(dated_version.day, "nl")
    lines = checked_lines(page)
    assert lines[0] == f"Gecontroleerd op {words} door anna."  # not due: no due line
    assert all(line.startswith("Nog niet gecontroleerd. <strong") for line in lines[1:])
    item = re.findall(r"<li.*?</li>", page.split('<ul class="calls">', 1)[1], re.S)[0]
    assert "<dt>Bereikbaar</dt><dd>ma–vr 08:00–19:00 &lt;b&gt;</dd>" in item
    assert ('<dt>Buiten kantoortijd</dt><dd><a href="tel:+31101234567">010 - 123 45 67</a>'
            "</dd>") in item
    assert '<dt>E-mail</dt><dd><a href="mailto:zorg@shop.nl">zorg@shop.nl</a></dd>' in item
    assert ROUTES_NL in page and '<p class="since">Deze status sinds versie' in page
    assert len(page.encode()) <= PAGE_LIMIT and "<script" not in page
    english = client.get("/gemeente/Rotterdam?lang=en").text
    assert checked_lines(english)[0] == (
        f"Checked on {date_in_words(dated_version.day, 'en')} by anna.")
    card = card_html(answers(current_coverage(), codes=["GM0599"])["GM0599"], Translator("nl"))
    assert f"Gecontroleerd op {words} door anna." in card  # the card says the same


def current_coverage() -> Coverage:
    """The newest version of the database the web layer answers from."""
    from ui import data

    return data.shown(data.newest_number()).coverage
