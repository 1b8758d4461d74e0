"""The verdict on each area under the border rule: a breach, or a crossing along region lines.

The rule (Lenferink committee, 2015, quoted in the 2020 Noord-Holland Noord board proposal):
several coordination areas inside one safety region are fine, crossing a safety-region border
is not. Two readings follow from `coverage.border_rule`:

- `breach` (kind `cuts_border`): the area cuts through at least one safety region, some of its
  municipalities inside, some outside. That plainly breaks the rule.
- `along_region_lines` (kind `spans_regions`): the area is made of several whole safety
  regions. It crosses their shared borders too, but along region lines: every region it touches
  is served as a whole. The rule's letter forbids crossing the border; whether several whole
  regions under one coordinator cause the problems the rule names is for the reader to judge.
- `within` (kind `within`): the area lies inside one safety region; the rule is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coverage.border_rule import AreaFinding, Kind

Verdict = Literal["breach", "along_region_lines", "within"]
VERDICT_ORDER: tuple[Verdict, ...] = ("breach", "along_region_lines", "within")
"""Most serious first: the order in which the dashboard lists the findings."""

_VERDICT_OF_KIND: dict[Kind, Verdict] = {
    "cuts_border": "breach",
    "spans_regions": "along_region_lines",
    "within": "within",
}

RULE_QUOTE = (
    "In de eerste plaats is het gezien de noodzakelijke verbinding tussen de strafrechtelijke "
    "en de zorgketen van groot belang dat het werkgebied van de zorgcoördinatie aansluit bij "
    "de Veiligheidsregio’s. Binnen één Veiligheidsregio kunnen naar believen meerdere "
    "regionale zorgcoördinatieregio’s gevormd worden, maar het overschrijden van de grenzen "
    "van de Veiligheidsregio levert te veel problemen op bij de coördinatie en de ontwikkeling "
    "van beleid."
)
"""The rule in the words of the Lenferink committee's report (Dutch original; the passage as
the source has it, with the source: `docs/sources/lenferink-border-rule.yaml`)."""

RULE_SOURCE = (
    "Commissie-Lenferink, ‘Gemeenten en de opvang van en zorg voor slachtoffers van "
    "mensenhandel’ (2015), p. 28, § 4.4; geciteerd in het voorstel ‘Financiering "
    "zorgcoördinatie mensenhandel’, Dagelijks Bestuur Noord-Holland Noord, 9 april 2020"
)
"""Where the quote comes from: the report, and the document that quotes it."""


@dataclass(frozen=True)
class RegionCount:
    """One safety region an area touches: how many of its municipalities lie inside."""

    code: str
    name: str
    inside: int
    total: int


@dataclass(frozen=True)
class BorderVerdict:
    """The verdict on one area, with the regions it cuts through and those it covers whole."""

    finding: AreaFinding
    verdict: Verdict
    cut_regions: tuple[RegionCount, ...]
    """Regions the area covers only in part (empty unless `breach`)."""
    whole_regions: tuple[RegionCount, ...]
    """Regions the area covers whole."""

    @property
    def entry_id(self) -> str:
        """The register entry whose area this is."""
        return self.finding.entry_id


def verdict_of(finding: AreaFinding) -> BorderVerdict:
    """The verdict on one area under the border rule."""
    counts = [RegionCount(part.code, part.name, len(part.municipalities),
                          len(part.municipalities) + len(part.outside))
              for part in finding.regions]
    return BorderVerdict(
        finding=finding,
        verdict=_VERDICT_OF_KIND[finding.kind],
        cut_regions=tuple(count for count in counts if count.inside < count.total),
        whole_regions=tuple(count for count in counts if count.inside == count.total),
    )


def verdicts(findings: list[AreaFinding]) -> list[BorderVerdict]:
    """The verdict on every area, most serious first (breaches, then crossings along region
    lines, then areas within one region); within a verdict in the order given."""
    judged = [verdict_of(finding) for finding in findings]
    return sorted(judged, key=lambda judged: VERDICT_ORDER.index(judged.verdict))


def touching_region(verdict: BorderVerdict, region_code: str) -> bool:
    """Whether the area touches a safety region (covers it whole or in part)."""
    return any(part.code == region_code for part in verdict.finding.regions)
