"""The check as work: every contact of a version with when it was last checked, oldest first.

A contact is one of an entry's contacts (named by the entry's id and its position) or the
national fallback, CoMensha. The list orders never-checked contacts first (in register order,
the fallback first), then the others by the day they were checked, oldest first; `due_only`
keeps those due for a check (`coverage.check_age`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from coverage.check_age import CheckAge
from coverage.engine import Coverage
from coverage.phones import Phone

FALLBACK_ID = "fallback"
"""How the list names the national fallback where it names an entry for other contacts."""


@dataclass(frozen=True)
class ContactCheck:
    """One contact with its last check and the municipalities it serves."""

    entry_id: str | None
    """The entry that lists the contact; None for the national fallback."""
    contact_index: int | None
    """The contact's position in its entry (0-based); None for the fallback."""
    area_wording: str | None
    organisation: str | None
    phones: tuple[Phone, ...]
    municipalities: tuple[str, ...]
    """Codes of the municipalities it serves (for the fallback: those that call it as the
    fallback, wholly or for one age group), in the municipality table's order."""
    verified_on: datetime.date | None
    verified_by: str | None
    due: bool

    @property
    def is_fallback(self) -> bool:
        """Whether this is the national fallback."""
        return self.entry_id is None

    def age_days(self, today: datetime.date) -> int | None:
        """Days since the last check on `today` (None: never checked)."""
        return (today - self.verified_on).days if self.verified_on else None

    def to_json(self, names: dict[str, str], today: datetime.date) -> dict[str, Any]:
        """The public JSON shape of `stale --json` (`names`: display name per code)."""
        return {
            "entry_id": self.entry_id if self.entry_id is not None else FALLBACK_ID,
            "contact": self.contact_index,
            "area_wording": self.area_wording,
            "organisation": self.organisation,
            "phones": [phone.to_json() for phone in self.phones],
            "verified_on": self.verified_on.isoformat() if self.verified_on else None,
            "verified_by": self.verified_by,
            "age_days": self.age_days(today),
            "due_for_check": self.due,
            "municipalities": [{"code": code, "name": names[code]}
                               for code in self.municipalities],
        }


def contact_checks(coverage: Coverage, checks: CheckAge, *,
                   due_only: bool = False) -> list[ContactCheck]:
    """Every contact of the coverage's snapshot and the fallback, never checked first, then
    oldest check first (ties in register order); with `due_only`, only those due on
    `checks.today`."""
    table = coverage.municipalities
    order = {code: position for position, code in enumerate(table.index)}
    served: dict[tuple[str, int], list[str]] = {}
    rows = coverage.assignments
    for code, entry_id, index in zip(rows["municipality"], rows["entry_id"], rows["contact"],
                                     strict=True):
        served.setdefault((entry_id, int(index)), []).append(code)
    fallback = coverage.fallback
    uncovered = coverage.uncovered_groups
    found = [ContactCheck(None, None, None, fallback.organisation, tuple(fallback.phones),
                          tuple(code for code in table.index if len(uncovered[code])),
                          fallback.verified_on, fallback.verified_by,
                          checks.is_due(fallback.verified_on))]
    for entry in coverage.snapshot.entries:
        for index, contact in enumerate(entry.contacts):
            codes = sorted(served.get((entry.id, index), []), key=order.__getitem__)
            found.append(ContactCheck(entry.id, index, entry.area_wording,
                                      contact.effective_organisation, tuple(contact.phones),
                                      tuple(codes), contact.verified_on, contact.verified_by,
                                      checks.is_due(contact.verified_on)))
    ranked = sorted(enumerate(found), key=lambda pair: (
        pair[1].verified_on is not None, pair[1].verified_on or datetime.date.min, pair[0]))
    listed = [check for _, check in ranked]
    return [check for check in listed if check.due] if due_only else listed


def due_count(coverage: Coverage, checks: CheckAge) -> tuple[int, int]:
    """How many contacts (the fallback included) are due for a check, and how many there are."""
    every = contact_checks(coverage, checks)
    return sum(check.due for check in every), len(every)
