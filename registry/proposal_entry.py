"""A proposal (`coverage.whatif.Proposal`) as the start of a new register entry: its id and
wording from the proposal's name, its organisation and target group as the first contact, and
its municipalities as named units. The editor completes it (phones, notes) in the edit page's
form, where the register's own rules validate it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from typing import Any

from coverage.whatif import Proposal
from geodata import Units

DEFAULT_ID = "voorstel"
"""The new entry's id when the proposal has no name to make one from."""


def entry_id_from(name: str, taken: Collection[str]) -> str:
    """A register id (lower-case letters, digits and single hyphens) made from `name`, not one
    of `taken` (a number appended where needed).

    >>> entry_id_from("Regio 's-Hertogenbosch & Oss", {"regio-s-hertogenbosch-oss"})
    'regio-s-hertogenbosch-oss-2'
    >>> entry_id_from("<b>", ())
    'b'
    >>> entry_id_from("   ", ())
    'voorstel'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))[:60].strip("-") or DEFAULT_ID
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def municipality_refs(codes: Iterable[str], units: Units) -> list[dict[str, str]]:
    """Area units naming each municipality (in code order) by its common name where that name
    means this municipality only, else by its CBS code."""
    spellings = units.names_of("municipality")
    names = units.municipalities["display_name"]
    return [{"municipality": names[code] if spellings.get(names[code]) == code else code}
            for code in sorted(codes)]


def proposal_entry(proposal: Proposal, taken: Collection[str]) -> dict[str, Any]:
    """The register data of a new entry started from `proposal`, without its area (the edit
    form holds the proposal's municipalities in its list): id, wording and one contact with the
    proposal's organisation (none when "to be decided") and target group."""
    contact: dict[str, Any] = {"organisation": proposal.organisation}
    if proposal.target_group != "all":
        contact["target_group"] = proposal.target_group
    return {"id": entry_id_from(proposal.name, taken), "area_wording": proposal.name,
            "contacts": [contact]}
