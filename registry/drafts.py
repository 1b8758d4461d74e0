"""Drafts of changes to the register's entries, and publishing them as new versions.

An editor's change to one entry (changed, added or removed) is saved as a draft on the version
it was made against (its base). A publisher publishes a draft through the store's publish path,
with its base check: when a version was published after the draft's base, nothing is published,
the draft stays as it was, and `DraftConflictError` carries both texts of the entry (the draft's
and the newest version's) and the entries that changed in between. The editor can then put the
draft on the newest version (`rebase`), having seen what it would overwrite.

Every function that reads or writes drafts takes a `Session` and checks it with
`AccountStore.authorise` first: saving needs an editor (or publisher), publishing a publisher.
Anonymous callers (`None`) and editors who try to publish are refused with a `PermissionError`.

The four-eyes rule (`COVERAGE_FOUR_EYES=1`, or `DraftStore(four_eyes=True)`): a publisher
cannot publish a draft they saved themselves (`OwnDraftError`); another publisher must. It is
enforced here, where the version is written, not only on the page.
"""

from __future__ import annotations

import datetime
import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from sqlalchemy import select, update

from coverage.limits import MAX_COMMENT_CHARS, text_problem
from coverage.schema import Entry
from geodata import Units
from registry.accounts import AccountStore, Session
from registry.database import writing
from registry.documents import Document
from registry.entry_yaml import with_entry
from registry.errors import RegisterError
from registry.review import entry_changes
from registry.store import VersionStore
from registry.tables import Draft as DraftRow
from registry.versions import StaleBaseError, VersionInfo, read_document
from registry.yaml_register import snapshot_from_text

Action = Literal["change", "add", "remove"]
_DRAFTS = DraftRow.__table__
_FIELDS = ("id", "entry_id", "action", "entry_yaml", "base_version", "author", "comment",
           "created_at", "updated_at", "published_version", "published_by")


@dataclass(frozen=True)
class Draft:
    """A saved change to one entry. `entry_id` names the entry it changes or removes (or, when
    added, the new entry's id); `entry_yaml` is the entry as YAML (None when removed)."""

    id: int
    entry_id: str
    action: Action
    entry_yaml: str | None
    base_version: int
    author: str
    comment: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    published_version: int | None
    published_by: str | None


@dataclass(frozen=True)
class Conflict:
    """What was published after a draft's base: the entry's text in the newest version (None
    when it is not there) beside the draft's, their line differences, and every entry changed
    between the base and the newest version."""

    draft: Draft
    newest: int
    newest_text: str | None
    draft_text: str | None
    text_diff: list[str]
    added: list[str]
    removed: list[str]
    changed: list[str]


class DraftConflictError(Exception):
    """A version was published after the draft's base; nothing was published, the draft kept."""

    def __init__(self, conflict: Conflict) -> None:
        self.conflict = conflict
        super().__init__(f"version {conflict.newest} was published after draft "
                         f"{conflict.draft.id}'s base (version {conflict.draft.base_version}); "
                         "nothing was published and the draft is kept")


class DraftError(ValueError):
    """A draft cannot be saved or published as asked (unknown, already published)."""


FOUR_EYES_VARIABLE = "COVERAGE_FOUR_EYES"
"""Environment variable: `1` (or `true`, `yes`, `on`) turns the four-eyes rule on."""


def four_eyes_from_environment() -> bool:
    """Whether `$COVERAGE_FOUR_EYES` turns the four-eyes rule on."""
    return os.environ.get(FOUR_EYES_VARIABLE, "").strip().lower() in ("1", "true", "yes", "on")


class OwnDraftError(PermissionError):
    """Under the four-eyes rule, a publisher tried to publish a draft they saved themselves;
    nothing was published."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        super().__init__(f"draft {draft.id} was saved by {draft.author}: under the four-eyes "
                         "rule another publisher must publish it")


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _draft(row: Any) -> Draft:
    values = dict(zip(_FIELDS, row, strict=True))
    for key in ("created_at", "updated_at"):
        moment = values[key]
        values[key] = moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    return Draft(**values)


def entry_of(snapshot_yaml: str, entry_id: str) -> str | None:
    """One entry's YAML as it stands in a snapshot's text, re-written in the register's format
    (None when the snapshot has no such entry)."""
    from registry.entry_yaml import entry_data, entry_text

    data = yaml.safe_load(snapshot_yaml)
    raw = next((item for item in data.get("entries", []) if item.get("id") == entry_id), None)
    return None if raw is None else entry_text(entry_data(Entry.model_validate(raw)))


class DraftStore:
    """Drafts in the register's database, published through `VersionStore.publish`."""

    def __init__(self, versions: VersionStore, accounts: AccountStore, units: Units, *,
                 four_eyes: bool | None = None) -> None:
        self.versions, self.accounts, self.units = versions, accounts, units
        self._four_eyes = four_eyes

    @property
    def four_eyes(self) -> bool:
        """Whether a publisher may not publish their own drafts (the constructor's choice,
        else `$COVERAGE_FOUR_EYES`, read at every publish)."""
        return four_eyes_from_environment() if self._four_eyes is None else self._four_eyes

    def may_publish(self, session: Session, draft: Draft) -> bool:
        """Whether `session` (a publisher's) may publish `draft` under the four-eyes rule (the
        page hides the button otherwise; `publish` refuses it in any case)."""
        return not (self.four_eyes and draft.author == session.name)

    # --- composing ----------------------------------------------------------------------------

    def compose(self, entry_id: str, entry_yaml: str | None, base: int,
                action: Action = "change") -> Document:
        """Version `base`'s document with the entry changed, added or removed, validated by the
        register's own rules (a `RegisterError` names entry and field)."""
        document = read_document(self.versions, base, self.units)
        name = Path(f"draft on version {base}")
        exists = entry_id in {entry.id for entry in document.snapshot.entries}
        if exists == (action == "add"):
            raise RegisterError(name, f"an entry '{entry_id}' exists already" if exists
                                else f"version {base} has no entry '{entry_id}'", field="id")
        text = with_entry(document.snapshot_yaml, entry_id,
                          None if action == "remove" else entry_yaml)
        snapshot = snapshot_from_text(text, name, self.units, document.fallback)
        return Document(snapshot, document.fallback, text, document.fallback_yaml)

    # --- reading ------------------------------------------------------------------------------

    def drafts(self, session: Session | None, *, unpublished_only: bool = True) -> list[Draft]:
        """Drafts, newest first (an editor's or publisher's session)."""
        self.accounts.authorise(session, "editor")
        query = select(*(_DRAFTS.c[name] for name in _FIELDS)).order_by(_DRAFTS.c.id.desc())
        if unpublished_only:
            query = query.where(_DRAFTS.c.published_version.is_(None))
        with self.versions.engine.connect() as connection:
            return [_draft(row) for row in connection.execute(query)]

    def draft(self, session: Session | None, draft_id: int) -> Draft:
        """One draft by its number."""
        self.accounts.authorise(session, "editor")
        with self.versions.engine.connect() as connection:
            row = connection.execute(select(*(_DRAFTS.c[name] for name in _FIELDS))
                                     .where(_DRAFTS.c.id == draft_id)).first()
        if row is None:
            raise DraftError(f"no draft {draft_id}")
        return _draft(row)

    # --- writing ------------------------------------------------------------------------------

    def save(self, session: Session | None, *, entry_id: str, action: Action,
             entry_yaml: str | None, base: int, comment: str = "",
             draft_id: int | None = None) -> Draft:
        """Save a change as a new draft (or over an unpublished draft, `draft_id`: whoever
        changes its text becomes its author; putting it on another base does not). Needs an
        editor's session; the change must keep the register valid on its base, and the comment
        within the register's limits (`coverage.limits`)."""
        signed_in = self.accounts.authorise(session, "editor")
        problem = text_problem(comment, MAX_COMMENT_CHARS)
        if problem:
            raise RegisterError(Path("draft"), problem, field="comment")
        if action == "remove":
            entry_yaml = None
        elif entry_yaml is None:
            raise DraftError("a changed or added entry needs its text")
        self.compose(entry_id, entry_yaml, base, action)  # what the register refuses
        values = {"entry_id": entry_id, "action": action, "entry_yaml": entry_yaml,
                  "base_version": base, "comment": comment, "updated_at": _now()}
        if draft_id is not None:
            earlier = self.draft(signed_in, draft_id)
            if (earlier.entry_id, earlier.action, earlier.entry_yaml) != (
                    entry_id, action, entry_yaml):
                values["author"] = signed_in.name  # who saved this text (the four-eyes rule)
        with writing(self.versions.engine) as connection, connection.begin():
            if draft_id is None:
                draft_id = connection.execute(_DRAFTS.insert().values(
                    **values, author=signed_in.name, created_at=_now())
                ).inserted_primary_key[0]
            elif not connection.execute(update(_DRAFTS).where(
                    _DRAFTS.c.id == draft_id, _DRAFTS.c.published_version.is_(None)
            ).values(**values)).rowcount:
                raise DraftError(f"no unpublished draft {draft_id}")
        return self.draft(signed_in, draft_id)

    def rebase(self, session: Session | None, draft_id: int) -> Draft:
        """Put an unpublished draft on the newest version, its text unchanged (after a
        conflict, once the editor has seen what the newest version holds)."""
        draft = self.draft(session, draft_id)
        return self.save(session, entry_id=draft.entry_id, action=draft.action,
                         entry_yaml=draft.entry_yaml, base=self.versions.newest_number() or 0,
                         comment=draft.comment, draft_id=draft.id)

    def conflict(self, draft: Draft, newest: int) -> Conflict:
        """What the newest version holds against the draft (see `Conflict`)."""
        base_document = read_document(self.versions, draft.base_version, self.units)
        newest_document = read_document(self.versions, newest, self.units)
        newest_text = entry_of(newest_document.snapshot_yaml, draft.entry_id)
        added, removed, changed = entry_changes(base_document.snapshot, newest_document.snapshot)
        diff = list(difflib.unified_diff(
            (newest_text or "").splitlines(), (draft.entry_yaml or "").splitlines(),
            f"version {newest}", f"draft {draft.id}", lineterm=""))
        return Conflict(draft, newest, newest_text, draft.entry_yaml, diff,
                        [entry.id for entry in added], [entry.id for entry in removed],
                        [after.id for _, after in changed])

    def publish(self, session: Session | None, draft_id: int, comment: str = "") -> VersionInfo:
        """Publish a draft as the newest version, recording the publisher's account. Needs a
        publisher's session, and under the four-eyes rule one that did not save the draft
        (`OwnDraftError`). Raises `DraftConflictError` (the draft kept) when a version was
        published after the draft's base."""
        signed_in = self.accounts.authorise(session, "publisher")
        draft = self.draft(signed_in, draft_id)
        if draft.published_version is not None:
            raise DraftError(f"draft {draft.id} was published as version "
                             f"{draft.published_version}")
        if not self.may_publish(signed_in, draft):
            raise OwnDraftError(draft)
        newest = self.versions.newest_number()
        if newest != draft.base_version:
            raise DraftConflictError(self.conflict(draft, newest or 0))
        document = self.compose(draft.entry_id, draft.entry_yaml, draft.base_version,
                                draft.action)
        why = comment or draft.comment or f"{draft.action} {draft.entry_id} (draft {draft.id})"
        try:
            info = self.versions.publish(document, author=signed_in.name, comment=why,
                                         base=draft.base_version)
        except StaleBaseError as error:  # another publication won the race
            raise DraftConflictError(self.conflict(draft, error.newest or 0)) from None
        with writing(self.versions.engine) as connection, connection.begin():
            connection.execute(update(_DRAFTS).where(_DRAFTS.c.id == draft.id).values(
                published_version=info.number, published_by=signed_in.name,
                updated_at=_now()))
        return info
