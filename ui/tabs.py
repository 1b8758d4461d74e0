"""The views under the map: summary, gaps, border rule, coordinators, changes, downloads.

The first view (summary) is text only: the first page draws no data grid, so the browser
need not load the grid's code before the map.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from coverage.changes import compare
from coverage.engine import Coverage
from coverage.figures import coverage_figures
from geodata.derived import municipality_areas
from ui import data
from ui.downloads import coverage_geojson, gaps_csv, municipalities_csv
from ui.i18n import Translator
from ui.tables import (
    changes_table,
    coordinators_table,
    finding_rows,
    gaps_table,
    overlaps_table,
)


@st.cache_data(show_spinner=False, max_entries=64)
def _gaps_table(version: int, snapshot_id: str, language: str, province: str | None,
                police_unit: str | None, _coverage: Coverage) -> pd.DataFrame:
    """The gaps table, computed once per register version, snapshot, language and filter."""
    return gaps_table(_coverage, Translator(language), province, police_unit)


@st.cache_data(show_spinner=False, max_entries=16)
def _changes_table(version: int, language: str,
                   _coverages: dict[str, Coverage]) -> pd.DataFrame:
    """The changes from the oldest to the latest snapshot, once per register version."""
    snapshots = list(_coverages.values())
    if len(snapshots) < 2:
        return pd.DataFrame()
    return changes_table(compare(snapshots[0], snapshots[-1]), Translator(language))


@st.cache_data(show_spinner=False, max_entries=16)
def _national_figures(version: int, snapshot_id: str, _coverage: Coverage) -> dict[str, float]:
    """The national coverage figures, computed once per register version and snapshot."""
    national = coverage_figures(_coverage.municipalities, "national").iloc[0]
    return {name: float(national[name]) for name in (
        "municipalities_total", "municipalities_coordinator", "population_total",
        "population_coordinator", "population_share_without_coordinator")}


def _national_sentence(coverage: Coverage, version: int, t: Translator) -> str:
    national = _national_figures(version, coverage.snapshot.id, coverage)
    return t("gaps_national",
             municipalities=int(national["municipalities_total"]
                                - national["municipalities_coordinator"]),
             population=t.number(int(national["population_total"]
                                     - national["population_coordinator"])),
             share=t.percent(national["population_share_without_coordinator"]))


def summary(coverage: Coverage, version: int, t: Translator) -> None:
    """The national picture in words (no table)."""
    st.write(_national_sentence(coverage, version, t))
    st.write(t("card_capacity_caveat"))


def show_area(entry_id: str | None) -> None:
    """Show one area on the map (or none)."""
    st.session_state.shown_area = entry_id


def gaps(coverage: Coverage, version: int, t: Translator) -> None:
    """Municipalities without a regional coordinator, per safety region, filterable."""
    st.write(t("gaps_intro"))
    table = coverage.municipalities
    left, right = st.columns(2)
    everything = t("filter_all")
    province = left.selectbox(t("filter_province"),
                              [everything, *sorted(table["province"].unique())],
                              key="gaps_province")
    police_unit = right.selectbox(t("filter_police_unit"),
                                  [everything, *sorted(table["police_unit"].unique())],
                                  key="gaps_police_unit")
    st.write(_national_sentence(coverage, version, t))
    shown = _gaps_table(version, coverage.snapshot.id, t.language,
                        None if province == everything else province,
                        None if police_unit == everything else police_unit, coverage)
    share = t("col_share_without")
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        share: st.column_config.ProgressColumn(share, format="percent", min_value=0.0,
                                               max_value=1.0)})


def border_rule(coverage: Coverage, t: Translator) -> None:
    """Every area that breaks the border rule, with both sides, and a button to show it."""
    st.write(t("border_intro"))
    violations = coverage.violations()
    if not violations:
        st.success(t("border_none"))
    for row in finding_rows(coverage, violations, t):
        with st.container(border=True):
            st.markdown(f"**{_plain(row['wording'])}** — {_plain(row['organisations'])}")
            st.write(row["kind"])
            for region in row["regions"]:
                st.write(f"- {_plain(region)}")
            st.button(t("show_on_map"), key=f"show-{row['entry_id']}", on_click=show_area,
                      args=(row["entry_id"],))
    st.subheader(t("overlaps_heading"))
    if coverage.overlaps.empty:
        st.write(t("overlaps_none"))
    else:
        st.write(t("overlaps_intro"))
        st.dataframe(overlaps_table(coverage, t), hide_index=True, width="stretch")


def coordinators(coverage: Coverage, t: Translator) -> None:
    """Every entry of the register with its contacts, area and interpretation."""
    st.write(t("coordinators_intro"))
    st.dataframe(coordinators_table(coverage, t), hide_index=True, width="stretch")


def changes(coverages: dict[str, Coverage], version: int, t: Translator) -> None:
    """What changed per municipality from the earlier to the latest overview."""
    st.write(t("changes_intro"))
    table = _changes_table(version, t.language, coverages)
    if table.empty:
        st.write(t("changes_none"))
        return
    st.dataframe(table, hide_index=True, width="stretch")


def downloads(coverage: Coverage, t: Translator) -> None:
    """The per-municipality CSV, the coverage GeoJSON and the gaps CSV (made on click)."""
    st.write(t("downloads_intro"))
    name = coverage.snapshot.id
    st.download_button(t("download_municipalities"),
                       lambda: municipalities_csv(coverage, municipality_areas()),
                       file_name=f"coverage-{name}-municipalities.csv", mime="text/csv",
                       on_click="ignore", key="download_csv")
    st.download_button(t("download_geojson"),
                       lambda: coverage_geojson(coverage, data.boundaries().municipalities),
                       file_name=f"coverage-{name}.geojson", mime="application/geo+json",
                       on_click="ignore", key="download_geojson")
    st.download_button(t("download_gaps"), lambda: gaps_csv(coverage, t),
                       file_name=f"coverage-{name}-gaps.csv", mime="text/csv",
                       on_click="ignore", key="download_gaps")


def _plain(text: str) -> str:
    """Register text made safe for Streamlit markdown: no HTML, no markdown syntax."""
    return "".join(f"\\{char}" if char in "\\`*_{}[]<>()#+-.!|~$" else char for char in text)
