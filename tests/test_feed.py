"""`/feed.atom` (web/feed.py): valid Atom that parses, one entry per published version, newest
first, each naming the municipalities whose status or contact changed since the version before
and linking to the dashboard at that version; a new version makes a new entry."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from coverage.changes import compare
from coverage.engine import Coverage
from geodata import load_units
from registry.documents import Document
from registry.store import open_store
from registry.versions import read_document
from registry.yaml_register import DATA_DIR, snapshot_from_text
from tests.asgi_client import AsgiClient, web_client
from tests.test_outage import cache, sqlite_database  # noqa: F401  (fixtures)
from ui.data import NEWEST_TTL_S
from ui.text.i18n import Translator
from web import current

NS = {"atom": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def client() -> Iterator[AsgiClient]:
    current.forget()
    with web_client() as made:
        yield made


def parsed(client: AsgiClient, path: str = "/feed.atom") -> ET.Element:
    reply = client.get(path)
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert reply.headers["cache-control"] == "public, max-age=60"
    assert reply.headers["access-control-allow-origin"] == "*"
    root = ET.fromstring(reply.body)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    assert found is not None, path
    return found.text or ""


def assert_valid_atom(root: ET.Element) -> None:
    """What RFC 4287 requires of a feed and its entries (4.1.1, 4.1.2)."""
    for required in ("atom:id", "atom:title", "atom:updated"):
        assert text(root, required)
    assert root.find("atom:link[@rel='self']", NS) is not None
    ids = [text(entry, "atom:id") for entry in root.findall("atom:entry", NS)]
    assert len(set(ids)) == len(ids) and all(id_.startswith("urn:uuid:") for id_ in ids)
    for entry in root.findall("atom:entry", NS):
        for required in ("atom:id", "atom:title", "atom:updated", "atom:author/atom:name",
                         "atom:content"):
            assert text(entry, required), required
        assert entry.find("atom:link[@rel='alternate']", NS) is not None
        assert entry.find("atom:content", NS).get("type") == "text"


def changed_names(before: Coverage, after: Coverage) -> list[str]:
    return [str(after.municipalities.at[code, "display_name"])
            for code in compare(before, after)["code"]]


def changed_text(before: Coverage, after: Coverage, t: Translator) -> str:
    """Every changed municipality by name with its change, as the feed should list them."""
    table = compare(before, after)
    return ", ".join(f"{after.municipalities.at[code, 'display_name']} ({t('change_' + change)})"
                     for code, change in zip(table["code"], table["change"], strict=True))


def test_one_entry_per_version_naming_what_changed(client: AsgiClient, earlier: Coverage,
                                                   current: Coverage) -> None:
    root = parsed(client)
    assert_valid_atom(root)
    assert root.get(XML_LANG) == "nl"
    entries = root.findall("atom:entry", NS)
    assert [text(entry, "atom:title") for entry in entries] == [
        "Versie 2: current", "Versie 1: earlier"]
    assert [entry.find("atom:link", NS).get("href") for entry in entries] == [
        "/?versie=2", "/?versie=1"]
    newest, first = (text(entry, "atom:content") for entry in entries)
    names = changed_names(earlier, current)
    assert len(names) > 10, "the seed versions differ"
    assert (f"dan in versie 1 ({len(names)}): {changed_text(earlier, current, Translator())}."
            in newest)
    assert "door seed" in newest and "De eerste gepubliceerde versie." in first
    assert "‘Wijzigingen’" in newest  # says where the comparison is

    english = parsed(client, "/feed.atom?lang=en")
    assert english.get(XML_LANG) == "en"
    assert text(english, "atom:entry/atom:title") == "Version 2: current"
    etag = client.get("/feed.atom").headers["etag"]
    assert client.get("/feed.atom", {"If-None-Match": etag}).status == 304
    assert client.get("/feed.atom?lang=en", {"If-None-Match": etag}).status == 200


def test_a_new_version_makes_a_new_entry(sqlite_database: Path,  # noqa: F811
                                         client: AsgiClient) -> None:
    before = parsed(client)
    assert len(before.findall("atom:entry", NS)) == 2
    store = open_store()
    units = load_units()
    document = read_document(store, 2, units)
    yaml = document.snapshot_yaml.replace('"058 - 215 70 84"', '"058 - 215 70 85"')
    snapshot = snapshot_from_text(yaml, DATA_DIR / "snapshots" / "current.yaml", units,
                                  document.fallback)
    store.publish(Document(snapshot, document.fallback, yaml, document.fallback_yaml),
                  author="anna", comment="Fier: new <b>number</b>", base=2)
    store.engine.dispose()
    time.sleep(NEWEST_TTL_S + 0.5)

    root = parsed(client)
    assert_valid_atom(root)
    entries = root.findall("atom:entry", NS)
    assert len(entries) == 3
    newest = entries[0]
    assert text(newest, "atom:title") == "Versie 3: current"
    assert text(newest, "atom:author/atom:name") == "anna"
    assert newest.find("atom:link", NS).get("href") == "/?versie=3"
    content = text(newest, "atom:content")
    assert "Toelichting: Fier: new <b>number</b>" in content  # text, as written
    names = changed_names(_coverage(2), _coverage(3))
    assert "Leeuwarden" in names and "Amsterdam" not in names
    assert (f"dan in versie 2 ({len(names)}): "
            f"{', '.join(f'{name} (ander contact)' for name in names)}." in content)
    assert "Amsterdam" not in content
    assert text(root, "atom:updated") == text(newest, "atom:updated")


def _coverage(number: int) -> Coverage:
    from ui import data

    return data.shown(number).coverage
