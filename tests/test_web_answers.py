"""The answer page and the open data give, for every one of the 342 municipalities of the
newest version, the same numbers, organisations and status as the one `Answer`
(coverage/answer.py) made here from the register itself; every page is at most 20 KB and has
no script."""

from __future__ import annotations

import json
import re
from html import escape

from coverage.answer import Version, answers
from coverage.engine import Coverage
from tests.asgi_client import web_client
from ui.text.i18n import Translator
from web import current as versions

PAGE_LIMIT = 20 * 1024


def test_every_municipality_same_as_the_answer(current: Coverage) -> None:
    expected = answers(current, Version.of(current.snapshot, 2))
    assert len(expected) == 342
    versions.forget()
    sizes = []
    with web_client() as client:
        everything = json.loads(client.get("/api/v1/gemeenten?lang=en").body)
        assert [answer["municipality"]["code"] for answer in everything["municipalities"]] == list(
            expected)
        for code, answer in expected.items():
            for language in ("nl", "en"):
                reply = client.get(f"/api/v1/gemeenten/{code}?lang={language}")
                assert json.loads(reply.body) == answer.to_json(language), code
            assert everything["municipalities"][list(expected).index(code)] == answer.to_json(
                "en")
            for language in ("nl", "en"):
                t = Translator(language)
                reply = client.get(f"/gemeente/{code}?lang={language}")
                assert reply.status == 200, code
                page = reply.text
                sizes.append(len(reply.body))
                assert len(reply.body) <= PAGE_LIMIT, code
                assert "<script" not in page.lower(), code
                calls = page.split('<ul class="calls">', 1)[1].split("</ul>", 1)[0]
                assert re.findall(r'href="(tel:[^"]+)"', calls) == [
                    phone.tel_url for call in answer.calls for phone in call.phones], code
                assert re.findall(r">([^<>]+)</a>", calls) == [
                    escape(phone.display) for call in answer.calls for phone in call.phones]
                assert re.findall(r'<span class="org">(.*?)</span>', calls) == [
                    escape(call.organisation or t("card_no_organisation"))
                    for call in answer.calls], code
                assert len(re.findall(r'<li class="fallback">', calls)) == len(
                    answer.fallback_calls), code
                status = re.search(rf"<dt>{t('card_status')}</dt><dd>(.*?)</dd>", page).group(1)
                assert status == escape(answer.status_label(language)), code
                region = answer.safety_region
                assert f"<dd>{escape(region.name)} ({region.code})</dd>" in page, code
    print(f"answer pages: {min(sizes)}–{max(sizes)} bytes")
