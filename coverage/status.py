"""Who serves each municipality, and its coverage status."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from coverage.schema import Language, Snapshot

Status = Literal["coordinator", "partial", "comensha", "fallback"]
STATUSES: tuple[Status, ...] = ("coordinator", "partial", "comensha", "fallback")
"""`coordinator`: every target group (under 23 and 23 plus; `all` counts for both) has a
regional coordinator other than CoMensha; `partial`: one target group has a regional
coordinator, the other has none and falls back to CoMensha (or the overview names CoMensha for
it); `comensha`: no regional coordinator, and the overview itself names CoMensha for the area;
`fallback`: no entry gives a contact, so CoMensha by default."""

UNCOVERED_STATUSES: tuple[Status, ...] = ("comensha", "fallback")
"""The statuses without any regional coordinator ("no regional coordinator" in the figures)."""

TARGET_GROUPS = ("under_23", "23_plus")
"""The age groups that `all` stands for."""

StatusKey = Literal["coordinator", "coordinator_split_by_age", "partial", "comensha", "fallback"]
"""A status as it is shown (label, colour): the status, with `coordinator_split_by_age` for a
`coordinator` municipality whose coordinators split by target group."""

STATUS_LABELS: dict[StatusKey, dict[Language, str]] = {
    "coordinator": {"nl": "Regionale zorgcoördinator", "en": "Regional care coordinator"},
    "coordinator_split_by_age": {"nl": "Regionale zorgcoördinatoren, gesplitst naar leeftijd",
                                 "en": "Regional care coordinators, split by age"},
    "partial": {
        "nl": "Deels gedekt: regionale zorgcoördinator voor één leeftijdsgroep",
        "en": "Partly covered: a regional care coordinator for one age group only"},
    "comensha": {"nl": "CoMensha (genoemd in het overzicht)",
                 "en": "CoMensha (named in the overview)"},
    "fallback": {"nl": "Geen zorgcoördinator: CoMensha als vangnet",
                 "en": "No care coordinator: CoMensha as fallback"},
}
"""The status in words, in both languages: the one place for the labels of the card, the
legend, the tables, the downloads, the PDF report and the command line (`ui.text.i18n` refers to
these as `status_*`)."""


def status_key(status: Status, split_by_age: bool) -> StatusKey:
    """The key of a status as shown: `coordinator_split_by_age` for a coordinator municipality
    whose coordinators split by target group, else the status itself.

    >>> status_key("coordinator", True), status_key("partial", True)
    ('coordinator_split_by_age', 'partial')
    """
    return "coordinator_split_by_age" if status == "coordinator" and split_by_age else status


def status_label(status: Status, split_by_age: bool, language: Language) -> str:
    """The status in words.

    >>> status_label("fallback", False, "en")
    'No care coordinator: CoMensha as fallback'
    """
    return STATUS_LABELS[status_key(status, split_by_age)][language]

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


def by_target_group(assigned: pd.DataFrame) -> pd.DataFrame:
    """`assigned` with one row per concrete target group (`all` becomes both age groups)."""
    return assigned.assign(
        target_group=assigned["target_group"].map(
            lambda group: TARGET_GROUPS if group == "all" else (group,))
    ).explode("target_group")


def uncovered_groups(codes: pd.Index, assigned: pd.DataFrame) -> pd.Series:
    """Per municipality, the target groups (in `TARGET_GROUPS` order) without a regional
    coordinator: empty where every group has one, both groups where none has."""
    regional = by_target_group(assigned.loc[~assigned["is_comensha"].astype(bool)])
    covered = regional.groupby("municipality")["target_group"].agg(frozenset)
    return pd.Series(
        [tuple(group for group in TARGET_GROUPS if group not in covered.get(code, frozenset()))
         for code in codes],
        index=codes, dtype=object,
    )


def municipality_status(codes: pd.Index, assigned: pd.DataFrame) -> pd.DataFrame:
    """Status per municipality, with whether its coordinators are split by target group.

    Returns a frame indexed like `codes` with `status` and `split_by_age` (a regional contact
    serves one age group only). Which group a `partial` municipality lacks is given by
    `uncovered_groups`.
    """
    regional = assigned.loc[~assigned["is_comensha"].astype(bool)]
    named_comensha = pd.Index(assigned.loc[assigned["is_comensha"].astype(bool),
                                           "municipality"].unique())
    uncovered = uncovered_groups(codes, assigned)
    missing = uncovered.map(len)
    status = pd.Series("fallback", index=codes, dtype=object)
    status[codes.isin(named_comensha)] = "comensha"
    status[(missing > 0) & (missing < len(TARGET_GROUPS))] = "partial"
    status[missing == 0] = "coordinator"
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
    expanded = by_target_group(assigned)
    keys = ["municipality", "target_group"]
    shared = expanded.loc[expanded.groupby(keys)["entry_id"].transform("size") > 1]
    found = shared.groupby(keys).agg(
        entry_ids=("entry_id", lambda ids: tuple(sorted(set(ids)))),
        organisations=("organisation", lambda names: tuple(sorted(set(names.dropna())))),
    )
    return found.reset_index()
