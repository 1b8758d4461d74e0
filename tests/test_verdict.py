"""The border-rule verdicts on the real register: which areas break the rule, which cross a
border along region lines, and how each is put in words."""

from __future__ import annotations

import yaml

from coverage.engine import Coverage
from coverage.verdict import RULE_QUOTE, RULE_SOURCE, verdict_of, verdicts
from tests.conftest import REPOSITORY_ROOT
from ui.text.i18n import Translator
from ui.text.verdict_text import verdict_text

SOURCE = REPOSITORY_ROOT / "docs" / "sources" / "lenferink-border-rule.yaml"
"""The quoted passage with its source, shipped in the repository."""


def test_breaches_and_crossings_along_region_lines(current: Coverage) -> None:
    judged = {verdict.entry_id: verdict for verdict in verdicts(current.findings)}
    breaches = {entry for entry, verdict in judged.items() if verdict.verdict == "breach"}
    along = {entry for entry, verdict in judged.items()
             if verdict.verdict == "along_region_lines"}
    assert breaches == {"gemeente-apeldoorn-en-de-veluwe", "midden-nederland-utrecht-gelderland"}
    assert along == {"politieregio-den-haag-hollands-midden", "provincie-noord-holland"}
    assert all(verdict.verdict == "within" for entry, verdict in judged.items()
               if entry not in breaches | along)


def test_breaches_come_first(current: Coverage) -> None:
    order = [verdict.verdict for verdict in verdicts(current.findings)]
    assert order == sorted(order, key=["breach", "along_region_lines", "within"].index)
    assert order[:2] == ["breach", "breach"]


def test_regions_cut_and_covered_whole(current: Coverage) -> None:
    by_id = {finding.entry_id: finding for finding in current.findings}
    veluwe = verdict_of(by_id["gemeente-apeldoorn-en-de-veluwe"])
    assert [(r.code, r.inside, r.total) for r in veluwe.cut_regions] == [
        ("VR06", 10, 22), ("VR07", 2, 15)]
    assert veluwe.whole_regions == ()
    midden = verdict_of(by_id["midden-nederland-utrecht-gelderland"])
    assert [(r.code, r.inside, r.total) for r in midden.cut_regions] == [("VR07", 13, 15)]
    assert [r.code for r in midden.whole_regions] == ["VR08", "VR09"]
    holland = verdict_of(by_id["provincie-noord-holland"])  # without Amsterdam-Amstelland
    assert holland.cut_regions == ()
    assert [r.code for r in holland.whole_regions] == ["VR10", "VR11", "VR12", "VR14"]


def test_verdicts_in_words(current: Coverage) -> None:
    by_id = {finding.entry_id: verdict_of(finding) for finding in current.findings}
    nl, en = Translator("nl"), Translator("en")
    assert verdict_text(by_id["midden-nederland-utrecht-gelderland"], en).startswith(
        "Breaks the rule: cuts through safety region Gelderland-Midden (VR07; 13 of 15 "
        "municipalities inside the area).")
    assert "Gelderland-Zuid (VR08) and Utrecht (VR09)" in verdict_text(
        by_id["midden-nederland-utrecht-gelderland"], en)
    haaglanden = verdict_text(by_id["politieregio-den-haag-hollands-midden"], nl)
    assert haaglanden.startswith("Overschrijdt een grens langs de regiogrenzen: omvat de hele "
                                 "veiligheidsregio's Haaglanden (VR15) en Hollands Midden (VR16).")
    assert "afweging voor de lezer" in haaglanden
    assert "for the reader to judge" in verdict_text(by_id["provincie-noord-holland"], en)
    assert verdict_text(by_id["gemeente-groningen"], en) == (
        "Within one safety region: Groningen (VR01).")


def test_the_quote_is_the_source_text() -> None:
    # The passage as the source document has it, shipped with its source in docs/sources/.
    shipped = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    source = " ".join(shipped["passage"].split())
    assert " ".join(RULE_QUOTE.split()) in source
    assert Translator("nl")("rule_quote") == f"“{RULE_QUOTE}”"


def test_the_source_named_is_the_shipped_one() -> None:
    shipped = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    report, quoted_in = shipped["report"], shipped["quoted_in"]
    assert " ".join(shipped["passage"].split()) == " ".join(RULE_QUOTE.split())
    assert f"‘{report['title']}’ ({report['year']}), p. {report['page']}, § {report['section']}" \
        in RULE_SOURCE
    assert quoted_in["subject"].capitalize() in RULE_SOURCE
    assert quoted_in["date"].isoformat() == "2020-04-09" and "9 april 2020" in RULE_SOURCE
    assert shipped["terms"] and "004_4a601e6c49bafc6b.txt" in quoted_in["copy"]
