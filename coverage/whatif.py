"""What if: a proposed coordinator area, judged by the border rule and measured against the
register before anything is published.

A `Proposal` is a name, an organisation (or none yet: "to be decided"), the target group it
would serve and a set of municipalities. `evaluate` answers, for one snapshot's coverage:

- the border-rule verdict on the proposed area (the same classification as the register's
  areas: `coverage.border_rule.classify_codes`, `coverage.verdict.verdict_of`);
- the gain: the municipalities in the area where a target group the proposal serves had no
  regional coordinator (fallback, CoMensha named, or partly covered without that group), with
  their inhabitants;
- the national count of municipalities and inhabitants per status before and after;
- the overlaps: municipalities where an existing regional coordinator already serves a target
  group the proposal would serve.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from coverage.border_rule import AreaFinding, classify_codes
from coverage.engine import Coverage
from coverage.figures import coverage_figures
from coverage.schema import TargetGroup
from coverage.status import (
    ASSIGNMENT_COLUMNS,
    STATUSES,
    TARGET_GROUPS,
    Status,
    by_target_group,
    municipality_status,
)
from coverage.verdict import BorderVerdict, verdict_of
from geodata import Units

PROPOSAL_ID = "proposal"
"""The entry id the proposal takes beside the register's entries."""

UNIT_KIND_NAMES = {
    "municipality": "municipality", "gemeente": "municipality",
    "safety_region": "safety_region", "safety-region": "safety_region",
    "veiligheidsregio": "safety_region",
    "province": "province", "provincie": "province",
    "police_unit": "police_unit", "police-unit": "police_unit", "politie-eenheid": "police_unit",
}
"""Spellings of the unit kinds accepted in `KIND:NAME`."""


class UnknownUnitError(ValueError):
    """A municipality code, unit kind or unit name that the units do not know."""


@dataclass(frozen=True)
class Proposal:
    """A proposed coordinator area. `organisation` None means "to be decided"."""

    name: str
    organisation: str | None
    target_group: TargetGroup
    municipalities: frozenset[str]

    @property
    def target_groups(self) -> tuple[str, ...]:
        """The age groups it would serve (`all` is both)."""
        return TARGET_GROUPS if self.target_group == "all" else (self.target_group,)


@dataclass(frozen=True)
class StatusCount:
    """Municipalities and inhabitants with one status."""

    municipalities: int
    population: int


@dataclass(frozen=True, eq=False)
class WhatIf:
    """The answer for one proposal against one snapshot's coverage."""

    proposal: Proposal
    finding: AreaFinding
    """The proposal's area under the border rule (`kind`, regions touched, each side)."""
    verdict: BorderVerdict
    gained: tuple[str, ...]
    """Codes (sorted) of the municipalities where a served target group gains a regional
    coordinator."""
    gained_population: int
    status_before: pd.Series
    """Status per municipality of the proposal, before (indexed by code, sorted)."""
    status_after: pd.Series
    """Status per municipality of the proposal, after."""
    counts_before: dict[Status, StatusCount]
    """National municipalities and inhabitants per status, before."""
    counts_after: dict[Status, StatusCount]
    overlaps: pd.DataFrame
    """Municipalities where an existing regional coordinator serves a target group the
    proposal would serve: `municipality`, `target_group`, `entry_ids`, `organisations`
    (the existing entries and organisations only)."""

    @cached_property
    def overlap_groups(self) -> dict[str, tuple[str, ...]]:
        """Target group → codes (sorted) of the municipalities where the proposal overlaps."""
        return {group: tuple(sorted(self.overlaps.loc[self.overlaps["target_group"] == group,
                                                      "municipality"]))
                for group in self.proposal.target_groups}


def check_codes(codes: frozenset[str] | set[str], units: Units) -> frozenset[str]:
    """The codes, if every one is a municipality code; else `UnknownUnitError` naming them."""
    unknown = sorted(set(codes) - set(units.municipalities.index))
    if unknown:
        raise UnknownUnitError(f"unknown municipality code {', '.join(unknown)}")
    return frozenset(codes)


def parse_unit(text: str, units: Units) -> frozenset[str]:
    """The municipality codes of a unit written `KIND:NAME` (e.g. `safety_region:VR17`,
    `province:Utrecht`, `police-unit:Rotterdam`, `municipality:Ede`).

    Raises `UnknownUnitError` for an unknown kind or name, with the names that exist.
    """
    kind_text, separator, name = text.partition(":")
    kind = UNIT_KIND_NAMES.get(kind_text.strip().lower())
    if not separator or kind is None:
        raise UnknownUnitError(
            f"'{text}' is not KIND:NAME with KIND one of safety_region, province, police_unit, "
            "municipality")
    name = name.strip()
    names = units.names_of(kind)
    if name not in names:
        folded = {spelling.casefold(): spelling for spelling in names}
        if name.casefold() not in folded:
            known = sorted(set(names.values())) if kind in ("province", "police_unit") else []
            hint = f"; choose from {', '.join(known)}" if known else ""
            raise UnknownUnitError(f"unknown {kind} '{name}'{hint}")
        name = folded[name.casefold()]
    return units.codes_of(kind, name)


def entry_area(coverage: Coverage, entry_id: str) -> frozenset[str]:
    """The municipalities of an existing entry's area: a proposal's starting point."""
    if entry_id not in coverage.areas:
        raise UnknownUnitError(f"unknown entry '{entry_id}'")
    return coverage.areas[entry_id]


def toggle(codes: frozenset[str], code: str) -> frozenset[str]:
    """The set with `code` added, or removed when it was in it (a click on the map)."""
    return codes - {code} if code in codes else codes | {code}


def _proposal_rows(proposal: Proposal) -> pd.DataFrame:
    """The proposal as assignment rows, one per municipality (a regional contact)."""
    rows = [(code, PROPOSAL_ID, 0, proposal.organisation, proposal.organisation,
             proposal.target_group, False) for code in sorted(proposal.municipalities)]
    return pd.DataFrame(rows, columns=ASSIGNMENT_COLUMNS)


def _counts(table: pd.DataFrame) -> dict[Status, StatusCount]:
    (national,) = coverage_figures(table, "national").to_dict("records")
    return {status: StatusCount(int(national[f"municipalities_{status}"]),
                                int(national[f"population_{status}"])) for status in STATUSES}


def evaluate(coverage: Coverage, proposal: Proposal) -> WhatIf:
    """The border-rule verdict, the gain, the change per status and the overlaps of a proposal
    against a snapshot's coverage. Raises `UnknownUnitError` for an unknown code and
    `ValueError` for an empty proposal."""
    codes = check_codes(proposal.municipalities, coverage.units)
    if not codes:
        raise ValueError("a proposal needs at least one municipality")
    kind, regions = classify_codes(codes, coverage.units)
    organisations = (proposal.organisation,) if proposal.organisation else ()
    finding = AreaFinding(PROPOSAL_ID, proposal.name, organisations, kind, regions)

    table = coverage.units.municipalities
    before = coverage.municipalities
    proposed = _proposal_rows(proposal)
    after_rows = pd.concat([coverage.assignments, proposed], ignore_index=True)
    after = table.join(municipality_status(table.index, after_rows))
    inside = sorted(codes)
    served = set(proposal.target_groups)
    gained = tuple(code for code in inside
                   if served & set(coverage.uncovered_groups[code]))

    existing = by_target_group(coverage.assignments.loc[
        ~coverage.assignments["is_comensha"].astype(bool)
        & coverage.assignments["municipality"].isin(codes)])
    existing = existing.loc[existing["target_group"].isin(served)]
    shared = existing.groupby(["municipality", "target_group"]).agg(
        entry_ids=("entry_id", lambda ids: tuple(sorted(set(ids)))),
        organisations=("organisation", lambda names: tuple(sorted(set(names.dropna())))),
    ).reset_index()
    return WhatIf(
        proposal=proposal,
        finding=finding,
        verdict=verdict_of(finding),
        gained=gained,
        gained_population=int(table.loc[list(gained), "population"].sum()),
        status_before=before.loc[inside, "status"],
        status_after=after.loc[inside, "status"],
        counts_before=_counts(before),
        counts_after=_counts(after),
        overlaps=shared,
    )
