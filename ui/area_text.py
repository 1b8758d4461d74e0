"""Say in words how an entry's area was read: "veiligheidsregio Twente zonder gemeente Zwolle"."""

from __future__ import annotations

from coverage.schema import AreaExpression, Snapshot, UnitRef
from ui.i18n import Translator


def _unit_text(ref: UnitRef, t: Translator, wordings: dict[str, str]) -> str:
    name = wordings.get(ref.value, ref.value) if ref.kind == "entry" else ref.value
    return t(f"unit_{ref.kind}", name=name)


def _joined(parts: list[str], t: Translator) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {t('area_and')} {parts[-1]}"


def describe_area(area: AreaExpression, t: Translator, wordings: dict[str, str]) -> str:
    """The area expression as a sentence fragment; `wordings` maps entry ids to their wording."""
    text = _joined([_unit_text(ref, t, wordings) for ref in area.include], t)
    if area.exclude:
        text += f" {t('area_without')} " + _joined(
            [_unit_text(ref, t, wordings) for ref in area.exclude], t)
    return text


def interpretations(snapshot: Snapshot, t: Translator) -> dict[str, str]:
    """Every entry id of a snapshot mapped to the words for its area."""
    wordings = {entry.id: entry.area_wording for entry in snapshot.entries}
    return {entry.id: describe_area(entry.area, t, wordings) for entry in snapshot.entries}
