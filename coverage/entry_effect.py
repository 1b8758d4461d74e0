"""The effect of changing, adding or removing one entry: what an editor sees before saving.

`before` is the newest published version's coverage, `after` the coverage with the edit. The
entry's area is judged as a what-if proposal (`coverage.whatif.evaluate`: the border-rule verdict
and the overlaps with other coordinators), and the national count per status before and after is
exact (each coverage evaluated on its own). `changes` lists every municipality whose status or
contacts change (`coverage.changes.compare`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from coverage.changes import compare
from coverage.engine import Coverage
from coverage.schema import Entry, TargetGroup
from coverage.status import Status
from coverage.verdict import BorderVerdict
from coverage.whatif import Proposal, StatusCount, evaluate


@dataclass(frozen=True, eq=False)
class EntryEffect:
    """What one edited entry changes (see the module)."""

    entry_id: str
    removed: bool
    verdict: BorderVerdict
    """The border rule on the entry's area (as it was, when the entry is removed)."""
    overlaps: pd.DataFrame
    """Municipalities where another entry's regional coordinator serves the same target group."""
    counts_before: dict[Status, StatusCount]
    counts_after: dict[Status, StatusCount]
    changes: pd.DataFrame


def target_group_of(entry: Entry) -> TargetGroup:
    """The target group an entry serves as a whole: one age group when every contact serves
    only that one, else `all`.

    >>> from coverage.schema import Contact, AreaExpression, UnitRef
    >>> area = AreaExpression(include=[UnitRef(municipality="Ede")])
    >>> target_group_of(Entry(id="x", area_wording="x", area=area,
    ...     contacts=[Contact(organisation="A", target_group="under_23")]))
    'under_23'
    """
    groups = {contact.target_group for contact in entry.contacts}
    return groups.pop() if len(groups) == 1 else "all"


def proposal_of(entry: Entry, codes: frozenset[str]) -> Proposal:
    """An entry as a what-if proposal (its first organisation, if any)."""
    return Proposal(entry.area_wording, next(iter(entry.organisations), None),
                    target_group_of(entry), codes)


def entry_effect(before: Coverage, after: Coverage, entry_id: str) -> EntryEffect:
    """The effect of the edit that turned `before` into `after` on entry `entry_id`."""
    removed = entry_id not in after.areas
    side = before if removed else after
    proposal = proposal_of(side.entry(entry_id), side.areas[entry_id])
    judged = evaluate(before, proposal)
    overlaps = judged.overlaps.loc[judged.overlaps["entry_ids"].map(
        lambda ids: set(ids) != {entry_id})].reset_index(drop=True)
    return EntryEffect(entry_id, removed, judged.verdict, overlaps, judged.counts_before,
                       evaluate(after, proposal).counts_before, compare(before, after))
