"""The command line's refusals and their exit codes (see `cli.main`)."""

from __future__ import annotations

STALE_BASE_EXIT = 3
"""Exit code when the newest published version is no longer the base a change was reviewed
against (nothing is written)."""


class UsageError(Exception):
    """A user error that exits with status 2: wrong use, or a name or version that is unknown
    or ambiguous."""


class RefusedError(Exception):
    """A change that is refused as it stands (exit 1); the message says how to proceed."""
