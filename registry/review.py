"""What a new version would change: entries added, removed and changed, every changed field
old -> new per contact (`coverage.old_new`, as the edit page shows it), and municipalities
whose status or contacts change (`coverage.changes.compare`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from coverage.changes import compare
from coverage.engine import Coverage
from coverage.old_new import EntryChange, old_new_lines
from coverage.old_new import entry_changes as old_new_changes
from coverage.schema import Entry, Snapshot
from geodata import Units
from registry.documents import Document


@dataclass(frozen=True)
class Review:
    """The difference between a base document and a proposed one."""

    added: list[Entry]
    removed: list[Entry]
    changed: list[tuple[Entry, Entry]]
    fallback_changed: bool
    municipalities: pd.DataFrame
    """One row per municipality that changes (`coverage.changes.compare`)."""
    old_new: list[EntryChange] = field(default_factory=list)
    """Every changed entry's fields and contacts old -> new (`coverage.old_new`)."""

    @property
    def is_empty(self) -> bool:
        """Whether nothing at all would change."""
        return not (self.added or self.removed or self.changed or self.fallback_changed
                    or len(self.municipalities))


def entry_changes(before: Snapshot, after: Snapshot
                  ) -> tuple[list[Entry], list[Entry], list[tuple[Entry, Entry]]]:
    """Entries added, removed, and changed (same id, other content), in register order."""
    old = {entry.id: entry for entry in before.entries}
    new = {entry.id: entry for entry in after.entries}
    added = [entry for entry in after.entries if entry.id not in old]
    removed = [entry for entry in before.entries if entry.id not in new]
    changed = [(old[entry.id], entry) for entry in after.entries
               if entry.id in old and old[entry.id] != entry]
    return added, removed, changed


def review(base: Document, proposed: Document, units: Units) -> Review:
    """Compare a proposed document with the base it replaces."""
    added, removed, changed = entry_changes(base.snapshot, proposed.snapshot)
    before = Coverage(base.snapshot, base.fallback, units)
    after = Coverage(proposed.snapshot, proposed.fallback, units)
    municipalities = compare(before, after)
    return Review(added=added, removed=removed, changed=changed,
                  fallback_changed=base.fallback != proposed.fallback,
                  municipalities=municipalities,
                  old_new=old_new_changes(before, after, municipalities))


def _entry_line(entry: Entry) -> str:
    organisations = ", ".join(entry.organisations) or "no organisation"
    return f"{entry.id} ({entry.area_wording}; {organisations})"


def _contacts_text(contacts: tuple) -> str:
    return "; ".join(f"{organisation or '?'} [{group}] {' '.join(phones)}"
                     for organisation, group, phones in contacts) or "none"


def review_lines(result: Review, base_number: int) -> list[str]:
    """The review as lines of text for the terminal."""
    if result.is_empty:
        return [f"No changes against version {base_number}."]
    lines = [f"Changes against version {base_number}:"]
    for title, entries in (("Entries added", result.added), ("Entries removed", result.removed)):
        if entries:
            lines.append(f"{title} ({len(entries)}):")
            lines += [f"  - {_entry_line(entry)}" for entry in entries]
    if result.changed:
        lines.append(f"Entries changed ({len(result.changed)}):")
        for before, after in result.changed:
            fields = [name for name in type(after).model_fields
                      if getattr(before, name) != getattr(after, name)]
            lines.append(f"  - {after.id}: {', '.join(fields)}")
    if result.old_new:
        lines.append("Old -> new, per entry and contact:")
        lines += old_new_lines(result.old_new)
    if result.fallback_changed:
        lines.append("The national fallback changed.")
    table = result.municipalities
    lines.append(f"Municipalities whose status or contacts change ({len(table)}):")
    for row in table.itertuples():
        status = (row.status_before if row.status_before == row.status_after
                  else f"{row.status_before} -> {row.status_after}")
        lines.append(f"  - {row.name} ({row.code}): {row.change}, {status}; contacts "
                     f"{_contacts_text(row.contacts_before)} -> "
                     f"{_contacts_text(row.contacts_after)}")
    return lines
