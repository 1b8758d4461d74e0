"""The register's limits, in one place: how large a document, how long a text, how many entries,
contacts, phones and area units, how deep a YAML file nests, and which characters register text
may not hold.

Every way into the register shares them: the schema (`coverage.schema`) enforces the lengths,
counts and characters, so the edit page, drafts (saved and published) and imports refuse the
same things; the YAML reader (`registry.yaml_text`) enforces the size and the depth before
anything is built; the edit page's fields take their `max_chars` from here.

The limits are far above what the register holds (`docs/register.md#limits` sets what the seed
data has beside each limit) and far below what would make a page heavy: a card shows an entry's
texts, so an entry stays small however it was written.
"""

from __future__ import annotations

import unicodedata

MAX_DOCUMENT_BYTES = 1_000_000
"""The largest register document (a snapshot or the fallback as YAML), in UTF-8 bytes."""
MAX_NESTING_DEPTH = 20
"""The deepest nesting of mappings and lists in a register document (the format needs 6)."""

MAX_ENTRIES = 500
"""Entries in one snapshot (the Netherlands has 342 municipalities; the overview lists 17)."""
MAX_CONTACTS = 20
"""Contacts in one entry."""
MAX_PHONES = 10
"""Phone numbers of one contact (or of the fallback)."""
MAX_AREA_UNITS = 400
"""Units in an area's `include` (or `exclude`) list: every municipality, one by one, fits."""
MAX_SOURCES = 20
"""Citations of the fallback."""

MAX_ID_CHARS = 100
"""An entry's or snapshot's id."""
MAX_TEXT_CHARS = 2_000
"""A text the project wrote, per language (a note, a date note, a title, a description), and
an area's wording as the source gives it."""
MAX_NAME_CHARS = 200
"""An organisation's name, a target group's wording, a unit's name or code."""
MAX_CITATION_CHARS = 500
"""A citation's title or web address."""
MAX_PHONE_CHARS = 40
"""A phone number as written (`"06 - 15240136"`)."""
MAX_COMMENT_CHARS = 500
"""A draft's comment (why the change was made)."""
MAX_VERIFIER_CHARS = 100
"""Who last checked a contact (`verified_by`): a short name."""
MAX_HOURS_CHARS = 200
"""A contact's opening hours, as free text (`opening_hours`)."""
MAX_EMAIL_CHARS = 254
"""A contact's e-mail address (the longest address mail servers accept)."""
MAX_WEBSITE_CHARS = 500
"""A contact's website (an https address)."""
MAX_ROUTES = 10
"""National routes that apply everywhere (police, Labour Inspectorate, 112)."""
MAX_REPORT_CHARS = 1_000
"""A reader's correction report: what is wrong (`registry.corrections`)."""
MAX_REPORT_CONTACT_CHARS = 200
"""How to reach the reader who filed a correction report (optional)."""
MAX_CLOSING_REASON_CHARS = 500
"""Why an editor closed a correction report."""

ALLOWED_CONTROLS = frozenset("\t\n")
"""The control characters register text may hold: tab and new line."""
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Unicode categories refused in register text (but for `ALLOWED_CONTROLS`): control
characters, invisible format characters (bidirectional controls such as U+202E, zero-width
spaces and joiners, U+FEFF, soft hyphens), lone surrogates, and line and paragraph separators.
None occurs in the register's own texts; a bidi override reverses the text shown after it, and
the others hide characters or break lines where nothing shows."""


def character_name(char: str) -> str:
    """A character as a message names it.

    >>> character_name("\\u202e")
    'U+202E RIGHT-TO-LEFT OVERRIDE'
    >>> character_name("\\x1b")
    'U+001B (a control character)'
    """
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else f"{code} (a control character)"


def refused_character(text: str) -> tuple[int, str] | None:
    """The first character register text may not hold, with its position (0-based), or None.

    >>> refused_character("Fier\\u202e")
    (4, '\\u202e')
    >>> refused_character("Zorgcoördinatoren – regio’s…\\n") is None
    True
    """
    for position, char in enumerate(text):
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) in REFUSED_CATEGORIES:
            return position, char
    return None


def text_problem(text: str, max_chars: int) -> str | None:
    """Why `text` is refused as register text of at most `max_chars` characters, or None.

    >>> text_problem("x" * 41, 40)
    'is 41 characters long; at most 40 are allowed here'
    >>> text_problem("GGD\\u200b Drenthe", 200)
    'contains U+200B ZERO WIDTH SPACE (character 4), an invisible character; remove it'
    """
    if len(text) > max_chars:
        return f"is {len(text):,} characters long; at most {max_chars:,} are allowed here"
    found = refused_character(text)
    if found is None:
        return None
    position, char = found
    return (f"contains {character_name(char)} (character {position + 1}), an invisible "
            "character; remove it")
