"""The error of a broken register file or document."""

from __future__ import annotations

from pathlib import Path


class RegisterError(ValueError):
    """A register file is broken. The message names the file, line, entry and field."""

    def __init__(self, path: Path, message: str, *, line: int | None = None,
                 entry: str | None = None, field: str | None = None) -> None:
        self.path, self.line, self.entry, self.field = path, line, entry, field
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        parts = [where]
        if entry:
            parts.append(f"entry {entry}")
        if field:
            parts.append(f"field '{field}'")
        super().__init__(", ".join(parts) + f": {message}")
