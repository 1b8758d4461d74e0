"""How an entry's area was read, in words: "veiligheidsregio Twente zonder gemeente Zwolle".

The words are the one place for the reading of an area in both languages (`ui.text.i18n` refers to
them as `unit_*`, `area_and` and `area_without`).
"""

from __future__ import annotations

from coverage.schema import AreaExpression, Language, Localised, Snapshot, UnitRef

AREA_WORDS: dict[str, dict[Language, str]] = {
    "unit_municipality": {"nl": "gemeente {name}", "en": "municipality of {name}"},
    "unit_safety_region": {"nl": "veiligheidsregio {name}", "en": "safety region {name}"},
    "unit_province": {"nl": "provincie {name}", "en": "province of {name}"},
    "unit_police_unit": {"nl": "politie-eenheid {name}", "en": "police unit {name}"},
    "unit_entry": {"nl": "het gebied ‘{name}’", "en": "the area ‘{name}’"},
    "area_without": {"nl": "zonder", "en": "without"},
    "area_and": {"nl": "en", "en": "and"},
}
"""The words of an area's reading, per key and language."""


def _unit_text(ref: UnitRef, language: Language, wordings: dict[str, str]) -> str:
    name = wordings.get(ref.value, ref.value) if ref.kind == "entry" else ref.value
    return AREA_WORDS[f"unit_{ref.kind}"][language].format(name=name)


def _joined(parts: list[str], language: Language) -> str:
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {AREA_WORDS['area_and'][language]} {parts[-1]}"


def read_area(area: AreaExpression, language: Language, wordings: dict[str, str]) -> str:
    """The area expression as a sentence fragment; `wordings` maps entry ids to their wording.

    >>> from coverage.schema import UnitRef
    >>> area = AreaExpression(include=[UnitRef(safety_region="Twente"),
    ...                                UnitRef(municipality="Zwolle")],
    ...                       exclude=[UnitRef(municipality="Almelo")])
    >>> read_area(area, "nl", {})
    'veiligheidsregio Twente en gemeente Zwolle zonder gemeente Almelo'
    """
    text = _joined([_unit_text(ref, language, wordings) for ref in area.include], language)
    if area.exclude:
        text += f" {AREA_WORDS['area_without'][language]} " + _joined(
            [_unit_text(ref, language, wordings) for ref in area.exclude], language)
    return text


def readings(snapshot: Snapshot) -> dict[str, Localised]:
    """Every entry id of a snapshot mapped to the reading of its area, in both languages."""
    wordings = {entry.id: entry.area_wording for entry in snapshot.entries}
    return {entry.id: Localised(nl=read_area(entry.area, "nl", wordings),
                                en=read_area(entry.area, "en", wordings))
            for entry in snapshot.entries}
