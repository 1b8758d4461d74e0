"""Downloads that people open in a spreadsheet: headers in the interface language, values in
words, phone numbers as written and in E.164 (written as CSV or XLSX by `ui.spreadsheets`);
and the rounding of the GeoJSON download.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from coverage.engine import Coverage
from coverage.schema import Contact
from ui.i18n import Translator
from ui.tables import status_labels

GEOJSON_DECIMALS = 6
"""Coordinate decimals in the GeoJSON download (about 0.1 m at Dutch latitudes)."""


def _organisation(contact: Contact, t: Translator) -> str:
    name = contact.effective_organisation or t("card_no_organisation")
    return name if contact.target_group == "all" else (
        f"{name} ({t('target_' + contact.target_group)})")


def municipality_export(coverage: Coverage, areas_km2: pd.Series, t: Translator) -> pd.DataFrame:
    """One row per municipality: names, regions, population, area, status in words, the age
    groups without a regional coordinator, organisations and phone numbers (as written and in
    E.164; CoMensha's where it is the contact, also for the uncovered age group)."""
    table = coverage.municipalities
    contacts = coverage.contacts_by_municipality
    fallback = list(coverage.fallback.phones)

    def phones(code: str) -> list:
        numbers = [phone for contact in contacts[code] for phone in contact.phones]
        if table.at[code, "status"] == "partial" or not numbers:
            numbers += fallback
        return list({phone.e164: phone for phone in numbers}.values())

    numbers = {code: phones(code) for code in table.index}
    return pd.DataFrame({
        t("col_code"): table.index,
        t("col_municipality"): table["display_name"],
        t("col_official_name"): table["name"],
        t("col_region_code"): table["safety_region_code"],
        t("col_region"): table["safety_region_name"],
        t("col_province"): table["province"],
        t("col_police_unit"): table["police_unit"],
        t("col_population"): table["population"],
        t("col_area_km2"): areas_km2.reindex(table.index).round(3),
        t("col_status"): status_labels(coverage, t),
        t("col_uncovered_groups"): [", ".join(t(f"target_{group}") for group in groups)
                                    for groups in coverage.uncovered_groups],
        t("col_organisations"): [" / ".join(_organisation(contact, t)
                                            for contact in contacts[code])
                                 or coverage.fallback.organisation for code in table.index],
        t("col_phones_written"): [" / ".join(phone.display for phone in numbers[code])
                                  for code in table.index],
        t("col_phones_e164"): [" / ".join(phone.e164 for phone in numbers[code])
                               for code in table.index],
    }).reset_index(drop=True)


def rounded(geometries: gpd.GeoSeries, decimals: int = GEOJSON_DECIMALS) -> gpd.GeoSeries:
    """Geometries with every coordinate rounded to `decimals` places."""
    return gpd.GeoSeries(shapely.transform(geometries.to_numpy(),
                                           lambda coords: np.round(coords, decimals)),
                         index=geometries.index, crs=geometries.crs)
