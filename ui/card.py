"""The contact card for one municipality, as HTML in which every register text is escaped.

Shown with `ui.plain_text.show_markup` (no Markdown pass).
"""

from __future__ import annotations

from html import escape

from coverage.answer import Answer, Area, Call
from coverage.phones import Phone
from ui.i18n import Translator
from ui.plain_text import Markup

CARD_CSS = Markup("""
<style>
.contact-card {border: 1px solid #bbb; border-radius: 0.5rem; padding: 0.75rem 1rem;}
.contact-card h3 {margin: 0 0 0.25rem 0; font-size: 1.3rem;}
.contact-card dl {display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem;
                  margin: 0.5rem 0;}
.contact-card dt {font-weight: 600;}
.contact-card dd {margin: 0;}
.contact-card .contact {border-top: 1px solid #ddd; padding-top: 0.5rem; margin-top: 0.5rem;}
.contact-card .contact h4 {margin: 0; font-size: 1.1rem;}
.contact-card .phones a {font-size: 1.15rem; font-weight: 600;}
.contact-card .why {background: #f3f3f3; padding: 0.4rem 0.6rem; border-radius: 0.3rem;}
.contact-card .source {color: #444; font-size: 0.9rem;}
.contact-card .area {margin-top: 0.25rem;}
</style>
""")


def _groups(groups: tuple[str, ...], t: Translator) -> str:
    """Target groups in words."""
    return " / ".join(t(f"target_{group}") for group in groups)


def _phones(phones: tuple[Phone, ...], t: Translator) -> str:
    links = [f'<a href="{escape(phone.tel_url, quote=True)}">{escape(phone.display)}</a>'
             for phone in phones]
    return f" {escape(t('card_or'))} ".join(links)


def _contact(call: Call, t: Translator) -> str:
    """One organisation: name, target group, numbers (the area is said once, see
    :func:`_area_text`)."""
    organisation = call.organisation or t("card_no_organisation")
    rows = [f"<h4>{escape(organisation)}</h4>", "<dl>"]
    rows.append(f"<dt>{escape(t('card_target_group'))}</dt>"
                f"<dd>{escape(t('target_' + call.target_group))}</dd>")
    if call.phones:
        rows.append(f"<dt>{escape(t('card_phone'))}</dt>"
                    f"<dd class='phones'>{_phones(call.phones, t)}</dd>")
    rows.append("</dl>")
    if call.organisation_in_source is None and call.organisation:
        rows.append(f"<p class='source'>"
                    f"{escape(t('card_inferred', organisation=call.organisation))}</p>")
    return "<div class='contact'>" + "".join(rows) + "</div>"


def _area_text(area: Area, t: Translator) -> str:
    """The area of an entry: the source's wording, how it was read and the note."""
    interpretation = area.interpretation.in_language(t.language)
    rows = [f"<p class='source'><strong>{escape(t('card_area_wording'))}:</strong> "
            f"‘{escape(area.wording)}’. <strong>{escape(t('card_interpretation'))}:"
            f"</strong> {escape(interpretation)}.</p>"]
    note = area.note_in(t.language)
    if note:
        rows.append(f"<p class='source'><strong>{escape(t('card_note'))}:</strong> "
                    f"{escape(note)}</p>")
    return "<div class='area'>" + "".join(rows) + "</div>"


def _fallback(call: Call, t: Translator) -> str:
    """CoMensha as the fallback: for the whole municipality, or for an age group."""
    organisation = call.organisation or ""
    if call.why == "fallback_no_coordinator":
        return (f"<p class='why'>{escape(t('card_fallback_why'))}</p>"
                f"<div class='contact'><h4>{escape(organisation)}</h4>"
                f"<p class='phones'>{_phones(call.phones, t)}</p></div>")
    heading = t("card_fallback_for", organisation=organisation,
                groups=_groups((call.target_group,), t))
    return (f"<div class='contact fallback'><h4>{escape(heading)}</h4>"
            f"<p class='phones'>{_phones(call.phones, t)}</p></div>")


def _answer_link(code: str, t: Translator) -> str:
    """A plain link to the municipality's answer page (`web.pages`), in the page's language."""
    target = f"/gemeente/{code}" + ("" if t.language == "nl" else f"?lang={t.language}")
    return (f"<p class='source'><a href='{escape(target, quote=True)}'>"
            f"{escape(t('card_answer_link'))}</a></p>")


def card_html(answer: Answer, t: Translator) -> Markup:
    """The card for one municipality: its `coverage.answer.Answer` in the page's language.

    Every text that comes from the register or the boundary tables is HTML-escaped.
    """
    town = answer.municipality
    status = answer.status
    heading = escape(t("card_heading", name=town.display_name), quote=True)
    parts = [f"<section class='contact-card' aria-label='{heading}'>", f"<h3>{heading}</h3>"]
    if town.name != town.display_name:
        parts.append(f"<p class='source'>{escape(t('card_official_name', name=town.name))}</p>")
    region = answer.safety_region
    facts = [
        (t("card_region"), f"{region.name} ({region.code})"),
        (t("card_province"), answer.province),
        (t("card_police_unit"), answer.police_unit),
        (t("card_population"), t.number(town.population)),
        (t("card_status"), answer.status_label(t.language)),
    ]
    parts.append("<dl>" + "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                                  for label, value in facts) + "</dl>")
    if status == "comensha":
        parts.append(f"<p class='why'>{escape(t('card_comensha_why'))}</p>")
    if status == "partial":
        groups = _groups(answer.uncovered_target_groups, t)
        parts.append(f"<p class='why'>{escape(t('card_partial_why', groups=groups))}</p>")
    elif answer.split_by_age:
        parts.append(f"<p class='why'>{escape(t('card_split_why'))}</p>")
    # Organisations of one entry (split by age: one per target group) share its area, wording
    # and note: said once, after them.
    for area, calls in answer.listed_by_area:
        parts.extend(_contact(call, t) for call in calls)
        parts.append(_area_text(area, t))
    for area in answer.listed_without_contact:
        parts.append(f"<p class='source'>"
                     f"{escape(t('card_listed_without_contact', wording=area.wording))}"
                     f"</p>")
    parts.extend(_fallback(call, t) for call in answer.fallback_calls)
    parts.append(f"<p class='source'>{escape(t('card_capacity_caveat'))}</p>")
    parts.append(_answer_link(town.code, t) + "</section>")
    return Markup("".join(parts))
