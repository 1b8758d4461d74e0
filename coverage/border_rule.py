"""The border rule: a coordinator's area must not cross a safety-region border.

From the Lenferink committee (quoted in the 2020 Noord-Holland Noord proposal): several
coordination areas inside one safety region are fine; crossing the border of a safety region is
not. Every entry with a regional coordinator is classified:

- `within`: all its municipalities lie in one safety region;
- `spans_regions`: it covers several safety regions, each one whole (aligned with the borders,
  but larger than one region);
- `cuts_border`: it touches several safety regions and covers at least one only in part.

Entries that name only CoMensha, or no contact at all, are exempt: they have no regional
coordinator whose area could break the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from coverage.schema import Snapshot
from geodata import Units

Kind = Literal["within", "spans_regions", "cuts_border"]
BREAKS_RULE: tuple[Kind, ...] = ("spans_regions", "cuts_border")


@dataclass(frozen=True)
class RegionPart:
    """The part of one safety region that an area touches."""

    code: str
    name: str
    whole: bool
    municipalities: tuple[str, ...]
    """Codes of the region's municipalities inside the area."""
    outside: tuple[str, ...]
    """Codes of the region's municipalities outside the area (empty when `whole`)."""


@dataclass(frozen=True)
class AreaFinding:
    """How one entry's area lies with respect to the safety regions."""

    entry_id: str
    area_wording: str
    organisations: tuple[str, ...]
    kind: Kind
    regions: tuple[RegionPart, ...]

    @property
    def breaks_rule(self) -> bool:
        """Whether the area extends beyond one safety region."""
        return self.kind in BREAKS_RULE


def _region_part(region: str, inside: tuple[str, ...], units: Units) -> RegionPart:
    outside = tuple(sorted(units.codes_of("safety_region", region) - set(inside)))
    return RegionPart(code=region, name=units.safety_regions.at[region, "name"],
                      whole=not outside, municipalities=inside, outside=outside)


def subject_to_rule(snapshot: Snapshot) -> list[str]:
    """Ids of the entries with at least one regional (non-CoMensha) contact."""
    return [entry.id for entry in snapshot.entries
            if any(not contact.is_comensha for contact in entry.contacts)]


def classify_areas(snapshot: Snapshot, areas: dict[str, frozenset[str]],
                   units: Units) -> list[AreaFinding]:
    """Classify the area of every entry subject to the rule, in the order of the snapshot."""
    region_of = units.municipalities["safety_region_code"]
    members = pd.DataFrame(
        [(entry_id, code) for entry_id in subject_to_rule(snapshot)
         for code in sorted(areas[entry_id])],
        columns=["entry_id", "municipality"],
    )
    members["region"] = members["municipality"].map(region_of)
    parts = members.groupby(["entry_id", "region"])["municipality"].agg(tuple).rename("inside")
    parts = parts.reset_index()

    entries = {entry.id: entry for entry in snapshot.entries}
    findings = []
    for entry_id, entry_parts in parts.groupby("entry_id", sort=False):
        regions = tuple(_region_part(row.region, row.inside, units)
                        for row in entry_parts.itertuples())
        if len(regions) == 1:
            kind: Kind = "within"
        elif all(part.whole for part in regions):
            kind = "spans_regions"
        else:
            kind = "cuts_border"
        entry = entries[entry_id]
        findings.append(AreaFinding(entry_id, entry.area_wording, tuple(entry.organisations),
                                    kind, regions))
    order = {entry.id: index for index, entry in enumerate(snapshot.entries)}
    return sorted(findings, key=lambda finding: order[finding.entry_id])
