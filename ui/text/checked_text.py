"""When a contact was last checked, in words, for every renderer of an answer that writes plain
text (the PDF report, the table downloads): "gecontroleerd op 3 december 2026 door anna; controle
nodig" or "nog niet gecontroleerd". The card says the same in its own markup
(`ui.dashboard.card`)."""

from __future__ import annotations

from coverage.answer import Call
from coverage.check_age import date_in_words
from ui.text.i18n import Translator


def checked_words(call: Call, t: Translator) -> str:
    """The call's last check (or that there was none), and whether it is due for a check."""
    if call.verified_on is None:
        text = t("checked_never")
    else:
        text = t("checked_on_words", date=date_in_words(call.verified_on, t.language),
                 name=call.verified_by or "")
    return f"{text}; {t('checked_due_words')}" if call.due_for_check else text
