"""Municipality and safety-region boundaries from the CBS TopoJSON file.

Geometries are read in WGS84 (EPSG:4326, for display), repaired, and measured in the Dutch
national grid (EPSG:28992). Every municipality is joined spatially to the safety-region
polygons and the result must agree with the table: a boundary file of another year that does
not match its table fails loudly instead of colouring the wrong region.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata.errors import BoundaryDataError
from geodata.settings import geodata_dir
from geodata.tables import MUNICIPALITIES_FILE, TOPOLOGY_FILE, Units, read_tables, require_file

LAYERS = ("gm_features", "vr_features")
DISPLAY_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:28992"
SQUARE_METRES_PER_KM2 = 1_000_000

__all__ = ["Boundaries", "BoundaryDataError", "load_boundaries"]


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


def check_topology(folder: Path) -> None:
    """Check that the TopoJSON file is a topology with both layers, each feature with a code.

    Raises `BoundaryDataError` naming the file and the layer or feature that is wrong.
    """
    path = require_file(folder, TOPOLOGY_FILE)

    def fault(detail: str) -> BoundaryDataError:
        return BoundaryDataError(folder, TOPOLOGY_FILE, detail)

    try:
        topology = json.loads(path.read_bytes())
    except (OSError, ValueError) as error:  # UnicodeDecodeError is a ValueError
        raise fault(f"not a readable JSON file ({error})") from error
    if not isinstance(topology, dict) or topology.get("type") != "Topology":
        raise fault('not a TopoJSON file (expected an object with "type": "Topology")')
    objects = topology.get("objects")
    if not isinstance(objects, dict) or not isinstance(topology.get("arcs"), list):
        raise fault('not a TopoJSON file (no "objects" or "arcs")')
    for layer in LAYERS:
        features = objects.get(layer)
        if not isinstance(features, dict) or not isinstance(features.get("geometries"), list):
            raise fault(f"layer {layer} is missing (found: {', '.join(sorted(objects)) or 'none'})")
        for number, feature in enumerate(features["geometries"], start=1):
            properties = feature.get("properties") if isinstance(feature, dict) else None
            if not isinstance(properties, dict) or not isinstance(properties.get("code"), str):
                raise fault(f"layer {layer}, feature #{number} has no code")


def _read_layer(folder: Path, layer: str) -> gpd.GeoDataFrame:
    path = folder / TOPOLOGY_FILE
    try:
        frame = gpd.read_file(path, layer=layer, columns=["code"])
    except Exception as error:  # pyogrio raises several types; all mean the same here
        detail = str(error).replace(str(path), TOPOLOGY_FILE)
        raise BoundaryDataError(folder, TOPOLOGY_FILE,
                                f"layer {layer} cannot be read ({detail})") from error
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


def _check_geometries(folder: Path, layer: str, shapes: gpd.GeoDataFrame,
                      table: pd.DataFrame) -> None:
    """Every code of the table has one polygonal geometry in the layer, and no other code."""
    def named(codes: Iterable[str]) -> str:
        return ", ".join(f"{code} {table.at[code, 'name']}" if code in table.index else code
                         for code in codes)

    codes = shapes.index
    duplicated = codes[codes.duplicated()].unique()
    missing = table.index.difference(codes)
    extra = codes.difference(table.index)
    geometry = shapes.geometry
    empty = codes[(geometry.isna() | geometry.is_empty).to_numpy()]
    not_polygonal = codes[~geometry.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()]
    problems = [f"{what} {named(found)}" for what, found in (
        ("no geometry for", missing.union(empty)),
        ("a geometry that is not a polygon for", not_polygonal.difference(empty)),
        ("more than one geometry for", duplicated),
        ("a geometry for a code not in the table:", extra),
    ) if len(found)]
    if problems:
        raise BoundaryDataError(folder, TOPOLOGY_FILE, f"layer {layer} has "
                                + "; ".join(problems))


def regions_found(municipalities: gpd.GeoDataFrame, regions: gpd.GeoDataFrame) -> pd.Series:
    """The safety region(s) whose polygon holds a point inside each municipality.

    Both frames must be in the same CRS. The value is a region code, several joined by ", ",
    or "no region".

    >>> from shapely import box
    >>> towns = gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1), box(5, 5, 6, 6)], index=["GM1", "GM2"])
    >>> regions = gpd.GeoDataFrame(geometry=[box(0, 0, 2, 2)], index=["VR1"])
    >>> regions_found(towns, regions).to_dict()
    {'GM1': 'VR1', 'GM2': 'no region'}
    """
    points = gpd.GeoDataFrame(geometry=municipalities.geometry.representative_point(),
                              crs=municipalities.crs)
    region_polygons = regions[["geometry"]].rename_axis("found")
    joined = points.sjoin(region_polygons, how="left", predicate="within")
    return joined["found"].fillna("no region").groupby(level=0).agg(", ".join)


def check_regions(folder: Path, table: pd.DataFrame, found: pd.Series) -> None:
    """Compare the regions found in the boundaries with the table's `safety_region_code`.

    Raises `BoundaryDataError` naming every municipality whose point lies in another region
    than the table says, or in none.
    """
    expected = table["safety_region_code"]
    disagree = found.reindex(expected.index) != expected
    if disagree.any():
        raise BoundaryDataError(
            folder, MUNICIPALITIES_FILE,
            f"safety regions disagree with the boundaries in {TOPOLOGY_FILE} for "
            + "; ".join(
                f"{code} {table.at[code, 'name']}: table says {expected[code]}, boundaries "
                f"say {found.get(code, 'no region')}"
                for code in expected.index[disagree.to_numpy()]
            )
        )


def load_boundaries(data_dir: Path | None = None) -> Boundaries:
    """Load, repair, measure and check the boundaries (once per process and folder).

    Raises `BoundaryDataError` naming the file and the municipalities or regions when a file
    is missing, unreadable, or disagrees with the others.
    """
    return _load_boundaries(data_dir or geodata_dir())


@cache
def _load_boundaries(folder: Path) -> Boundaries:
    units = read_tables(folder)
    check_topology(folder)
    municipality_shapes = _repaired(_read_layer(folder, "gm_features"))
    region_shapes = _repaired(_read_layer(folder, "vr_features"))
    _check_geometries(folder, "gm_features", municipality_shapes, units.municipalities)
    _check_geometries(folder, "vr_features", region_shapes, units.safety_regions)

    municipalities = gpd.GeoDataFrame(
        units.municipalities, geometry=municipality_shapes.geometry.reindex(
            units.municipalities.index), crs=DISPLAY_CRS
    )
    regions = gpd.GeoDataFrame(
        units.safety_regions, geometry=region_shapes.geometry.reindex(units.safety_regions.index),
        crs=DISPLAY_CRS,
    )
    check_regions(folder, units.municipalities, regions_found(municipalities, regions))
    municipalities["area_km2"] = municipalities.to_crs(METRIC_CRS).area / SQUARE_METRES_PER_KM2
    regions["area_km2"] = municipalities.groupby("safety_region_code")["area_km2"].sum()
    return Boundaries(units=units, municipalities=municipalities, safety_regions=regions)
