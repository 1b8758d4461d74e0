"""Say in words how an entry's area was read: "veiligheidsregio Twente zonder gemeente Zwolle"
(the words and the reading are `coverage.area_reading`'s)."""

from __future__ import annotations

from coverage.area_reading import readings
from coverage.schema import Snapshot
from ui.text.i18n import Translator


def interpretations(snapshot: Snapshot, t: Translator) -> dict[str, str]:
    """Every entry id of a snapshot mapped to the words for its area, in the page's language."""
    return {entry_id: reading.in_language(t.language)
            for entry_id, reading in readings(snapshot).items()}
