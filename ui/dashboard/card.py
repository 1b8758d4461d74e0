"""The contact card for one municipality, as HTML in which every register text is escaped.

Shown with `ui.text.plain_text.show_markup` (no Markdown pass).
"""

from __future__ import annotations

from html import escape

from coverage.answer import Answer, Area, Call
from coverage.history import Since
from coverage.phones import Phone
from ui.text.answer_lines import checked_sentence, due_sentence, routes_html, since_sentence
from ui.text.i18n import Translator
from ui.text.plain_text import Markup

CARD_CSS = Markup("""
<style>
.contact-card {border: 1px solid #bbb; border-radius: 0.5rem; padding: 0.75rem 1rem;}
.contact-card h3 {margin: 0 0 0.25rem 0; font-size: 1.3rem;}
.contact-card dl {display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem;
                  margin: 0.5rem 0;}
.contact-card dt {font-weight: 600;}
.contact-card dd {margin: 0;}
.contact-card .calls {margin: 0.25rem 0 0.5rem 0;}
.contact-card .contact {padding: 0.3rem 0; margin: 0;}
.contact-card .contact + .contact {border-top: 1px solid #ddd;}
.contact-card .contact h4 {margin: 0; padding: 0; font-size: 1.05rem;}
.contact-card .contact .group {font-weight: 400; color: #333;}
.contact-card .phones {margin: 0.1rem 0 0 0;}
.contact-card .phones a {font-size: 1.15rem; font-weight: 600;}
.contact-card .why {background: #f3f3f3; padding: 0.4rem 0.6rem; border-radius: 0.3rem;}
.contact-card .source {color: #444; font-size: 0.9rem;}
.contact-card .area {margin-top: 0.25rem;}
.contact-card .checked {font-size: 0.9rem; margin: 0.2rem 0;}
.contact-card .due {font-weight: 600; color: #8a3b00;}
.contact-card .routes {border-top: 1px solid #ddd; padding-top: 0.4rem; margin-top: 0.5rem;}
.contact-card details.reading > summary {cursor: pointer; color: #333; font-weight: 600;}
@media (min-width: 641px) {
  /* Room enough: the wording, reading and note shown as they are (collapsed on a phone). */
  .contact-card details.reading > summary {display: none;}
  .contact-card details.reading::details-content {content-visibility: visible; display: block;}
}
</style>
""")
"""The card's styles. The area's wording, reading and note sit in a closed ``<details>``: one
line on a phone, shown in full on a wider screen (``::details-content``)."""


def _groups(groups: tuple[str, ...], t: Translator) -> str:
    """Target groups in words."""
    return " / ".join(t(f"target_{group}") for group in groups)


def _phones(phones: tuple[Phone, ...], t: Translator) -> str:
    links = [f'<a href="{escape(phone.tel_url, quote=True)}">{escape(phone.display)}</a>'
             for phone in phones]
    return f" {escape(t('card_or'))} ".join(links)


def _heading(answer: Answer, t: Translator) -> tuple[str, str]:
    """The card's opening tag and heading (the municipality's name), and its official name
    where that differs."""
    town = answer.municipality
    heading = escape(t("card_heading", name=town.display_name), quote=True)
    parts = [f"<section class='contact-card' aria-label='{heading}'>", f"<h3>{heading}</h3>"]
    if town.name != town.display_name:
        parts.append(f"<p class='source'>{escape(t('card_official_name', name=town.name))}</p>")
    return "".join(parts[:1]), "".join(parts[1:])


def _call(call: Call, t: Translator) -> str:
    """One organisation to call: its name and target group on one line, its numbers on the
    next (CoMensha for an age group that falls back: "CoMensha voor 23 jaar en ouder")."""
    if call.why == "fallback_uncovered_group":
        heading = escape(t("card_fallback_for", organisation=call.organisation or "",
                           groups=_groups((call.target_group,), t)))
        classes = "contact fallback"
    else:
        heading = escape(call.organisation or t("card_no_organisation"))
        if call.target_group != "all":
            heading += (f" <span class='group'>({escape(t('card_target_group'))}: "
                        f"{escape(t('target_' + call.target_group))})</span>")
        classes = "contact fallback" if call.is_fallback else "contact"
    rows = [f"<h4>{heading}</h4>", f"<p class='phones'>{_phones(call.phones, t)}</p>"
            if call.phones else "", _availability_list(call, t), _checked(call, t)]
    if call.organisation_in_source is None and call.organisation and not call.is_fallback:
        rows.append(f"<p class='source'>"
                    f"{escape(t('card_inferred', organisation=call.organisation))}</p>")
    return f"<div class='{classes}'>" + "".join(rows) + "</div>"


def _calls(answer: Answer, t: Translator) -> str:
    """Whom to call, first: every call of the answer in its order (the contacts the overview
    lists, then CoMensha for every target group without one)."""
    return "<div class='calls'>" + "".join(_call(call, t) for call in answer.calls) + "</div>"


def _facts(answer: Answer, t: Translator) -> str:
    """Status, then the region the municipality lies in, and its inhabitants."""
    region = answer.safety_region
    facts = [
        (t("card_status"), answer.status_label(t.language)),
        (t("card_region"), f"{region.name} ({region.code})"),
        (t("card_province"), answer.province),
        (t("card_police_unit"), answer.police_unit),
        (t("card_population"), t.number(answer.municipality.population)),
    ]
    return "<dl>" + "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                            for label, value in facts) + "</dl>"


def _why(answer: Answer, t: Translator) -> str:
    """Why these organisations: CoMensha named, CoMensha for an age group, split by age, or
    no coordinator at all."""
    parts = []
    if answer.status == "comensha":
        parts.append(f"<p class='why'>{escape(t('card_comensha_why'))}</p>")
    if answer.status == "partial":
        groups = _groups(answer.uncovered_target_groups, t)
        parts.append(f"<p class='why'>{escape(t('card_partial_why', groups=groups))}</p>")
    elif answer.split_by_age:
        parts.append(f"<p class='why'>{escape(t('card_split_why'))}</p>")
    if any(call.why == "fallback_no_coordinator" for call in answer.calls):
        parts.append(f"<p class='why'>{escape(t('card_fallback_why'))}</p>")
    return "".join(parts)


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


def _reading(answer: Answer, t: Translator) -> str:
    """The overview's wording of every area that names the municipality, how it was read and
    its note (organisations of one entry share them: said once), in a ``<details>`` that a
    phone shows closed (see :data:`CARD_CSS`); empty when no entry names it."""
    parts = [_area_text(area, t) for area, _calls in answer.listed_by_area]
    parts += [f"<p class='source'>"
              f"{escape(t('card_listed_without_contact', wording=area.wording))}</p>"
              for area in answer.listed_without_contact]
    if not parts:
        return ""
    return (f"<details class='reading'><summary>{escape(t('card_reading_summary'))}</summary>"
            + "".join(parts) + "</details>")


def _answer_link(code: str, t: Translator) -> str:
    """A plain link to the municipality's answer page (`web.pages`), in the page's language."""
    target = f"/gemeente/{code}" + ("" if t.language == "nl" else f"?lang={t.language}")
    return (f"<p class='source'><a href='{escape(target, quote=True)}'>"
            f"{escape(t('card_answer_link'))}</a></p>")


def _checked(call: Call, t: Translator) -> str:
    """When the contact was last checked (or that it never was), and in words whether it is
    due for a check (not only in colour): the words of `ui.text.answer_lines`."""
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
    whom to call first (the name, then every target group's numbers, each with when it was
    last checked), the routes that apply everywhere, then the status and region (since which
    version it has that status, where known: `since`), why, and the overview's wording, reading
    and note; each part its own function.

    Every text that comes from the register or the boundary tables is HTML-escaped.
    """
    opening, heading = _heading(answer, t)
    parts = [opening, heading, _calls(answer, t), _routes(answer, t), _facts(answer, t),
             _since(since, t), _why(answer, t), _reading(answer, t),
             f"<p class='source'>{escape(t('card_capacity_caveat'))}</p>",
             _answer_link(answer.municipality.code, t), "</section>"]
    return Markup("".join(parts))
