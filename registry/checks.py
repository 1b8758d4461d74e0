"""The check of a contact as a draft: "checked today" makes a draft of the contact's entry whose
only change is that contact's `verified_on` (today) and `verified_by` (who checked it), saved
through `registry.drafts.DraftStore.save` like any other change to an entry."""

from __future__ import annotations

import datetime

import yaml

from coverage.schema import Entry
from registry.accounts import Session
from registry.drafts import Draft, DraftError, DraftStore, entry_of
from registry.entry_yaml import entry_data, entry_text


def checked_entry_text(entry_yaml: str, contact_index: int, today: datetime.date,
                       name: str) -> str:
    """An entry's YAML (as `registry.drafts.entry_of` writes it) with contact `contact_index`
    checked on `today` by `name`; every other line as it was."""
    entry = Entry.model_validate(yaml.safe_load(entry_yaml))
    if not 0 <= contact_index < len(entry.contacts):
        raise DraftError(f"entry '{entry.id}' has no contact {contact_index + 1}")
    contacts = list(entry.contacts)
    contacts[contact_index] = contacts[contact_index].model_copy(
        update={"verified_on": today, "verified_by": name})
    return entry_text(entry_data(entry.model_copy(update={"contacts": contacts})))


def save_checked_today(store: DraftStore, session: Session | None, *, entry_id: str,
                       contact_index: int, today: datetime.date, comment: str = "") -> Draft:
    """Save a draft on the newest version whose only change is that the contact was checked
    `today` by the signed-in account (an editor's session; the store checks the role)."""
    signed_in = store.accounts.authorise(session, "editor")
    base = store.versions.newest_number() or 0
    current = entry_of(store.versions.texts(base)[0], entry_id)
    if current is None:
        raise DraftError(f"version {base} has no entry '{entry_id}'")
    text = checked_entry_text(current, contact_index, today, signed_in.name)
    return store.save(signed_in, entry_id=entry_id, action="change", entry_yaml=text,
                      base=base, comment=comment)
