"""The effect of an edited entry against the newest published version, in words: every changed
field old → new per contact with the municipalities whose answer changes (`coverage.old_new`),
the border rule on its area, the national count per status before and after, the
municipalities that change and the overlaps with other coordinators (`coverage.entry_effect`)."""

from __future__ import annotations

from coverage.engine import Coverage
from coverage.entry_effect import entry_effect
from coverage.old_new import entry_changes
from coverage.status import STATUSES
from ui.edit.old_new import show_old_new
from ui.text import plain_text
from ui.text.i18n import Translator


def show_preview(before: Coverage, after: Coverage, entry_id: str, t: Translator) -> None:
    """The effect of the edit that turns `before` into `after` on entry `entry_id`."""
    effect = entry_effect(before, after, entry_id)
    show_old_new(entry_changes(before, after, effect.changes), t)
    plain_text.heading(t("preview_heading"))
    plain_text.paragraph(t("preview_verdict", kind=t(f"kind_{effect.verdict.finding.kind}")))
    plain_text.bullets([
        t("preview_count", status=t(f"status_{status}"),
          before=t.number(effect.counts_before[status].municipalities),
          after=t.number(effect.counts_after[status].municipalities))
        for status in STATUSES])
    if len(effect.changes):
        plain_text.bullets([t("preview_change", name=name, change=t(f"change_{change}"))
                            for name, change in zip(effect.changes["name"],
                                                    effect.changes["change"], strict=True)])
    else:
        plain_text.caption(t("preview_nothing"))
    if len(effect.overlaps):
        names = before.units.municipalities.loc[
            sorted(set(effect.overlaps["municipality"])), "name"]
        plain_text.caption(t("preview_overlaps", names=", ".join(names)))
