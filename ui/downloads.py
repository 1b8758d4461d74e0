"""The files a user can download: per-municipality table, coverage GeoJSON, gaps table."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from coverage.engine import Coverage
from ui.i18n import Translator
from ui.tables import gaps_table, municipality_table


def municipalities_csv(coverage: Coverage, areas_km2: pd.Series) -> bytes:
    """The per-municipality table as UTF-8 CSV (with BOM, so spreadsheet programs read the
    accents right)."""
    return municipality_table(coverage, areas_km2).to_csv(index=False).encode("utf-8-sig")


def coverage_geojson(coverage: Coverage, municipalities: gpd.GeoDataFrame) -> bytes:
    """Every municipality's boundary (EPSG:4326) with the per-municipality table as properties."""
    table = municipality_table(coverage, municipalities["area_km2"])
    features = gpd.GeoDataFrame(
        table, geometry=municipalities.geometry.reindex(table["code"]).to_numpy(),
        crs=municipalities.crs)
    return features.to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


def gaps_csv(coverage: Coverage, t: Translator) -> bytes:
    """The gaps per safety region, with the headers in the chosen language."""
    return gaps_table(coverage, t).to_csv(index=False).encode("utf-8-sig")
