"""The border-rule verdicts in words, in the reader's language (names are CBS names)."""

from __future__ import annotations

from coverage.verdict import BorderVerdict, RegionCount
from ui.text.i18n import Translator


def join_names(names: list[str], t: Translator) -> str:
    """`A`, `A en B`, `A, B en C` (and in English)."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('area_and')} {names[-1]}"


def _cut(region: RegionCount, t: Translator) -> str:
    return t("verdict_region_cut", region=region.name, code=region.code, inside=region.inside,
             total=region.total)


def _whole(regions: tuple[RegionCount, ...], t: Translator) -> str:
    return join_names([f"{region.name} ({region.code})" for region in regions], t)


def verdict_summary(verdict: BorderVerdict, t: Translator) -> str:
    """The verdict on one area in one sentence (two for a breach that also covers whole
    regions): which regions it cuts through or covers."""
    if verdict.verdict == "breach":
        text = t("verdict_breach", regions=join_names([_cut(region, t)
                                                       for region in verdict.cut_regions], t))
        if verdict.whole_regions:
            text += " " + t("verdict_breach_also_whole", regions=_whole(verdict.whole_regions, t))
        return text
    if verdict.verdict == "along_region_lines":
        return t("verdict_along_region_lines", regions=_whole(verdict.whole_regions, t))
    return t("verdict_within", region=_whole(verdict.cut_regions + verdict.whole_regions, t))


def verdict_judgement(verdict: str, t: Translator) -> str:
    """What the rule says about a kind of verdict (empty for `within`)."""
    keys = {"breach": "verdict_breach_judgement", "along_region_lines": "verdict_along_judgement"}
    return t(keys[verdict]) if verdict in keys else ""


def verdict_text(verdict: BorderVerdict, t: Translator) -> str:
    """The verdict on one area with what the rule says about it."""
    return " ".join(filter(None, [verdict_summary(verdict, t),
                                  verdict_judgement(verdict.verdict, t)]))


def verdict_group_heading(verdict: str, count: int, t: Translator) -> str:
    """The heading of one group of findings, with how many areas it holds."""
    return t(f"verdict_group_{verdict}", count=count)
