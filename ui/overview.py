"""The national picture at a glance: headline figures and two charts (population per safety
region by status, the changes between versions), each with a text version.

The first view shows the figures and the text versions only: no chart and no data grid, so the
first page loads nothing but the map's code (the chart library alone delayed the map's polygons
by about a second). The charts are the second view, beside their text versions."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from coverage.engine import Coverage
from ui import plain_text
from ui.charts import (
    STATUS_SHORT_KEYS,
    change_chart,
    change_counts,
    change_text,
    headline_figures,
    region_chart,
    region_chart_text,
    region_population,
)
from ui.i18n import Translator


@st.cache_resource(show_spinner=False, max_entries=32)
def _picture(version: int, snapshot_id: str, language: str, _coverages: dict[str, Coverage],
             _coverage: Coverage) -> tuple[pd.DataFrame, alt.Chart, str, alt.Chart | None, str]:
    """Everything the view shows that is the same for every reader, computed once per process
    for a register version, snapshot and language: headline figures, the two charts and their
    text versions (the view is the first page; per session it cost about 0.3 s)."""
    t = Translator(language)
    regions = region_population(_coverage, t)
    counts = change_counts(_coverages)
    if counts.empty:
        return headline_figures(_coverage), region_chart(regions, t), region_chart_text(
            regions, t), None, ""
    return (headline_figures(_coverage), region_chart(regions, t),
            region_chart_text(regions, t), change_chart(counts, t), change_text(counts, t))


def headline(figures: pd.DataFrame, t: Translator) -> None:
    """Municipalities and inhabitants per status, as metrics."""
    for column, row in zip(st.columns(len(figures)), figures.itertuples(), strict=True):
        column.metric(plain_text.label(t(STATUS_SHORT_KEYS[row.status])),
                      t.number(row.municipalities), help=t(f"status_{row.status}"))
        plain_text.caption(t("metric_caption", total=t.number(figures["municipalities"].sum()),
                         population=t.number(row.population),
                             share=t.percent(row.population_share)), where=column)


def national_picture(coverages: dict[str, Coverage], coverage: Coverage, t: Translator,
                     version: int = 0, *, charts: bool = True) -> None:
    """Headline figures, population per safety region by status, and the changes: as charts
    with their text versions, or (``charts=False``, the first view) the text versions only.

    ``version``: a key of the register version shown (``data.Shown.key``), for the cache.
    """
    figures, regions_chart, regions_text, changes_chart, changes_text = _picture(
        version, coverage.snapshot.id, t.language, coverages, coverage)
    if not charts:
        plain_text.paragraph(t("overview_intro"))
        headline(figures, t)
        plain_text.paragraph(regions_text)
        if changes_chart is not None:
            plain_text.paragraph(changes_text)
        return
    st.altair_chart(regions_chart, width="stretch", alt=regions_text)
    plain_text.paragraph(regions_text)
    if changes_chart is not None:
        st.altair_chart(changes_chart, width="stretch", alt=changes_text)
        plain_text.paragraph(changes_text)
