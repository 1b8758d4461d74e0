"""A proposal in the page's address, and back: pure functions, no Streamlit.

Parameters: `voorstel` (municipality codes, comma-separated, e.g. `GM0599,GM0505`), `naam`,
`organisatie` (absent: to be decided), `doelgroep` (`all`, `under_23` or `23_plus`; absent:
`all`), and `vergelijk` (repeatable): a proposal kept for comparison, as compact JSON
`{"naam": …, "organisatie": …, "doelgroep": …, "voorstel": "GM…,GM…"}`.

Everything read from the address is checked: unknown codes are dropped (and reported), text is
cut to `MAX_TEXT` characters, a comparison that does not parse is dropped; a comparison is
bounded in length and nesting before it is parsed (`ui.url_parameters`). The text stays text:
the page shows it through `ui.text.plain_text` only.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from coverage.schema import TargetGroup
from coverage.whatif import Proposal
from ui.map.click import MUNICIPALITY_CODE
from ui.url_parameters import compared_value, compared_values

CODES = "voorstel"
NAME = "naam"
ORGANISATION = "organisatie"
TARGET_GROUP = "doelgroep"
COMPARE = "vergelijk"
PARAMETERS = (CODES, NAME, ORGANISATION, TARGET_GROUP, COMPARE)
"""Every parameter of the proposal page."""

TARGET_GROUPS: tuple[TargetGroup, ...] = ("all", "under_23", "23_plus")
MAX_TEXT = 300
"""The longest name or organisation kept from an address."""
MAX_CODES_TEXT = 4000
"""The longest list of codes read (every municipality takes 2,400 characters)."""
MAX_COMPARED = 8
"""The most proposals kept for comparison."""


@dataclass(frozen=True)
class ReadProposal:
    """A proposal read from the address, with the codes it named that do not exist."""

    proposal: Proposal
    unknown_codes: tuple[str, ...] = ()


def codes_text(codes: Collection[str]) -> str:
    """`GM0505,GM0599`: the codes sorted, comma-separated."""
    return ",".join(sorted(codes))


def read_codes(text: str, known: Collection[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The known municipality codes in a comma-separated text, and the parts that are not."""
    parts = [part.strip().upper() for part in text.split(",") if part.strip()]
    good = frozenset(part for part in parts if MUNICIPALITY_CODE.fullmatch(part)
                     and part in known)
    return good, tuple(dict.fromkeys(part for part in parts if part not in good))


def _text(value: object) -> str:
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def read_proposal(params: Mapping[str, str], known: Collection[str]) -> ReadProposal:
    """The proposal the address names (empty when it names none)."""
    raw = params.get(CODES, "")
    codes, unknown = read_codes(raw if isinstance(raw, str) and len(raw) <= MAX_CODES_TEXT
                                else "", known)
    group = params.get(TARGET_GROUP, "all")
    organisation = _text(params.get(ORGANISATION, "")).strip()
    return ReadProposal(
        Proposal(name=_text(params.get(NAME, "")).strip(), organisation=organisation or None,
                 target_group=group if group in TARGET_GROUPS else "all",
                 municipalities=codes),
        unknown)


def proposal_params(proposal: Proposal) -> dict[str, str]:
    """The parameters that name a proposal (only those that differ from an empty one)."""
    params = {CODES: codes_text(proposal.municipalities), NAME: proposal.name,
              ORGANISATION: proposal.organisation or "",
              TARGET_GROUP: "" if proposal.target_group == "all" else proposal.target_group}
    return {name: value for name, value in params.items() if value}


def encode(proposal: Proposal) -> str:
    """A proposal as one `vergelijk` value."""
    return json.dumps({NAME: proposal.name, ORGANISATION: proposal.organisation,
                       TARGET_GROUP: proposal.target_group,
                       CODES: codes_text(proposal.municipalities)},
                      ensure_ascii=False, separators=(",", ":"))


def decode(text: str, known: Collection[str]) -> Proposal | None:
    """A `vergelijk` value as a proposal; None for anything that is not one (or is empty)."""
    # Bounded before it is parsed: length and depth (json.loads recurses per level).
    bounded = compared_value(text)
    try:
        value = json.loads(bounded) if bounded is not None else None
    except ValueError:
        return None
    if not isinstance(value, dict) or not isinstance(value.get(CODES), str):
        return None
    organisation = value.get(ORGANISATION)
    read = read_proposal({CODES: value[CODES], NAME: _text(value.get(NAME)),
                          ORGANISATION: _text(organisation),
                          TARGET_GROUP: _text(value.get(TARGET_GROUP))}, known)
    return read.proposal if read.proposal.municipalities else None


def read_compared(values: list[str], known: Collection[str]) -> tuple[list[Proposal], bool]:
    """The proposals kept for comparison (at most `MAX_COMPARED`, the bad ones left out), and
    whether any value was left out."""
    fit, dropped = compared_values(values)
    found = [decode(value, known) for value in fit[:MAX_COMPARED]]
    proposals = [proposal for proposal in found if proposal is not None]
    return proposals, dropped or len(proposals) < len(fit)
