"""The history view: every published version with who published it, when and why."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from registry.versions import VersionInfo
from ui import plain_text
from ui.i18n import Translator


def history_table(infos: list[VersionInfo], t: Translator) -> pd.DataFrame:
    """One row per version, newest first (register text stays plain: a table cell)."""
    return pd.DataFrame({
        t("col_version"): [info.number for info in infos],
        t("col_label"): [info.label for info in infos],
        t("col_published_at"): [f"{info.published_at:%Y-%m-%d %H:%M}" for info in infos],
        t("col_published_by"): [info.published_by for info in infos],
        t("col_comment"): [info.comment for info in infos],
        t("col_parent"): [info.parent for info in infos],
        t("col_source_date"): [info.source_date.isoformat() if info.source_date else ""
                               for info in infos],
        t("col_content_hash"): [info.content_hash[:12] for info in infos],
    })


def history(infos: list[VersionInfo], t: Translator) -> None:
    """The history view."""
    plain_text.paragraph(t("history_intro"))
    st.dataframe(history_table(infos, t), hide_index=True, width="stretch")
