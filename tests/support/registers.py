"""Made-up registers for the tests: seeded databases with accounts, drafts, copies of the real
register with one text changed or broken, and small registers written from scratch.

- Accounts and drafts: :data:`PASSWORD` (every made-up account's), :func:`seeded_accounts` (a
  database filled from `data/` with an editor and a publisher), :func:`draft_stores` (its draft
  store and both sessions), :func:`rotterdam_with` (Rotterdam's entry with another number),
  :func:`store_unchecked_draft`, :func:`draft_areas`.
- Copies of `data/`: :func:`edited_register` (one text replaced),
  :func:`register_without_veluwe_23_plus` (a partly covered Veluwe), :func:`break_snapshot`
  with :func:`load_error`, :func:`line_of` and :func:`assert_names` to read the error.
- From scratch: :data:`FALLBACK`, :func:`made_up_snapshot` and :func:`made_up_entry`.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from coverage.engine import Coverage
from coverage.schema import Fallback, Snapshot
from geodata import Units, load_units
from registry.accounts import AccountStore, Session
from registry.database import writing
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.errors import RegisterError
from registry.store import VersionStore, open_store
from registry.tables import Draft as DraftRow
from registry.yaml_register import DATA_DIR, load_register

PASSWORD = "lang-genoeg-wachtwoord"
"""The password of every made-up account."""
ROTTERDAM = "gemeente-rotterdam"
"""The id of Rotterdam's entry in the real register."""
EDITOR_AND_PUBLISHER = {"anna": "editor", "piet": "publisher"}
"""The accounts of :func:`seeded_accounts`: name → role."""


# --- accounts and drafts ---------------------------------------------------------------------


def seeded_accounts(url: str, units: Units, people: Mapping[str, str] = EDITOR_AND_PUBLISHER
                    ) -> tuple[VersionStore, AccountStore]:
    """The database at `url` filled from `data/` (versions 1 and 2), with an account per
    person (name → role) whose password is :data:`PASSWORD`; sign-in failures not slowed."""
    versions = open_store(url)
    versions.prepare(units, DATA_DIR)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    for name, role in people.items():
        accounts.add(name, role, PASSWORD)
    return versions, accounts


def draft_stores(url: str, units: Units) -> tuple[DraftStore, Session, Session]:
    """The draft store on a seeded database, an editor's (anna) and a publisher's (piet)
    session."""
    versions, accounts = seeded_accounts(url, units)
    return (DraftStore(versions, accounts, units), accounts.sign_in("anna", PASSWORD),
            accounts.sign_in("piet", PASSWORD))


def rotterdam_with(drafts: DraftStore, number: str, base: int = 2) -> str:
    """Rotterdam's entry in version `base` as YAML, its first contact with another number."""
    text = entry_of(drafts.versions.texts(base)[0], ROTTERDAM)
    data = yaml.safe_load(text)
    data["contacts"][0]["phones"] = [number]
    return entry_text(data)


def store_unchecked_draft(drafts: DraftStore, entry_yaml: str) -> int:
    """A draft written straight into the database, as one saved before the limits was."""
    now = datetime.datetime.now(datetime.UTC)
    with writing(drafts.versions.engine) as connection, connection.begin():
        return connection.execute(DraftRow.__table__.insert().values(
            entry_id=ROTTERDAM, action="change", entry_yaml=entry_yaml, base_version=2,
            author="anna", comment="", created_at=now, updated_at=now)
        ).inserted_primary_key[0]


def draft_areas(url: str) -> dict[str, frozenset[str]]:
    """Each open draft's entry id → its area, as the register resolves the draft."""
    versions = open_store(url)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    units = load_units()
    store = DraftStore(versions, accounts, units)
    session = accounts.sign_in("anna", PASSWORD)
    areas = {}
    for draft in store.drafts(session):
        document = store.compose(draft.entry_id, draft.entry_yaml, draft.base_version,
                                 draft.action)
        areas[draft.entry_id] = Coverage(document.snapshot, document.fallback, units).areas[
            draft.entry_id]
    return areas


@dataclass(frozen=True)
class Dated:
    """A third version in which Rotterdam's first contact was checked, with availability (the
    fixture `dated_version` in tests/conftest.py)."""

    day: datetime.date
    name: str


# --- copies of the real register -------------------------------------------------------------

VELUWE_MOVIERA = """      - organisation: Moviera
        target_group: 23_plus
        target_group_wording: (23 +)
        phones: ["088 - 374 47 44"]

  - id: gemeente-groningen"""
"""The Veluwe entry's contact for victims of 23 and over, up to the next entry."""


def edited_register(folder: Path, old: str, new: str) -> Path:
    """A copy of the real register with one text replaced in the current snapshot."""
    shutil.copytree(DATA_DIR, folder)
    path = folder / "snapshots" / "current.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def register_without_veluwe_23_plus(folder: Path) -> Path:
    """A copy of the real register with the Veluwe's 23+ contact removed: the Veluwe's
    municipalities are partly covered."""
    return edited_register(folder, VELUWE_MOVIERA, "  - id: gemeente-groningen")


def break_snapshot(data_dir: Path, old: str, new: str, snapshot: str = "current") -> Path:
    """Replace the first `old` in a snapshot of a register folder; the snapshot's path."""
    path = data_dir / "snapshots" / f"{snapshot}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    """The number of the first line of `path` holding `fragment`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def load_error(units: Units, data_dir: Path) -> RegisterError:
    """The error that loading the register folder `data_dir` raises."""
    with pytest.raises(RegisterError) as caught:
        load_register(units, data_dir)
    return caught.value


def assert_names(error: RegisterError, path: Path, line: int | str, entry: str,
                 field: str) -> None:
    """The message names the file, the line (given, or of a fragment), the entry and field."""
    line = line_of(path, line) if isinstance(line, str) else line
    assert (error.path, error.line, error.entry, error.field) == (path, line, entry, field)
    assert str(error).startswith(f"{path}:{line}, entry {entry}, field '{field}': ")


# --- registers from scratch ------------------------------------------------------------------

TEXT = {"nl": "t", "en": "t"}
SOURCE = {"title": "s", "address": "s", "date": None, "date_note": TEXT}
FALLBACK = Fallback(organisation="CoMensha", description=TEXT, phones=["033 - 448 11 86"],
                    sources=[SOURCE])
"""A national fallback for registers made up from scratch."""


def made_up_snapshot(*entries: dict) -> Snapshot:
    """A snapshot of these entries (see :func:`made_up_entry`)."""
    return Snapshot.model_validate({
        "id": "test", "title": TEXT, "language": "en", "source": SOURCE,
        "sequence": 1, "entries": list(entries)})


def made_up_entry(entry_id: str, include: list[dict], organisation: str = "Org",
                  exclude: list[dict] | None = None, target_group: str = "all") -> dict:
    """An entry for `organisation` over the units `include` less `exclude`, one phone."""
    return {"id": entry_id, "area_wording": entry_id,
            "area": {"include": include, "exclude": exclude or []},
            "contacts": [{"organisation": organisation, "target_group": target_group,
                          "phones": ["020 - 626 38 00"]}]}
