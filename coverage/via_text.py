"""The line before a lookup's answer found through a place, alias or postcode, in both languages.

The one wording, for the full command line and for its answers kept on disk
(`cli.lookup_cache`, which prints them without importing pandas or pydantic): this module uses
the standard library alone.
"""

from __future__ import annotations

from collections.abc import Sequence

VIA_WORDS = {"en": "{where} lies in {name}", "nl": "{where} ligt in {name}"}


def via_line(kind: str, name: str, places: Sequence[str], display_name: str,
             language: str = "en") -> str:
    """`postcode 2132 (Hoofddorp) lies in Haarlemmermeer`, or for a place or alias its name.

    >>> via_line("postcode", "2132", ["Hoofddorp"], "Haarlemmermeer")
    'postcode 2132 (Hoofddorp) lies in Haarlemmermeer'
    >>> via_line("place", "Hoofddorp", ["Hoofddorp"], "Haarlemmermeer", "nl")
    'Hoofddorp ligt in Haarlemmermeer'
    >>> via_line("postcode", "2132", ["Hoofddorp"], "Haarlemmermeer", "nl")
    'postcode 2132 (Hoofddorp) ligt in Haarlemmermeer'
    """
    where = f"postcode {name} ({', '.join(places)})" if kind == "postcode" else name
    return VIA_WORDS[language].format(where=where, name=display_name)
