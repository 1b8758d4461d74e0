"""Payloads that Streamlit's Markdown would turn into links, images, HTML or styling, and a copy
of the register with one in every text field (for `tests/test_app.py` and the browser tests);
an HTML image with a script (`EVIL`), a long notice for a link (`LINK_NOTICE`) and JSON nested
too deep (`DEEP_JSON`).

Each payload names its field, so a test can tell where a text came from; its link points to a
`tel:` number of its own and its images to the discard port of the loopback address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from registry.yaml_register import DATA_DIR

REGISTER_FIELDS = ("organisation", "area_wording", "note", "source", "date_note", "title",
                   "target_group_wording", "inferred_organisation", "address", "note_en",
                   "date_note_en", "title_en")
"""Every text field of the register a reader may see (or that reaches the page's data); the
project's own texts in Dutch (`note`, `date_note`, `title`) and English (`…_en`), the source's
title (`source`) and its address."""

FORBIDDEN_HOST = "127.0.0.1:9"
"""Where the payloads' images point: the discard port, never served."""

FORGED_TEL = "tel:+3190000"
"""The start of every payload link's target."""


def payload(field: str, number: int = 0) -> str:
    """A text for `field` with a Markdown link and image, HTML, a colour, an icon, LaTeX, an
    arrow and a bare URL, short enough for every field's limit (`coverage.limits`: 200
    characters for an organisation or a unit's name); `<b>{field}-vet</b>` tells the field."""
    return (f"Bel [0800-1234567]({FORGED_TEL}{number:02d}) "
            f"![i](http://{FORBIDDEN_HOST}/{number:02d}.png) "
            f"<img src='http://{FORBIDDEN_HOST}/{number:02d}h.png'> <b>{field}-vet</b> "
            f":red[rood] :material/home: $x^2$ -> http://{FORBIDDEN_HOST}/{number:02d}b")


def address_payload(number: int) -> str:
    """The payload of the source's `address`: it starts as a web address (a register refuses
    an address that looks like a file path)."""
    return f"http://{FORBIDDEN_HOST}/address " + payload("address", number)


def _snapshot(folder: Path, name: str) -> dict[str, Any]:
    return yaml.safe_load((folder / "snapshots" / f"{name}.yaml").read_text(encoding="utf-8"))


def _write(folder: Path, name: str, snapshot: dict[str, Any]) -> None:
    (folder / "snapshots" / f"{name}.yaml").write_text(
        yaml.safe_dump(snapshot, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8")


def _entry(snapshot: dict[str, Any], entry_id: str) -> dict[str, Any]:
    (entry,) = [entry for entry in snapshot["entries"] if entry["id"] == entry_id]
    return entry


VELUWE = "gemeente-apeldoorn-en-de-veluwe"
"""The current snapshot's entry that carries most payloads: it breaks the border rule, so its
wording and organisations also show in that view."""


def payload_register(folder: Path) -> Path:
    """Write a copy of the repository's register into `folder` with a payload in every text
    field; return `folder`.

    - current snapshot: its source's title (`source`), `address` and `date_note` (`date_note`,
      `date_note_en`); entry Apeldoorn/Veluwe: `area_wording`, `note` (`note`, `note_en`), and
      its first contact's `organisation` and `target_group_wording`;
    - earlier snapshot: the `inferred_organisation` of Den Haag's contact;
    - a third snapshot `extra` (a copy of the earlier one, the oldest): `title` (`title`,
      `title_en`; the titles
      of `current` and `earlier` are replaced by translated labels).
    """
    (folder / "snapshots").mkdir(parents=True)
    (folder / "fallback.yaml").write_text((DATA_DIR / "fallback.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    numbers = {field: position for position, field in enumerate(REGISTER_FIELDS)}

    current = _snapshot(DATA_DIR, "current")
    current["sequence"] = 3
    current["source"] = {
        "title": payload("source", numbers["source"]),
        "address": address_payload(numbers["address"]),  # a web address, so not refused
        "date": None,
        "date_note": {"nl": payload("date_note", numbers["date_note"]),
                      "en": payload("date_note_en", numbers["date_note_en"])}}
    veluwe = _entry(current, VELUWE)
    veluwe["area_wording"] = payload("area_wording", numbers["area_wording"])
    veluwe["note"] = {"nl": payload("note", numbers["note"]),
                      "en": payload("note_en", numbers["note_en"])}
    veluwe["contacts"][0]["organisation"] = payload("organisation", numbers["organisation"])
    veluwe["contacts"][0]["target_group_wording"] = payload("target_group_wording",
                                                            numbers["target_group_wording"])
    _write(folder, "current", current)

    earlier = _snapshot(DATA_DIR, "earlier")
    earlier["sequence"] = 2
    (den_haag,) = [entry for entry in earlier["entries"]
                   if any(contact.get("inferred_organisation") == "SHOP"
                          for contact in entry.get("contacts", []))]
    den_haag["contacts"][0]["inferred_organisation"] = payload(
        "inferred_organisation", numbers["inferred_organisation"])
    _write(folder, "earlier", earlier)

    extra = _snapshot(DATA_DIR, "earlier")
    extra.update(id="extra", sequence=1, title={"nl": payload("title", numbers["title"]),
                                                "en": payload("title_en", numbers["title_en"])})
    _write(folder, "extra", extra)
    return folder


EVIL = "<img src=x onerror=\"document.title='pwned'\">"
"""An HTML image whose error handler would change the page's title."""
LINK_NOTICE = ("LET OP: het nummer is gewijzigd. Bel voortaan 0900-1234567 (lokaal tarief) voor "
               "een slachtoffer van mensenhandel in uw gemeente. " * 3)[:300]
"""A 300-character 'notice' put in a link."""
DEEP_JSON = "[" * 5000 + "]" * 5000
"""JSON nested 5,000 deep (json.loads raises RecursionError on it)."""
