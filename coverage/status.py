"""Who serves each municipality, and its coverage status."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from coverage.schema import Snapshot

Status = Literal["coordinator", "comensha", "fallback"]
STATUSES: tuple[Status, ...] = ("coordinator", "comensha", "fallback")
"""`coordinator`: a regional coordinator other than CoMensha; `comensha`: the overview itself
names CoMensha for the area; `fallback`: no entry gives a contact, so CoMensha by default."""

TARGET_GROUPS = ("under_23", "23_plus")
"""The age groups that `all` stands for."""

ASSIGNMENT_COLUMNS = [
    "municipality", "entry_id", "contact", "organisation", "organisation_in_source",
    "target_group", "is_comensha",
]


def assignments(snapshot: Snapshot, areas: dict[str, frozenset[str]]) -> pd.DataFrame:
    """One row per (municipality, entry, contact): who the overview lists for each municipality.

    Entries that list no contact give no rows.
    """
    rows = [
        (code, entry.id, index, contact.effective_organisation, contact.organisation,
         contact.target_group, contact.is_comensha)
        for entry in snapshot.entries
        for index, contact in enumerate(entry.contacts)
        for code in sorted(areas[entry.id])
    ]
    return pd.DataFrame(rows, columns=ASSIGNMENT_COLUMNS)


def municipality_status(codes: pd.Index, assigned: pd.DataFrame) -> pd.DataFrame:
    """Status per municipality, with whether its coordinators are split by target group.

    Returns a frame indexed like `codes` with `status` and `split_by_age`.
    """
    regional = assigned.loc[~assigned["is_comensha"]]
    has_regional = pd.Index(regional["municipality"].unique())
    named_comensha = pd.Index(assigned.loc[assigned["is_comensha"], "municipality"].unique())
    status = pd.Series("fallback", index=codes, dtype=object)
    status[codes.isin(named_comensha)] = "comensha"
    status[codes.isin(has_regional)] = "coordinator"
    split = regional.loc[regional["target_group"] != "all"].groupby("municipality").size()
    return pd.DataFrame({
        "status": status,
        "split_by_age": pd.Series(codes.isin(split.index), index=codes),
    })


def overlaps(assigned: pd.DataFrame) -> pd.DataFrame:
    """Municipalities where two contacts serve the same target group.

    `all` counts for both age groups. Columns: `municipality`, `target_group`, `entry_ids`,
    `organisations` (tuples, sorted).
    """
    expanded = assigned.assign(
        target_group=assigned["target_group"].map(
            lambda group: TARGET_GROUPS if group == "all" else (group,))
    ).explode("target_group")
    keys = ["municipality", "target_group"]
    shared = expanded.loc[expanded.groupby(keys)["entry_id"].transform("size") > 1]
    found = shared.groupby(keys).agg(
        entry_ids=("entry_id", lambda ids: tuple(sorted(set(ids)))),
        organisations=("organisation", lambda names: tuple(sorted(set(names.dropna())))),
    )
    return found.reset_index()
