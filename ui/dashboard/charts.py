"""The national picture as data and as chart specifications (Altair).

The data functions are pure (coverage in, DataFrame out) so tests can check the charts'
content; the chart functions only turn that data into a Vega-Lite specification. Colours are
the map's (`STATUS_COLOURS`), so a status looks the same on the map, in the legend and here.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from coverage.changes import compare
from coverage.check_age import AMSTERDAM, date_in_words
from coverage.engine import Coverage
from coverage.figures import coverage_figures
from coverage.status import STATUSES
from ui.map.palette import STATUS_COLOURS
from ui.text.i18n import Translator

CHANGE_KINDS = ("gained", "lost", "status_changed", "contact_changed")
STATUS_SHORT_KEYS = {"coordinator": "short_coordinator", "partial": "short_partial",
                     "comensha": "short_comensha", "fallback": "short_fallback"}
"""The translation keys of each status's short label (for metrics and chart legends)."""


def headline_figures(coverage: Coverage) -> pd.DataFrame:
    """Per status (rows, in `STATUSES` order): municipalities, population and population share."""
    national = coverage_figures(coverage.municipalities, "national").iloc[0]
    total = national["population_total"]
    return pd.DataFrame({
        "status": list(STATUSES),
        "municipalities": [int(national[f"municipalities_{status}"]) for status in STATUSES],
        "population": [int(national[f"population_{status}"]) for status in STATUSES],
        "population_share": [national[f"population_{status}"] / total for status in STATUSES],
    })


def region_population(coverage: Coverage, t: Translator) -> pd.DataFrame:
    """Per safety region and status: population and municipalities, long format.

    Columns: `region_code`, `region` (name), `status`, `status_label` (short, translated),
    `population`, `municipalities`, `order` (status position, for stacking). Every region has
    one row per status (zero where none).
    """
    figures = coverage_figures(coverage.municipalities, "safety-region")
    rows = [{
        "region_code": region["safety_region_code"],
        "region": region["safety_region_name"],
        "status": status,
        "status_label": t(STATUS_SHORT_KEYS[status]),
        "population": int(region[f"population_{status}"]),
        "municipalities": int(region[f"municipalities_{status}"]),
        "order": index,
    } for _, region in figures.iterrows() for index, status in enumerate(STATUSES)]
    return pd.DataFrame(rows)


def status_scale(t: Translator) -> alt.Scale:
    """The map's colours, keyed by the translated short status labels."""
    return alt.Scale(domain=[t(STATUS_SHORT_KEYS[status]) for status in STATUSES],
                     range=[STATUS_COLOURS[status] for status in STATUSES])


NUMBER_LOCALES = {
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}
"""How the charts write numbers (d3-format locales), like `Translator.number`."""


def localised(chart: alt.Chart, t: Translator) -> alt.Chart:
    """The chart writing numbers the way the interface language does (12.345 in Dutch)."""
    return chart.configure(locale={"number": NUMBER_LOCALES[t.language]})


TITLE_WIDTH = 34
"""Characters per line of a chart's title (it wraps, so a phone shows it whole)."""
def wrapped_title(text: str) -> alt.TitleParams:
    """A chart title in lines of at most `TITLE_WIDTH` characters, at the chart's left.

    >>> wrapped_title("Inwoners per veiligheidsregio, naar status van de zorgcoördinatie").text
    ['Inwoners per veiligheidsregio,', 'naar status van de zorgcoördinatie']
    """
    return alt.TitleParams(textwrap.wrap(text, TITLE_WIDTH), anchor="start", fontSize=14)


def _category_axis() -> alt.Axis:
    """A category axis without a title (the chart's title says what it lists; an axis title
    beside long labels overlapped them) and with its labels never cut. (Labels cannot wrap:
    Vega's `labelExpr` needs `eval`, which the page's CSP forbids.)"""
    return alt.Axis(title=None, labelLimit=0)


def region_chart(data: pd.DataFrame, t: Translator) -> alt.Chart:
    """Stacked horizontal bars: each safety region's population by status; the legend below
    the bars in one column, so it fits a phone."""
    return localised(alt.Chart(data, title=wrapped_title(t("chart_regions_title")),
                               width="container").mark_bar().encode(
        y=alt.Y("region:N", sort=alt.SortField("region_code"), axis=_category_axis()),
        x=alt.X("sum(population):Q", title=t("col_population"),
                axis=alt.Axis(tickCount=4, labelOverlap=True)),
        color=alt.Color("status_label:N", scale=status_scale(t), title=t("col_status"),
                        legend=alt.Legend(orient="bottom", direction="vertical", columns=1,
                                          labelLimit=0, titleLimit=0)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("region:N", title=t("col_region")),
                 alt.Tooltip("status_label:N", title=t("col_status")),
                 alt.Tooltip("population:Q", title=t("col_population"), format=","),
                 alt.Tooltip("municipalities:Q", title=t("col_municipalities"))],
    ), t)


def region_chart_text(data: pd.DataFrame, t: Translator) -> str:
    """The chart in a sentence: regions fully covered, regions without any regional
    coordinator, and the three with the most inhabitants without (full) coordination."""
    by_region = data.pivot_table(index=["region_code", "region"], columns="status",
                                 values="population", aggfunc="sum").reset_index()
    total = by_region[list(STATUSES)].sum(axis=1)
    without = total - by_region["coordinator"]
    full = by_region.loc[without == 0, "region"].tolist()
    none = by_region.loc[by_region["coordinator"] + by_region["partial"] == 0, "region"].tolist()
    largest = by_region.assign(without=without).sort_values("without", ascending=False).head(3)
    most = ", ".join(f"{row.region} ({t.number(row.without)})"
                     for row in largest.itertuples() if row.without > 0)
    return t("chart_regions_text", full=len(full), full_names=", ".join(full) or "–",
             none=len(none), none_names=", ".join(none) or "–", most=most or "–")


def change_counts(coverages: dict[str, Coverage]) -> pd.DataFrame:
    """Municipalities per kind of change from the oldest to the latest snapshot (every kind,
    zero where none). Columns: `change`, `municipalities`. Empty with fewer than two snapshots.
    """
    snapshots = list(coverages.values())
    if len(snapshots) < 2:
        return pd.DataFrame(columns=["change", "municipalities"])
    counts = compare(snapshots[0], snapshots[-1])["change"].value_counts()
    return pd.DataFrame({"change": list(CHANGE_KINDS),
                         "municipalities": [int(counts.get(kind, 0)) for kind in CHANGE_KINDS]})


def change_chart(counts: pd.DataFrame, t: Translator) -> alt.Chart:
    """Horizontal bars: municipalities per kind of change between the two overviews."""
    data = counts.assign(label=[t(f"change_{kind}") for kind in counts["change"]])
    return localised(alt.Chart(data, title=wrapped_title(t("chart_changes_title")),
                               width="container").mark_bar(color="#555555").encode(
        y=alt.Y("label:N", sort=[t(f"change_{kind}") for kind in CHANGE_KINDS],
                axis=_category_axis()),
        x=alt.X("municipalities:Q", title=t("col_municipalities"),
                axis=alt.Axis(tickMinStep=1, labelOverlap=True)),
        tooltip=[alt.Tooltip("label:N", title=t("col_change")),
                 alt.Tooltip("municipalities:Q", title=t("col_municipalities"))],
    ), t)


def change_text(counts: pd.DataFrame, t: Translator) -> str:
    """The change chart in a sentence."""
    parts = [t("chart_change_part", count=row.municipalities, change=t(f"change_{row.change}"))
             for row in counts.itertuples()]
    return t("chart_changes_text", parts="; ".join(parts))


def history_long(rows: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The rows of `coverage.history.history_rows` in long format, one row per version and
    status: `number`, `version` (a label with the publication date in Amsterdam), `status`,
    `status_label`, `municipalities`, `population`, `order`."""
    records = []
    for row in rows.itertuples():
        day = row.published_at.astimezone(AMSTERDAM).date()
        version = t("chart_history_version", number=row.number,
                    date=date_in_words(day, t.language))
        for index, status in enumerate(STATUSES):
            records.append({"number": int(row.number), "version": version, "status": status,
                            "status_label": t(STATUS_SHORT_KEYS[status]),
                            "municipalities": int(getattr(row, f"municipalities_{status}")),
                            "population": int(getattr(row, f"population_{status}")),
                            "order": index})
    return pd.DataFrame(records, columns=["number", "version", "status", "status_label",
                                          "municipalities", "population", "order"])


def history_chart(data: pd.DataFrame, t: Translator) -> alt.Chart:
    """Stacked bars, one per version in order of publication (its date in the label):
    municipalities per status in the map's colours."""
    order = list(dict.fromkeys(data.sort_values("number")["version"]))
    return localised(alt.Chart(data, title=t("chart_history_title")).mark_bar().encode(
        x=alt.X("version:N", sort=order, title=t("col_published_on"),
                axis=alt.Axis(labelAngle=0, labelLimit=220)),
        y=alt.Y("sum(municipalities):Q", title=t("col_municipalities")),
        color=alt.Color("status_label:N", scale=status_scale(t), title=t("col_status"),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=400)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("version:N", title=t("col_published_on")),
                 alt.Tooltip("status_label:N", title=t("col_status")),
                 alt.Tooltip("municipalities:Q", title=t("col_municipalities")),
                 alt.Tooltip("population:Q", title=t("col_population"), format=",")],
    ), t)


def history_text(data: pd.DataFrame, t: Translator) -> str:
    """The history chart in a sentence: per version, municipalities per status."""
    rows = []
    for _, group in data.sort_values(["number", "order"]).groupby("number", sort=True):
        counts = ", ".join(f"{row.status_label} {t.number(row.municipalities)}"
                           for row in group.itertuples())
        rows.append(f"{group['version'].iloc[0]}: {counts}")
    return t("chart_history_text", rows="; ".join(rows))
