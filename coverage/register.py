"""The register: every snapshot of the overview and the national fallback.

Reading it from YAML files or a database is the edge's job (`registry`); this is the domain's
view of what was read.
"""

from __future__ import annotations

from dataclasses import dataclass

from coverage.schema import Fallback, Snapshot


@dataclass(frozen=True)
class Register:
    """Every snapshot of the overview by id, oldest first, and the national fallback."""

    snapshots: dict[str, Snapshot]
    fallback: Fallback

    @property
    def latest(self) -> Snapshot:
        """The most recent snapshot."""
        return next(reversed(self.snapshots.values()))
