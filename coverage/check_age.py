"""How fresh a contact is: when it was last checked, and whether it is due for a check.

A contact the register gives without `verified_on` was never checked (the seed overviews carry
no dates); one checked longer ago than the configured age (`DEFAULT_CHECK_MONTHS`, or
`$COVERAGE_CHECK_MONTHS`, or `--months` on the command line) is due for a check. The age is
computed against the date passed in (`today`): the functions here are pure, and only
`CheckAge.now` reads the clock (in Europe/Amsterdam) and the environment.
"""

from __future__ import annotations

import calendar
import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

DEFAULT_CHECK_MONTHS = 12
"""A contact checked longer ago than this many months is due for a check."""
CHECK_MONTHS_VARIABLE = "COVERAGE_CHECK_MONTHS"
"""Environment variable with another age (whole months, 1 to `MAX_CHECK_MONTHS`)."""
MAX_CHECK_MONTHS = 120
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day where it is shorter).

    >>> months_before(datetime.date(2026, 12, 3), 12)
    datetime.date(2025, 12, 3)
    >>> months_before(datetime.date(2025, 3, 31), 1)
    datetime.date(2025, 2, 28)
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def is_due(verified_on: datetime.date | None, today: datetime.date, months: int) -> bool:
    """Whether a contact last checked on `verified_on` (None: never) is due for a check on
    `today`: never checked, or checked before the day `months` months ago.

    >>> is_due(None, datetime.date(2026, 1, 1), 12)
    True
    >>> is_due(datetime.date(2025, 1, 1), datetime.date(2026, 1, 1), 12)
    False
    >>> is_due(datetime.date(2024, 12, 31), datetime.date(2026, 1, 1), 12)
    True
    """
    return verified_on is None or verified_on < months_before(today, months)


def date_in_words(day: datetime.date, language: str) -> str:
    """A date as people write it: `3 december 2026` in Dutch, `3 December 2026` in English.

    >>> date_in_words(datetime.date(2026, 12, 3), "nl")
    '3 december 2026'
    >>> date_in_words(datetime.date(2026, 12, 3), "en")
    '3 December 2026'
    """
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def check_months(environ: Mapping[str, str]) -> int:
    """The age (months) after which a contact is due, from `environ`'s
    `COVERAGE_CHECK_MONTHS` (default 12); a value that is not a whole number from 1 to 120 is
    refused with `ValueError`.

    >>> check_months({})
    12
    >>> check_months({"COVERAGE_CHECK_MONTHS": "6"})
    6
    """
    text = environ.get(CHECK_MONTHS_VARIABLE, "").strip()
    if not text:
        return DEFAULT_CHECK_MONTHS
    return valid_months(text)


def valid_months(text: str | int) -> int:
    """`text` as an age in months (1 to `MAX_CHECK_MONTHS`), or `ValueError`."""
    value = str(text).strip()
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_CHECK_MONTHS:
        raise ValueError(f"the age of a check must be a whole number of months from 1 to "
                         f"{MAX_CHECK_MONTHS}")
    return int(value)


def today_in_amsterdam() -> datetime.date:
    """Today's date in the Netherlands (the date people see, whatever the server's zone)."""
    return datetime.datetime.now(AMSTERDAM).date()


@dataclass(frozen=True)
class CheckAge:
    """The date against which a contact's age is measured, and the age that makes it due."""

    today: datetime.date
    months: int = DEFAULT_CHECK_MONTHS

    def is_due(self, verified_on: datetime.date | None) -> bool:
        """See `is_due`."""
        return is_due(verified_on, self.today, self.months)

    @property
    def threshold(self) -> datetime.date:
        """The earliest date of a check that is not yet due."""
        return months_before(self.today, self.months)

    @classmethod
    def now(cls, months: int | None = None) -> CheckAge:
        """Today in Amsterdam, with `months` or else `$COVERAGE_CHECK_MONTHS` (the default,
        12, where it is unset or not a valid age): the edge's choice, for renderers that do not
        pass their own (the command line refuses an invalid value itself)."""
        if months is None:
            try:
                months = check_months(os.environ)
            except ValueError:
                months = DEFAULT_CHECK_MONTHS
        return cls(today_in_amsterdam(), months)
