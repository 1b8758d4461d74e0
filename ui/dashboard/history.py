"""The history view: every published version with who published it, when and why, in the
page's language (times in Amsterdam, the seed overviews by name, the first start's comment in
words), as a plain table (`ui.dashboard.html_table`)."""

from __future__ import annotations

import re

import pandas as pd

from registry.store import SEED_AUTHOR
from registry.versions import VersionInfo
from ui.dashboard.html_table import show_table
from ui.shell.sidebar import version_label
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.local_time import date_text, date_time_text

_SEED_COMMENT = re.compile(r"First start: seeded from [\w.-]+")
"""The comment the store gives the versions it seeds on a first start (`registry.store`)."""


def comment_text(info: VersionInfo, t: Translator) -> str:
    """The version's comment; the store's own words for a seeded version in the page's
    language (a comment someone wrote stays as written).

    >>> import datetime
    >>> seeded = VersionInfo(1, "current", None, None, datetime.datetime.now(datetime.UTC),
    ...                      SEED_AUTHOR, "First start: seeded from current.yaml", None, "0")
    >>> comment_text(seeded, Translator("nl"))
    'Eerste start: overgenomen uit de meegeleverde bestanden'
    """
    match = _SEED_COMMENT.fullmatch(info.comment or "")
    if info.published_by == SEED_AUTHOR and match:
        return t("history_seeded")
    return info.comment or ""


def author_text(info: VersionInfo, t: Translator) -> str:
    """Who published the version; the store's seeding in words."""
    return t("history_seed_author") if info.published_by == SEED_AUTHOR else info.published_by


def history_table(infos: list[VersionInfo], t: Translator) -> pd.DataFrame:
    """One row per version, newest first (register text stays plain: a table cell)."""
    return pd.DataFrame({
        t("col_version"): [info.number for info in infos],
        t("col_label"): [version_label(info, t) for info in infos],
        t("col_published_at"): [date_time_text(info.published_at, t.language)
                                for info in infos],
        t("col_published_by"): [author_text(info, t) for info in infos],
        t("col_comment"): [comment_text(info, t) for info in infos],
        t("col_parent"): [str(info.parent) if info.parent is not None else t("history_no_parent")
                          for info in infos],
        t("col_source_date"): [date_text(info.source_date, t.language) if info.source_date
                               else "" for info in infos],
        t("col_content_hash"): [info.content_hash[:12] for info in infos],
    })


def history(infos: list[VersionInfo], t: Translator) -> None:
    """The history view."""
    plain_text.paragraph(t("history_intro"))
    show_table(history_table(infos, t), t, caption=t("tab_history"), key="history",
               file_name="coverage-history.csv")
