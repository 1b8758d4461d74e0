"""The border-rule view: the rule quoted once, then every area that crosses a safety-region
border grouped by verdict (breaches first), with compact inside/outside lists.

Register text (area wording, organisations) is shown with `st.text`, never as Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from coverage.border_rule import RegionPart
from coverage.engine import Coverage
from coverage.verdict import RULE_SOURCE, VERDICT_ORDER, BorderVerdict, verdicts
from ui.scroll import request_scroll_to_map, scroll_to_map_if_requested
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.verdict_text import verdict_group_heading, verdict_judgement, verdict_summary


def show_area_on_map(entry_id: str) -> None:
    """Button callback: draw the area on the map and bring the map into view."""
    st.session_state.shown_area = entry_id
    request_scroll_to_map()


def region_line(part: RegionPart, t: Translator) -> str:
    """One region the area touches: whole, or how many of its municipalities lie inside."""
    total = len(part.municipalities) + len(part.outside)
    if part.whole:
        return t("verdict_region_whole_line", region=part.name, code=part.code, total=total)
    return t("verdict_region_line", region=part.name, code=part.code,
             inside=len(part.municipalities), total=total)


def region_names(part: RegionPart, names: pd.Series, t: Translator) -> str:
    """The municipalities of one region inside the area, and those outside, by name."""
    lines = [f"{part.name} ({part.code})",
             t("verdict_inside", count=len(part.municipalities),
               names=", ".join(sorted(names[list(part.municipalities)])))]
    if part.outside:
        lines.append(t("verdict_outside", count=len(part.outside),
                       names=", ".join(sorted(names[list(part.outside)]))))
    return "\n".join(lines)


def _finding(verdict: BorderVerdict, names: pd.Series, t: Translator) -> None:
    finding = verdict.finding
    with st.container(border=True):
        plain_text.emphasised(finding.area_wording, "")
        plain_text.paragraph(t("verdict_organisations",
                               organisations=" / ".join(finding.organisations)))
        plain_text.paragraph(verdict_summary(verdict, t))
        plain_text.bullets([region_line(part, t) for part in finding.regions])
        with st.expander(t("verdict_names")):
            for part in finding.regions:
                plain_text.paragraph(region_names(part, names, t))
        st.button(t("show_on_map"), key=f"show-{finding.entry_id}", on_click=show_area_on_map,
                  args=(finding.entry_id,))


def border_verdicts(coverage: Coverage, t: Translator) -> None:
    """The rule, quoted once, and every area beyond one safety region, breaches first."""
    plain_text.paragraph(t("border_intro"))
    plain_text.emphasised(t("rule_heading"), "")
    plain_text.quote(t("rule_quote"))
    plain_text.caption(t("rule_source", source=RULE_SOURCE))
    judged = [verdict for verdict in verdicts(coverage.findings) if verdict.verdict != "within"]
    if not judged:
        plain_text.success(t("border_none"))
    names = coverage.municipalities["display_name"]
    for kind in VERDICT_ORDER:
        group = [verdict for verdict in judged if verdict.verdict == kind]
        if not group:
            continue
        plain_text.heading(verdict_group_heading(kind, len(group), t))
        plain_text.paragraph(verdict_judgement(kind, t))
        for verdict in group:
            _finding(verdict, names, t)
    scroll_to_map_if_requested()
