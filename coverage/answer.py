"""One answer to "whom do I call for this municipality?", made once per municipality and
version, which every rendering shows and none decides again: the contact card, the command
line's `lookup` (text and `--json`), the PDF report per safety region and the table downloads.

The rule lives here only: every contact the overview lists for the municipality is called for
its target group (`regional`, or `named_comensha` where the overview names CoMensha); a
municipality for which no contact is listed calls the national fallback, CoMensha
(`fallback_no_coordinator`); an age group that no listed contact serves while the other one is
served calls CoMensha for that group (`fallback_uncovered_group`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from coverage.area_reading import readings
from coverage.check_age import CheckAge
from coverage.engine import Coverage
from coverage.phones import Phone
from coverage.schema import (
    Contact,
    Entry,
    Fallback,
    Language,
    Localised,
    NationalRoute,
    Snapshot,
    TargetGroup,
)
from coverage.status import TARGET_GROUPS, Status, StatusKey, status_key, status_label

Why = Literal["regional", "named_comensha", "fallback_no_coordinator",
              "fallback_uncovered_group"]
"""Why a call is made: a regional coordinator listed; CoMensha named in the overview; CoMensha
as the fallback where no contact is listed; CoMensha for an age group no listed contact
serves."""

FALLBACK_REASONS: tuple[Why, ...] = ("fallback_no_coordinator", "fallback_uncovered_group")


@dataclass(frozen=True)
class Municipality:
    """The municipality asked about."""

    code: str
    name: str
    """The official name (e.g. `'s-Gravenhage`)."""
    display_name: str
    """The name in common use (e.g. `Den Haag`)."""
    population: int


@dataclass(frozen=True)
class SafetyRegion:
    """The safety region the municipality lies in."""

    code: str
    name: str


@dataclass(frozen=True)
class Area:
    """An entry of the overview that covers the municipality: the area as the source words
    it, how it was read, and why (the note), in both languages."""

    id: str
    wording: str
    interpretation: Localised
    note: Localised | None

    def note_in(self, language: Language) -> str | None:
        """The note in `language`, or None where the entry has none."""
        return self.note.in_language(language) if self.note else None


@dataclass(frozen=True)
class Availability:
    """When and how else a contact is reached, where the register knows it."""

    opening_hours: str | None = None
    after_hours_phone: Phone | None = None
    email: str | None = None
    website: str | None = None

    @classmethod
    def of(cls, contact: Contact | Fallback) -> Availability:
        """The availability the register gives for `contact` (or the fallback)."""
        return cls(contact.opening_hours, contact.after_hours_phone, contact.email,
                   contact.website)

    @property
    def known(self) -> bool:
        """Whether the register gives any of it."""
        return any(value is not None for value in (self.opening_hours, self.after_hours_phone,
                                                   self.email, self.website))

    def to_json(self) -> dict[str, Any]:
        """`{opening_hours, after_hours_phone, email, website}`, null where unknown."""
        phone = self.after_hours_phone
        return {"opening_hours": self.opening_hours,
                "after_hours_phone": phone.to_json() if phone else None,
                "email": self.email, "website": self.website}


@dataclass(frozen=True)
class Checked:
    """When a contact was last checked and by whom (None: never), and whether it is due for a
    check (never checked, or longer ago than the configured age, `coverage.check_age`)."""

    verified_on: datetime.date | None
    verified_by: str | None
    due_for_check: bool
    months: int | None = None
    """The age (months) after which a check is due, as applied; None where not decided."""

    @classmethod
    def of(cls, contact: Contact | Fallback, checks: CheckAge) -> Checked:
        """How fresh `contact` (or the fallback) is on `checks.today`."""
        return cls(contact.verified_on, contact.verified_by,
                   checks.is_due(contact.verified_on), checks.months)

    def to_json(self) -> dict[str, Any]:
        """`{verified_on, verified_by, due_for_check}`, the date as ISO text or null."""
        return {"verified_on": self.verified_on.isoformat() if self.verified_on else None,
                "verified_by": self.verified_by, "due_for_check": self.due_for_check}


NEVER_CHECKED = Checked(None, None, True)


@dataclass(frozen=True)
class Call:
    """One organisation to call for one target group, and why."""

    organisation: str | None
    """The organisation named, or inferred from the number; None where neither is known."""
    organisation_in_source: str | None
    """The organisation as the source names it (None where it gives only a number)."""
    target_group: TargetGroup
    target_group_wording: str | None
    phones: tuple[Phone, ...]
    why: Why
    area: Area | None
    """The entry that lists this contact; None for CoMensha as the fallback."""
    checked: Checked = NEVER_CHECKED
    """When the contact was last checked, by whom, and whether it is due for a check."""
    availability: Availability = Availability()
    """Opening hours, after-hours number, e-mail and website, where the register knows them."""

    @property
    def verified_on(self) -> datetime.date | None:
        """The day the contact was last checked (None: never)."""
        return self.checked.verified_on

    @property
    def verified_by(self) -> str | None:
        """Who checked it last."""
        return self.checked.verified_by

    @property
    def due_for_check(self) -> bool:
        """Never checked, or checked longer ago than the configured age."""
        return self.checked.due_for_check

    @property
    def is_fallback(self) -> bool:
        """Whether this is CoMensha as the fallback (not listed in the overview)."""
        return self.why in FALLBACK_REASONS


@dataclass(frozen=True)
class Version:
    """The version of the register an answer comes from."""

    number: int | None
    """The published version's number; None for a folder of YAML files (`--data`)."""
    label: str
    """The snapshot's id, e.g. `current`."""
    date: datetime.date | None
    """The date of the overview, where its source gives one."""

    @classmethod
    def of(cls, snapshot: Snapshot, number: int | None = None) -> Version:
        """The version of `snapshot`, published as `number` (if known)."""
        return cls(number, snapshot.id, snapshot.date)

    def to_json(self) -> dict[str, Any]:
        """`{number, label, date}`, the date as ISO text or null."""
        return {"number": self.number, "label": self.label,
                "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Answer:
    """Whom to call for one municipality in one version of the register."""

    municipality: Municipality
    safety_region: SafetyRegion
    province: str
    police_unit: str
    status: Status
    split_by_age: bool
    """A regional contact serves one age group only."""
    uncovered_target_groups: tuple[str, ...]
    """The age groups without a regional coordinator (they call CoMensha), in
    `TARGET_GROUPS` order."""
    calls: tuple[Call, ...]
    """Whom to call, in order: every contact the overview lists (register order), then
    CoMensha as the fallback where a target group has no listed contact."""
    listed_without_contact: tuple[Area, ...]
    """Entries that cover the municipality without giving any contact."""
    fallback: Fallback
    """The national fallback (CoMensha), whatever the status."""
    version: Version
    checks: CheckAge | None = None
    """The date and age against which `Call.due_for_check` was decided."""

    @property
    def national_routes(self) -> tuple[NationalRoute, ...]:
        """The routes that apply everywhere (police, Labour Inspectorate, 112), as the
        register's fallback document gives them; none for a version without them."""
        routes = self.fallback.national_routes
        return tuple(routes.routes) if routes else ()

    @property
    def listed(self) -> tuple[Call, ...]:
        """The calls the overview lists (regional coordinators, or CoMensha named)."""
        return tuple(call for call in self.calls if not call.is_fallback)

    @property
    def fallback_calls(self) -> tuple[Call, ...]:
        """The calls to CoMensha as the fallback."""
        return tuple(call for call in self.calls if call.is_fallback)

    @property
    def listed_by_area(self) -> tuple[tuple[Area, tuple[Call, ...]], ...]:
        """The listed calls grouped by the entry that lists them, in order of appearance (the
        two organisations of an area split by age share one area)."""
        groups: dict[str, tuple[Area, list[Call]]] = {}
        for call in self.listed:
            if call.area is not None:
                groups.setdefault(call.area.id, (call.area, []))[1].append(call)
        return tuple((area, tuple(calls)) for area, calls in groups.values())

    @property
    def status_key(self) -> StatusKey:
        """The status as shown (label, colour); see `coverage.status.status_key`."""
        return status_key(self.status, self.split_by_age)

    def status_label(self, language: Language) -> str:
        """The status in words, in `language`."""
        return status_label(self.status, self.split_by_age, language)

    def to_json(self, language: Language = "en") -> dict[str, Any]:
        """The public JSON shape of `lookup --json` (see the README): the project's own texts
        (notes, readings) in `language`, the source's wordings as the source wrote them; with
        `version` and `calls` (whom to call, in order, and why) added to the original fields."""
        town = self.municipality
        return {
            "snapshot": self.version.label,
            "language": language,
            "municipality": {"code": town.code, "name": town.name,
                             "display_name": town.display_name,
                             "population": town.population},
            "safety_region": {"code": self.safety_region.code, "name": self.safety_region.name},
            "province": self.province,
            "police_unit": self.police_unit,
            "status": self.status,
            "split_by_age": self.split_by_age,
            "uncovered_target_groups": list(self.uncovered_target_groups),
            "coordinators": [_listed_json(call, language) for call in self.listed],
            "listed_without_contact": [
                {"area_id": area.id, "area_wording": area.wording,
                 "note": area.note_in(language),
                 "interpretation": area.interpretation.in_language(language)}
                for area in self.listed_without_contact],
            "fallback": {"organisation": self.fallback.organisation,
                         "phones": [phone.to_json() for phone in self.fallback.phones],
                         **self._fallback_checked().to_json(),
                         **Availability.of(self.fallback).to_json()},
            "version": self.version.to_json(),
            "calls": [
                {"target_group": call.target_group, "organisation": call.organisation,
                 "why": call.why, "area_id": call.area.id if call.area else None,
                 "phones": [phone.to_json() for phone in call.phones],
                 **call.checked.to_json(), **call.availability.to_json()}
                for call in self.calls],
            "check": ({"as_of": self.checks.today.isoformat(), "months": self.checks.months}
                      if self.checks else None),
            "national_routes": [{"label": route.label.in_language(language),
                                 "phone": route.phone.to_json()}
                                for route in self.national_routes],
        }

    def _fallback_checked(self) -> Checked:
        if self.checks is None:
            return Checked(self.fallback.verified_on, self.fallback.verified_by, True)
        return Checked.of(self.fallback, self.checks)


def _listed_json(call: Call, language: Language) -> dict[str, Any]:
    """A listed contact as in `coordinators` (plus the area's reading)."""
    assert call.area is not None
    return {
        "area_id": call.area.id,
        "organisation": call.organisation,
        "organisation_in_source": call.organisation_in_source,
        "target_group": call.target_group,
        "target_group_wording": call.target_group_wording,
        "area_wording": call.area.wording,
        "note": call.area.note_in(language),
        "phones": [phone.to_json() for phone in call.phones],
        "interpretation": call.area.interpretation.in_language(language),
        **call.checked.to_json(),
        **call.availability.to_json(),
    }


def calls_for(listed: Iterable[tuple[Contact, Area]], fallback: Fallback,
              checks: CheckAge | None = None) -> tuple[Call, ...]:
    """Whom to call, given the contacts listed for a municipality (with their areas): every
    listed contact, then CoMensha for all where none is listed, or for each age group that no
    listed contact serves. Each call says when its contact was checked and whether it is due
    on `checks.today` (without `checks`, every call counts as due).

    >>> from coverage.schema import Fallback
    >>> comensha = Fallback.model_validate({
    ...     "organisation": "CoMensha", "description": {"nl": "Vangnet.", "en": "Fallback."},
    ...     "phones": ["033 - 448 11 86"],
    ...     "sources": [{"title": "CoMensha", "address": "CoMensha", "date": "2024-01-01"}]})
    >>> [(call.target_group, call.why) for call in calls_for([], comensha)]
    [('all', 'fallback_no_coordinator')]
    >>> area = Area("veluwe", "De Veluwe", Localised(nl="x", en="x"), None)
    >>> young = Contact(organisation="MEE-Veluwe", target_group="under_23",
    ...                 phones=["055 - 526 92 00"])
    >>> [(call.organisation, call.target_group, call.why)
    ...  for call in calls_for([(young, area)], comensha)]
    [('MEE-Veluwe', 'under_23', 'regional'), ('CoMensha', '23_plus', 'fallback_uncovered_group')]
    """
    def checked(contact: Contact | Fallback) -> Checked:
        if checks is None:
            return Checked(contact.verified_on, contact.verified_by, True)
        return Checked.of(contact, checks)

    calls = [Call(contact.effective_organisation, contact.organisation, contact.target_group,
                  contact.target_group_wording, tuple(contact.phones),
                  "named_comensha" if contact.is_comensha else "regional", area,
                  checked(contact), Availability.of(contact))
             for contact, area in listed]
    extra = (checked(fallback), Availability.of(fallback))
    if not calls:
        return (Call(fallback.organisation, fallback.organisation, "all", None,
                     tuple(fallback.phones), "fallback_no_coordinator", None, *extra),)
    served = {group for call in calls for group in
              (TARGET_GROUPS if call.target_group == "all" else (call.target_group,))}
    calls += [Call(fallback.organisation, fallback.organisation, group, None,
                   tuple(fallback.phones), "fallback_uncovered_group", None, *extra)
              for group in TARGET_GROUPS if group not in served]
    return tuple(calls)


class _Maker:
    """Makes the answers of one coverage, reading each entry's area once."""

    def __init__(self, coverage: Coverage, version: Version, checks: CheckAge) -> None:
        self.coverage = coverage
        self.version = version
        self.checks = checks
        self.readings = readings(coverage.snapshot)

    def area(self, entry: Entry) -> Area:
        return Area(entry.id, entry.area_wording, self.readings[entry.id], entry.note)

    def answer(self, code: str, listed: list[tuple[Entry, Contact]],
               entries: list[Entry]) -> Answer:
        coverage = self.coverage
        row = coverage.municipalities.loc[code]
        return Answer(
            municipality=Municipality(code, row["name"], row["display_name"],
                                      int(row["population"])),
            safety_region=SafetyRegion(row["safety_region_code"], row["safety_region_name"]),
            province=row["province"],
            police_unit=row["police_unit"],
            status=row["status"],
            split_by_age=bool(row["split_by_age"]),
            uncovered_target_groups=tuple(coverage.uncovered_groups[code]),
            calls=calls_for(((contact, self.area(entry)) for entry, contact in listed),
                            coverage.fallback, self.checks),
            listed_without_contact=tuple(self.area(entry) for entry in entries
                                         if not entry.contacts),
            fallback=coverage.fallback,
            version=self.version,
            checks=self.checks,
        )


def answer_for(coverage: Coverage, code: str, version: Version | None = None,
               checks: CheckAge | None = None) -> Answer:
    """The answer for one municipality (`code`, e.g. GM0228); `version` defaults to the
    coverage's snapshot without a number, `checks` (the date and age that make a contact due
    for a check) to today in Amsterdam and the configured age (`CheckAge.now`)."""
    maker = _Maker(coverage, version or Version.of(coverage.snapshot), checks or CheckAge.now())
    return maker.answer(code, coverage.contacts_for(code), coverage.entries_for(code))


def answers(coverage: Coverage, version: Version | None = None,
            codes: Iterable[str] | None = None, checks: CheckAge | None = None
            ) -> dict[str, Answer]:
    """The answer for every municipality (or those of `codes`), by code, in the order of the
    municipality table (or of `codes`); `checks` as in `answer_for`."""
    maker = _Maker(coverage, version or Version.of(coverage.snapshot), checks or CheckAge.now())
    chosen = list(coverage.municipalities.index if codes is None else codes)
    listed: dict[str, list[tuple[Entry, Contact]]] = {code: [] for code in chosen}
    rows = coverage.assignments
    for code, entry_id, index in zip(rows["municipality"], rows["entry_id"], rows["contact"],
                                     strict=True):
        if code in listed:
            entry = coverage.entry(entry_id)
            listed[code].append((entry, entry.contacts[index]))
    covering: dict[str, list[Entry]] = {code: [] for code in chosen}
    for entry in coverage.snapshot.entries:
        for code in coverage.areas[entry.id]:
            if code in covering:
                covering[code].append(entry)
    return {code: maker.answer(code, listed[code], covering[code]) for code in chosen}
