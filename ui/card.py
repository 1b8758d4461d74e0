"""The contact card for one municipality, as HTML in which every register text is escaped.

Shown with `ui.plain_text.show_markup` (no Markdown pass).
"""

from __future__ import annotations

from html import escape

from coverage.answer import Answer, Area, Call
from coverage.history import Since
from coverage.phones import Phone
from ui.answer_lines import checked_sentence, due_sentence, routes_html, since_sentence
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
.contact-card .checked {font-size: 0.9rem; margin: 0.2rem 0;}
.contact-card .due {font-weight: 600; color: #8a3b00;}
.contact-card .routes {border-top: 1px solid #ddd; padding-top: 0.4rem; margin-top: 0.5rem;}
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
    rows.append(_availability(call, t))
    rows.append("</dl>")
    rows.append(_checked(call, t))
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
                f"<p class='phones'>{_phones(call.phones, t)}</p>"
                f"{_availability_list(call, t)}{_checked(call, t)}</div>")
    heading = t("card_fallback_for", organisation=organisation,
                groups=_groups((call.target_group,), t))
    return (f"<div class='contact fallback'><h4>{escape(heading)}</h4>"
            f"<p class='phones'>{_phones(call.phones, t)}</p>"
            f"{_availability_list(call, t)}{_checked(call, t)}</div>")


def _answer_link(code: str, t: Translator) -> str:
    """A plain link to the municipality's answer page (`web.pages`), in the page's language."""
    target = f"/gemeente/{code}" + ("" if t.language == "nl" else f"?lang={t.language}")
    return (f"<p class='source'><a href='{escape(target, quote=True)}'>"
            f"{escape(t('card_answer_link'))}</a></p>")


def _checked(call: Call, t: Translator) -> str:
    """When the contact was last checked (or that it never was), and in words whether it is
    due for a check (not only in colour): the words of `ui.answer_lines`."""
    text = escape(checked_sentence(call, t))
    due = due_sentence(call, t)
    if due:
        text += f" <span class='due'>{escape(due)}</span>"
    return f"<p class='checked'>{text}</p>"


def _availability(call: Call, t: Translator) -> str:
    """Opening hours, after-hours number, e-mail and website as rows of the contact's list,
    where the register gives them."""
    known = call.availability
    rows = []
    if known.opening_hours:
        rows.append((t("card_opening_hours"), escape(known.opening_hours)))
    if known.after_hours_phone:
        rows.append((t("card_after_hours"), _phones((known.after_hours_phone,), t)))
    if known.email:
        rows.append((t("card_email"), f'<a href="mailto:{escape(known.email, quote=True)}">'
                                      f"{escape(known.email)}</a>"))
    if known.website:
        rows.append((t("card_website"), f'<a href="{escape(known.website, quote=True)}" '
                                        f'rel="noopener noreferrer">{escape(known.website)}</a>'))
    return "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)


def _availability_list(call: Call, t: Translator) -> str:
    rows = _availability(call, t)
    return f"<dl>{rows}</dl>" if rows else ""


def _routes(answer: Answer, t: Translator) -> str:
    """The national routes that apply everywhere, in one line (none where the version's
    register gives none)."""
    line = routes_html(answer, t)
    return f"<p class='routes'>{line}</p>" if line else ""


def _since(since: Since | None, t: Translator) -> str:
    """Since which version (and date) the municipality has its current status."""
    if since is None:
        return ""
    return f"<p class='source since'>{escape(since_sentence(since, t))}</p>"


def card_html(answer: Answer, t: Translator, since: Since | None = None) -> Markup:
    """The card for one municipality: its `coverage.answer.Answer` in the page's language,
    with since which version it has its status (`since`, where known).

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
    parts.append(_since(since, t))
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
    parts.append(_routes(answer, t))
    parts.append(f"<p class='source'>{escape(t('card_capacity_caveat'))}</p>")
    parts.append(_answer_link(town.code, t) + "</section>")
    return Markup("".join(parts))
