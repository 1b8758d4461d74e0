"""The one-page PDF report per safety region, read back with pdftotext (poppler-utils)."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest

from coverage.answer import answer_for
from coverage.engine import Coverage
from ui import data
from ui.dashboard.region_report import (
    ReportVersion,
    contact_lines,
    region_report_pdf,
    report_content,
    report_file_name,
)
from ui.text.i18n import Translator

TODAY = datetime.date(2026, 11, 30)
V3 = ReportVersion(3, "Huidig overzicht (Nederlands)", datetime.date(2026, 3, 1))
CURRENT = ReportVersion(3, "Current overview (Dutch)", datetime.date(2026, 3, 1))


@pytest.fixture(scope="module")
def display() -> gpd.GeoDataFrame:
    return data.display_municipalities()


def pdf_text(pdf: bytes, folder: Path) -> tuple[str, int]:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    return " ".join(text.split()), pages


def test_ijsselland_report(current: Coverage, display: gpd.GeoDataFrame,
                           tmp_path: Path) -> None:
    nl = Translator("nl")
    pdf = region_report_pdf(current, "VR04", display, V3, nl, TODAY)
    assert pdf.startswith(b"%PDF")
    text, pages = pdf_text(pdf, tmp_path)
    assert pages == 1
    assert "Veiligheidsregio IJsselland (VR04)" in text
    assert "Provincie Overijssel · politie-eenheid Oost-Nederland" in text
    assert "Gemeenten zonder regionale zorgcoördinator (11)" in text
    assert "Zwolle" in text and "Deventer" in text
    assert "CoMensha: 033 - 448 11 86 (+31334481186)" in text
    assert ("Versie 3 van het register: Huidig overzicht (Nederlands), ‘Overzicht "
            in text)
    assert "gepubliceerd op 2026-03-01" in text
    assert "Gemaakt op 2026-11-30" in text
    assert "zegt niets over de capaciteit" in text
    routes = ("Altijd, overal: Politie 0900-8844; Nederlandse Arbeidsinspectie, bij "
              "arbeidsuitbuiting 0800-5151; Bij acuut gevaar 112.")
    assert text.count(routes) == 1  # once, not per group of municipalities
    assert text.count("0900-8844") == 1


def test_accents_and_border_findings(current: Coverage, display: gpd.GeoDataFrame,
                                     tmp_path: Path) -> None:
    en = Translator("en")
    text, _ = pdf_text(region_report_pdf(current, "VR02", display, CURRENT, en, TODAY),
                       tmp_path)
    assert "Safety region Fryslân (VR02)" in text and "Súdwest-Fryslân" in text
    text, _ = pdf_text(region_report_pdf(current, "VR07", display, CURRENT, en, TODAY),
                       tmp_path)
    assert "Breaks the rule: cuts through safety region Noord- en Oost-Gelderland" in text
    assert "MEE-Veluwe (under 23): 055 - 526 92 00 (+31555269200)" in text
    assert "For: Barneveld, Ede" in text


def test_every_region_fits_on_one_page(current: Coverage, display: gpd.GeoDataFrame,
                                       tmp_path: Path) -> None:
    nl = Translator("nl")
    for code in current.units.safety_regions.index:
        _, pages = pdf_text(region_report_pdf(current, code, display, V3, nl, TODAY),
                            tmp_path)
        assert pages == 1, code


def test_content_groups_municipalities_by_contacts(current: Coverage) -> None:
    nl = Translator("nl")
    content = report_content(current, "VR06", V3, nl, TODAY)
    members = [name for group in content.groups for name in group.municipalities]
    table = current.municipalities
    assert sorted(members) == sorted(table.loc[table["safety_region_code"] == "VR06",
                                               "display_name"])
    almere = contact_lines(answer_for(current, "GM0034"), nl)  # no entry: CoMensha as the fallback
    assert almere == ("CoMensha (vangnet, geen zorgcoördinator in het overzicht): "
                      "033 - 448 11 86 (+31334481186) (nog niet gecontroleerd; controle nodig)",)


def test_the_version_title_is_in_the_reader_language(earlier: Coverage) -> None:
    for language, title, other in (
            ("nl", "Eerder overzicht zorgcoördinatoren (National Referral Site, Engelse versie)",
             "English version"),
            ("en", "Care coordinators (National Referral Site, English version)",
             "Engelse versie")):
        t = Translator(language)
        version = report_content(earlier, "VR23", V3, t, TODAY).version
        assert f"‘{title}’" in version and other not in version


def test_the_report_is_traceable(current: Coverage, display: gpd.GeoDataFrame,
                                 tmp_path: Path) -> None:
    """Version number, label and publication date on the page and in the file name; every
    border-rule finding names its area and organisations; the map names its municipalities."""
    nl = Translator("nl")
    text, _ = pdf_text(region_report_pdf(current, "VR07", display, V3, nl, TODAY), tmp_path)
    assert "Versie 3 van het register: Huidig overzicht (Nederlands)" in text
    assert "gepubliceerd op 2026-03-01" in text
    findings = text[text.index("Grensregel:"):]
    assert findings.count("Breekt de regel") == 2
    assert ("Gemeente Apeldoorn en de Veluwe (MEE-Veluwe, Moviera): Breekt de regel"
            in findings)
    assert report_file_name("VR07", V3) == "zorgcoordinatie-VR07-versie-3-2026-03-01.pdf"
    two = ReportVersion(2, "Huidig overzicht (Nederlands)", datetime.date(2026, 1, 5))
    assert report_file_name("VR07", two) != report_file_name("VR07", V3)
    # The map's names: pdftotext reads them from the map's area, above the totals.
    layout = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"],
                            check=True, capture_output=True, text=True).stdout
    on_map = layout[:layout.index("In veiligheidsregio")]
    for name in ("Arnhem", "Ede", "Wageningen", "Renkum"):
        assert name in on_map, name


@pytest.mark.parametrize(("kind", "value", "title", "member"), [
    ("province", "Utrecht", "Provincie Utrecht", "Amersfoort"),
    ("police_unit", "Oost-Nederland", "Politie-eenheid Oost-Nederland", "Zwolle")])
def test_reports_per_province_and_police_unit(current: Coverage, display: gpd.GeoDataFrame,
                                              tmp_path: Path, kind: str, value: str,
                                              title: str, member: str) -> None:
    nl = Translator("nl")
    text, _ = pdf_text(region_report_pdf(current, value, display, V3, nl, TODAY, kind=kind),
                       tmp_path)
    assert title in text and "Veiligheidsregio's:" in text
    assert "Versie 3 van het register" in text and member in text
    assert report_file_name(value, V3, kind).startswith(
        f"zorgcoordinatie-{'provincie' if kind == 'province' else 'politie-eenheid'}-")
