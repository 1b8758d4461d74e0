"""The text of `python -m coverage lookup`: the command's own words in English (the default,
unchanged since the command's first version) or wholly in Dutch with `--lang nl`.

The answer itself is decided in `coverage.answer`; this module only words it. Source
wording (area, organisation) is quoted as written, in either language.

>>> from coverage.lookup_text import LOOKUP_WORDS
>>> LOOKUP_WORDS["nl"]["status"].format(status="Regionale zorgcoördinator")
'Status: Regionale zorgcoördinator'
"""

from __future__ import annotations

import datetime

from coverage.answer import Answer, Call
from coverage.check_age import date_in_words
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
        "or": " or ",
        "checked": "checked on {date} by {name}",
        "not_checked": "not yet checked",
        "due": "{checked}; due for a check",
        "opening_hours": "  opening hours: {value}",
        "after_hours": "  after hours: {value}",
        "email": "  e-mail: {value}",
        "website": "  website: {value}",
        "routes": "Everywhere: {routes}",
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
        "or": " of ",
        "checked": "gecontroleerd op {date} door {name}",
        "not_checked": "nog niet gecontroleerd",
        "due": "{checked}; controle nodig",
        "opening_hours": "  bereikbaar: {value}",
        "after_hours": "  buiten kantoortijd: {value}",
        "email": "  e-mail: {value}",
        "website": "  website: {value}",
        "routes": "Overal: {routes}",
    },
}
"""Every word `lookup` prints itself, per language."""

_GROUP_WORDS: dict[Language, dict[str, str]] = {
    "en": {"under_23": "under_23", "23_plus": "23_plus"},
    "nl": {"under_23": "jonger dan 23", "23_plus": "23 en ouder"},
}
"""A target group in a contact line: the register's key in English (as always), words in
Dutch."""


def checked_text(verified_on: datetime.date | None, verified_by: str | None, due: bool,
                 language: Language = "en") -> str:
    """When a contact was checked: `checked on 3 December 2026 by anna` or `not yet checked`,
    and `due for a check` where a checked one is due (a never-checked one always is).

    >>> checked_text(datetime.date(2026, 12, 3), "anna", False, "nl")
    'gecontroleerd op 3 december 2026 door anna'
    >>> checked_text(None, None, True)
    'not yet checked'
    """
    words = LOOKUP_WORDS[language]
    text = (words["checked"].format(date=date_in_words(verified_on, language), name=verified_by)
            if verified_on else words["not_checked"])
    return words["due"].format(checked=text) if due and verified_on else text


def _contact_details(call: Call, language: Language) -> list[str]:
    """The lines under a contact: its check, then its availability where the register has it."""
    words = LOOKUP_WORDS[language]
    lines = ["  " + checked_text(call.verified_on, call.verified_by, call.due_for_check,
                                 language)]
    known = call.availability
    if known.opening_hours:
        lines.append(words["opening_hours"].format(value=known.opening_hours))
    if known.after_hours_phone:
        lines.append(words["after_hours"].format(value=known.after_hours_phone.written_and_e164))
    if known.email:
        lines.append(words["email"].format(value=known.email))
    if known.website:
        lines.append(words["website"].format(value=known.website))
    return lines


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
        lines.extend(_contact_details(call, language))
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
        lines.extend(_contact_details(call, language))
    if answer.national_routes:
        lines.append(words["routes"].format(routes="; ".join(
            f"{route.label.in_language(language)} {route.phone.display}"
            for route in answer.national_routes)))
    return lines
