"""The error of a broken register file or document."""

from __future__ import annotations

from coverage.register import RegisterError

__all__ = ["RegisterError"]
