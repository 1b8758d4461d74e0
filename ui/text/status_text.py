"""The status of every municipality in words, in the page's language (the map's tooltips, the
tables and the gaps view say it alike)."""

from __future__ import annotations

import pandas as pd

from coverage.engine import Coverage
from coverage.status import status_label
from ui.text.i18n import Translator


def status_labels(coverage: Coverage, t: Translator) -> pd.Series:
    """The status of every municipality in words."""
    table = coverage.municipalities
    return pd.Series([status_label(status, split, t.language)
                      for status, split
                      in zip(table["status"], table["split_by_age"], strict=True)],
                     index=table.index)
