"""Coverage figures: municipalities, population and area by status, per grouping."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from coverage.status import STATUSES, UNCOVERED_STATUSES

Grouping = Literal["safety-region", "province", "police-unit", "national"]
GROUPINGS: tuple[Grouping, ...] = ("safety-region", "province", "police-unit", "national")
_GROUP_COLUMNS = {
    "safety-region": ["safety_region_code", "safety_region_name"],
    "province": ["province"],
    "police-unit": ["police_unit"],
}
MEASURES = ("municipalities", "population", "area_km2")


def coverage_figures(municipalities: pd.DataFrame, by: Grouping) -> pd.DataFrame:
    """Totals and per-status figures for each group of `by` (one row for `national`).

    `municipalities` needs `status` and `population`, and `area_km2` for area figures. The
    result has, for every measure present, a `<measure>_total` column, one column per status
    (`<measure>_coordinator`, `<measure>_partial`, `<measure>_comensha`, `<measure>_fallback`)
    and `<measure>_no_regional_coordinator` (comensha + fallback).

    Two population shares: `population_share_without_coordinator` is the share living where
    not every target group has a regional coordinator (partial, comensha and fallback: a
    partly covered municipality is never counted as covered); `population_share_partial` is
    the part of it that is partly covered (one age group served regionally, the other by
    CoMensha).
    """
    table = municipalities.assign(municipalities=1)
    keys = _GROUP_COLUMNS.get(by, [])
    if not keys:
        table = table.assign(group="Nederland")
        keys = ["group"]
    measures = [measure for measure in MEASURES if measure in table.columns]
    by_status = table.groupby([*keys, "status"])[measures].sum().unstack("status", fill_value=0)
    result = pd.DataFrame(index=by_status.index)
    for measure in measures:
        result[f"{measure}_total"] = 0
        for status in STATUSES:
            values = by_status.get((measure, status), 0)
            result[f"{measure}_{status}"] = values
            result[f"{measure}_total"] += result[f"{measure}_{status}"]
        result[f"{measure}_no_regional_coordinator"] = sum(
            result[f"{measure}_{status}"] for status in UNCOVERED_STATUSES)
    result["population_share_without_coordinator"] = (
        1 - result["population_coordinator"] / result["population_total"]
    )
    result["population_share_partial"] = result["population_partial"] / result["population_total"]
    return result.reset_index()
