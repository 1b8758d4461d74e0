"""Municipality and safety-region boundaries from the CBS TopoJSON file.

Geometries are read in WGS84 (EPSG:4326, for display), repaired, and measured in the Dutch
national grid (EPSG:28992). Every municipality is joined spatially to the safety-region
polygons and the result must agree with the table: a boundary file of another year that does
not match its table fails loudly instead of colouring the wrong region.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata.settings import geodata_dir
from geodata.tables import BoundaryDataError, Units, load_units, require_file

TOPOLOGY_FILE = "nl-gm-vr-2023.topo.json"
DISPLAY_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:28992"
SQUARE_METRES_PER_KM2 = 1_000_000

__all__ = ["Boundaries", "BoundaryDataError", "dissolve_by", "load_boundaries"]


@dataclass(frozen=True)
class Boundaries:
    """Municipalities and safety regions with geometry in EPSG:4326.

    `municipalities` has every column of `Units.municipalities` plus `area_km2` and
    `geometry`; `safety_regions` has `name`, `province`, `police_unit`, `area_km2` and
    `geometry`. Both are indexed by CBS code.
    """

    units: Units
    municipalities: gpd.GeoDataFrame
    safety_regions: gpd.GeoDataFrame


def _read_layer(path: Path, layer: str) -> gpd.GeoDataFrame:
    frame = gpd.read_file(require_file(path), layer=layer, columns=["code"])
    return frame.set_crs(DISPLAY_CRS, allow_override=True).set_index("code")


def _repaired(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Repair invalid polygons, keeping polygonal parts only."""
    invalid = ~frame.geometry.is_valid
    if invalid.any():
        frame = frame.copy()
        frame.loc[invalid, "geometry"] = frame.geometry[invalid].make_valid(
            method="structure", keep_collapsed=False
        )
    return frame


def _check_same_codes(path: Path, layer: str, geometry_codes: pd.Index,
                      table_codes: pd.Index) -> None:
    missing = table_codes.difference(geometry_codes)
    extra = geometry_codes.difference(table_codes)
    if len(missing) or len(extra) or geometry_codes.has_duplicates:
        raise BoundaryDataError(
            f"{path} ({layer}) does not match the table: "
            f"without geometry {list(missing)}, not in the table {list(extra)}, "
            f"duplicated {list(geometry_codes[geometry_codes.duplicated()])}"
        )


def check_spatial_join(municipalities: gpd.GeoDataFrame, regions: gpd.GeoDataFrame) -> None:
    """Join a point inside each municipality to the safety-region polygons; compare with the table.

    Both frames must be in the same CRS. Raises `BoundaryDataError` naming every
    municipality whose point lies in another region than the table says, or in none.
    """
    points = gpd.GeoDataFrame(
        {"expected": municipalities["safety_region_code"]},
        geometry=municipalities.geometry.representative_point(),
        crs=municipalities.crs,
    )
    region_polygons = regions[["geometry"]].rename_axis("found")
    joined = points.sjoin(region_polygons, how="left", predicate="within")
    found = joined["found"].fillna("no region").groupby(level=0).agg(", ".join)
    disagree = found[found != points["expected"]]
    if not disagree.empty:
        raise BoundaryDataError(
            "boundaries disagree with the table for "
            + "; ".join(
                f"{code} {municipalities.at[code, 'name']}: table says "
                f"{points.at[code, 'expected']}, boundaries say {regions_found}"
                for code, regions_found in disagree.items()
            )
        )


@cache
def load_boundaries(data_dir: Path | None = None) -> Boundaries:
    """Load, repair, measure and check the boundaries (once per process and folder)."""
    folder = data_dir or geodata_dir()
    units = load_units(folder)
    path = folder / TOPOLOGY_FILE
    municipality_shapes = _repaired(_read_layer(path, "gm_features"))
    region_shapes = _repaired(_read_layer(path, "vr_features"))
    _check_same_codes(path, "gm_features", municipality_shapes.index, units.municipalities.index)
    _check_same_codes(path, "vr_features", region_shapes.index, units.safety_regions.index)

    municipalities = gpd.GeoDataFrame(
        units.municipalities, geometry=municipality_shapes.geometry.reindex(
            units.municipalities.index), crs=DISPLAY_CRS
    )
    regions = gpd.GeoDataFrame(
        units.safety_regions, geometry=region_shapes.geometry.reindex(units.safety_regions.index),
        crs=DISPLAY_CRS,
    )
    check_spatial_join(municipalities, regions)
    municipalities["area_km2"] = municipalities.to_crs(METRIC_CRS).area / SQUARE_METRES_PER_KM2
    regions["area_km2"] = municipalities.groupby("safety_region_code")["area_km2"].sum()
    return Boundaries(units=units, municipalities=municipalities, safety_regions=regions)


def dissolve_by(municipalities: gpd.GeoDataFrame, column: str) -> gpd.GeoDataFrame:
    """Union the municipalities by `column` (e.g. `province`, `police_unit`), summing population
    and area. Dissolving happens in EPSG:28992 and the result is returned in the input's CRS."""
    metric = municipalities[[column, "population", "area_km2", "geometry"]].to_crs(METRIC_CRS)
    dissolved = metric.dissolve(by=column, aggfunc={"population": "sum", "area_km2": "sum"})
    return dissolved.to_crs(municipalities.crs)
