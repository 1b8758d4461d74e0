"""Find a municipality by code, official or common name, place, postcode or alias, ignoring
case and accents.

Municipality names and codes come first; a place or alias of the same name that lies in another
municipality is offered beside them (the village Hengelo in Bronckhorst beside the municipality
Hengelo). A four-digit postcode, or a full one (`2132 AB`), finds every municipality it lies in.

:attr:`MunicipalityIndex.offers` lists what a search box offers while the user types: every
municipality by its common and official name; :meth:`MunicipalityIndex.find` takes any of them
back, and any other name, code, place or postcode typed. The index's keys (`SearchKeys`) are
plain data: the command line keeps them on disk with the answers (`cli.lookup_cache`) and
searches them without reading the tables.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the tables are read elsewhere: `SearchKeys` alone needs no pandas
    import pandas as pd

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed.

    >>> normalise("Súdwest-Fryslân")
    'sudwest fryslan'
    >>> normalise("'s-Gravenhage")
    's gravenhage'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", plain).split())


def _without_accents(text: str) -> str:
    """`Súdwest-Fryslân` → `Sudwest-Fryslan`: case and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _without_qualifier(name: str) -> str:
    """`Hengelo (O.)` → `Hengelo`: the name without CBS's province qualifier."""
    return _QUALIFIER.sub("", name)


_MIN_CONTAINED = 3
"""The shortest query looked up inside municipality names (not only at their start)."""

_POSTCODE = re.compile(r"\s*(\d{4})\s*(?:[A-Za-z]{2})?\s*")


def postcode_of(query: str) -> str | None:
    """The four digits of a postcode query (`2132`, `2132 AB`, `2132ab`), else None.

    >>> postcode_of(" 2132 ab ")
    '2132'
    >>> postcode_of("Hoofddorp") is None
    True
    """
    match = _POSTCODE.fullmatch(query)
    return match.group(1) if match else None


@dataclass(frozen=True)
class Via:
    """How a query reached a municipality other than by its own name or code: through a place
    (`kind` "place"), an alias ("alias") or a postcode ("postcode")."""

    code: str
    kind: str
    name: str
    """The place or alias as written in its table, or the four digits of the postcode."""
    places: tuple[str, ...] = ()
    """For a postcode: the places in it that lie in this municipality (GeoNames)."""


@dataclass(frozen=True)
class SearchResult:
    """The codes a query matched: exactly one is a hit; several are ambiguous; none gives
    `suggestions` (display names)."""

    query: str
    codes: tuple[str, ...]
    suggestions: tuple[str, ...] = ()
    via: tuple[Via, ...] = ()
    """For each code reached through a place, alias or postcode (not by the municipality's own
    name or code): what matched."""
    exact: bool = False
    """The first code is the one municipality whose own name or code is exactly the query; any
    further codes are places or aliases of that name in other municipalities (`Hoorn`, the
    city, before the village Hoorn on Terschelling)."""

    @property
    def unique(self) -> str | None:
        """The code of the single match, or of the municipality the query names exactly."""
        return self.codes[0] if len(self.codes) == 1 or self.exact else None

    @property
    def alternatives(self) -> tuple[str, ...]:
        """Beside an exact municipality name: the other municipalities with a place or alias
        of that name (empty otherwise)."""
        return self.codes[1:] if self.exact else ()

    def via_of(self, code: str) -> Via | None:
        """What matched for `code`, if it was a place, alias or postcode."""
        return next((via for via in self.via if via.code == code), None)


OFFER_KINDS = ("municipality", "alias", "spelling", "place", "postcode", "code")
"""The kinds of offer, in the order a search box lists them."""


@dataclass(frozen=True)
class Offer:
    """One thing a search box offers: a municipality by its own name, or an alias, place or
    four-digit postcode that lies in one (`code`). The UI words it in the page's language
    ("Hoofddorp — gemeente Haarlemmermeer", "2132 — Haarlemmermeer")."""

    kind: str
    """One of :data:`OFFER_KINDS` ("spelling": a municipality's name without its accents,
    `Sudwest-Fryslan`, for a box that filters without ignoring them)."""
    name: str
    """The municipality's name, the alias or place as written in its table, or the postcode."""
    code: str
    """The municipality's code."""


@dataclass(frozen=True)
class SearchKeys:
    """What a search looks up, as plain data: normalised spelling → municipality codes (codes,
    official and common names); normalised name → the display name (for suggestions);
    normalised place or alias → code → `Via`; postcode → (code, places) pairs."""

    keys: dict[str, tuple[str, ...]]
    labels: dict[str, str]
    name_keys: dict[str, dict[str, Via]]
    postcode_keys: dict[str, list[tuple[str, str]]]

    def to_json(self) -> dict[str, Any]:
        """The keys as JSON data; `from_json` reads them back."""
        return {"keys": {key: list(codes) for key, codes in self.keys.items()},
                "labels": self.labels,
                "name_keys": {key: {code: [via.kind, via.name] for code, via in vias.items()}
                              for key, vias in self.name_keys.items()},
                "postcode_keys": {key: [list(pair) for pair in pairs]
                                  for key, pairs in self.postcode_keys.items()}}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> SearchKeys:
        """The keys of `to_json`; raises (`KeyError`, `TypeError`, `ValueError`) on another
        shape."""
        return cls(
            keys={str(key): tuple(map(str, codes)) for key, codes in value["keys"].items()},
            labels={str(key): str(label) for key, label in value["labels"].items()},
            name_keys={str(key): {str(code): Via(str(code), str(kind), str(name))
                                  for code, (kind, name) in vias.items()}
                       for key, vias in value["name_keys"].items()},
            postcode_keys={str(key): [(str(code), str(places)) for code, places in pairs]
                           for key, pairs in value["postcode_keys"].items()})

    @staticmethod
    def _combined(query: str, direct: tuple[str, ...], named: dict[str, Via], *,
                  exact: bool = False) -> SearchResult:
        """Municipalities matched by their own name first, then those matched through another
        name, each once. `exact`: `direct` matched the whole query, so a single one of them is
        the answer and the others are alternatives."""
        others = tuple(sorted(code for code in named if code not in direct))
        return SearchResult(query, direct + others, via=tuple(named[code] for code in others),
                            exact=exact and len(direct) == 1)

    def _named_by_prefix(self, key: str) -> dict[str, Via]:
        """For each municipality with a place or alias that starts with `key`: the shortest."""
        found: dict[str, Via] = {}
        for name, by_code in self.name_keys.items():
            if name.startswith(key):
                for code, via in by_code.items():
                    if code not in found or len(via.name) < len(found[code].name):
                        found[code] = via
        return found

    def find(self, query: str) -> SearchResult:
        """The municipalities a query names: a postcode; else an exact name (the
        municipality's own, then places and aliases); else names that start with it."""
        postcode = postcode_of(query)
        if postcode is not None:
            vias = tuple(Via(code, "postcode", postcode, tuple(filter(None, places.split("; "))))
                         for code, places in self.postcode_keys.get(postcode, []))
            return SearchResult(query, tuple(via.code for via in vias), via=vias)
        key = normalise(query)
        if not key:
            return SearchResult(query, ())
        if key in self.keys or key in self.name_keys:
            return self._combined(query, self.keys.get(key, ()), self.name_keys.get(key, {}),
                                  exact=True)
        prefixed = tuple(sorted({code for name, codes in self.keys.items()
                                 if name.startswith(key) for code in codes}))
        # A name inside a municipality's own name (`Bosch`: 's-Hertogenbosch) comes next,
        # before places that start with it elsewhere (Boschoord in Westerveld).
        contained = tuple(sorted({code for name, codes in self.keys.items()
                                  if len(key) >= _MIN_CONTAINED and key in name
                                  for code in codes} - set(prefixed)))
        named = self._named_by_prefix(key)
        if prefixed or contained or named:
            return self._combined(query, prefixed + contained, named)
        close = difflib.get_close_matches(key, list(self.labels), n=5, cutoff=0.6)
        return SearchResult(query, (), tuple(dict.fromkeys(self.labels[name] for name in close)))


@dataclass(frozen=True)
class MunicipalityIndex:
    """Search keys for every municipality of a units table (`code`, `name`, `display_name`),
    and optionally for other names (`name, municipality_code, kind`: places and aliases) and
    postcodes (`postcode, municipality_code, places`, places separated by `; `)."""

    municipalities: pd.DataFrame
    names: pd.DataFrame | None = None
    postcodes: pd.DataFrame | None = None
    search_keys: SearchKeys = field(init=False, repr=False)

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
        object.__setattr__(self, "search_keys", SearchKeys(
            {key: tuple(sorted(codes)) for key, codes in keys.items()}, labels,
            self._index_names(), self._index_postcodes()))

    def _check_codes(self, table: pd.DataFrame, what: str) -> None:
        unknown = sorted(set(table["municipality_code"].unique())
                         - set(self.municipalities.index))
        if unknown:
            raise ValueError(f"{what} in unknown municipalities: {', '.join(unknown)}")

    def _index_names(self) -> dict[str, dict[str, Via]]:
        keys: dict[str, dict[str, Via]] = {}
        if self.names is None:
            return keys
        self._check_codes(self.names, "names")
        columns = (self.names[column].tolist() for column in ("name", "municipality_code", "kind"))
        for name, code, kind in zip(*columns, strict=True):
            for spelling in {name, _without_qualifier(name)}:
                keys.setdefault(normalise(spelling), {}).setdefault(code, Via(code, kind, name))
        return keys

    def _index_postcodes(self) -> dict[str, list[tuple[str, str]]]:
        """Postcode → (municipality code, places) pairs, in code order."""
        keys: dict[str, list[tuple[str, str]]] = {}
        if self.postcodes is None:
            return keys
        self._check_codes(self.postcodes, "postcodes")
        columns = (self.postcodes[column].tolist()
                   for column in ("postcode", "municipality_code", "places"))
        for postcode, code, places in zip(*columns, strict=True):
            keys.setdefault(postcode, []).append((code, places))
        for pairs in keys.values():
            pairs.sort()
        return keys

    @functools.cached_property
    def offers(self) -> tuple[str, ...]:
        """What a search box offers while the user types: every municipality's common name, and
        its official name where that differs, in alphabetical order (ignoring case and
        accents). Places (2,500) and postcodes (4,000) are not offered: a box that is put in
        step with the selection sends its offers anew, and they would multiply what every
        selection sends; typed, :meth:`find` finds them. Sorted once per index (the box is
        drawn on every run of every session)."""
        table = self.municipalities
        labels = set(table["display_name"]) | set(table["name"])
        return tuple(sorted(labels, key=lambda label: (normalise(label), label)))

    def offer_list(self) -> tuple[Offer, ...]:
        """Everything a search box offers, in the order it lists what matches: every
        municipality by its common and official name (alphabetical, ignoring case and
        accents), then aliases, then places (a place of a municipality's own name in that
        municipality left out), then four-digit postcodes, one offer per municipality they lie
        in. A box that keeps this order while it filters (Streamlit's "contains") so ranks a
        name inside a municipality's name or alias above a place of that name elsewhere:
        `Bosch` lists 's-Hertogenbosch before Boschoord (Westerveld)."""
        table = self.municipalities
        own = [Offer("municipality", label, code) for code, names in
               zip(table.index, zip(table["display_name"], table["name"], strict=True),
                   strict=True) for label in dict.fromkeys(names)]
        own.sort(key=lambda offer: (normalise(offer.name), offer.name))
        own_names = {(normalise(spelling), offer.code) for offer in own
                     for spelling in (offer.name, _without_qualifier(offer.name))}
        others: list[Offer] = []
        if self.names is not None:
            columns = (self.names[column].tolist()
                       for column in ("name", "municipality_code", "kind"))
            others = [Offer(kind, name, code) for name, code, kind in zip(*columns, strict=True)
                      if (normalise(name), code) not in own_names]
        rank = {kind: position for position, kind in enumerate(OFFER_KINDS)}
        names = self.municipalities["display_name"]
        others = list(dict.fromkeys(others))
        others.sort(key=lambda offer: (rank.get(offer.kind, len(rank)), normalise(offer.name),
                                       normalise(names[offer.code])))
        spellings = [Offer("spelling", plain, offer.code) for offer in own
                     if (plain := _without_accents(offer.name)) != offer.name]
        postcodes = [Offer("postcode", postcode, code)
                     for postcode, pairs in sorted(self.search_keys.postcode_keys.items())
                     for code, _places in pairs]
        codes = [Offer("code", str(code), str(code)) for code in sorted(table.index)]
        return tuple(own + others + spellings + postcodes + codes)

    def offers_for(self, text: str, offers: tuple[Offer, ...] | None = None) -> tuple[Offer, ...]:
        """The offers whose name contains `text` (ignoring case and accents), in the order of
        :meth:`offer_list`: what the search box lists while `text` is typed.

        `offers`: the list to filter (default: :meth:`offer_list`)."""
        key = normalise(text)
        return tuple(offer for offer in (offers or self.offer_list())
                     if key and key in normalise(offer.name))

    def result_for(self, offer: Offer, query: str) -> SearchResult:
        """The search result of a chosen offer: its municipality, and the alias, place or
        postcode that led there (as :meth:`find` gives it)."""
        found = self.find(offer.name)
        if offer.kind in ("municipality", "spelling", "code"):
            if found.unique == offer.code:  # with places of that name elsewhere, if any
                return SearchResult(query, found.codes, via=found.via, exact=found.exact)
            return SearchResult(query, (offer.code,))
        via = found.via_of(offer.code)
        return SearchResult(query, (offer.code,), via=(via,) if via else ())

    def offer_of(self, code: str) -> str:
        """The offer that names a municipality (its common name): what the search box shows
        when the municipality was selected some other way."""
        return str(self.municipalities.at[code, "display_name"])

    def find(self, query: str) -> SearchResult:
        """The municipalities a query names (see `SearchKeys.find`)."""
        return self.search_keys.find(query)
