"""The roles of accounts (kept apart from `registry.accounts` so the CLI can name them without
loading the database libraries)."""

from __future__ import annotations

from typing import Literal

Role = Literal["editor", "publisher"]
ROLES: tuple[Role, ...] = ("editor", "publisher")
"""From least to most: a publisher may do everything an editor may."""
