"""How the page reads what a link (or the search box) gives it: limits first, pure functions.

Everything a reader can put into the page's address is bounded before it is used: its length,
its form, the number of values and (for the proposals kept for comparison, which are JSON) the
depth of nesting, checked before the text is parsed. A value outside its limits is treated as
absent; the page then says so in a short note in its own language, and quotes at most
`ECHO_LIMIT` characters of it (:func:`echo`), marked as the reader's own input.

- `?versie=` / `?version=`: ASCII digits only, at most `MAX_VERSION_DIGITS` (`²`, `٣` and a
  number of 5,000 digits are no version);
- `?gemeente=` and the search box: at most `MAX_MUNICIPALITY_TEXT` characters;
- `?lang=`: one of the page's languages;
- `?vergelijk=`: at most `MAX_COMPARED_VALUES` values of at most `MAX_COMPARED_TEXT`
  characters, each nested at most `MAX_COMPARED_DEPTH` deep;
- `?weergave=` (the open view) and `?veiligheidsregio=`, `?provincie=`, `?politie-eenheid=`
  (the region chosen in the gaps view): at most `MAX_CHOICE_TEXT` characters, and one of the
  values the page knows (:func:`known_choice`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from coverage.quoting import QUOTE_LIMIT, quoted_input

ECHO_LIMIT = QUOTE_LIMIT
"""The most characters of a reader's input the page quotes back."""

MAX_VERSION_DIGITS = 6
_VERSION = re.compile(rf"[0-9]{{1,{MAX_VERSION_DIGITS}}}")

MAX_MUNICIPALITY_TEXT = 80
"""The longest `?gemeente=` or search text looked up (the longest official name, with a place
or postcode, is about 40 characters)."""

MAX_COMPARED_VALUES = 8
"""The most `?vergelijk=` values read (as `ui.proposal.url.MAX_COMPARED`)."""
MAX_COMPARED_TEXT = 6_000
"""The longest `?vergelijk=` value parsed: a name and an organisation of 300 characters, every
one escaped, and 4,000 characters of codes fit."""
MAX_COMPARED_DEPTH = 1
"""A kept proposal is one flat JSON object."""

MAX_CHOICE_TEXT = 60
"""The longest `?weergave=` or region value read (the longest police unit or province name is
about 20 characters)."""


def echo(text: str, limit: int = ECHO_LIMIT) -> str:
    """At most `limit` characters of a reader's input, as one line, cut with "…".

    Control and format characters are dropped and any run of white space becomes one space, so
    the quote cannot break lines or turn text around (:func:`coverage.quoting.quoted_input`).

    >>> echo("Zwolle")
    'Zwolle'
    >>> echo("LET OP: het nummer is gewijzigd. Bel voortaan 0900-1234567 voor hulp.")
    'LET OP: het nummer is gewijzigd. Bel vo…'
    >>> echo("a\\u202eb\\n\\n c")
    'ab c'
    """
    return quoted_input(text, limit)


def version_number(text: str | None) -> int | None:
    """The version a link names: ASCII digits only, at most `MAX_VERSION_DIGITS` of them.

    >>> version_number(" 3 "), version_number("²"), version_number("9" * 5000)
    (3, None, None)
    >>> version_number("-1"), version_number("1e3"), version_number(None)
    (None, None, None)
    """
    if text is None:
        return None
    stripped = text.strip()
    return int(stripped) if _VERSION.fullmatch(stripped) else None


def municipality_text(text: str | None) -> str | None:
    """A `?gemeente=` value or search text to look up: None when empty or too long.

    >>> municipality_text(" GM0193 "), municipality_text(""), municipality_text("x" * 300)
    ('GM0193', None, None)
    """
    if text is None or not text.strip() or len(text) > MAX_MUNICIPALITY_TEXT:
        return None
    return text.strip()


def language(text: str | None, languages: Collection[str]) -> str | None:
    """The `?lang=` value when it is one of `languages`, else None.

    >>> language("en", ("nl", "en")), language("EN", ("nl", "en")), language(None, ("nl",))
    ('en', None, None)
    """
    return text if text is not None and text in languages else None


def json_depth_within(text: str, limit: int) -> bool:
    """Tell whether the JSON `text` nests arrays and objects at most `limit` deep, without
    parsing it (so without recursion): brackets inside strings do not count.

    >>> json_depth_within('{"naam": "[[["}', 1), json_depth_within('{"a": {"b": 1}}', 1)
    (True, False)
    >>> json_depth_within("[" * 5000 + "]" * 5000, 1)
    False
    """
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return False
        elif char in "]}":
            depth -= 1
    return True


def compared_value(text: str) -> str | None:
    """A `?vergelijk=` value fit to parse: within `MAX_COMPARED_TEXT` characters and
    `MAX_COMPARED_DEPTH` deep; else None.

    >>> compared_value('{"voorstel": "GM0599"}')
    '{"voorstel": "GM0599"}'
    >>> compared_value("[" * 5000), compared_value("x" * 6001)
    (None, None)
    """
    if len(text) > MAX_COMPARED_TEXT or not json_depth_within(text, MAX_COMPARED_DEPTH):
        return None
    return text


def compared_values(values: Sequence[str]) -> tuple[list[str], bool]:
    """The first `MAX_COMPARED_VALUES` `?vergelijk=` values fit to parse, and whether any value
    was left out (too many, too long or too deep).

    >>> compared_values(['{"a": "b"}'] * 10)
    (['{"a": "b"}', '{"a": "b"}', '{"a": "b"}', '{"a": "b"}', '{"a": "b"}', '{"a": "b"}', \
'{"a": "b"}', '{"a": "b"}'], True)
    >>> compared_values(["[" * 5000 + "]" * 5000])
    ([], True)
    """
    kept = [value for value in values[:MAX_COMPARED_VALUES] if compared_value(value) is not None]
    return kept, len(kept) < len(values)


def known_choice(text: str | None, known: Collection[str]) -> str | None:
    """A `?weergave=` or region value when it is one of `known` (exactly, after trimming) and
    at most `MAX_CHOICE_TEXT` characters long, else None.

    >>> known_choice(" VR17 ", ("VR04", "VR17")), known_choice("vr17", ("VR17",))
    ('VR17', None)
    >>> known_choice("hiaten" * 20, ("hiaten",)), known_choice(None, ("hiaten",))
    (None, None)
    """
    if text is None or len(text) > MAX_CHOICE_TEXT:
        return None
    stripped = text.strip()
    return stripped if stripped in known else None
