"""Gaps for a regional table: a province, police unit or safety region with its own totals
and its municipalities, those without a regional coordinator first.

The chosen region is kept in `st.session_state["focus_region"]` as `(kind, value)`, kind one
of `"province"`, `"police_unit"`, `"safety_region"` (value: the province or police-unit name,
or the safety-region code, e.g. `("safety_region", "VR04")`), or `None` for the whole
country. The most specific choice wins (safety region, then police unit, then province), so
the map can zoom to it.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from coverage.engine import Coverage
from coverage.figures import coverage_figures
from ui.map.focus import Focus, RegionKind
from ui.text.i18n import Translator
from ui.text.status_text import status_labels

FOCUS_KEY = "focus_region"
_COLUMN: dict[RegionKind, str] = {"province": "province", "police_unit": "police_unit",
                                  "safety_region": "safety_region_code"}
STATUS_RANK = {"fallback": 0, "comensha": 0, "partial": 1, "coordinator": 2}
"""List order: no regional coordinator first, then partly covered, then covered."""


def focus_of(province: str | None, police_unit: str | None,
             safety_region: str | None) -> Focus:
    """The most specific region chosen, or None for the whole country."""
    if safety_region:
        return ("safety_region", safety_region)
    if police_unit:
        return ("police_unit", police_unit)
    if province:
        return ("province", province)
    return None


FILTER_KEYS: dict[RegionKind, str] = {"province": "gaps_province",
                                      "police_unit": "gaps_police_unit",
                                      "safety_region": "gaps_safety_region"}
"""The widget keys of the gaps view's three filters."""


def focus_from_widgets(state: Mapping[str, object], everything: str) -> Focus:
    """The focus the gaps view's filters hold, read from session state (`everything` is the
    label of the "all" option, `t("filter_all")`). Widget values are updated before a run, so
    this gives the new focus even where it is read before the gaps view runs."""
    def value(kind: RegionKind) -> str | None:
        chosen = state.get(FILTER_KEYS[kind])
        return None if chosen in (None, everything) else str(chosen)

    return focus_of(value("province"), value("police_unit"), value("safety_region"))


def in_region(municipalities: pd.DataFrame, kind: RegionKind, value: str) -> pd.DataFrame:
    """The municipalities of one province, police unit or safety region."""
    return municipalities.loc[municipalities[_COLUMN[kind]] == value]


def region_label(coverage: Coverage, kind: RegionKind, value: str, t: Translator) -> str:
    """The region's name in words: "veiligheidsregio IJsselland (VR04)", "provincie Limburg"."""
    if kind == "safety_region":
        name = coverage.units.safety_regions.at[value, "name"]
        return f"{t('unit_safety_region', name=name)} ({value})"
    return t(f"unit_{kind}", name=value)


def region_totals_text(coverage: Coverage, kind: RegionKind, value: str,
                       t: Translator) -> str:
    """The region's own totals in a sentence (instead of the national one)."""
    figures = coverage_figures(in_region(coverage.municipalities, kind, value),
                               "national").iloc[0]
    return t("region_totals", region=region_label(coverage, kind, value, t),
             total=int(figures["municipalities_total"]),
             without=int(figures["municipalities_no_regional_coordinator"]),
             partial=int(figures["municipalities_partial"]),
             population=t.number(figures["population_total"]
                                 - figures["population_coordinator"]),
             share=t.percent(figures["population_share_without_coordinator"]))


def region_municipalities(coverage: Coverage, kind: RegionKind, value: str,
                          t: Translator) -> pd.DataFrame:
    """The region's municipalities by name: without a regional coordinator first, then partly
    covered, then covered; alphabetical within each."""
    table = in_region(coverage.municipalities, kind, value)
    ordered = table.assign(rank=table["status"].map(STATUS_RANK)).sort_values(
        ["rank", "display_name"])
    labels = status_labels(coverage, t)
    return pd.DataFrame({
        t("col_municipality"): ordered["display_name"],
        t("col_status"): labels[ordered.index],
        t("col_region"): ordered["safety_region_name"],
        t("col_population"): ordered["population"],
    }).reset_index(drop=True)
