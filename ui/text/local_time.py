"""Times shown to people: in Europe/Amsterdam, written the page's way.

The database keeps every moment in UTC; a reader in the Netherlands reads the clock on the
wall, so every date and time on a page (the history of versions, the version shown, the
sign-in lock, the notice while the database does not answer) goes through here.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
"""The time zone of every time shown."""
DATE_TIME_FORMAT = {"nl": "%d-%m-%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
DATE_FORMAT = {"nl": "%d-%m-%Y", "en": "%Y-%m-%d"}


def local(moment: datetime.datetime) -> datetime.datetime:
    """`moment` in Amsterdam; a moment without a time zone is taken as UTC (the database's).

    >>> local(datetime.datetime(2025, 7, 1, 10, 0)).strftime("%H:%M %Z")
    '12:00 CEST'
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(LOCAL_TIME)


def date_time_text(moment: datetime.datetime, language: str) -> str:
    """Date and time in Amsterdam as the language writes them.

    >>> winter = datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC)
    >>> date_time_text(winter, "nl"), date_time_text(winter, "en")
    ('01-02-2025 00:30', '2025-02-01 00:30')
    """
    return local(moment).strftime(DATE_TIME_FORMAT[language])


def date_text(moment: datetime.date, language: str) -> str:
    """The date (of a moment: in Amsterdam) as the language writes it.

    >>> date_text(datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC), "nl")
    '01-02-2025'
    >>> date_text(datetime.date(2025, 1, 31), "en")
    '2025-01-31'
    """
    if isinstance(moment, datetime.datetime):
        moment = local(moment)
    return moment.strftime(DATE_FORMAT[language])


def clock_text(moment: datetime.datetime) -> str:
    """The time of day in Amsterdam (HH:MM).

    >>> clock_text(datetime.datetime(2025, 7, 1, 10, 5, tzinfo=datetime.UTC))
    '12:05'
    """
    return local(moment).strftime("%H:%M")
