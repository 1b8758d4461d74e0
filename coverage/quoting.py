"""Quoting what a user typed back to them: short, on one line, nothing that a terminal or a page
would act on.

>>> quoted_input("9" * 5000)
'999999999999999999999999999999999999999…'
>>> quoted_input("a\\x1b[2Jb\\u202ec\\n d")
'a[2Jbc d'
"""

from __future__ import annotations

import unicodedata

QUOTE_LIMIT = 40
"""The most characters of a user's input quoted back."""
ELLIPSIS = "…"

_HIDDEN = {"Cc", "Cf", "Co", "Cs", "Cn"}
"""Unicode categories dropped: control characters (escape sequences among them), format
characters (bidirectional overrides among them), private use and unassigned. White space, line
and paragraph separators among it, becomes one space."""


def quoted_input(text: str, limit: int = QUOTE_LIMIT) -> str:
    """At most `limit` characters of `text`, as one line, cut with "…"."""
    visible = "".join(char for char in text if unicodedata.category(char) not in _HIDDEN
                      or char in "\t\n\r")
    line = " ".join(visible.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + ELLIPSIS
