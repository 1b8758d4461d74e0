"""The lines the contact card (`ui.dashboard.card`), the plain answer page (`web.answer_html`) and
the PDF report (`ui.dashboard.region_report`) say alike about an answer, in the reader's language:
when a contact was last checked and whether it is due, since which version the municipality has its
status, and the national routes that apply everywhere. Pure: words from `ui.text.i18n`, no markup
except in `routes_html`, which escapes every text.
"""

from __future__ import annotations

from html import escape

from coverage.answer import Answer, Call
from coverage.check_age import AMSTERDAM, DEFAULT_CHECK_MONTHS, date_in_words
from coverage.history import Since
from ui.text.i18n import Translator

_SLOT = "\x00"


def checked_sentence(call: Call, t: Translator) -> str:
    """"Gecontroleerd op 3 december 2026 door anna." or "Nog niet gecontroleerd."."""
    if call.verified_on is None:
        return t("card_not_checked")
    return t("card_checked_on", date=date_in_words(call.verified_on, t.language),
             name=call.verified_by or "")


def due_sentence(call: Call, t: Translator) -> str | None:
    """That the contact is due for a check, in words (None when it is not)."""
    if not call.due_for_check:
        return None
    return t("card_due", months=call.checked.months or DEFAULT_CHECK_MONTHS)


def since_sentence(since: Since, t: Translator) -> str:
    """"Deze status sinds versie 2 (3 december 2026)." (the date of publication in
    Amsterdam)."""
    day = since.published_at.astimezone(AMSTERDAM).date()
    return t("card_since", number=since.number, date=date_in_words(day, t.language))


def routes_text(answer: Answer, t: Translator) -> str:
    """The national routes in one line of plain text ("Altijd, overal: Politie 0900-8844;
    …."); empty where the version's register gives none."""
    if not answer.national_routes:
        return ""
    routes = "; ".join(f"{route.label.in_language(t.language)} {route.phone.display}"
                       for route in answer.national_routes)
    return t("card_routes", routes=routes)


def routes_html(answer: Answer, t: Translator) -> str:
    """The line of `routes_text` as escaped HTML, each number a `tel:` link; empty where the
    version's register gives no routes."""
    if not answer.national_routes:
        return ""
    routes = "; ".join(
        f"{escape(route.label.in_language(t.language))} "
        f'<a href="{escape(route.phone.tel_url, quote=True)}">{escape(route.phone.display)}</a>'
        for route in answer.national_routes)
    return escape(t("card_routes", routes=_SLOT)).replace(_SLOT, routes)
