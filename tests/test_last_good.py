"""The last known good copy on disk (`registry.last_good`): written atomically, read back only
when whole, valid and matching its content hash."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from geodata import Units
from registry.documents import Document
from registry.last_good import LastGood, copy_path, load, save
from registry.store import seed_documents
from registry.versions import VersionInfo
from registry.yaml_register import DATA_DIR

CONFIRMED = datetime.datetime(2025, 3, 1, 13, 5, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def good(units: Units) -> LastGood:
    document: Document = seed_documents(units, DATA_DIR)[-1][1]
    info = VersionInfo(2, document.snapshot.id, document.snapshot.date, "Fier, 2023", CONFIRMED,
                       "seed", "First start", 1, document.content_hash)
    return LastGood(info, document, CONFIRMED)


def test_a_copy_reads_back_as_written(good: LastGood, units: Units, tmp_path: Path) -> None:
    path = copy_path("sqlite:///somewhere/register.sqlite3", tmp_path)
    assert save(path, good)
    assert [file.name for file in path.parent.iterdir()] == [path.name]  # no temporary file
    back = load(path, units)
    assert back == good


def test_each_database_has_its_own_copy_and_the_url_is_not_stored(good: LastGood,
                                                                  tmp_path: Path) -> None:
    secret = "postgresql+psycopg://user:hunter2@db/coverage"
    path = copy_path(secret, tmp_path)
    assert path != copy_path("sqlite:///register.sqlite3", tmp_path)
    save(path, good)
    assert "hunter2" not in path.name and "hunter2" not in path.read_text(encoding="utf-8")


def test_no_copy_is_none(units: Units, tmp_path: Path) -> None:
    assert load(tmp_path / "absent.json", units) is None


def test_content_that_does_not_match_its_hash_is_ignored(good: LastGood, units: Units,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    save(path, good)
    stored = json.loads(path.read_text(encoding="utf-8"))
    phone = good.document.snapshot.entries[0].contacts[0].phones[0].display
    assert phone in stored["snapshot_yaml"]
    # Another valid number: the text still passes the register's rules, but not its hash.
    stored["snapshot_yaml"] = stored["snapshot_yaml"].replace(phone, "010-1234567", 1)
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert load(path, units) is None


def test_a_recorded_hash_that_was_changed_is_ignored(good: LastGood, units: Units,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    save(path, good)
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["version"]["content_hash"] = "0" * 64
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert load(path, units) is None


@pytest.mark.parametrize("keep", [0, 1, 100, 0.5, 0.99])
def test_a_truncated_copy_is_ignored(good: LastGood, units: Units, tmp_path: Path,
                                     keep: float) -> None:
    path = tmp_path / "copy.json"
    save(path, good)
    data = path.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep
    path.write_bytes(data[:cut])
    assert load(path, units) is None


def test_a_copy_of_another_format_or_garbage_is_ignored(good: LastGood, units: Units,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    save(path, good)
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["format"] = "coverage-last-good/0"
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert load(path, units) is None
    path.write_bytes(b"\xff\xfe not json")
    assert load(path, units) is None
    path.write_text("[1, 2, 3]", encoding="utf-8")
    assert load(path, units) is None


def test_an_unwritable_folder_is_not_an_error(good: LastGood, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert not save(blocker / "copy.json", good)
