"""The search box's offers in the page's language, and the offer a label names.

The box lists every municipality by name, then aliases, places and four-digit postcodes, each
said as such ("Hoofddorp — gemeente Haarlemmermeer", "2132 — Haarlemmermeer"), in the order of
:meth:`coverage.search.MunicipalityIndex.offer_list` (the box filters by "contains" and keeps
that order). A label of either language names its offer (:func:`offer_for`), so a box that
holds a Dutch label still finds its municipality after the reader switches to English.
"""

from __future__ import annotations

from dataclasses import dataclass

from coverage.search import MunicipalityIndex, Offer
from ui.text.i18n import LANGUAGES, Translator

__all__ = ["OfferLabels", "label_in", "offer_for", "offer_label", "offer_labels"]


def offer_label(offer: Offer, municipality: str, t: Translator) -> str:
    """How an offer reads in `t`'s language; `municipality`: the display name of the
    municipality it lies in."""
    if offer.kind == "municipality":
        return offer.name
    key = ("search_offer_postcode" if offer.kind in ("postcode", "code")
           else "search_offer_place")
    return t(key, name=offer.name, municipality=municipality)


@dataclass(frozen=True)
class OfferLabels:
    """Every offer's label per language, and the offer each label names (None for a label
    that two offers share, such as a display name two municipalities have)."""

    labels: dict[str, tuple[str, ...]]
    offers: dict[str, Offer | None]


_CACHE: dict[int, tuple[MunicipalityIndex, OfferLabels]] = {}
"""Per index (its id, kept alive with it): the labels, computed once (7,000 offers)."""


def _labels(index: MunicipalityIndex) -> OfferLabels:
    cached = _CACHE.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    names = index.municipalities["display_name"]
    offers = index.offer_list()
    labels: dict[str, tuple[str, ...]] = {}
    named: dict[str, Offer | None] = {}
    for language in LANGUAGES:
        t = Translator(language)
        worded = [(offer_label(offer, str(names[offer.code]), t), offer) for offer in offers]
        labels[language] = tuple(dict.fromkeys(label for label, _offer in worded))
        for label, offer in worded:
            named[label] = offer if named.get(label, offer) == offer else None
    result = OfferLabels(labels, named)
    if len(_CACHE) > 4:
        _CACHE.clear()
    _CACHE[id(index)] = (index, result)
    return result


def offer_labels(index: MunicipalityIndex, language: str) -> tuple[str, ...]:
    """The box's options in `language`, in order, each once."""
    return _labels(index).labels[language]


def offer_for(index: MunicipalityIndex, text: str) -> Offer | None:
    """The one offer whose label (in any language) is `text`, else None."""
    return _labels(index).offers.get(text)


def label_in(text: str | None, index: MunicipalityIndex, language: str) -> str | None:
    """`text` as the box shows it in `language`: an offer's label in another language becomes
    the same offer's label in this one; anything else stays as it is."""
    if not text:
        return text
    offer = offer_for(index, text)
    if offer is None or text in _labels(index).labels[language]:
        return text
    names = index.municipalities["display_name"]
    return offer_label(offer, str(names[offer.code]), Translator(language))
