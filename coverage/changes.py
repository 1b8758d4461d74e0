"""What changed per municipality between two snapshots of the overview."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from coverage.engine import Coverage
from coverage.status import TARGET_GROUPS

Change = Literal["gained", "lost", "status_changed", "contact_changed"]
"""`gained`: more target groups have a regional coordinator than before (e.g. `fallback` to
`partial` or `coordinator`, `partial` to `coordinator`); `lost`: fewer; `status_changed`: as
many as before but another status (between `comensha` and `fallback`); `contact_changed`: same
status, other organisations or numbers."""


def contact_summary(coverage: Coverage) -> pd.Series:
    """Per municipality, a sorted tuple of (organisation, target group, E.164 numbers)."""
    return pd.Series({
        code: tuple(sorted({(contact.effective_organisation or "", contact.target_group,
                             tuple(phone.e164 for phone in contact.phones))
                            for contact in contacts}))
        for code, contacts in coverage.contacts_by_municipality.items()
    })


def compare(before: Coverage, after: Coverage) -> pd.DataFrame:
    """One row per municipality that changed, with `change`, both statuses and both contacts.

    Columns: `code`, `name`, `safety_region_code`, `change`, `status_before`, `status_after`,
    `contacts_before`, `contacts_after` (as in `contact_summary`).
    """
    table = after.municipalities[["code", "name", "safety_region_code"]].copy()
    table["status_before"] = before.municipalities["status"]
    table["status_after"] = after.municipalities["status"]
    table["contacts_before"] = contact_summary(before)
    table["contacts_after"] = contact_summary(after)
    had = len(TARGET_GROUPS) - before.uncovered_groups.map(len)
    has = len(TARGET_GROUPS) - after.uncovered_groups.map(len)
    table["change"] = None
    table.loc[table["contacts_before"] != table["contacts_after"], "change"] = "contact_changed"
    table.loc[table["status_before"] != table["status_after"], "change"] = "status_changed"
    table.loc[has > had, "change"] = "gained"
    table.loc[has < had, "change"] = "lost"
    changed = table.loc[table["change"].notna()]
    return changed[["code", "name", "safety_region_code", "change", "status_before",
                    "status_after", "contacts_before", "contacts_after"]].reset_index(drop=True)
