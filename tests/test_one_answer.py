"""One answer, every rendering: for all 342 municipalities of both seed versions and of a version
with partly covered municipalities (the Veluwe without its 23+ contact, see
`tests/test_partial.py`), the contact card, the command line's `lookup` (text and JSON), the
PDF report per safety region and the CSV/XLSX downloads give the numbers and the status of the
one `coverage.answer.Answer`; and the answer itself keeps the rule (every age group has someone
to call, CoMensha exactly where no listed contact serves a group)."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import re
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from coverage.answer import Answer, answers
from coverage.engine import Coverage
from coverage.lookup_text import answer_lines
from coverage.serialise import lookup_json
from coverage.status import STATUS_LABELS, TARGET_GROUPS
from geodata import Boundaries
from tests.test_cli import run
from tests.test_partial import partial, without_veluwe_23_plus  # noqa: F401 (fixtures)
from ui import data
from ui.dashboard.card import card_html
from ui.dashboard.downloads import municipalities_csv, municipalities_xlsx
from ui.dashboard.region_report import ReportVersion, region_report_pdf, report_content
from ui.text.i18n import Translator

VERSIONS = ("earlier", "current", "partial")
E164 = re.compile(r"\((\+\d+)\)")

VERSION = ReportVersion(2, "Huidig overzicht (Nederlands)", datetime.date(2026, 3, 1))


@pytest.fixture(scope="module")
def versions(coverages: dict[str, Coverage],
             partial: dict[str, Coverage]) -> dict[str, Coverage]:  # noqa: F811
    return {"earlier": coverages["earlier"], "current": coverages["current"],
            "partial": partial["current"]}


@pytest.fixture(scope="module")
def found(versions: dict[str, Coverage]) -> dict[str, dict[str, Answer]]:
    return {name: answers(coverage) for name, coverage in versions.items()}


def numbers(answer: Answer) -> list[str]:
    """Every number to call, in order, as E.164."""
    return [phone.e164 for call in answer.calls for phone in call.phones]


def distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def test_every_version_is_walked_whole(found: dict[str, dict[str, Answer]]) -> None:
    for name in VERSIONS:
        assert len(found[name]) == 342
    statuses = {name: {answer.status for answer in found[name].values()} for name in VERSIONS}
    assert statuses["partial"] == {"coordinator", "partial", "comensha", "fallback"}
    assert "fallback" in statuses["earlier"] and "comensha" in statuses["current"]


@pytest.mark.parametrize("name", VERSIONS)
def test_the_answer_keeps_the_rule(versions: dict[str, Coverage],
                                   found: dict[str, dict[str, Answer]], name: str) -> None:
    table = versions[name].municipalities
    for code, answer in found[name].items():
        assert (answer.status, answer.split_by_age) == (table.at[code, "status"],
                                                        bool(table.at[code, "split_by_age"]))
        served = {group: [call for call in answer.calls
                          if call.target_group in ("all", group)] for group in TARGET_GROUPS}
        assert all(served.values()), code  # every age group has someone to call
        assert all(call.phones for call in answer.fallback_calls)
        listed_groups = {group for call in answer.listed for group in TARGET_GROUPS
                         if call.target_group in ("all", group)}
        expected_fallback = ([("all", "fallback_no_coordinator")] if not answer.listed else
                             [(group, "fallback_uncovered_group") for group in TARGET_GROUPS
                              if group not in listed_groups])
        assert [(call.target_group, call.why) for call in answer.fallback_calls] == (
            expected_fallback), code
        regional = {group for call in answer.listed if call.why == "regional"
                    for group in TARGET_GROUPS if call.target_group in ("all", group)}
        assert answer.uncovered_target_groups == tuple(
            group for group in TARGET_GROUPS if group not in regional), code
        assert (answer.status == "fallback") == (not answer.listed), code
        if answer.status == "partial":
            assert len(answer.uncovered_target_groups) == 1, code


@pytest.mark.parametrize("name", VERSIONS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_card(found: dict[str, dict[str, Answer]], name: str, language: str) -> None:
    t = Translator(language)
    for code, answer in found[name].items():
        html = card_html(answer, t)
        routes = [route.phone.e164 for route in answer.national_routes]  # under every answer
        assert routes == ["+319008844", "+318005151", "112"]
        assert re.findall(r'href="tel:([^"]+)"', html) == numbers(answer) + routes, code
        assert (f"<dt>{t('card_status')}</dt><dd>{answer.status_label(t.language)}</dd>"
                in html), code
        for call in answer.fallback_calls:
            if call.why == "fallback_no_coordinator":
                assert t("card_fallback_why") in html.replace("&#x27;", "'"), code
            else:
                heading = t("card_fallback_for", organisation=call.organisation,
                            groups=t("target_" + call.target_group))
                assert f"<h4>{heading}</h4>" in html, code


@pytest.mark.parametrize("name", VERSIONS)
def test_lookup_json_and_text(versions: dict[str, Coverage],
                              found: dict[str, dict[str, Answer]], name: str) -> None:
    for code, answer in found[name].items():
        shape = lookup_json(versions[name], code, "nl")
        assert shape == answer.to_json("nl")
        assert shape["status"] == answer.status
        assert shape["municipality"]["population"] == answer.municipality.population
        assert [phone["e164"] for call in shape["calls"] for phone in call["phones"]] == (
            numbers(answer))
        listed = [phone["e164"] for contact in shape["coordinators"]
                  for phone in contact["phones"]]
        assert listed == [phone.e164 for call in answer.listed for phone in call.phones]
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            print("\n".join(answer_lines(answer, "en")))
        assert E164.findall(text.getvalue()) == numbers(answer), code
        assert f"Status: {STATUS_LABELS[answer.status_key]['en']}\n" in text.getvalue()


def test_the_command_line_prints_the_answer(without_veluwe_23_plus: Path,  # noqa: F811
                                            found: dict[str, dict[str, Answer]]) -> None:
    """The real command, once per status: its JSON is the answer's."""
    folders = {"earlier": "data", "current": "data", "partial": str(without_veluwe_23_plus)}
    chosen: dict[str, tuple[str, str]] = {}
    for name in VERSIONS:
        for code, answer in found[name].items():
            chosen.setdefault(answer.status, (name, code))
    assert len(chosen) == 4
    for name, code in chosen.values():
        snapshot = "earlier" if name == "earlier" else "current"
        result = run("--data", folders[name], "lookup", code, "--snapshot", snapshot, "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == found[name][code].to_json("en")


@pytest.mark.parametrize("name", VERSIONS)
def test_report_rows(versions: dict[str, Coverage], found: dict[str, dict[str, Answer]],
                     name: str) -> None:
    t = Translator("nl")
    coverage = versions[name]
    for region in coverage.units.safety_regions.index:
        content = report_content(coverage, region, VERSION, t)
        members = [answer for answer in found[name].values()
                   if answer.safety_region.code == region]
        assert content.without == tuple(sorted(
            answer.municipality.display_name for answer in members
            if answer.status in ("comensha", "fallback")))
        assert content.partial == tuple(sorted(
            answer.municipality.display_name for answer in members
            if answer.status == "partial"))
        lines = {town: group.contacts for group in content.groups
                 for town in group.municipalities}
        assert len(lines) == len(members)
        for answer in members:
            shown = lines[answer.municipality.display_name]
            assert distinct(E164.findall(" ".join(shown))) == distinct(numbers(answer))
            fallback_lines = [line for line in shown if "(vangnet" in line]
            assert len(fallback_lines) == len(answer.fallback_calls), answer.municipality


def pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return " ".join(text.split())


def test_report_pdfs(versions: dict[str, Coverage], found: dict[str, dict[str, Answer]],
                     tmp_path: Path) -> None:
    """One PDF per safety region, the versions taken in turn (the partly covered version for
    the Veluwe's regions), read back: every number of every municipality is on it."""
    t = Translator("nl")
    display = data.display_municipalities()
    regions = list(versions["current"].units.safety_regions.index)
    for index, region in enumerate(regions):
        name = "partial" if region in ("VR06", "VR07") else VERSIONS[index % 2]
        text = pdf_text(region_report_pdf(versions[name], region, display, VERSION, t), tmp_path)
        members = [answer for answer in found[name].values()
                   if answer.safety_region.code == region]
        for answer in members:
            assert answer.municipality.display_name in text, (region, answer.municipality)
            for call in answer.calls:
                for phone in call.phones:
                    assert phone.written_and_e164 in text, (region, answer.municipality)
        on_page = set(E164.findall(text))
        assert on_page == {e164 for answer in members for e164 in numbers(answer)}, region
        partly = sum(answer.status == "partial" for answer in members)
        assert f"Gemeenten deels gedekt ({partly})" in text


def per_organisation(answer: Answer) -> str:
    """The numbers of each organisation joined by " / ", organisations by "; ", each number
    once (with the first organisation that gives it)."""
    seen: set[str] = set()
    groups = []
    for call in answer.calls:
        own = [phone.e164 for phone in call.phones if phone.e164 not in seen]
        seen.update(own)
        if own:
            groups.append(" / ".join(own))
    return "; ".join(groups)


def expected_rows(found: dict[str, Answer], t: Translator) -> pd.DataFrame:
    return pd.DataFrame({
        "code": list(found),
        "population": [answer.municipality.population for answer in found.values()],
        "status": [answer.status_label(t.language) for answer in found.values()],
        "phones": [per_organisation(answer) for answer in found.values()],
        "organisations": [len(answer.calls) for answer in found.values()],
    }).set_index("code")


@pytest.mark.parametrize("name", VERSIONS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_csv_and_xlsx_rows(versions: dict[str, Coverage], found: dict[str, dict[str, Answer]],
                           boundaries: Boundaries, name: str, language: str) -> None:
    t = Translator(language)
    areas = boundaries.municipalities["area_km2"]
    expected = expected_rows(found[name], t)
    separator = ";" if language == "nl" else ","
    csv = pd.read_csv(io.BytesIO(municipalities_csv(versions[name], areas, t)), sep=separator,
                      decimal="," if language == "nl" else ".", encoding="utf-8-sig",
                      dtype=str).set_index(t("col_code"))
    book = openpyxl.load_workbook(io.BytesIO(municipalities_xlsx(versions[name], areas, t)))
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    xlsx = pd.DataFrame(rows[1:], columns=rows[0]).set_index(t("col_code"))
    for table, quote in ((csv, "'"), (xlsx, "")):
        assert list(table.index) == list(expected.index)
        assert [int(value) for value in table[t("col_population")]] == list(
            expected["population"])
        assert list(table[t("col_status")]) == list(expected["status"])
        phones = [value.removeprefix(quote) for value in table[t("col_phones_e164")]]
        assert phones == list(expected["phones"])
        organisations = [len(value.split("; ")) for value in table[t("col_organisations")]]
        assert organisations == list(expected["organisations"])
