"""The views under the map: gaps, border rule, coordinators, changes, downloads (the history
of versions is in `ui.dashboard.history`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from coverage.changes import compare
from coverage.engine import Coverage
from coverage.figures import coverage_figures
from geodata.derived import municipality_areas
from registry.versions import VersionInfo
from ui import data
from ui.dashboard.border_view import border_verdicts
from ui.dashboard.downloads import (
    coverage_geojson,
    gaps_csv,
    gaps_xlsx,
    municipalities_csv,
    municipalities_xlsx,
)
from ui.dashboard.html_table import show_table
from ui.dashboard.region_report import ReportVersion, region_report_pdf, report_file_name
from ui.dashboard.region_view import (
    FILTER_KEYS,
    FOCUS_KEY,
    RegionKind,
    focus_of,
    region_label,
    region_municipalities,
    region_totals_text,
)
from ui.dashboard.spreadsheets import XLSX_MIME
from ui.dashboard.tables import (
    changes_table,
    coordinators_table,
    gaps_table,
    overlaps_table,
)
from ui.shell.sidebar import version_option
from ui.text import plain_text
from ui.text.i18n import Translator


@st.cache_data(show_spinner=False, max_entries=64)
def _gaps_table(version: int, snapshot_id: str, language: str, province: str | None,
                police_unit: str | None, safety_region: str | None,
                _coverage: Coverage) -> pd.DataFrame:
    """The gaps table, computed once per register version, snapshot, language and filter."""
    return gaps_table(_coverage, Translator(language), province, police_unit, safety_region)


@st.cache_data(show_spinner=False, max_entries=16)
def _changes_table(before_key: int, after_key: int, language: str, _before: Coverage,
                   _after: Coverage) -> pd.DataFrame:
    """The changes between two versions, once per pair of versions and language."""
    return changes_table(compare(_before, _after), Translator(language))


def show_area(entry_id: str | None) -> None:
    """Show one area on the map (or none)."""
    st.session_state.shown_area = entry_id


def gaps(coverage: Coverage, version: int, t: Translator,
         info: VersionInfo | None = None) -> None:
    """Municipalities without a regional coordinator, per safety region; filtered to a
    province, police unit or safety region, that region's totals and municipalities and its
    PDF report (made from the published version `info`, which it names)."""
    plain_text.paragraph(t("gaps_intro"))
    table = coverage.municipalities
    regions = coverage.units.safety_regions
    left, middle, right = st.columns(3)
    everything = t("filter_all")
    province = left.selectbox(t("filter_province"),
                              [everything, *sorted(table["province"].unique())],
                              key=FILTER_KEYS["province"],
                              placeholder=t("choose_placeholder"))
    police_unit = middle.selectbox(t("filter_police_unit"),
                                   [everything, *sorted(table["police_unit"].unique())],
                                   key=FILTER_KEYS["police_unit"],
                                   placeholder=t("choose_placeholder"))
    safety_region = right.selectbox(
        t("filter_safety_region"), [everything, *regions.index],
        format_func=lambda code: code if code == everything
        else f"{regions.at[code, 'name']} ({code})", key=FILTER_KEYS["safety_region"],
        placeholder=t("choose_placeholder"))
    chosen = [None if value == everything else value
              for value in (province, police_unit, safety_region)]
    focus = focus_of(*chosen)
    st.session_state[FOCUS_KEY] = focus
    if focus is None:
        national = coverage_figures(table, "national").iloc[0]
        plain_text.paragraph(t("gaps_national",
                   municipalities=national["municipalities_no_regional_coordinator"],
                   partial=national["municipalities_partial"],
                   population=t.number(national["population_total"]
                                       - national["population_coordinator"]),
                   share=t.percent(national["population_share_without_coordinator"])))
    else:
        plain_text.paragraph(region_totals_text(coverage, *focus, t))
        show_table(region_municipalities(coverage, *focus, t), t,
                   caption=region_label(coverage, *focus, t), key="gaps_municipalities",
                   file_name=f"coverage-{coverage.snapshot.id}-{focus[1]}.csv")
    if focus is not None and info is not None:
        region_report_button(coverage, focus, info, t)
    shown = _gaps_table(version, coverage.snapshot.id, t.language, *chosen, coverage)
    show_table(shown, t, caption=t("gaps_table_caption"), key="gaps",
               file_name=f"coverage-{coverage.snapshot.id}-gaps.csv",
               percent_columns={t("col_share_without")})


def region_report_button(coverage: Coverage, focus: tuple[RegionKind, str],
                         info: VersionInfo, t: Translator) -> None:
    """Download the PDF report for a safety region, province or police unit (made on click),
    named after the region and the version."""
    kind, value = focus
    version = ReportVersion.of(info, t)
    name = (coverage.units.safety_regions.at[value, "name"] if kind == "safety_region"
            else region_label(coverage, kind, value, t))
    label = t("report_download" if kind == "safety_region" else "report_download_region",
              region=name)
    st.download_button(
        plain_text.label(label),
        lambda: region_report_pdf(coverage, value, data.display_municipalities(), version, t,
                                  kind=kind),
        file_name=report_file_name(value, version, kind), mime="application/pdf",
        on_click="ignore", key="download_region_report")


def border_rule(coverage: Coverage, t: Translator) -> None:
    """The border-rule verdicts (see `ui.dashboard.border_view`), then the overlaps."""
    border_verdicts(coverage, t)
    st.subheader(t("overlaps_heading"))
    if coverage.overlaps.empty:
        plain_text.paragraph(t("overlaps_none"))
    else:
        plain_text.paragraph(t("overlaps_intro"))
        show_table(overlaps_table(coverage, t), t, caption=t("overlaps_heading"),
                   key="overlaps", file_name=f"coverage-{coverage.snapshot.id}-overlaps.csv")


def coordinators(coverage: Coverage, t: Translator) -> None:
    """Every entry of the register with its contacts, area and interpretation."""
    plain_text.paragraph(t("coordinators_intro"))
    show_table(coordinators_table(coverage, t), t, caption=t("tab_coordinators"),
               key="coordinators",
               file_name=f"coverage-{coverage.snapshot.id}-coordinators.csv")


def changes(infos: list[VersionInfo], shown: int, t: Translator) -> None:
    """What changed per municipality between any two versions (default: the shown version
    against the one before it)."""
    plain_text.paragraph(t("changes_intro"))
    numbers = [info.number for info in infos]
    by_number = {info.number: info for info in infos}

    def option(number: int) -> str:
        return version_option(by_number[number], t)

    left, right = st.columns(2)
    after = right.selectbox(t("changes_to"), numbers, index=numbers.index(shown),
                            key="changes_to", format_func=option,
                            placeholder=t("choose_placeholder"))
    before = left.selectbox(t("changes_from"), numbers,
                            index=numbers.index(max(after - 1, numbers[-1])),
                            key="changes_from", format_func=option,
                            placeholder=t("choose_placeholder"))
    old, new = data.shown(before), data.shown(after)
    table = _changes_table(old.key, new.key, t.language, old.coverage, new.coverage)
    if table.empty:
        plain_text.paragraph(t("changes_none"))
        return
    show_table(table, t, caption=t("changes_caption", before=before, after=after),
               key="changes", file_name=f"coverage-changes-{before}-{after}.csv")


def downloads(coverage: Coverage, t: Translator) -> None:
    """The per-municipality table and the gaps table, each as CSV and beside it as XLSX, and
    the coverage GeoJSON (every file made on click)."""
    plain_text.paragraph(t("downloads_intro"))
    plain_text.caption(t("downloads_format"))
    plain_text.caption(t("downloads_spreadsheets"))
    name = coverage.snapshot.id
    as_csv, as_xlsx = st.columns(2)
    as_csv.download_button(t("download_municipalities"),
                           lambda: municipalities_csv(coverage, municipality_areas(), t),
                           file_name=f"coverage-{name}-municipalities.csv", mime="text/csv",
                           on_click="ignore", key="download_csv")
    as_xlsx.download_button(t("download_municipalities_xlsx"),
                            lambda: municipalities_xlsx(coverage, municipality_areas(), t),
                            file_name=f"coverage-{name}-municipalities.xlsx", mime=XLSX_MIME,
                            on_click="ignore", key="download_xlsx")
    st.download_button(t("download_geojson"),
                       lambda: coverage_geojson(coverage, data.boundaries().municipalities),
                       file_name=f"coverage-{name}.geojson", mime="application/geo+json",
                       on_click="ignore", key="download_geojson")
    plain_text.caption(t("geojson_fields_note"))
    as_csv, as_xlsx = st.columns(2)
    as_csv.download_button(t("download_gaps"), lambda: gaps_csv(coverage, t),
                           file_name=f"coverage-{name}-gaps.csv", mime="text/csv",
                           on_click="ignore", key="download_gaps")
    as_xlsx.download_button(t("download_gaps_xlsx"), lambda: gaps_xlsx(coverage, t),
                            file_name=f"coverage-{name}-gaps.xlsx", mime=XLSX_MIME,
                            on_click="ignore", key="download_gaps_xlsx")
