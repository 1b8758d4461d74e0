"""What the proposal page shows of a proposal: the border-rule verdict with the regions it
touches, the gain, the figures per status before and after, the overlaps per target group, and
the comparison of several proposals. Every outside text (name, organisation, register wording)
goes through `ui.text.plain_text`."""

from __future__ import annotations

import streamlit as st

from coverage.engine import Coverage
from coverage.status import STATUSES
from coverage.whatif import WhatIf
from ui.dashboard.border_view import region_line, region_names
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.plain_text import Markup, markup
from ui.text.verdict_text import join_names, verdict_judgement, verdict_summary

_CALLOUT = {"within": "success", "along_region_lines": "warning", "breach": "error"}

TABLE_CSS = Markup(
    "<style>.proposal-table{border-collapse:collapse;margin:.25rem 0 .75rem 0;"
    "font-size:.9rem}"
    ".proposal-table th,.proposal-table td{border-bottom:1px solid #ddd;padding:.2rem .5rem;"
    "text-align:left;vertical-align:top}"
    ".proposal-table td.number,.proposal-table th.number{text-align:right;white-space:nowrap}"
    ".proposal-scroll{overflow-x:auto}</style>")


def verdict_section(answer: WhatIf, coverage: Coverage, t: Translator) -> None:
    """The verdict in words, the regions touched and the municipalities on each side."""
    verdict = answer.verdict
    plain_text.heading(t("proposal_verdict_heading"))
    text = " ".join(filter(None, [verdict_summary(verdict, t),
                                  verdict_judgement(verdict.verdict, t)]))
    plain_text.callout(_CALLOUT[verdict.verdict], text)  # type: ignore[arg-type]
    plain_text.bullets([region_line(part, t) for part in answer.finding.regions])
    names = coverage.municipalities["display_name"]
    with st.expander(t("verdict_names")):
        for part in answer.finding.regions:
            plain_text.paragraph(region_names(part, names, t))


def gain_section(answer: WhatIf, coverage: Coverage, t: Translator) -> None:
    """Which municipalities and how many inhabitants gain a regional coordinator."""
    plain_text.heading(t("proposal_gain_heading"))
    groups = join_names([t(f"target_{group}") for group in answer.proposal.target_groups], t)
    if not answer.gained:
        plain_text.info(t("proposal_gain_none", groups=groups))
        return
    plain_text.success(t("proposal_gain", count=len(answer.gained),
                         population=t.number(answer.gained_population), groups=groups))
    table = coverage.municipalities
    plain_text.paragraph(", ".join(sorted(table.loc[list(answer.gained), "display_name"])))
    with st.expander(t("proposal_gain_details")):
        plain_text.bullets([
            t("proposal_gain_line", name=table.at[code, "display_name"],
              population=t.number(int(table.at[code, "population"])),
              before=t(f"status_{answer.status_before[code]}"),
              after=t(f"status_{answer.status_after[code]}"))
            for code in answer.gained])


def status_section(answer: WhatIf, t: Translator) -> None:
    """Municipalities and inhabitants per status, nationally, before and after."""
    plain_text.heading(t("proposal_status_heading"))
    header = markup("<tr><th>{status}</th><th class='number'>{municipalities}</th>"
                    "<th class='number'>{people}</th></tr>",
                    status=t("proposal_col_status"), municipalities=t("proposal_col_change"),
                    people=t("proposal_col_people_change"))
    rows = [markup("<tr><td>{status}</td><td class='number'>{before} → {after}</td>"
                   "<td class='number'>{people_before} → {people_after}</td></tr>",
                   status=t(f"status_{status}"),
                   before=t.number(answer.counts_before[status].municipalities),
                   after=t.number(answer.counts_after[status].municipalities),
                   people_before=t.number(answer.counts_before[status].population),
                   people_after=t.number(answer.counts_after[status].population))
            for status in STATUSES]
    plain_text.show_markup(plain_text.join([
        TABLE_CSS, Markup("<div class='proposal-scroll'><table class='proposal-table'>"), header,
        *rows, Markup("</table></div>")]))


def overlap_section(answer: WhatIf, coverage: Coverage, t: Translator) -> None:
    """Per target group the proposal serves: where an existing coordinator already serves it."""
    plain_text.heading(t("proposal_overlap_heading"))
    names = coverage.municipalities["display_name"]
    lines = []
    for group, codes in answer.overlap_groups.items():
        if not codes:
            lines.append(t("proposal_overlap_none", group=t(f"target_{group}")))
            continue
        rows = answer.overlaps.loc[answer.overlaps["target_group"] == group]
        organisations = sorted({name for names_ in rows["organisations"] for name in names_})
        lines.append(t("proposal_overlap", group=t(f"target_{group}"), count=len(codes),
                       organisations=", ".join(organisations),
                       names=", ".join(sorted(names[list(codes)]))))
    plain_text.bullets(lines)


def comparison_row(answer: WhatIf, t: Translator) -> list[str]:
    """One proposal's figures and verdict as the comparison table's cells (plain text)."""
    proposal = answer.proposal
    regions = ", ".join(
        part.code + ("" if part.whole else f" ({len(part.municipalities)}/"
                                           f"{len(part.municipalities) + len(part.outside)})")
        for part in answer.finding.regions)
    overlaps = sum(len(codes) for codes in answer.overlap_groups.values())
    return [proposal.name or t("proposal_unnamed"),
            proposal.organisation or t("proposal_to_be_decided"),
            t(f"target_{proposal.target_group}"), t.number(len(proposal.municipalities)),
            t(f"proposal_verdict_{answer.verdict.verdict}"), regions,
            t.number(len(answer.gained)), t.number(answer.gained_population),
            t.number(overlaps)]


COMPARISON_COLUMNS = ("proposal_col_name", "proposal_col_organisation", "card_target_group",
                      "proposal_col_municipalities", "proposal_col_verdict",
                      "proposal_col_regions", "proposal_col_gained", "proposal_col_gained_people",
                      "proposal_col_overlaps")
_NUMBER_COLUMNS = {3, 6, 7, 8}


def comparison_table(rows: list[list[str]], t: Translator) -> None:
    """The proposals side by side, one row each."""
    header = plain_text.join([
        markup("<th class='number'>{text}</th>" if position in _NUMBER_COLUMNS
               else "<th>{text}</th>", text=t(key))
        for position, key in enumerate(COMPARISON_COLUMNS)])
    body = [plain_text.join([Markup("<tr>"), *[
        markup("<td class='number'>{text}</td>" if position in _NUMBER_COLUMNS
               else "<td>{text}</td>", text=cell) for position, cell in enumerate(row)],
        Markup("</tr>")]) for row in rows]
    plain_text.show_markup(plain_text.join([
        TABLE_CSS, markup("<div class='proposal-scroll'><table class='proposal-table' "
                          "aria-label='{label}'>", label=t("proposal_compare_heading")),
        Markup("<tr>"), header, Markup("</tr>"), *body, Markup("</table></div>")]))
