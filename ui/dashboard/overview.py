"""The national picture at a glance: headline figures and two charts (population per safety
region by status, the changes between versions), each with a text version.

The first view shows the figures and the text versions only: no chart and no data grid, so the
first page loads nothing but the map's code (the chart library's code, loaded at once, delayed
the map's polygons). The charts are the second view, beside their text versions."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from coverage.check_age import CheckAge
from coverage.engine import Coverage
from coverage.stale import due_count
from ui.dashboard.charts import (
    STATUS_SHORT_KEYS,
    change_chart,
    change_counts,
    change_text,
    headline_figures,
    history_chart,
    history_long,
    history_text,
    region_chart,
    region_chart_text,
    region_population,
)
from ui.text import plain_text
from ui.text.i18n import Translator


@st.cache_resource(show_spinner=False, max_entries=32)
def _picture(version: int, snapshot_id: str, language: str, _coverages: dict[str, Coverage],
             _coverage: Coverage) -> tuple[pd.DataFrame, alt.Chart, str, alt.Chart | None, str]:
    """Everything the view shows that is the same for every reader, computed once per process
    for a register version, snapshot and language: headline figures, the two charts and their
    text versions (the view is the first page: made per session, it was a large part of a new
    session's server time)."""
    t = Translator(language)
    regions = region_population(_coverage, t)
    counts = change_counts(_coverages)
    if counts.empty:
        return headline_figures(_coverage), region_chart(regions, t), region_chart_text(
            regions, t), None, ""
    return (headline_figures(_coverage), region_chart(regions, t),
            region_chart_text(regions, t), change_chart(counts, t), change_text(counts, t))


def picture(coverages: dict[str, Coverage], coverage: Coverage, t: Translator,
            version: int = 0) -> tuple[pd.DataFrame, alt.Chart, str, alt.Chart | None, str]:
    """What `national_picture` shows, computed once per process (see `_picture`); the
    server's warm-up (`ui.server.warm_up`) calls it before the first reader."""
    return _picture(version, coverage.snapshot.id, t.language, coverages, coverage)


FIGURES_CSS = plain_text.Markup(
    "<style>.figures{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.25rem 0 .75rem}"
    ".figures>div{flex:1 1 9rem}.figures dt{font-size:.875rem}.figures dd{margin:0}"
    ".figures .value{font-size:2.25rem;line-height:1.25}"
    ".figures .note{font-size:.875rem}</style>")
"""The headline figures' layout: side by side, wrapping on a narrow screen."""


def headline_html(figures: pd.DataFrame, t: Translator) -> plain_text.Markup:
    """Municipalities and inhabitants per status, as a description list: the status (its
    description on hover), the number of municipalities, and of how many with how many
    inhabitants. Plain HTML rather than `st.metric`, whose code (and the chart library it
    brings along) the first page would otherwise fetch before the map's polygons."""
    total = t.number(figures["municipalities"].sum())
    items = [plain_text.markup(
        "<div><dt title='{description}'>{status}</dt><dd class='value'>{count}</dd>"
        "<dd class='note'>{note}</dd></div>",
        description=t(f"status_{row.status}"), status=t(STATUS_SHORT_KEYS[row.status]),
        count=t.number(row.municipalities),
        note=t("metric_caption", total=total, population=t.number(row.population),
               share=t.percent(row.population_share)))
        for row in figures.itertuples()]
    return plain_text.join([FIGURES_CSS, plain_text.Markup("<dl class='figures'>"), *items,
                            plain_text.Markup("</dl>")])


def national_picture(coverages: dict[str, Coverage], coverage: Coverage, t: Translator,
                     version: int = 0, *, charts: bool = True) -> None:
    """Headline figures, population per safety region by status, and the changes: as charts
    with their text versions, or (``charts=False``, the first view) the text versions only.

    ``version``: a key of the register version shown (``data.Shown.key``), for the cache.
    """
    figures, regions_chart, regions_text, changes_chart, changes_text = picture(
        coverages, coverage, t, version)
    if not charts:
        plain_text.paragraph(t("overview_intro"))
        plain_text.show_markup(headline_html(figures, t))
        plain_text.paragraph(regions_text)
        if changes_chart is not None:
            plain_text.paragraph(changes_text)
        return
    st.altair_chart(regions_chart, width="stretch", alt=regions_text)
    plain_text.paragraph(regions_text)
    if changes_chart is not None:
        st.altair_chart(changes_chart, width="stretch", alt=changes_text)
        plain_text.paragraph(changes_text)


@st.cache_resource(show_spinner=False, max_entries=32)
def _due(version: int, snapshot_id: str, checks: CheckAge, _coverage: Coverage
         ) -> tuple[int, int]:
    """`due_count`, once per process, version and day (the first view runs it every run)."""
    return due_count(_coverage, checks)


def contacts_due(coverage: Coverage, checks: CheckAge, t: Translator, version: int = 0) -> None:
    """How many contacts of the version shown (CoMensha's included) are due for a check;
    `version`: the key of the version shown (`data.Shown.key`), for the cache."""
    due, total = _due(version, coverage.snapshot.id, checks, coverage)
    plain_text.paragraph(t("overview_due", due=t.number(due), total=t.number(total),
                           months=checks.months))


def coverage_over_time(rows: pd.DataFrame, t: Translator) -> None:
    """Municipalities per status across the published versions, as a chart in the map's
    colours with its text version below it (nothing with fewer than one version)."""
    if rows.empty:
        return
    data = history_long(rows, t)
    text = history_text(data, t)
    st.altair_chart(history_chart(data, t), width="stretch", alt=text)
    plain_text.paragraph(text)
