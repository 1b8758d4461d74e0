"""Downloads that people open in a spreadsheet: headers in the interface language, values in
words, phone numbers as written and in E.164 (written as CSV or XLSX by
`ui.dashboard.spreadsheets`); and the rounding of the GeoJSON download.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from coverage.answer import Answer, Call, answers
from coverage.engine import Coverage
from ui.text.checked_text import checked_words
from ui.text.i18n import Translator

GEOJSON_DECIMALS = 6
"""Coordinate decimals in the GeoJSON download (about 0.1 m at Dutch latitudes)."""
ORGANISATION_SEPARATOR = "; "
"""Between organisations in one cell; " / " is between the numbers of one organisation."""


def _organisation(call: Call, t: Translator) -> str:
    name = call.organisation or t("card_no_organisation")
    return name if call.target_group == "all" else f"{name} ({t('target_' + call.target_group)})"


def municipality_export(coverage: Coverage, areas_km2: pd.Series, t: Translator) -> pd.DataFrame:
    """One row per municipality (its `coverage.answer.Answer`): names, regions, population,
    area, status in words, the age groups without a regional coordinator, whom to call (every
    organisation, CoMensha where it is the fallback, also for the uncovered age group) and
    their phone numbers (as written and in E.164, each number once: " / " between the numbers
    of one organisation, "; " between organisations), and when each call's contact was last
    checked."""
    found = list(answers(coverage).values())

    def per_organisation(answer: Answer, written: bool) -> str:
        """Numbers of one organisation joined by " / ", organisations by "; " (each number
        once, with the first organisation that gives it)."""
        seen: set[str] = set()
        groups = []
        for call in answer.calls:
            own = [phone for phone in call.phones if phone.e164 not in seen]
            seen.update(phone.e164 for phone in own)
            if own:
                groups.append(" / ".join(phone.display if written else phone.e164
                                         for phone in own))
        return ORGANISATION_SEPARATOR.join(groups)

    return pd.DataFrame({
        t("col_code"): [answer.municipality.code for answer in found],
        t("col_municipality"): [answer.municipality.display_name for answer in found],
        t("col_official_name"): [answer.municipality.name for answer in found],
        t("col_region_code"): [answer.safety_region.code for answer in found],
        t("col_region"): [answer.safety_region.name for answer in found],
        t("col_province"): [answer.province for answer in found],
        t("col_police_unit"): [answer.police_unit for answer in found],
        t("col_population"): [answer.municipality.population for answer in found],
        t("col_area_km2"): areas_km2.reindex(
            [answer.municipality.code for answer in found]).round(3).to_numpy(),
        t("col_status"): [answer.status_label(t.language) for answer in found],
        t("col_uncovered_groups"): [", ".join(t(f"target_{group}")
                                              for group in answer.uncovered_target_groups)
                                    for answer in found],
        t("col_organisations"): [ORGANISATION_SEPARATOR.join(_organisation(call, t)
                                                             for call in answer.calls)
                                 for answer in found],
        t("col_phones_written"): [per_organisation(answer, True) for answer in found],
        t("col_phones_e164"): [per_organisation(answer, False) for answer in found],
        t("col_checked"): [ORGANISATION_SEPARATOR.join(checked_words(call, t)
                                                       for call in answer.calls)
                           for answer in found],
    })


def rounded(geometries: gpd.GeoSeries, decimals: int = GEOJSON_DECIMALS) -> gpd.GeoSeries:
    """Geometries with every coordinate rounded to `decimals` places."""
    return gpd.GeoSeries(shapely.transform(geometries.to_numpy(),
                                           lambda coords: np.round(coords, decimals)),
                         index=geometries.index, crs=geometries.crs)
