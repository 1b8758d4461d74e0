"""The files a user can download: per-municipality table, coverage GeoJSON, gaps table.

The tables come as CSV for spreadsheets in the interface language and as XLSX with typed cells
(both written by `ui.dashboard.spreadsheets`, neither with a cell a spreadsheet would run as a
formula); the GeoJSON keeps machine-readable property names and values, with coordinates rounded to
6 decimals.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from coverage.engine import Coverage
from ui.dashboard.exports import municipality_export, rounded
from ui.dashboard.spreadsheets import spreadsheet_csv, spreadsheet_xlsx
from ui.dashboard.tables import gaps_table, municipality_table
from ui.text.i18n import Translator


def municipalities_csv(coverage: Coverage, areas_km2: pd.Series, t: Translator) -> bytes:
    """The per-municipality table as CSV for a spreadsheet in the interface language."""
    return spreadsheet_csv(municipality_export(coverage, areas_km2, t), t.language)


def municipalities_xlsx(coverage: Coverage, areas_km2: pd.Series, t: Translator) -> bytes:
    """The per-municipality table as an XLSX workbook, headers in the interface language."""
    return spreadsheet_xlsx(municipality_export(coverage, areas_km2, t),
                            t("sheet_municipalities"))


def coverage_geojson(coverage: Coverage, municipalities: gpd.GeoDataFrame) -> bytes:
    """Every municipality's boundary (EPSG:4326, 6 decimals) with the per-municipality table
    as properties."""
    table = municipality_table(coverage, municipalities["area_km2"])
    geometry = rounded(municipalities.geometry.reindex(table["code"]))
    features = gpd.GeoDataFrame(table, geometry=geometry.to_numpy(), crs=municipalities.crs)
    return features.to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


def gaps_csv(coverage: Coverage, t: Translator) -> bytes:
    """The gaps per safety region as CSV for a spreadsheet in the interface language; the
    share of the population without (full) coverage as a percentage with one decimal (60,0
    under a header that says "%"), as a reader expects it (the XLSX keeps a typed share)."""
    return spreadsheet_csv(percent_share(gaps_table(coverage, t), t), t.language)


def percent_share(table: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The gaps table with its share column as a percentage (0.6 → 60.0) under its "%"
    header."""
    share = t("col_share_without")
    return table.assign(**{share: (table[share] * 100).round(1)}).rename(
        columns={share: t("col_share_without_percent")})


def gaps_xlsx(coverage: Coverage, t: Translator) -> bytes:
    """The gaps per safety region as an XLSX workbook, headers in the interface language and
    the share of the population without (full) coverage as a percentage."""
    return spreadsheet_xlsx(gaps_table(coverage, t), t("sheet_gaps"),
                            percent_columns={t("col_share_without")})
