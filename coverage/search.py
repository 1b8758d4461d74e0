"""Find a municipality by code, official name or common name, ignoring case and accents."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed.

    >>> normalise("Súdwest-Fryslân")
    'sudwest fryslan'
    >>> normalise("'s-Gravenhage")
    's gravenhage'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def _without_qualifier(name: str) -> str:
    """`Hengelo (O.)` → `Hengelo`: the name without CBS's province qualifier."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name)


@dataclass(frozen=True)
class SearchResult:
    """The codes a query matched: exactly one is a hit; several are ambiguous; none gives
    `suggestions` (display names)."""

    query: str
    codes: tuple[str, ...]
    suggestions: tuple[str, ...] = ()

    @property
    def unique(self) -> str | None:
        """The code of the single match, if there is exactly one."""
        return self.codes[0] if len(self.codes) == 1 else None


@dataclass(frozen=True)
class MunicipalityIndex:
    """Search keys for every municipality of a units table (`code`, `name`, `display_name`)."""

    municipalities: pd.DataFrame
    _keys: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    _labels: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        keys: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        table = self.municipalities
        for code, name, display in zip(table.index, table["name"], table["display_name"],
                                       strict=True):
            for spelling in {code, name, display, _without_qualifier(name)}:
                keys.setdefault(normalise(spelling), set()).add(code)
            labels[normalise(display)] = display
            labels[normalise(name)] = display
        object.__setattr__(self, "_keys", {key: tuple(sorted(codes))
                                           for key, codes in keys.items()})
        object.__setattr__(self, "_labels", labels)

    def find(self, query: str) -> SearchResult:
        """The municipality a query names: exact key first, then a unique prefix."""
        key = normalise(query)
        if not key:
            return SearchResult(query, ())
        if key in self._keys:
            return SearchResult(query, self._keys[key])
        prefixed = sorted({code for name, codes in self._keys.items() if name.startswith(key)
                           for code in codes})
        if prefixed:
            return SearchResult(query, tuple(prefixed))
        close = difflib.get_close_matches(key, list(self._labels), n=5, cutoff=0.6)
        return SearchResult(query, (), tuple(dict.fromkeys(self._labels[name] for name in close)))
