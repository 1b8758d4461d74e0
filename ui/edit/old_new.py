"""Old → new for every changed field, per changed contact, and the municipalities whose answer
changes (`coverage.old_new`), as the edit page's preview and the drafts a publisher publishes
show them: a table per contact, phone numbers side by side in large type.

Every value is register text: it is HTML-escaped (`ui.text.plain_text.markup`).
"""

from __future__ import annotations

from coverage.old_new import EntryChange, FieldChange
from ui.text import plain_text
from ui.text.i18n import TEXT, Translator
from ui.text.plain_text import Markup, markup

OLD_NEW_CSS = Markup("""<style>
.old-new {border: 1px solid #bbb; border-radius: 0.5rem; padding: 0.5rem 0.75rem;
          margin: 0 0 0.75rem 0;}
.old-new h4 {margin: 0.25rem 0; font-size: 1.05rem;}
.old-new table {border-collapse: collapse; width: 100%;}
.old-new th, .old-new td {text-align: left; vertical-align: top; padding: 0.2rem 0.5rem;
                          border-top: 1px solid #ddd;}
.old-new td.old {color: #7d1212;}
.old-new td.new {color: #14532d;}
.old-new td.arrow {color: #555;}
.old-new .number {font-size: 1.5rem; font-weight: 700; white-space: nowrap; display: block;}
.old-new .old .number {text-decoration: line-through;}
.old-new p {margin: 0.25rem 0;}
</style>""")
"""The old -> new blocks' style (the old number struck through, in words too: "old")."""


def _field_label(name: str, t: Translator) -> str:
    key = f"old_new_field_{name}"
    return t(key) if key in TEXT else name


def _value(field: str, value: str, t: Translator) -> str:
    """A value as the page says it (target groups and the CoMensha choice in words)."""
    if field == "target_group":
        return t(f"target_{value}") if f"target_{value}" in TEXT else value
    if field == "comensha":
        return t(f"comensha_{value}") if f"comensha_{value}" in TEXT else value
    return value


def _cell(change: FieldChange, side: str, t: Translator) -> Markup:
    values = change.old if side == "old" else change.new
    if not values:
        return markup("<td class='{side}'>{none}</td>", side=side, none=t("old_new_none"))
    if change.field == "phones":
        items = [markup("<span class='number'>{value}</span>", value=value) for value in values]
    else:
        items = [markup("<span>{value}</span>", value=_value(change.field, value, t))
                 for value in values]
    return markup("<td class='{side}'>{items}</td>", side=side,
                  items=plain_text.join(items, "<br>"))


def _table(fields: tuple[FieldChange, ...], t: Translator) -> Markup:
    rows = [markup("<tr><th scope='row'>{label}</th>{old}<td class='arrow' aria-hidden='true'>"
                   "→</td>{new}</tr>", label=_field_label(change.field, t),
                   old=_cell(change, "old", t), new=_cell(change, "new", t))
            for change in fields]
    head = markup("<tr><th scope='col'>{field}</th><th scope='col'>{old}</th><td></td>"
                  "<th scope='col'>{new}</th></tr>", field=t("old_new_field"),
                  old=t("old_new_old"), new=t("old_new_new"))
    return markup("<table>{head}{rows}</table>", head=head, rows=plain_text.join(rows))


def old_new_html(changes: list[EntryChange], t: Translator) -> Markup:
    """The changes as HTML: per entry its own fields, per contact its fields, old → new, and
    the municipalities whose answer changes."""
    blocks = []
    for entry in changes:
        parts = [markup("<h4>{title}</h4>", title=t(
            "old_new_entry", entry=entry.entry_id, kind=t(f"old_new_kind_{entry.kind}")))]
        if entry.fields:
            parts.append(_table(entry.fields, t))
        for contact in entry.contacts:
            organisation = contact.organisation or t("old_new_no_organisation")
            parts.append(markup("<h4>{title}</h4>", title=t(
                "old_new_contact", organisation=organisation,
                kind=t(f"old_new_kind_{contact.kind}"))))
            parts.append(_table(contact.fields, t))
        names = [name for _, name in entry.municipalities]
        answers = (t("old_new_answers", count=t.number(len(names)), names=", ".join(names))
                   if names else t("old_new_no_answers"))
        parts.append(markup("<p>{answers}</p>", answers=answers))
        blocks.append(markup("<section class='old-new' aria-label='{label}'>{parts}</section>",
                             label=entry.entry_id, parts=plain_text.join(parts)))
    return plain_text.join([OLD_NEW_CSS, *blocks])


def show_old_new(changes: list[EntryChange], t: Translator) -> None:
    """The heading and the old → new blocks (nothing when nothing changes)."""
    if not changes:
        return
    plain_text.heading(t("old_new_heading"))
    plain_text.show_markup(old_new_html(changes, t))
