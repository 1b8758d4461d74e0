"""The CBS boundaries: loaded, repaired, measured, checked against the tables."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import geopandas as gpd
import pytest

from geodata import Boundaries, geodata_dir, load_boundaries
from geodata.boundaries import TOPOLOGY_FILE
from geodata.settings import DEFAULT_GEODATA_DIR, GEODATA_DIR_VARIABLE
from geodata.tables import BOUNDARY_FILES
from tests.conftest import REPOSITORY_ROOT

NATIONAL_POPULATION = 17_590_672


def test_counts_and_crs(boundaries: Boundaries) -> None:
    assert len(boundaries.municipalities) == 342
    assert len(boundaries.safety_regions) == 25
    assert boundaries.municipalities.crs.to_epsg() == 4326
    assert boundaries.municipalities["population"].sum() == NATIONAL_POPULATION


def test_raw_file_has_invalid_geometries_and_loader_repairs_them(boundaries: Boundaries) -> None:
    raw = gpd.read_file(geodata_dir() / TOPOLOGY_FILE, layer="gm_features")
    raw_regions = gpd.read_file(geodata_dir() / TOPOLOGY_FILE, layer="vr_features")
    assert (~raw.is_valid).sum() + (~raw_regions.is_valid).sum() == 2
    assert boundaries.municipalities.is_valid.all()
    assert boundaries.safety_regions.is_valid.all()
    assert set(boundaries.municipalities.geom_type) <= {"Polygon", "MultiPolygon"}
    repaired = raw.set_index("code").loc[~raw.is_valid.to_numpy(), "geometry"]
    for code, original in repaired.items():
        metric = gpd.GeoSeries([original, boundaries.municipalities.at[code, "geometry"]],
                               crs=4326).to_crs(28992).area
        assert metric[1] == pytest.approx(metric[0], rel=0.01)


def test_areas_are_measured_in_the_dutch_grid(boundaries: Boundaries) -> None:
    areas = boundaries.municipalities["area_km2"]
    # Amsterdam is about 219 km² including water; Vaals about 24 km².
    assert areas["GM0363"] == pytest.approx(219, rel=0.05)
    assert areas["GM0981"] == pytest.approx(24, rel=0.1)
    # A region's area is its municipalities' sum, which matches its own polygon within 0.2 %.
    polygons = boundaries.safety_regions.to_crs(28992).area / 1_000_000
    assert (polygons / boundaries.safety_regions["area_km2"] - 1).abs().max() < 0.002


def test_every_municipality_has_its_units(boundaries: Boundaries) -> None:
    row = boundaries.municipalities.loc["GM0518"]
    assert (row["name"], row["display_name"]) == ("'s-Gravenhage", "Den Haag")
    assert (row["safety_region_code"], row["province"], row["police_unit"]) == (
        "VR15", "Zuid-Holland", "Den Haag")
    assert boundaries.municipalities.at["GM0014", "display_name"] == "Groningen"


def test_provinces_and_police_units_add_up(boundaries: Boundaries) -> None:
    municipalities = boundaries.municipalities
    provinces = municipalities.groupby("province")[["population", "area_km2"]].sum()
    police_units = municipalities.groupby("police_unit")[["population", "area_km2"]].sum()
    assert len(provinces) == 12
    assert len(police_units) == 10
    assert provinces["population"].sum() == NATIONAL_POPULATION
    assert municipalities.crs.to_epsg() == 4326
    # The province of Utrecht is the safety region Utrecht (VR09).
    assert provinces.at["Utrecht", "area_km2"] == pytest.approx(
        boundaries.safety_regions.at["VR09", "area_km2"], rel=0.002)


def test_loaded_once_per_process(boundaries: Boundaries) -> None:
    assert load_boundaries() is boundaries


def test_data_folder_comes_from_the_setting(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    assert DEFAULT_GEODATA_DIR == REPOSITORY_ROOT / "geodata" / "cbs-2023"
    monkeypatch.setenv(GEODATA_DIR_VARIABLE, str(tmp_path))
    assert geodata_dir() == tmp_path.resolve()
    monkeypatch.delenv(GEODATA_DIR_VARIABLE)
    assert geodata_dir() == DEFAULT_GEODATA_DIR


def test_the_shipped_files_are_the_ones_checked() -> None:
    """The repository's copy is byte-identical to what its README records: the SHA-256 of the
    shared copy it was made from (so a clone checks it without that copy beside it)."""
    readme = (DEFAULT_GEODATA_DIR / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"\| `([^`]+)` \| `([0-9a-f]{64})` \|", readme))
    assert sorted(recorded) == sorted(BOUNDARY_FILES)
    for name in BOUNDARY_FILES:
        data = (DEFAULT_GEODATA_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == recorded[name], name

