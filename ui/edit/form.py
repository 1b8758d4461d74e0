"""The form of one register entry: its wording, area (named units, one per line, and a list of
municipalities built as on the proposal page: whole units, an existing entry's area, picked
municipalities; `ui.edit.area_picker`), notes in both languages and contacts. Every field is a
widget of its own, so each change reruns the page and the entry is validated at once (by
`ui.edit.page`, with the register's own rules) and its effect previewed.

`load_entry` fills the widgets from an entry's data (and the list with given municipalities);
`entry_form` shows them and returns the entry's data as the register writes it
(`registry.entry_yaml`).

Every text field holds at most what the register accepts (`FIELD_LIMITS`, from
`coverage.limits`): the browser refuses typing or pasting beyond it, Streamlit cuts anything
longer that reaches the server, and the field's help says the limit. The register's validation
then refuses what is still too long (several lines of units, say) or holds an invisible
character, naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from coverage import limits
from coverage.engine import Coverage
from coverage.schema import REFERENCE_KINDS
from registry.proposal_entry import municipality_refs
from ui.edit.area_picker import PickerKeys, municipality_list, unit_and_entry_inputs
from ui.text import plain_text
from ui.text.i18n import DEFAULT_LANGUAGE, Translator

PREFIX = "entry_form"
TARGET_GROUPS = ("all", "under_23", "23_plus")
COMENSHA_CHOICES = ("unsaid", "true", "false")
CONTACT_FIELDS = ("organisation", "inferred_organisation", "target_group_wording")
AVAILABILITY_FIELDS = ("opening_hours", "after_hours_phone", "email", "website")
"""A contact's optional availability, one text field each (issue 18)."""
PREFILL_KEY = "entry_form_prefill"
"""Session state of an entry to start the form with on the edit page's next run (a proposal
turned into a draft entry, `ui.proposal.draft`): `(data, municipality codes)`."""

UNIT_WORDS = {"nl": {"municipality": "gemeente", "safety_region": "veiligheidsregio",
                     "province": "provincie", "police_unit": "politie-eenheid",
                     "entry": "gebied"},
              "en": {kind: kind for kind in REFERENCE_KINDS}}
"""The kinds of unit as the form writes them, per language (both languages are read)."""
_KIND_OF_WORD = {word: kind for words in UNIT_WORDS.values() for kind, word in words.items()}


_UNIT_LINE = max(map(len, _KIND_OF_WORD)) + len(": ") + max(limits.MAX_NAME_CHARS,
                                                             limits.MAX_ID_CHARS) + 1
FIELD_LIMITS = {
    "id": limits.MAX_ID_CHARS,
    "area_wording": limits.MAX_TEXT_CHARS,
    "include": limits.MAX_AREA_UNITS * _UNIT_LINE,
    "exclude": limits.MAX_AREA_UNITS * _UNIT_LINE,
    "note_nl": limits.MAX_TEXT_CHARS,
    "note_en": limits.MAX_TEXT_CHARS,
    "organisation": limits.MAX_NAME_CHARS,
    "inferred_organisation": limits.MAX_NAME_CHARS,
    "target_group_wording": limits.MAX_NAME_CHARS,
    "phones": limits.MAX_PHONES * (limits.MAX_PHONE_CHARS + 1),
    "opening_hours": limits.MAX_HOURS_CHARS,
    "after_hours_phone": limits.MAX_PHONE_CHARS,
    "email": limits.MAX_EMAIL_CHARS,
    "website": limits.MAX_WEBSITE_CHARS,
}
"""The most characters each text field holds (its `max_chars`): the register's limit of the
field, or for a field of several lines (units, phones) the most lines of the longest kind."""


def key(*parts: object) -> str:
    """The widget key of a field (`entry_form.contact.0.phones`)."""
    return ".".join((PREFIX, *map(str, parts)))


def units_text(refs: list[dict[str, str]], language: str = "en") -> str:
    """Area units as the form shows them, one per line (`gemeente: Rotterdam` in Dutch).

    >>> units_text([{"municipality": "Rotterdam"}, {"safety_region": "VR17"}])
    'municipality: Rotterdam\\nsafety_region: VR17'
    >>> units_text([{"municipality": "Rotterdam"}, {"police_unit": "Oost-Nederland"}], "nl")
    'gemeente: Rotterdam\\npolitie-eenheid: Oost-Nederland'
    """
    words = UNIT_WORDS[language]
    return "\n".join(f"{words[kind]}: {value}" for ref in refs for kind, value in ref.items())


def units_from_text(text: str) -> list[dict[str, str]]:
    """Area units from the form's lines, kinds in Dutch or English; a line without a known
    kind is a municipality (the register's validation names any unit it does not know).

    >>> units_from_text("Rotterdam\\n safety_region : Zuid-Holland-Zuid\\n\\n")
    [{'municipality': 'Rotterdam'}, {'safety_region': 'Zuid-Holland-Zuid'}]
    >>> units_from_text("Provincie: Utrecht\\ngebied: gemeente-rotterdam")
    [{'province': 'Utrecht'}, {'entry': 'gemeente-rotterdam'}]
    """
    refs = []
    for line in text.splitlines():
        word, separator, value = line.partition(":")
        kind = _KIND_OF_WORD.get(word.strip().lower())
        if separator and kind:
            refs.append({kind: value.strip()})
        elif line.strip():
            refs.append({"municipality": line.strip()})
    return refs


def _fitting(field: str, value: str) -> str:
    """`value` cut to what field holds (a widget's value must never exceed its `max_chars`:
    the browser would refuse every edit, even a deletion, of a longer value)."""
    return value[:FIELD_LIMITS[field]]


def _limit_help(field: str, t: Translator) -> str:
    """The help of a text field, saying its limit."""
    return t("field_limit", limit=t.number(FIELD_LIMITS[field]))


def picker_keys() -> PickerKeys:
    """The keys of the form's area picker."""
    return PickerKeys(key("municipalities"), key("unit_kind"), key("unit"), key("from_entry"),
                      prefix=key(""))


def load_entry(data: dict[str, Any], municipalities: Iterable[str] = ()) -> None:
    """Put an entry's values (its register data; `{}` for a new entry) into the widgets, and
    `municipalities` (codes) into the area's list."""
    state = st.session_state
    state[key("municipalities")] = sorted(municipalities)
    area = data.get("area", {})
    note = data.get("note") or {}
    state[key("id")] = _fitting("id", data.get("id", ""))
    state[key("area_wording")] = _fitting("area_wording", data.get("area_wording", ""))
    language = state.get("language", DEFAULT_LANGUAGE)
    state[key("include")] = _fitting("include", units_text(area.get("include", []), language))
    state[key("exclude")] = _fitting("exclude", units_text(area.get("exclude", []), language))
    state[key("note_nl")] = _fitting("note_nl", note.get("nl", ""))
    state[key("note_en")] = _fitting("note_en", note.get("en", ""))
    contacts = (data.get("contacts", []) if data else [{}])[:limits.MAX_CONTACTS]
    state[key("contacts")] = len(contacts)
    for index, contact in enumerate(contacts):
        for field in (*CONTACT_FIELDS, *AVAILABILITY_FIELDS):
            state[key("contact", index, field)] = _fitting(field, str(contact.get(field) or ""))
        # The last check is kept as it was (the edit page's "checked today" changes it).
        state[key("contact", index, "checked")] = {
            name: contact[name] for name in ("verified_on", "verified_by") if name in contact}
        state[key("contact", index, "target_group")] = contact.get("target_group", "all")
        state[key("contact", index, "phones")] = _fitting(
            "phones", "\n".join(contact.get("phones", [])))
        said = contact.get("comensha")
        state[key("contact", index, "comensha")] = "unsaid" if said is None else str(said).lower()


def _change_contacts(step: int) -> None:
    count = min(st.session_state[key("contacts")] + step, limits.MAX_CONTACTS)
    if step > 0:
        load_contact_defaults(count - 1)
    st.session_state[key("contacts")] = max(count, 0)


def load_contact_defaults(index: int) -> None:
    """Empty values for a new contact's widgets."""
    for field in (*CONTACT_FIELDS, *AVAILABILITY_FIELDS, "phones"):
        st.session_state[key("contact", index, field)] = ""
    st.session_state[key("contact", index, "checked")] = {}
    st.session_state[key("contact", index, "target_group")] = "all"
    st.session_state[key("contact", index, "comensha")] = "unsaid"


def _contact(index: int, t: Translator) -> dict[str, Any]:
    """One contact's widgets; returns its register data."""
    plain_text.emphasised(t("contact_heading", number=index + 1), "")
    left, right = st.columns(2)
    organisation = left.text_input(t("field_organisation"),
                                   key=key("contact", index, "organisation"),
                                   max_chars=FIELD_LIMITS["organisation"],
                                   help=_limit_help("organisation", t))
    inferred = right.text_input(t("field_inferred_organisation"),
                                key=key("contact", index, "inferred_organisation"),
                                max_chars=FIELD_LIMITS["inferred_organisation"],
                                help=_limit_help("inferred_organisation", t))
    group = left.selectbox(t("field_target_group"), TARGET_GROUPS,
                           format_func=lambda value: t(f"target_{value}"),
                           key=key("contact", index, "target_group"),
                           placeholder=t("choose_placeholder"))
    wording = right.text_input(t("field_target_group_wording"),
                               key=key("contact", index, "target_group_wording"),
                               max_chars=FIELD_LIMITS["target_group_wording"],
                               help=_limit_help("target_group_wording", t))
    phones = left.text_area(t("field_phones"), key=key("contact", index, "phones"), height=80,
                            max_chars=FIELD_LIMITS["phones"],
                            help=t("field_phones_limit", count=limits.MAX_PHONES,
                                   limit=limits.MAX_PHONE_CHARS))
    said = right.selectbox(t("field_comensha"), COMENSHA_CHOICES,
                           format_func=lambda value: t(f"comensha_{value}"),
                           key=key("contact", index, "comensha"),
                           placeholder=t("choose_placeholder"))
    contact: dict[str, Any] = {"organisation": organisation.strip() or None}
    if inferred.strip():
        contact["inferred_organisation"] = inferred.strip()
    if group != "all":
        contact["target_group"] = group
    if wording.strip():
        contact["target_group_wording"] = wording.strip()
    numbers = [line.strip() for line in phones.splitlines() if line.strip()]
    if numbers:
        contact["phones"] = numbers
    if said != "unsaid":
        contact["comensha"] = said == "true"
    contact.update(_availability(index, t))
    contact.update(st.session_state.get(key("contact", index, "checked")) or {})
    return contact


def _availability(index: int, t: Translator) -> dict[str, str]:
    """A contact's optional availability widgets; returns the fields given."""
    left, right = st.columns(2)

    def limits_of(field: str) -> dict[str, Any]:
        return {"key": key("contact", index, field), "max_chars": FIELD_LIMITS[field],
                "help": _limit_help(field, t)}

    values = {
        "opening_hours": left.text_input(t("field_opening_hours"), **limits_of("opening_hours")),
        "after_hours_phone": right.text_input(t("field_after_hours_phone"),
                                              **limits_of("after_hours_phone")),
        "email": left.text_input(t("field_email"), **limits_of("email")),
        "website": right.text_input(t("field_website"), **limits_of("website")),
    }
    return {field: value.strip() for field, value in values.items() if value.strip()}


def entry_form(t: Translator, coverage: Coverage, *, new: bool) -> dict[str, Any]:
    """The entry's widgets (the id editable only for a new entry); returns its data. The area
    includes the named units of its lines and the municipalities of its list."""
    entry_id = st.text_input(t("field_id"), key=key("id"), disabled=not new,
                             max_chars=FIELD_LIMITS["id"], help=_limit_help("id", t))
    wording = st.text_input(t("field_area_wording"), key=key("area_wording"),
                            max_chars=FIELD_LIMITS["area_wording"],
                            help=_limit_help("area_wording", t))
    keys = picker_keys()
    with st.expander(t("edit_build_area"), expanded=bool(st.session_state.get(keys.codes))):
        unit_and_entry_inputs(coverage, keys, t)
        codes = municipality_list(coverage.units, keys, t("field_municipalities"), t)
    left, right = st.columns(2)
    units_help = " ".join([t("field_units_help"),
                           t("field_units_limit", count=t.number(limits.MAX_AREA_UNITS))])
    include = left.text_area(t("field_include"), key=key("include"), help=units_help,
                             height=100, max_chars=FIELD_LIMITS["include"])
    exclude = right.text_area(t("field_exclude"), key=key("exclude"), help=units_help,
                              height=100, max_chars=FIELD_LIMITS["exclude"])
    note_nl = left.text_area(t("field_note_nl"), key=key("note_nl"), height=120,
                             max_chars=FIELD_LIMITS["note_nl"], help=_limit_help("note_nl", t))
    note_en = right.text_area(t("field_note_en"), key=key("note_en"), height=120,
                              max_chars=FIELD_LIMITS["note_en"], help=_limit_help("note_en", t))
    data: dict[str, Any] = {"id": entry_id.strip(), "area_wording": wording.strip(),
                            "area": {"include": [*units_from_text(include),
                                                 *municipality_refs(codes, coverage.units)]}}
    if units_from_text(exclude):
        data["area"]["exclude"] = units_from_text(exclude)
    if note_nl.strip() or note_en.strip():
        data["note"] = {"nl": note_nl.strip(), "en": note_en.strip()}
    contacts = [_contact(index, t) for index in range(st.session_state[key("contacts")])]
    if contacts:
        data["contacts"] = contacts
    left, right = st.columns(2)
    full = len(contacts) >= limits.MAX_CONTACTS
    left.button(t("add_contact"), on_click=_change_contacts, args=(1,), key=key("add"),
                disabled=full,
                help=t("contacts_limit", count=limits.MAX_CONTACTS) if full else None)
    right.button(t("remove_contact"), on_click=_change_contacts, args=(-1,), key=key("remove"),
                 disabled=not contacts)
    return data
