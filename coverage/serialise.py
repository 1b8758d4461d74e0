"""The public JSON shapes of the CLI (documented in the README)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from coverage.answer import Version, answer_for
from coverage.border_rule import AreaFinding
from coverage.engine import Coverage
from coverage.schema import Language
from coverage.whatif import WhatIf

JSON = dict[str, Any]


def lookup_json(coverage: Coverage, code: str, language: Language = "en",
                version: Version | None = None) -> JSON:
    """Everything a professional needs for one municipality: its `coverage.answer.Answer` as
    JSON. The project's own texts (the notes) are in `language`; the source's wordings stay as
    the source wrote them."""
    return answer_for(coverage, code, version).to_json(language)


def finding_json(coverage: Coverage, finding: AreaFinding) -> JSON:
    """One area under the border rule, with the municipalities on each side."""
    names = coverage.municipalities["display_name"]

    def listed(codes: tuple[str, ...]) -> list[JSON]:
        return [{"code": code, "name": names[code]} for code in codes]

    return {
        "area_id": finding.entry_id,
        "organisation": " / ".join(finding.organisations),
        "organisations": list(finding.organisations),
        "area_wording": finding.area_wording,
        "kind": finding.kind,
        "safety_regions": [
            {"code": part.code, "name": part.name, "whole": part.whole,
             "municipalities": listed(part.municipalities), "outside": listed(part.outside)}
            for part in finding.regions
        ],
    }


def records_json(table: pd.DataFrame) -> list[JSON]:
    """A table as a list of plain JSON objects (numpy scalars made native)."""
    return [{key: (value.item() if hasattr(value, "item") else value)
             for key, value in record.items()} for record in table.to_dict("records")]


def changes_json(changes: pd.DataFrame) -> list[JSON]:
    """The per-municipality differences between two snapshots."""
    def contacts(summary: tuple) -> list[JSON]:
        return [{"organisation": organisation or None, "target_group": group,
                 "phones": list(phones)} for organisation, group, phones in summary]

    return [
        {"code": row.code, "name": row.name, "safety_region_code": row.safety_region_code,
         "change": row.change, "status_before": row.status_before,
         "status_after": row.status_after, "contacts_before": contacts(row.contacts_before),
         "contacts_after": contacts(row.contacts_after)}
        for row in changes.itertuples()
    ]


def whatif_json(coverage: Coverage, answer: WhatIf) -> JSON:
    """A proposal against a snapshot: its border-rule verdict (`kind` and `safety_regions` as
    in `finding_json`), the gain, the national figures per status before and after, and the
    overlaps with existing regional coordinators."""
    names = coverage.municipalities["display_name"]
    population = coverage.municipalities["population"]
    finding = finding_json(coverage, answer.finding)
    proposal = answer.proposal
    return {
        "snapshot": coverage.snapshot.id,
        "proposal": {
            "name": proposal.name, "organisation": proposal.organisation,
            "target_group": proposal.target_group,
            "municipalities": [{"code": code, "name": names[code]}
                               for code in sorted(proposal.municipalities)],
        },
        "kind": finding["kind"],
        "verdict": answer.verdict.verdict,
        "safety_regions": finding["safety_regions"],
        "gained": {
            "municipalities": [
                {"code": code, "name": names[code], "population": int(population[code]),
                 "status_before": answer.status_before[code],
                 "status_after": answer.status_after[code]}
                for code in answer.gained],
            "population": answer.gained_population,
        },
        "statuses": {
            status: {moment: {"municipalities": counts[status].municipalities,
                              "population": counts[status].population}
                     for moment, counts in (("before", answer.counts_before),
                                            ("after", answer.counts_after))}
            for status in answer.counts_before
        },
        "overlaps": [
            {"code": row.municipality, "name": names[row.municipality],
             "target_group": row.target_group, "area_ids": list(row.entry_ids),
             "organisations": list(row.organisations)}
            for row in answer.overlaps.itertuples()
        ],
    }
