"""Differences between the earlier and the current overview, per municipality."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.changes import compare
from coverage.engine import Coverage


@pytest.fixture(scope="module")
def changes(earlier: Coverage, current: Coverage) -> pd.DataFrame:
    return compare(earlier, current).set_index("code")


def test_gained(changes: pd.DataFrame) -> None:
    gained = set(changes.index[changes["change"] == "gained"])
    # Den Bosch's region (Brabant-Noord less Den Bosch itself) and Limburg-Noord.
    assert {"GM0828", "GM1982", "GM0983", "GM0988"} <= gained
    assert changes.at["GM0828", "status_before"] == "fallback"
    assert len(gained) == 10 + 15


def test_status_changed_in_zuid_limburg(changes: pd.DataFrame) -> None:
    row = changes.loc["GM0935"]
    assert (row["change"], row["status_before"], row["status_after"]) == (
        "status_changed", "fallback", "comensha")


def test_contact_changed(changes: pd.DataFrame) -> None:
    assert changes.at["GM0796", "change"] == "contact_changed"  # Veilig Thuis → MO Den Bosch
    assert changes.at["GM0361", "change"] == "contact_changed"  # Noord-Holland: new numbers
    assert changes.at["GM0200", "change"] == "contact_changed"  # Veluwe split by age
    assert changes.at["GM0361", "contacts_after"] == (
        ("HVO Querido/ACM", "all", ("+31615240136", "+31621141959")),)


def test_unchanged_municipalities_are_left_out(changes: pd.DataFrame) -> None:
    # Same number, organisation now named: Den Haag (SHOP), Groningen (MJD), Zwolle (CoMensha).
    for code in ("GM0518", "GM0014", "GM0193", "GM0363", "GM0034"):
        assert code not in changes.index
    assert not (changes["change"] == "lost").any()


def test_comparing_a_snapshot_with_itself_finds_nothing(current: Coverage) -> None:
    assert compare(current, current).empty
