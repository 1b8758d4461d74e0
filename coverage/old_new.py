"""What an edit changes, field by field: old → new per changed contact, and the municipalities
whose answer changes. One computation for the edit page's preview (`ui.edit.preview`), the
drafts a publisher publishes (`ui.edit.publish`) and the review of `python -m coverage import`
(`registry.review`).

Entries are matched by id. Within an entry, contacts are matched by organisation and target
group first (so reordering them changes nothing), then the rest in order (so a renamed
organisation is a change of its name, not a removal and an addition). Every field of the schema
is compared, so a field added to `coverage.schema` is shown without a change here. Values are
given as text: a phone number as written, a list one item per value, a yes/no as `true` or
`false`, a date as `YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel

from coverage.changes import compare
from coverage.engine import Coverage
from coverage.phones import Phone
from coverage.schema import AreaExpression, Contact, Entry, Localised

Kind = Literal["changed", "added", "removed"]
_ENTRY_SKIPPED = ("id", "contacts")


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after, as text (an empty tuple: no value)."""

    field: str
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class ContactChange:
    """One contact that changed, was added or removed, with every field that differs."""

    kind: Kind
    organisation: str | None
    """The organisation (as named, else as inferred): the new one, else the old one."""
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class EntryChange:
    """One entry that changed, was added or removed: its own fields that differ, its contacts
    that differ, and the municipalities of its area (before or after) whose answer changes."""

    entry_id: str
    kind: Kind
    fields: tuple[FieldChange, ...]
    contacts: tuple[ContactChange, ...]
    municipalities: tuple[tuple[str, str], ...]
    """`(code, name)` in name order."""


def value_text(value: Any) -> tuple[str, ...]:
    """A field's value as lines of text.

    >>> value_text(None), value_text("GGD"), value_text(True)
    ((), ('GGD',), ('true',))
    >>> value_text([Phone(display="010 - 2365212", e164="+31102365212")])
    ('010 - 2365212',)
    >>> value_text(datetime.date(2026, 12, 3))
    ('2026-12-03',)
    """
    if value is None:
        return ()
    if isinstance(value, bool):
        return ("true" if value else "false",)
    if isinstance(value, Phone):
        return (value.display,)
    if isinstance(value, list | tuple):
        return tuple(line for item in value for line in value_text(item))
    if isinstance(value, Localised):
        return (f"nl: {value.nl}", f"en: {value.en}")
    if isinstance(value, AreaExpression):
        return tuple(f"{side}: {ref.kind}: {ref.value}"
                     for side, refs in (("include", value.include), ("exclude", value.exclude))
                     for ref in refs)
    if isinstance(value, datetime.date):
        return (value.isoformat(),)
    if isinstance(value, BaseModel):
        return (json.dumps(value.model_dump(mode="json"), ensure_ascii=False, sort_keys=True),)
    return (str(value),)


def field_changes(before: BaseModel | None, after: BaseModel | None,
                  skipped: tuple[str, ...] = ()) -> tuple[FieldChange, ...]:
    """Every field of two models of one kind whose value differs (one of them may be None:
    added or removed, then every field with a value), in the schema's order.

    >>> a = Contact(organisation="GGD", phones=["010 - 2365212"])
    >>> b = Contact(organisation="GGD", phones=["010-1234567"])
    >>> field_changes(a, b)
    (FieldChange(field='phones', old=('010 - 2365212',), new=('010-1234567',)),)
    """
    model = type(after if after is not None else before)
    changes = []
    for name in model.model_fields:
        if name in skipped:
            continue
        old = value_text(getattr(before, name)) if before is not None else ()
        new = value_text(getattr(after, name)) if after is not None else ()
        if old != new:
            changes.append(FieldChange(name, old, new))
    return tuple(changes)


def _pairs(before: list[Contact], after: list[Contact]
           ) -> list[tuple[Contact | None, Contact | None]]:
    """Contacts matched by organisation and target group, then the rest in order."""
    left, right = list(before), list(after)
    pairs: list[tuple[Contact | None, Contact | None]] = []
    for contact in list(right):
        match = next((old for old in left if (old.effective_organisation, old.target_group)
                      == (contact.effective_organisation, contact.target_group)), None)
        if match is not None:
            left.remove(match)
            right.remove(contact)
            pairs.append((match, contact))
    pairs += list(zip(left, right, strict=False))
    common = min(len(left), len(right))
    pairs += [(old, None) for old in left[common:]] + [(None, new) for new in right[common:]]
    return pairs


def contact_changes(before: Entry | None, after: Entry | None) -> tuple[ContactChange, ...]:
    """The contacts of one entry that changed, were added or removed."""
    changes = []
    for old, new in _pairs(before.contacts if before else [], after.contacts if after else []):
        fields = field_changes(old, new)
        if not fields:
            continue
        kind: Kind = "added" if old is None else "removed" if new is None else "changed"
        shown = new if new is not None else old
        changes.append(ContactChange(kind, shown.effective_organisation, fields))
    return tuple(changes)


def entry_changes(before: Coverage, after: Coverage,
                  compared: pd.DataFrame | None = None) -> list[EntryChange]:
    """Every entry that differs between two coverages (in the order of `after`, removed ones
    last), with its fields and contacts old → new and the municipalities whose answer
    changes (`compared`: `coverage.changes.compare(before, after)`, when already made)."""
    old = {entry.id: entry for entry in before.snapshot.entries}
    new = {entry.id: entry for entry in after.snapshot.entries}
    ids = [*new, *(entry_id for entry_id in old if entry_id not in new)]
    table = compare(before, after) if compared is None else compared
    changed = dict(zip(table["code"], table["name"], strict=True))
    result = []
    for entry_id in ids:
        first, second = old.get(entry_id), new.get(entry_id)
        if first == second:
            continue
        kind: Kind = "added" if first is None else "removed" if second is None else "changed"
        area = before.areas.get(entry_id, frozenset()) | after.areas.get(entry_id, frozenset())
        served = sorted(((code, changed[code]) for code in area if code in changed),
                        key=lambda item: (item[1], item[0]))
        change = EntryChange(entry_id, kind, field_changes(first, second, _ENTRY_SKIPPED),
                             contact_changes(first, second), tuple(served))
        if change.fields or change.contacts or change.municipalities:  # not only reordered
            result.append(change)
    return result


def _values(values: tuple[str, ...]) -> str:
    return " | ".join(values) if values else "(none)"


def old_new_lines(changes: list[EntryChange]) -> list[str]:
    """The changes as lines of text for the terminal: per entry, per contact, `field: old ->
    new`, then the municipalities whose answer changes.

    >>> a = Contact(organisation="GGD", phones=["010 - 2365212"])
    >>> b = Contact(organisation="GGD", phones=["010-1234567"])
    >>> change = EntryChange("rotterdam", "changed", (),
    ...     (ContactChange("changed", "GGD", field_changes(a, b)),), (("GM0599", "Rotterdam"),))
    >>> print("\\n".join(old_new_lines([change])))
      - rotterdam (changed)
        contact GGD (changed)
          phones: 010 - 2365212 -> 010-1234567
        answer changes in 1 municipality: Rotterdam
    """
    lines = []
    for entry in changes:
        lines.append(f"  - {entry.entry_id} ({entry.kind})")
        lines += [f"      {field.field}: {_values(field.old)} -> {_values(field.new)}"
                  for field in entry.fields]
        for contact in entry.contacts:
            lines.append(f"    contact {contact.organisation or '(no organisation)'} "
                         f"({contact.kind})")
            lines += [f"      {field.field}: {_values(field.old)} -> {_values(field.new)}"
                      for field in contact.fields]
        names = [name for _, name in entry.municipalities]
        noun = "municipality" if len(names) == 1 else "municipalities"
        lines.append(f"    answer changes in {len(names)} {noun}"
                     + (f": {', '.join(names)}" if names else ""))
    return lines
