"""At most a few argon2 computations at once in this process.

Each argon2 hash or check with the default parameters holds 64 MiB of memory while it runs (that
is argon2's defence: every guess needs that memory); without a limit, 40 sign-ins at once need
2.5 GiB. `PASSWORD_CHECKS` lets `AT_ONCE` run at a time; the others wait up to `WAIT_S` seconds
and are then told to try again (`ChecksBusyError`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

AT_ONCE = 2
WAIT_S = 5.0


class ChecksBusyError(Exception):
    """No password check could start within the wait; try again in a moment."""


class CheckLimiter:
    """A semaphore of `at_once` slots for password hashing and checking."""

    def __init__(self, at_once: int = AT_ONCE, wait_s: float = WAIT_S) -> None:
        self.at_once = at_once
        self.wait_s = wait_s
        self._slots = threading.BoundedSemaphore(at_once)

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one slot while the block runs; `ChecksBusyError` when none frees in time."""
        if not self._slots.acquire(timeout=self.wait_s):
            raise ChecksBusyError("too many password checks at once; try again in a moment")
        try:
            yield
        finally:
            self._slots.release()


PASSWORD_CHECKS = CheckLimiter()
"""The process's limiter, shared by every `AccountStore` in it."""
