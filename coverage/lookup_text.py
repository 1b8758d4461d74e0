"""The text of `python -m coverage lookup`: the command's own words in English (the default,
unchanged since the command's first version) or wholly in Dutch with `--lang nl`.

The answer itself is decided in `coverage.answer`; this module only words it. Source
wording (area, organisation) is quoted as written, in either language.

>>> from coverage.lookup_text import LOOKUP_WORDS
>>> LOOKUP_WORDS["nl"]["status"].format(status="Regionale zorgcoördinator")
'Status: Regionale zorgcoördinator'
"""

from __future__ import annotations

from coverage.answer import Answer
from coverage.phones import phones_text
from coverage.schema import Language

LOOKUP_WORDS: dict[Language, dict[str, str]] = {
    "en": {
        "heading": "{name} ({code}), safety region {region}, {province}, police unit {unit}",
        "status": "Status: {status}",
        "call": "- {organisation}{group}: {phones}  (area: {area})",
        "group": " [{group}]",
        "no_organisation": "(no organisation named)",
        "note": "  note: {note}",
        "without_contact": "- listed as '{area}' without a contact",
        "fallback": "Call {organisation}: {phones}",
        "uncovered": "No regional coordinator for {group}: call {organisation}: {phones}",
        "under_23": "victims under 23",
        "23_plus": "victims aged 23 and over",
        "postcode": "postcode {name} ({places})",
        "lies_in": "{where} lies in {name}",
        "or": " or ",
    },
    "nl": {
        "heading": "{name} ({code}), veiligheidsregio {region}, provincie {province}, "
                   "politie-eenheid {unit}",
        "status": "Status: {status}",
        "call": "- {organisation}{group}: {phones}  (gebied: {area})",
        "group": " [{group}]",
        "no_organisation": "(geen organisatie genoemd)",
        "note": "  toelichting: {note}",
        "without_contact": "- genoemd als '{area}' zonder contactgegevens",
        "fallback": "Bel {organisation}: {phones}",
        "uncovered": "Geen regionale zorgcoördinator voor {group}: bel {organisation}: "
                     "{phones}",
        "under_23": "slachtoffers jonger dan 23",
        "23_plus": "slachtoffers van 23 jaar en ouder",
        "postcode": "postcode {name} ({places})",
        "lies_in": "{where} ligt in {name}",
        "or": " of ",
    },
}
"""Every word `lookup` prints itself, per language."""

_GROUP_WORDS: dict[Language, dict[str, str]] = {
    "en": {"under_23": "under_23", "23_plus": "23_plus"},
    "nl": {"under_23": "jonger dan 23", "23_plus": "23 en ouder"},
}
"""A target group in a contact line: the register's key in English (as always), words in
Dutch."""


def via_line(kind: str, name: str, places: list[str], municipality: str,
             language: Language) -> str:
    """The line before an answer found through a place or postcode.

    >>> via_line("postcode", "2132", ["Hoofddorp"], "Haarlemmermeer", "nl")
    'postcode 2132 (Hoofddorp) ligt in Haarlemmermeer'
    """
    words = LOOKUP_WORDS[language]
    where = (words["postcode"].format(name=name, places=", ".join(places))
             if kind == "postcode" else name)
    return words["lies_in"].format(where=where, name=municipality)


def answer_lines(answer: Answer, language: Language) -> list[str]:
    """An answer as lines of text, every word the command's own in `language`, the notes in
    `language` too (once per area)."""
    words = LOOKUP_WORDS[language]
    town = answer.municipality
    lines = [words["heading"].format(name=town.display_name, code=town.code,
                                     region=answer.safety_region.name,
                                     province=answer.province, unit=answer.police_unit),
             words["status"].format(status=answer.status_label(language))]
    noted: set[str] = set()
    for call in answer.listed:
        assert call.area is not None
        group = ("" if call.target_group == "all"
                 else words["group"].format(group=_GROUP_WORDS[language][call.target_group]))
        lines.append(words["call"].format(
            organisation=call.organisation or words["no_organisation"], group=group,
            phones=phones_text(call.phones, words["or"]), area=call.area.wording))
        note = call.area.note_in(language)
        if note and call.area.id not in noted:  # once per area
            noted.add(call.area.id)
            lines.append(words["note"].format(note=note))
    for area in answer.listed_without_contact:
        lines.append(words["without_contact"].format(area=area.wording))
    for call in answer.fallback_calls:
        phones = phones_text(call.phones, words["or"])
        if call.why == "fallback_no_coordinator":
            lines.append(words["fallback"].format(organisation=call.organisation,
                                                  phones=phones))
        else:
            lines.append(words["uncovered"].format(group=words[call.target_group],
                                                   organisation=call.organisation,
                                                   phones=phones))
    return lines
