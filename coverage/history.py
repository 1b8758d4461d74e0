"""Coverage over time: per published version, municipalities and inhabitants per status; and
since which version a municipality has its current status.

Pure functions over the versions' coverages (oldest first); reading the versions is the edge's
job (`registry`, `ui.data`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from coverage.status import STATUSES


@dataclass(frozen=True)
class VersionMark:
    """A published version as the history names it."""

    number: int
    label: str
    published_at: datetime.datetime
    published_by: str


def history_rows(versions: Iterable[tuple[VersionMark, pd.DataFrame]]) -> pd.DataFrame:
    """One row per version (in the order given; with each its municipalities' `status` and
    `population`, as `Coverage.municipalities`): `number`, `label`, `published_at`,
    `published_by`, `municipalities_<status>` and `population_<status>` for every status, and
    `municipalities_total` (every municipality once: 342 for the CBS 2023 boundaries)."""
    rows: list[dict[str, Any]] = []
    for mark, table in versions:
        counts = table["status"].value_counts()
        population = table.groupby("status")["population"].sum()
        row: dict[str, Any] = {"number": mark.number, "label": mark.label,
                               "published_at": mark.published_at,
                               "published_by": mark.published_by}
        for status in STATUSES:
            row[f"municipalities_{status}"] = int(counts.get(status, 0))
        for status in STATUSES:
            row[f"population_{status}"] = int(population.get(status, 0))
        row["municipalities_total"] = len(table)
        rows.append(row)
    columns = ["number", "label", "published_at", "published_by",
               *(f"municipalities_{status}" for status in STATUSES),
               *(f"population_{status}" for status in STATUSES), "municipalities_total"]
    return pd.DataFrame(rows, columns=columns)


def history_json(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """The public JSON shape of `history --json`: per version, `municipalities` and
    `population` per status."""
    return [{"number": int(row["number"]), "label": row["label"],
             "published_at": row["published_at"].isoformat(),
             "published_by": row["published_by"],
             "municipalities": {status: int(row[f"municipalities_{status}"])
                                for status in STATUSES},
             "population": {status: int(row[f"population_{status}"]) for status in STATUSES},
             "municipalities_total": int(row["municipalities_total"])}
            for _, row in rows.iterrows()]


@dataclass(frozen=True)
class Since:
    """The version from which a municipality has had its current status without a break."""

    number: int
    published_at: datetime.datetime


def status_since(statuses: Mapping[VersionMark, pd.Series]) -> dict[str, Since]:
    """Per municipality code, the earliest version of an unbroken run, up to the last version
    given, with the status it has in that last version. `statuses`: per version, oldest first,
    the status per municipality code (`Coverage.municipalities["status"]`).

    >>> moment = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    >>> marks = [VersionMark(n, "x", moment.replace(month=n), "seed") for n in (1, 2, 3)]
    >>> runs = {marks[0]: pd.Series({"GM1": "fallback", "GM2": "coordinator"}),
    ...         marks[1]: pd.Series({"GM1": "coordinator", "GM2": "coordinator"}),
    ...         marks[2]: pd.Series({"GM1": "coordinator", "GM2": "coordinator"})}
    >>> {code: since.number for code, since in status_since(runs).items()}
    {'GM1': 2, 'GM2': 1}
    """
    marks = list(statuses)
    if not marks:
        return {}
    last = statuses[marks[-1]]
    since = {code: Since(marks[-1].number, marks[-1].published_at) for code in last.index}
    open_codes = set(last.index)
    for mark in reversed(marks[:-1]):
        status = statuses[mark]
        for code in list(open_codes):
            if status.get(code) == last[code]:
                since[code] = Since(mark.number, mark.published_at)
            else:
                open_codes.discard(code)
        if not open_codes:
            break
    return since
