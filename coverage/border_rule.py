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


def classify_codes(codes: frozenset[str] | set[str],
                   units: Units) -> tuple[Kind, tuple[RegionPart, ...]]:
    """How one set of municipalities lies with respect to the safety regions: its kind and
    the part of every region it touches (regions by code, municipalities sorted).

    The one classification behind every verdict: the register's areas and proposals alike.
    An empty set touches no region and is `within` (it crosses no border).
    """
    region_of = units.municipalities["safety_region_code"]
    inside: dict[str, list[str]] = {}
    for code in sorted(codes):
        inside.setdefault(region_of[code], []).append(code)
    regions = tuple(_region_part(region, tuple(members), units)
                    for region, members in sorted(inside.items()))
    if len(regions) <= 1:
        kind: Kind = "within"
    elif all(part.whole for part in regions):
        kind = "spans_regions"
    else:
        kind = "cuts_border"
    return kind, regions


def classify_areas(snapshot: Snapshot, areas: dict[str, frozenset[str]],
                   units: Units) -> list[AreaFinding]:
    """Classify the area of every entry subject to the rule, in the order of the snapshot.

    Entries whose area is empty touch no region and are left out.
    """
    entries = {entry.id: entry for entry in snapshot.entries}
    findings = []
    for entry_id in subject_to_rule(snapshot):
        if not areas[entry_id]:
            continue
        kind, regions = classify_codes(areas[entry_id], units)
        entry = entries[entry_id]
        findings.append(AreaFinding(entry_id, entry.area_wording, tuple(entry.organisations),
                                    kind, regions))
    return findings
