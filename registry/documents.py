"""A register document: one snapshot with the fallback in force, validated, with its hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coverage.schema import Fallback, Snapshot
from geodata import Units
from registry.yaml_register import fallback_from_text, snapshot_from_text

LATER_FIELDS = frozenset({"verified_on", "verified_by", "opening_hours", "after_hours_phone",
                          "email", "website", "national_routes"})
"""Optional fields added to the register after versions were published: left out of the hash
when not given, so a version published before them keeps its recorded hash."""


def _without_unset_later_fields(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_unset_later_fields(item) for key, item in value.items()
                if not (key in LATER_FIELDS and item is None)}
    if isinstance(value, list):
        return [_without_unset_later_fields(item) for item in value]
    return value


def content_hash(snapshot: Snapshot, fallback: Fallback) -> str:
    """SHA-256 of the validated content (not the YAML layout or comments): equal content,
    equal hash, however the file was written."""
    content = _without_unset_later_fields({"snapshot": snapshot.model_dump(mode="json"),
                                           "fallback": fallback.model_dump(mode="json")})
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """A validated snapshot and fallback, with the YAML texts they were read from."""

    snapshot: Snapshot
    fallback: Fallback
    snapshot_yaml: str
    fallback_yaml: str

    @property
    def content_hash(self) -> str:
        """See `content_hash`."""
        return content_hash(self.snapshot, self.fallback)


def document_from_texts(snapshot_yaml: str, fallback_yaml: str, units: Units, *,
                        snapshot_name: Path, fallback_name: Path,
                        published: bool = False) -> Document:
    """Validate both texts (names say where they come from in error messages); the register's
    limits are not applied again to a `published` version (`coverage.schema.PUBLISHED`)."""
    fallback = fallback_from_text(fallback_yaml, fallback_name, published=published)
    snapshot = snapshot_from_text(snapshot_yaml, snapshot_name, units, fallback,
                                  published=published)
    return Document(snapshot=snapshot, fallback=fallback, snapshot_yaml=snapshot_yaml,
                    fallback_yaml=fallback_yaml)
