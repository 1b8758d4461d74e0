"""The rules a new password must meet, for `user add`, `user passwd` and any page that sets one.

A password has `MIN_PASSWORD_LENGTH` to `MAX_PASSWORD_LENGTH` characters, is not only
whitespace, has at least `MIN_DISTINCT_CHARACTERS` different characters, and `zxcvbn` (with the
account's name and the register's own words as guessable inputs) scores it at least
`MIN_STRENGTH` of 4. A refusal is a `WeakPasswordError` whose `reason` names the rule, so a page
can say it in its own language (`ui.text.i18n`, keys `password_<reason>`); its message is English.
"""

from __future__ import annotations

import threading

from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
"""Longer passwords are refused before they reach argon2 (also when signing in)."""
MIN_DISTINCT_CHARACTERS = 5
MIN_STRENGTH = 3
"""zxcvbn's score from 0 (too guessable) to 4 (very unguessable)."""
SCORED_LENGTH = 72
"""zxcvbn scores at most this many characters (its own limit; longer takes seconds)."""
GUESSABLE_WORDS = ("comensha", "mensenhandel", "zorgcoordinator", "zorgcoördinator",
                   "dekking", "coverage", "register", "bewerken", "editor", "publisher")
"""Words anyone would try first against this app, besides the account's name."""

MESSAGES = {
    "too_short": f"a password needs at least {MIN_PASSWORD_LENGTH} characters",
    "too_long": f"a password has at most {MAX_PASSWORD_LENGTH} characters",
    "blank": "a password of only spaces (or other whitespace) is refused",
    "repeated": f"a password needs at least {MIN_DISTINCT_CHARACTERS} different characters "
                "(not one or a few repeated)",
    "guessable": "this password is too easy to guess",
}
_ZXCVBN = threading.Lock()
"""zxcvbn keeps the user inputs of the running call in a module global."""


class WeakPasswordError(ValueError):
    """A password that breaks a rule; `reason` is a key of `MESSAGES`, `hint` zxcvbn's advice
    (English, may be empty)."""

    def __init__(self, reason: str, hint: str = "") -> None:
        self.reason = reason
        self.hint = hint
        super().__init__(MESSAGES[reason] + (f" ({hint})" if hint else ""))


def check_password(password: str, name: str = "") -> None:
    """Refuse (`WeakPasswordError`) a password that breaks a rule; `name` is the account's.

    >>> check_password("kade-fiets-lantaarn-7")
    >>> check_password("1111111111")
    Traceback (most recent call last):
    ...
    registry.passwords.WeakPasswordError: a password needs at least 12 characters
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError("too_short")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPasswordError("too_long")
    if not password.strip():
        raise WeakPasswordError("blank")
    if len(set(password)) < MIN_DISTINCT_CHARACTERS:
        raise WeakPasswordError("repeated")
    with _ZXCVBN:
        result = zxcvbn(password[:SCORED_LENGTH], user_inputs=[name, *GUESSABLE_WORDS],
                        max_length=SCORED_LENGTH)
    if result["score"] < MIN_STRENGTH:
        feedback = result["feedback"]
        hint = " ".join(filter(None, [feedback["warning"], *feedback["suggestions"]]))
        raise WeakPasswordError("guessable", " ".join(hint.split()))
