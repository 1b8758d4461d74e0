"""The contact card for one municipality, as HTML in which every register text is escaped.

Shown with `ui.plain_text.show_markup` (no Markdown pass).
"""

from __future__ import annotations

from html import escape
from typing import Any

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


def status_text(status: str, split_by_age: bool, t: Translator) -> str:
    """The status of a municipality in words."""
    if status == "coordinator" and split_by_age:
        return t("status_coordinator_split")
    return t(f"status_{status}")


def _groups(answer: dict[str, Any], t: Translator) -> str:
    """The target groups without a regional coordinator, in words."""
    return " / ".join(t(f"target_{group}") for group in answer["uncovered_target_groups"])


def _phones(phones: list[dict[str, str]], t: Translator) -> str:
    links = [f'<a href="tel:{escape(phone["e164"])}">{escape(phone["display"])}</a>'
             for phone in phones]
    return f" {escape(t('card_or'))} ".join(links)


def _contact(contact: dict[str, Any], t: Translator) -> str:
    """One organisation: name, target group, numbers (the area is said once, see
    :func:`_area_text`)."""
    organisation = contact["organisation"] or t("card_no_organisation")
    rows = [f"<h4>{escape(organisation)}</h4>", "<dl>"]
    rows.append(f"<dt>{escape(t('card_target_group'))}</dt>"
                f"<dd>{escape(t('target_' + contact['target_group']))}</dd>")
    if contact["phones"]:
        rows.append(f"<dt>{escape(t('card_phone'))}</dt>"
                    f"<dd class='phones'>{_phones(contact['phones'], t)}</dd>")
    rows.append("</dl>")
    if contact["organisation_in_source"] is None and contact["organisation"]:
        rows.append(f"<p class='source'>"
                    f"{escape(t('card_inferred', organisation=contact['organisation']))}</p>")
    return "<div class='contact'>" + "".join(rows) + "</div>"


def _area_text(contact: dict[str, Any], interpretation: str, t: Translator) -> str:
    """The area of an entry: the source's wording, how it was read and the note."""
    rows = [f"<p class='source'><strong>{escape(t('card_area_wording'))}:</strong> "
            f"‘{escape(contact['area_wording'])}’. <strong>{escape(t('card_interpretation'))}:"
            f"</strong> {escape(interpretation)}.</p>"]
    if contact["note"]:
        rows.append(f"<p class='source'><strong>{escape(t('card_note'))}:</strong> "
                    f"{escape(contact['note'])}</p>")
    return "<div class='area'>" + "".join(rows) + "</div>"


def _contacts_by_area(contacts: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The contacts grouped by the entry (area) that names them, in the order given."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for contact in contacts:
        groups.setdefault(contact["area_id"], []).append(contact)
    return list(groups.values())


def card_html(answer: dict[str, Any], interpretations: dict[str, str],
              t: Translator) -> Markup:
    """The card for one municipality from `coverage.serialise.lookup_json` output.

    `interpretations` maps entry ids to the words for their areas. Every text that comes from
    the register or the boundary tables is HTML-escaped.
    """
    town = answer["municipality"]
    status = answer["status"]
    heading = escape(t("card_heading", name=town["display_name"]), quote=True)
    parts = [f"<section class='contact-card' aria-label='{heading}'>", f"<h3>{heading}</h3>"]
    if town["name"] != town["display_name"]:
        parts.append(f"<p class='source'>{escape(t('card_official_name', name=town['name']))}</p>")
    facts = [
        (t("card_region"), "{name} ({code})".format(**answer["safety_region"])),
        (t("card_province"), answer["province"]),
        (t("card_police_unit"), answer["police_unit"]),
        (t("card_population"), t.number(town["population"])),
        (t("card_status"), status_text(status, answer["split_by_age"], t)),
    ]
    parts.append("<dl>" + "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                                  for label, value in facts) + "</dl>")
    if status == "comensha":
        parts.append(f"<p class='why'>{escape(t('card_comensha_why'))}</p>")
    if status == "partial":
        parts.append(f"<p class='why'>{escape(t('card_partial_why', groups=_groups(answer, t)))}"
                     "</p>")
    elif answer["split_by_age"]:
        parts.append(f"<p class='why'>{escape(t('card_split_why'))}</p>")
    # Organisations of one entry (split by age: one per target group) share its area, wording
    # and note: said once, after them.
    for group in _contacts_by_area(answer["coordinators"]):
        parts.extend(_contact(contact, t) for contact in group)
        parts.append(_area_text(group[0], interpretations.get(group[0]["area_id"], ""), t))
    for entry in answer["listed_without_contact"]:
        parts.append(f"<p class='source'>"
                     f"{escape(t('card_listed_without_contact', wording=entry['area_wording']))}"
                     f"</p>")
    fallback = answer["fallback"]
    if status == "fallback":
        parts.append(f"<p class='why'>{escape(t('card_fallback_why'))}</p>")
        parts.append(f"<div class='contact'><h4>{escape(fallback['organisation'])}</h4>"
                     f"<p class='phones'>{_phones(fallback['phones'], t)}</p></div>")
    elif status == "partial":
        heading = t("card_fallback_for", organisation=fallback["organisation"],
                    groups=_groups(answer, t))
        parts.append(f"<div class='contact fallback'><h4>{escape(heading)}</h4>"
                     f"<p class='phones'>{_phones(fallback['phones'], t)}</p></div>")
    parts.append(f"<p class='source'>{escape(t('card_capacity_caveat'))}</p></section>")
    return Markup("".join(parts))
