"""A printable report per safety region, province or police unit (PDF, one page for a safety
region) that a regional table can hand round, traceable to the version it was made from.

The page: the region's name (for a safety region its province and police unit, else its
safety regions); the version of the register (number, label, title, publication date) and the
date of the overview, the version also in the file name; a map of its municipalities coloured
by status (the map's colours), with their names, and a legend; the region's totals; the
municipalities without a regional coordinator and those partly covered, by name; the contacts
per group of municipalities (phone numbers as written and in E.164); the border-rule verdicts
on the areas that touch the region, each naming the area and its organisations; the capacity
caveat.

`report_content` gathers the words (pure, testable); `render_pdf` lays them out with fpdf2,
drawing each municipality as polygons projected to the Dutch grid (EPSG:28992). The text
font is DejaVu Sans, shipped in `ui/dashboard/fonts/` (it has every accented letter of the register,
e.g. ë, â, ï), embedded in the PDF.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely
from fpdf import FPDF

from coverage.answer import Answer, Call, answers
from coverage.engine import Coverage
from coverage.phones import phones_text
from coverage.status import UNCOVERED_STATUSES
from coverage.verdict import BorderVerdict, touching_region, verdicts
from registry.versions import VersionInfo
from ui.dashboard.region_view import in_region, region_totals_text
from ui.map.focus import RegionKind
from ui.map.palette import STATUS_COLOURS, colour_keys
from ui.shell.sidebar import version_label as info_label
from ui.text.answer_lines import routes_text
from ui.text.checked_text import checked_words
from ui.text.i18n import Translator
from ui.text.local_time import date_text
from ui.text.register_text import version_title
from ui.text.verdict_text import verdict_text

FONT_DIR = Path(__file__).resolve().parent / "fonts"
"""DejaVu Sans, shipped with the app (see its README for source and licence)."""
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
DUTCH_GRID = "EPSG:28992"
LEGEND_KEYS = ("coordinator", "coordinator_split_by_age", "partial", "comensha", "fallback")
_LEGEND_TEXT = {"coordinator": "status_coordinator",
                "coordinator_split_by_age": "status_coordinator_split",
                "partial": "status_partial", "comensha": "status_comensha",
                "fallback": "status_fallback"}


@dataclass(frozen=True)
class ReportVersion:
    """The published version a report is made from, as the report names it."""

    number: int
    label: str
    """The version's label in words ("Huidig overzicht (Nederlands)")."""
    published: datetime.date
    """The day it was published (in Amsterdam)."""

    @classmethod
    def of(cls, info: VersionInfo, t: Translator) -> ReportVersion:
        """The version as the history view names it."""
        return cls(info.number, info_label(info, t),
                   datetime.date.fromisoformat(date_text(info.published_at, "en")))


@dataclass(frozen=True)
class ContactGroup:
    """Municipalities of the region that share the same contacts."""

    contacts: tuple[str, ...]
    """One line per contact: organisation (target group): numbers as written (E.164)."""
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class ReportContent:
    """Every word of one region's report, in the reader's language."""

    title: str
    subtitle: str
    version: str
    totals: str
    without: tuple[str, ...]
    partial: tuple[str, ...]
    groups: tuple[ContactGroup, ...]
    routes: str
    """The national routes that apply everywhere, in one line (empty where the version has
    none)."""
    findings: tuple[str, ...]
    caveat: str


def _call_line(call: Call, t: Translator) -> str:
    """One call (see `_call_words`) with when its contact was last checked."""
    return f"{_call_words(call, t)} ({checked_words(call, t)})"


def _call_words(call: Call, t: Translator) -> str:
    """One call: organisation (target group): numbers as written (E.164); CoMensha as the
    fallback says so."""
    phones = phones_text(call.phones, f" {t('card_or')} ")
    organisation = call.organisation or t("card_no_organisation")
    if call.why == "fallback_no_coordinator":
        return t("report_fallback_line", organisation=organisation, phones=phones)
    if call.why == "fallback_uncovered_group":
        return t("report_partial_line", organisation=organisation,
                 groups=t(f"target_{call.target_group}"), phones=phones)
    if call.target_group != "all":
        organisation += f" ({t('target_' + call.target_group)})"
    return f"{organisation}: {phones}"


def contact_lines(answer: Answer, t: Translator) -> tuple[str, ...]:
    """Whom to call for one municipality (its `coverage.answer.Answer`), a line per call."""
    return tuple(dict.fromkeys(_call_line(call, t) for call in answer.calls))


def contact_groups(found: dict[str, Answer], t: Translator) -> tuple[ContactGroup, ...]:
    """The municipalities grouped by their contacts, groups in order of their first member."""
    grouped: dict[tuple[str, ...], list[str]] = {}
    for answer in sorted(found.values(), key=lambda answer: answer.municipality.display_name):
        grouped.setdefault(contact_lines(answer, t), []).append(answer.municipality.display_name)
    return tuple(ContactGroup(lines, tuple(members)) for lines, members in grouped.items())


def _names(found: dict[str, Answer], statuses: tuple[str, ...]) -> tuple[str, ...]:
    """The names of the municipalities with one of `statuses`, sorted."""
    return tuple(sorted(answer.municipality.display_name for answer in found.values()
                        if answer.status in statuses))


def finding_text(verdict: BorderVerdict, t: Translator) -> str:
    """One border-rule finding naming its area and organisations, then the verdict:
    "Gemeente Apeldoorn en de Veluwe (MEE-Veluwe, Moviera): Breekt de regel: …"."""
    finding = verdict.finding
    organisations = ", ".join(finding.organisations) or t("card_no_organisation")
    return t("report_finding", area=finding.area_wording, organisations=organisations,
             verdict=verdict_text(verdict, t))


def _touches(coverage: Coverage, verdict: BorderVerdict, kind: RegionKind, value: str,
             codes: set[str]) -> bool:
    if kind == "safety_region":
        return touching_region(verdict, value)
    return bool(set(coverage.areas[verdict.finding.entry_id]) & codes)


def _heading(coverage: Coverage, kind: RegionKind, value: str, codes: list[str],
             t: Translator) -> tuple[str, str]:
    """The report's title and subtitle for a region."""
    if kind == "safety_region":
        region = coverage.units.safety_regions.loc[value]
        return (t("report_title", name=region["name"], code=value),
                t("report_subtitle", province=region["province"],
                  police_unit=region["police_unit"]))
    regions = coverage.municipalities.loc[codes].drop_duplicates("safety_region_code")
    names = ", ".join(f"{name} ({code})" for code, name in sorted(
        zip(regions["safety_region_code"], regions["safety_region_name"], strict=True)))
    return t(f"report_title_{kind}", name=value), t("report_subtitle_regions", regions=names)


def report_content(coverage: Coverage, region_code: str, version: ReportVersion,
                   t: Translator, today: datetime.date | None = None, *,
                   kind: RegionKind = "safety_region") -> ReportContent:
    """The words of the report for one region: a safety region by code (`region_code`, e.g.
    VR04), or with `kind` a province or police unit by name."""
    codes = list(in_region(coverage.municipalities, kind, region_code).index)
    found = answers(coverage, codes=codes)
    snapshot = coverage.snapshot
    date = snapshot.date.isoformat() if snapshot.date else t("report_undated")
    judged = [finding_text(verdict, t) for verdict in verdicts(coverage.findings)
              if verdict.verdict != "within"
              and _touches(coverage, verdict, kind, region_code, set(codes))]
    title, subtitle = _heading(coverage, kind, region_code, codes, t)
    return ReportContent(
        title=title,
        subtitle=subtitle,
        version=t("report_version", number=version.number, version=version.label,
                  title=snapshot.title.in_language(t.language),
                  published=version.published.isoformat(), date=date,
                  today=(today or datetime.date.today()).isoformat()),
        totals=region_totals_text(coverage, kind, region_code, t),
        without=_names(found, UNCOVERED_STATUSES),
        partial=_names(found, ("partial",)),
        groups=contact_groups(found, t),
        routes=next((routes_text(answer, t) for answer in found.values()), ""),
        findings=tuple(judged),
        caveat=t("card_capacity_caveat"),
    )


def region_map(display: gpd.GeoDataFrame, coverage: Coverage, region_code: str,
               kind: RegionKind = "safety_region") -> gpd.GeoDataFrame:
    """The region's municipalities in the Dutch grid with their colour key and name, largest
    first (so enclaves are drawn over the municipality around them)."""
    codes = in_region(coverage.municipalities, kind, region_code).index
    members = display.loc[display.index.intersection(codes), ["geometry"]]
    table = coverage.municipalities.loc[members.index]
    keys = colour_keys(table[["status", "split_by_age"]])
    projected = members.to_crs(DUTCH_GRID).assign(colour=keys, name=table["display_name"])
    return projected.assign(area=projected.area).sort_values("area", ascending=False)


def _rings(geometry: shapely.Geometry) -> Iterator[list[tuple[float, float]]]:
    for polygon in getattr(geometry, "geoms", [geometry]):
        yield list(polygon.exterior.coords)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Page(FPDF):
    def heading(self, text: str) -> None:
        self.set_font("DejaVu", "B", 10)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_font("DejaVu", "", 8.5)

    def paragraph(self, text: str) -> None:
        self.multi_cell(0, 4, text, new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(1)


def _draw_map(pdf: _Page, shapes: gpd.GeoDataFrame, x: float, y: float, width: float,
              height: float) -> None:
    minx, miny, maxx, maxy = shapes.total_bounds
    scale = min(width / (maxx - minx), height / (maxy - miny))
    left = x + (width - (maxx - minx) * scale) / 2

    def point(coord: tuple[float, float]) -> tuple[float, float]:
        return left + (coord[0] - minx) * scale, y + (maxy - coord[1]) * scale

    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.2)
    for geometry, colour in zip(shapes.geometry, shapes["colour"], strict=True):
        pdf.set_fill_color(*_rgb(STATUS_COLOURS[colour]))
        for ring in _rings(geometry):
            pdf.polygon([point(coord) for coord in ring], style="DF")
    _draw_names(pdf, shapes, point, crowded=len(shapes) > 25)


def _draw_names(pdf: _Page, shapes: gpd.GeoDataFrame, point: Callable[
        [tuple[float, float]], tuple[float, float]], crowded: bool) -> None:
    """Each municipality's name at a point inside it, dark on a white outline of the letters
    (readable on every status colour)."""
    size = 4.2 if crowded else 5.5
    pdf.set_font("DejaVu", "", size)
    height = size * 25.4 / 72  # the font size in mm

    def put(x: float, y: float, name: str) -> None:
        width = pdf.get_string_width(name)
        pdf.set_xy(x - width / 2, y - height / 2)
        pdf.cell(width, height, name, align="C")

    for geometry, name in zip(shapes.geometry, shapes["name"], strict=True):
        x, y = point(geometry.representative_point().coords[0])
        pdf.set_text_color(255, 255, 255)
        for dx, dy in ((-0.25, 0), (0.25, 0), (0, -0.25), (0, 0.25)):
            put(x + dx, y + dy, name)
        pdf.set_text_color(17, 17, 17)
        put(x, y, name)
    pdf.set_text_color(0, 0, 0)


def _draw_legend(pdf: _Page, x: float, y: float, width: float, t: Translator) -> None:
    pdf.set_font("DejaVu", "", 8)
    for key in LEGEND_KEYS:
        pdf.set_fill_color(*_rgb(STATUS_COLOURS[key]))
        pdf.rect(x, y + 0.5, 4, 3, style="F")
        pdf.set_xy(x + 5.5, y)
        pdf.multi_cell(width - 5.5, 4, t(_LEGEND_TEXT[key]), new_x="LMARGIN", new_y="NEXT",
                       align="L")
        y = pdf.get_y() + 1


def render_pdf(content: ReportContent, shapes: gpd.GeoDataFrame, t: Translator) -> bytes:
    """Lay the report out on one A4 page (more only if a region's lists do not fit)."""
    pdf = _Page(format="A4")
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_font("DejaVu", "", FONT_REGULAR)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_title(content.title)
    pdf.set_lang(t.language)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 7, content.title, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 4.5, content.subtitle, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.multi_cell(0, 4.5, content.version, new_x="LMARGIN", new_y="NEXT", align="L")
    top = pdf.get_y() + 2
    _draw_map(pdf, shapes, pdf.l_margin, top, 95, 80)
    _draw_legend(pdf, pdf.l_margin + 100, top, pdf.epw - 100, t)
    pdf.set_xy(pdf.l_margin, top + 83)
    pdf.set_font("DejaVu", "", 8.5)
    pdf.paragraph(content.totals)
    pdf.heading(t("report_without", count=len(content.without)))
    pdf.paragraph(", ".join(content.without) or "–")
    pdf.heading(t("report_partial", count=len(content.partial)))
    pdf.paragraph(", ".join(content.partial) or "–")
    pdf.heading(t("report_contacts"))
    for group in content.groups:
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.multi_cell(0, 4, "\n".join(group.contacts), new_x="LMARGIN", new_y="NEXT",
                       align="L")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.paragraph(t("report_for", names=", ".join(group.municipalities)))
    if content.routes:
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.paragraph(content.routes)
        pdf.set_font("DejaVu", "", 8.5)
    pdf.heading(t("report_border"))
    for finding in content.findings or (t("report_border_none"),):
        pdf.paragraph(finding)
    pdf.set_font("DejaVu", "B", 8.5)
    pdf.paragraph(content.caveat)
    return bytes(pdf.output())


def region_report_pdf(coverage: Coverage, region_code: str, display: gpd.GeoDataFrame,
                      version: ReportVersion, t: Translator,
                      today: datetime.date | None = None, *,
                      kind: RegionKind = "safety_region") -> bytes:
    """The report for one region as PDF bytes (a safety region by code; with `kind` a
    province or police unit by name); `display` is the map's municipality geometry
    (`ui.data.display_municipalities`)."""
    content = report_content(coverage, region_code, version, t, today, kind=kind)
    return render_pdf(content, region_map(display, coverage, region_code, kind), t)


def report_file_name(region_code: str, version: ReportVersion,
                     kind: RegionKind = "safety_region") -> str:
    """A file name that says the region and the version it was made from.

    >>> v3 = ReportVersion(3, "Huidig overzicht", datetime.date(2026, 3, 1))
    >>> report_file_name("VR04", v3)
    'zorgcoordinatie-VR04-versie-3-2026-03-01.pdf'
    >>> report_file_name("Noord-Brabant", v3, "province")
    'zorgcoordinatie-provincie-noord-brabant-versie-3-2026-03-01.pdf'
    """
    prefix = {"safety_region": "", "province": "provincie-", "police_unit": "politie-eenheid-"}
    name = region_code if kind == "safety_region" else _slug(region_code)
    return (f"zorgcoordinatie-{prefix[kind]}{name}-versie-{version.number}-"
            f"{version.published.isoformat()}.pdf")


def _slug(text: str) -> str:
    """ASCII lower case with hyphens: "Zeeland-West-Brabant" → "zeeland-west-brabant"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")



def version_label(coverage: Coverage, t: Translator) -> str:
    """The snapshot's name as the sidebar gives it (its title where no translation exists)."""
    return version_title(coverage.snapshot, t)
