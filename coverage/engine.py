"""The coverage of one snapshot of the overview: the pure core the CLI and the app present."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from coverage.areas import resolve_areas
from coverage.border_rule import AreaFinding, classify_areas
from coverage.register import Register
from coverage.schema import Contact, Entry, Fallback, Snapshot
from coverage.status import assignments, municipality_status, overlaps, uncovered_groups
from geodata import Units


@dataclass(frozen=True, eq=False)
class Coverage:
    """Everything the dashboard shows for one snapshot, each part computed on first use.

    `municipalities` is the units table plus `status` and `split_by_age`; `assignments` has one
    row per (municipality, entry, contact); `findings` classifies every area under the border
    rule; `overlaps` lists municipalities where two contacts serve the same target group.
    """

    snapshot: Snapshot
    fallback: Fallback
    units: Units

    @cached_property
    def areas(self) -> dict[str, frozenset[str]]:
        """Entry id → codes of the municipalities its area covers."""
        return resolve_areas(self.snapshot, self.units)

    @cached_property
    def assignments(self) -> pd.DataFrame:
        """One row per (municipality, entry, contact); see `coverage.status.assignments`."""
        return assignments(self.snapshot, self.areas)

    @cached_property
    def municipalities(self) -> pd.DataFrame:
        """The units table with `status` and `split_by_age` per municipality."""
        table = self.units.municipalities
        return table.join(municipality_status(table.index, self.assignments))

    @cached_property
    def uncovered_groups(self) -> pd.Series:
        """Per municipality, the target groups without a regional coordinator (a tuple; one
        group where the status is `partial`); they fall back to CoMensha."""
        return uncovered_groups(self.municipalities.index, self.assignments)

    @cached_property
    def findings(self) -> list[AreaFinding]:
        """The border-rule classification of every area with a regional coordinator."""
        return classify_areas(self.snapshot, self.areas, self.units)

    @cached_property
    def overlaps(self) -> pd.DataFrame:
        """Municipalities where two contacts serve the same target group."""
        return overlaps(self.assignments)

    @cached_property
    def _entries(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.snapshot.entries}

    @cached_property
    def contacts_by_municipality(self) -> dict[str, list[Contact]]:
        """The contacts listed for every municipality (empty where none), in register order."""
        found: dict[str, list[Contact]] = {code: [] for code in self.municipalities.index}
        rows = self.assignments
        for code, entry_id, index in zip(rows["municipality"], rows["entry_id"], rows["contact"],
                                         strict=True):
            found[code].append(self._entries[entry_id].contacts[index])
        return found

    def entry(self, entry_id: str) -> Entry:
        """The register entry with this id."""
        return self._entries[entry_id]

    def contacts_for(self, code: str) -> list[tuple[Entry, Contact]]:
        """The (entry, contact) pairs listed for a municipality, in register order."""
        rows = self.assignments.loc[self.assignments["municipality"] == code]
        return [(self._entries[entry_id], self._entries[entry_id].contacts[contact])
                for entry_id, contact in zip(rows["entry_id"], rows["contact"], strict=True)]

    def entries_for(self, code: str) -> list[Entry]:
        """Every entry whose area covers a municipality, with or without contacts."""
        return [entry for entry in self.snapshot.entries if code in self.areas[entry.id]]

    def violations(self) -> list[AreaFinding]:
        """The areas that extend beyond one safety region (`spans_regions` or `cuts_border`)."""
        return [finding for finding in self.findings if finding.breaks_rule]


def compute_all(register: Register, units: Units) -> dict[str, Coverage]:
    """The coverage of every snapshot in the register, by snapshot id (oldest first)."""
    return {snapshot_id: Coverage(snapshot, register.fallback, units)
            for snapshot_id, snapshot in register.snapshots.items()}
