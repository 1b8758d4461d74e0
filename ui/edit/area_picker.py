"""Building a set of municipalities the natural ways, shared by the proposal page and the edit
page's entry form: add or take out a whole safety region, province or police unit, start from an
existing entry's area, or pick municipalities in a list (keyboard accessible).

The set lives in the session state of a multiselect (`codes_key`); the buttons change that state
in callbacks, before the list is drawn again, so the list always shows the set. The units and
areas come from `coverage.whatif` (`parse_unit`, `entry_area`), as in the CLI's `whatif`.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from coverage.engine import Coverage
from coverage.whatif import UnknownUnitError, entry_area, parse_unit
from geodata import Units
from ui.text import plain_text
from ui.text.i18n import Translator

UNIT_KINDS = ("safety_region", "province", "police_unit")


@dataclass(frozen=True)
class PickerKeys:
    """The session-state keys of one picker's widgets."""

    codes: str
    unit_kind: str
    unit: str
    entry: str
    prefix: str
    """Prefix of the buttons' keys."""


def change_codes(codes_key: str, codes: frozenset[str], add: bool) -> None:
    """Add `codes` to (or take them out of) the set held at `codes_key`."""
    current = frozenset(st.session_state.get(codes_key, []))
    st.session_state[codes_key] = sorted(current | codes if add else current - codes)


def chosen_unit_codes(keys: PickerKeys, units: Units) -> frozenset[str]:
    """The municipalities of the unit chosen in the picker (none when nothing valid is
    chosen)."""
    kind, name = st.session_state.get(keys.unit_kind), st.session_state.get(keys.unit)
    if kind not in UNIT_KINDS or not name:
        return frozenset()
    try:
        return parse_unit(f"{kind}:{name}", units)
    except UnknownUnitError:
        return frozenset()


def unit_options(kind: str, units: Units) -> dict[str, str]:
    """Unit value → how it reads (safety regions by name and code)."""
    if kind == "safety_region":
        regions = units.safety_regions
        return {code: f"{name} ({code})" for code, name in
                sorted(zip(regions.index, regions["name"], strict=True),
                       key=lambda pair: pair[1])}
    values = sorted(units.municipalities[units.column_of(kind)].unique())
    return {value: value for value in values}


def _start_from_entry(keys: PickerKeys, coverage: Coverage) -> None:
    st.session_state[keys.codes] = sorted(entry_area(coverage, st.session_state[keys.entry]))


def unit_and_entry_inputs(coverage: Coverage, keys: PickerKeys, t: Translator) -> None:
    """A unit kind and unit with add and remove buttons, then an existing entry to start
    from."""
    units = coverage.units
    kind_column, unit_column = st.columns(2)
    kind = kind_column.selectbox(t("proposal_unit_kind"), UNIT_KINDS, key=keys.unit_kind,
                                 format_func=lambda kind: t(f"proposal_kind_{kind}"),
                                 placeholder=t("choose_placeholder"))
    options = unit_options(kind, units)
    if st.session_state.get(keys.unit) not in options:
        st.session_state[keys.unit] = next(iter(options))
    unit_column.selectbox(t("proposal_unit"), list(options), key=keys.unit,
                          format_func=options.__getitem__,
                          placeholder=t("choose_placeholder"))
    add, remove, _ = st.columns([1, 1, 2])
    add.button(t("proposal_add"), key=f"{keys.prefix}add_unit",
               on_click=lambda: change_codes(keys.codes, chosen_unit_codes(keys, units), True))
    remove.button(t("proposal_remove"), key=f"{keys.prefix}remove_unit",
                  on_click=lambda: change_codes(keys.codes, chosen_unit_codes(keys, units),
                                                False))
    entries = {entry.id: entry.area_wording for entry in coverage.snapshot.entries
               if coverage.areas[entry.id]}
    if st.session_state.get(keys.entry) not in entries:
        st.session_state[keys.entry] = next(iter(entries))
    st.selectbox(t("proposal_entry"), list(entries), key=keys.entry,
                 format_func=entries.__getitem__,  # options are plain text
                 placeholder=t("choose_placeholder"))
    st.button(t("proposal_start_from_entry"), key=f"{keys.prefix}start_from_entry",
              on_click=_start_from_entry, args=(keys, coverage))


def municipality_list(units: Units, keys: PickerKeys, label: str, t: Translator) -> list[str]:
    """The multiselect of the set's municipalities (name and code); returns the codes."""
    names = units.municipalities["display_name"]
    order = sorted(names.index, key=lambda code: names[code])
    return st.multiselect(plain_text.label(label), order, key=keys.codes,
                          format_func=lambda code: f"{names[code]} ({code})",
                          placeholder=t("proposal_municipalities_placeholder"))
