"""The first view: the national picture at a glance (headline figures and two charts, each
with a text version). It draws no data grid, so the first page stays light."""

from __future__ import annotations

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


def headline(coverage: Coverage, t: Translator) -> None:
    """Municipalities and inhabitants per status, as metrics."""
    figures = headline_figures(coverage)
    for column, row in zip(st.columns(len(figures)), figures.itertuples(), strict=True):
        column.metric(plain_text.label(t(STATUS_SHORT_KEYS[row.status])),
                      t.number(row.municipalities), help=t(f"status_{row.status}"))
        plain_text.caption(t("metric_caption", total=t.number(figures["municipalities"].sum()),
                         population=t.number(row.population),
                             share=t.percent(row.population_share)), where=column)


def national_picture(coverages: dict[str, Coverage], coverage: Coverage, t: Translator) -> None:
    """Headline figures, population per safety region by status, and the changes."""
    plain_text.paragraph(t("overview_intro"))
    headline(coverage, t)
    regions = region_population(coverage, t)
    described = region_chart_text(regions, t)
    st.altair_chart(region_chart(regions, t), width="stretch", alt=described)
    plain_text.paragraph(described)
    counts = change_counts(coverages)
    if not counts.empty:
        described = change_text(counts, t)
        st.altair_chart(change_chart(counts, t), width="stretch", alt=described)
        plain_text.paragraph(described)
