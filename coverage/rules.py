"""Domain rules a register must keep beyond its schema, as pure checks over a snapshot.

- every contact gives someone to call: an organisation (named or inferred) or a phone number;
- CoMensha is written `CoMensha`: a name that spells it otherwise (`Comensha`, `CO MENSHA`,
  `CoMensha helpdesk`) or CoMensha's own number under another name (or under no name) would
  count CoMensha as a regional coordinator, so it is refused unless the contact says explicitly
  what it is (`comensha: true` or `comensha: false`, explained in the entry's note);
- every area resolves to at least one municipality.

Each check returns `Problem`s located like pydantic errors (`("entries", 2, "contacts", 0,
"organisation")`), so the register loader can name file, line, entry and field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coverage.phones import Phone
from coverage.schema import COMENSHA, Contact, Snapshot

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (a validation location) and what."""

    loc: Location
    message: str


def names_comensha(name: str) -> bool:
    """Whether a name contains "comensha", ignoring case, spaces and punctuation.

    >>> [names_comensha(name) for name in ("Co Mensha", "COMENSHA-helpdesk", "Moviera")]
    [True, True, False]
    """
    return "comensha" in re.sub(r"[\W_]", "", name.casefold())


def _spelling_problem(contact: Contact, loc: Location) -> Problem | None:
    for field in ("organisation", "inferred_organisation"):
        name = getattr(contact, field)
        if name and name != COMENSHA and names_comensha(name):
            return Problem((*loc, field), (
                f"'{name}' names CoMensha with other letters: write '{COMENSHA}', or say "
                "explicitly what the contact is with 'comensha: true' (it is CoMensha) or "
                "'comensha: false' (another organisation), explained in the entry's note"))
    return None


def _number_problem(contact: Contact, comensha_numbers: Mapping[str, Phone],
                    loc: Location) -> Problem | None:
    if contact.effective_organisation == COMENSHA:
        return None
    for index, phone in enumerate(contact.phones):
        if phone.e164 in comensha_numbers:
            named = contact.effective_organisation
            under = f"under the organisation '{named}'" if named else "without an organisation"
            return Problem((*loc, "phones", index), (
                f"{phone.display} ({phone.e164}) is CoMensha's number (the fallback's) but is "
                f"given {under}: name the organisation '{COMENSHA}' (or inferred_organisation "
                f"'{COMENSHA}'), or say explicitly what the contact is with 'comensha: true' or "
                "'comensha: false', explained in the entry's note"))
    return None


def contact_problems(snapshot: Snapshot, comensha_phones: Iterable[Phone]) -> list[Problem]:
    """Contacts with no one to call, and CoMensha disguised by spelling or by number.

    `comensha_phones` are CoMensha's numbers (the fallback's); they are compared in E.164.
    """
    comensha_numbers = {phone.e164: phone for phone in comensha_phones}
    problems: list[Problem] = []
    for entry_index, entry in enumerate(snapshot.entries):
        for contact_index, contact in enumerate(entry.contacts):
            loc: Location = ("entries", entry_index, "contacts", contact_index)
            if contact.effective_organisation is None and not contact.phones:
                problems.append(Problem(loc, (
                    "a contact needs an organisation (or inferred_organisation) or a phone "
                    "number: this one gives no one to call")))
                continue
            if contact.comensha is not None:
                continue  # said explicitly, with a note (the schema requires it)
            problem = (_spelling_problem(contact, loc)
                       or _number_problem(contact, comensha_numbers, loc))
            if problem:
                problems.append(problem)
    return problems


def empty_area_problems(snapshot: Snapshot,
                        areas: Mapping[str, frozenset[str]]) -> list[Problem]:
    """Entries whose area resolves to no municipality (e.g. it excludes all it includes)."""
    return [
        Problem(("entries", index, "area"),
                "the area resolves to no municipality (every municipality it includes is "
                "excluded)")
        for index, entry in enumerate(snapshot.entries) if not areas[entry.id]
    ]
