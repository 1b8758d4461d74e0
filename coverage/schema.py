"""The schema of the coordinator register: one YAML file per snapshot of the overview.

The models validate structure and field values within the register's limits (`coverage.limits`:
lengths of texts, numbers of entries, contacts, phones and area units, no invisible or control
characters); names of units are checked against the boundary tables, and the domain rules of
`coverage.rules` (someone to call, CoMensha written as CoMensha, no empty area) applied, when the
register is loaded (`coverage.register`).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from coverage import limits
from coverage.phones import Phone, parse_phone

COMENSHA = "CoMensha"

TargetGroup = Literal["all", "under_23", "23_plus"]
"""Who a contact serves: everyone, victims under 23, or victims aged 23 and over."""

AREA_UNIT_KINDS = ("municipality", "safety_region", "province", "police_unit")
REFERENCE_KINDS = (*AREA_UNIT_KINDS, "entry")


PUBLISHED = "published"
"""The validation context `{PUBLISHED: True}` reads a version back from the register's database:
it kept the rules in force when it was published, and the limits (`coverage.limits`), perhaps
newer than it, are not applied again, so that a version breaking them can still be read and
replaced. Everything written (imported, saved, published, reverted to) keeps them."""


def _limits_apply(info: ValidationInfo) -> bool:
    return not (isinstance(info.context, dict) and info.context.get(PUBLISHED))


def _within(max_chars: int) -> AfterValidator:
    """A validator refusing text over `max_chars` characters or with a refused character
    (`coverage.limits`)."""

    def check(value: str, info: ValidationInfo) -> str:
        problem = limits.text_problem(value, max_chars) if _limits_apply(info) else None
        if problem:
            raise ValueError(problem)
        return value

    return AfterValidator(check)


def _at_most(count: int) -> AfterValidator:
    """A validator refusing a list of more than `count` items (`coverage.limits`)."""

    def check(value: list[Any], info: ValidationInfo) -> list[Any]:
        if len(value) > count and _limits_apply(info):
            raise ValueError(f"has {len(value):,} items; at most {count:,} are allowed here")
        return value

    return AfterValidator(check)


Identifier = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
                       _within(limits.MAX_ID_CHARS)]
Text = Annotated[str, Field(min_length=1), _within(limits.MAX_TEXT_CHARS)]
"""A text the project wrote (per language), or an area's wording."""
Name = Annotated[str, Field(min_length=1), _within(limits.MAX_NAME_CHARS)]
"""An organisation, a target group's wording, a unit's name or code."""
CitationText = Annotated[str, Field(min_length=1), _within(limits.MAX_CITATION_CHARS)]
"""A citation's title or address."""
Language = Literal["nl", "en"]
"""The languages of the interface, and of every text the project writes in the register."""


def _phone_from_text(value: object, info: ValidationInfo) -> object:
    if not isinstance(value, str):
        return value
    problem = limits.text_problem(value, limits.MAX_PHONE_CHARS) if _limits_apply(info) else None
    if problem:
        raise ValueError(problem)
    return parse_phone(value)


PhoneField = Annotated[Phone, BeforeValidator(_phone_from_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localised(_Strict):
    """A text the project wrote (a note, a date note, a description), in Dutch and in English:
    `{nl: ..., en: ...}`, both required, so a page in one language never shows the other.

    >>> Localised(nl="Geen datum.", en="No date.").in_language("nl")
    'Geen datum.'
    """

    nl: Text
    """Dutch."""
    en: Text
    """English."""

    @model_validator(mode="before")
    @classmethod
    def _both_languages(cls, value: object) -> object:
        if isinstance(value, str):
            raise ValueError("give this text in both languages, as {nl: ..., en: ...}")
        return value

    def in_language(self, language: Language) -> str:
        """The text in `language` (`nl` or `en`)."""
        return self.nl if language == "nl" else self.en


def _not_a_file_path(value: str) -> str:
    if not value.startswith(("https://", "http://")) and ("/" in value or "\\" in value):
        raise ValueError("give the web address (https://…) or the publishing site's name, "
                         "never a file path")
    return value


class Citation(_Strict):
    """Where a text comes from: the page's title, its web address, its date."""

    title: CitationText
    """The page's own title, verbatim."""
    address: Annotated[CitationText, AfterValidator(_not_a_file_path)]
    """The page's web address; where the source text gives none, the publishing site's name
    (e.g. `Wegwijzer Mensenhandel`). Never a file path."""
    date: datetime.date | None = None
    date_note: Localised | None = None
    """What is known of the date; required when `date` is null (the sources are undated)."""

    @property
    def summary(self) -> str:
        """The citation on one line, as stored beside a version: `‘title’, address`."""
        return f"‘{self.title}’, {self.address}"

    @model_validator(mode="after")
    def _date_or_note(self) -> Citation:
        if self.date is None and self.date_note is None:
            raise ValueError("give the date, or 'date: null' with a date_note saying why")
        return self


class UnitRef(_Strict):
    """One named unit: exactly one of municipality, safety_region, province, police_unit, or
    entry (the area of another entry of the same snapshot). Names or CBS codes are accepted."""

    municipality: Name | None = None
    safety_region: Name | None = None
    province: Name | None = None
    police_unit: Name | None = None
    entry: Identifier | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> UnitRef:
        given = [kind for kind in REFERENCE_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise ValueError(f"name exactly one of {', '.join(REFERENCE_KINDS)}; got "
                             f"{', '.join(given) or 'none'}")
        return self

    @property
    def kind(self) -> str:
        """Which kind of unit this refers to."""
        return next(kind for kind in REFERENCE_KINDS if getattr(self, kind) is not None)

    @property
    def value(self) -> str:
        """The name or code as written."""
        return getattr(self, self.kind)


class AreaExpression(_Strict):
    """The municipalities of every `include` unit, less those of every `exclude` unit."""

    include: Annotated[list[UnitRef], Field(min_length=1), _at_most(limits.MAX_AREA_UNITS)]
    exclude: Annotated[list[UnitRef], _at_most(limits.MAX_AREA_UNITS)] = []


class Contact(_Strict):
    """An organisation named for an area (or a number given without one), for a target group."""

    organisation: Name | None
    """The organisation as the source names it; null where the source gives only a number."""
    inferred_organisation: Name | None = None
    """Whose number it is, where the source names no organisation (explained in the note)."""
    target_group: TargetGroup = "all"
    target_group_wording: Name | None = None
    """The source's own words for the target group, e.g. `(23 - )`."""
    phones: Annotated[list[PhoneField], _at_most(limits.MAX_PHONES)] = []
    comensha: bool | None = None
    """Said explicitly: `true` when the contact is CoMensha although its name is spelt otherwise,
    `false` when it is another organisation although its name contains "CoMensha" or it gives
    CoMensha's number. Left out (null), the contact is CoMensha exactly when its organisation is
    `CoMensha`, and the register refuses other spellings and CoMensha's number under another
    name (`coverage.rules`). The entry's note must say why."""

    @property
    def effective_organisation(self) -> str | None:
        """The organisation named, or else the one inferred from the number."""
        return self.organisation or self.inferred_organisation

    @property
    def is_comensha(self) -> bool:
        """Whether this contact is CoMensha itself (as said explicitly, else by its name)."""
        if self.comensha is not None:
            return self.comensha
        return self.effective_organisation == COMENSHA


class Entry(_Strict):
    """One area of the overview with the contacts it lists."""

    id: Identifier
    area_wording: Text
    """The area's heading verbatim from the source."""
    area: AreaExpression
    """The interpretation of the wording as named units."""
    note: Localised | None = None
    """Why an ambiguous wording was read this way, in Dutch and English; required where a
    reading was a choice. It stands alone: it may name another entry, never lean on its note."""
    contacts: Annotated[list[Contact], _at_most(limits.MAX_CONTACTS)] = []

    @model_validator(mode="after")
    def _note_where_needed(self) -> Entry:
        unnamed = [c for c in self.contacts if c.organisation is None]
        if (unnamed or not self.contacts) and self.note is None:
            raise ValueError("an entry without an organisation or contact needs a note saying so")
        if any(c.inferred_organisation and c.organisation for c in self.contacts):
            raise ValueError("inferred_organisation is only for contacts without an organisation")
        if any(c.comensha is not None for c in self.contacts) and self.note is None:
            raise ValueError("an entry with a contact marked 'comensha' needs a note saying why")
        return self

    @property
    def organisations(self) -> list[str]:
        """The organisations of this entry's contacts, in source order, without repeats."""
        names = (c.effective_organisation for c in self.contacts)
        return list(dict.fromkeys(name for name in names if name))

    @property
    def is_comensha_only(self) -> bool:
        """True when every contact of this entry is CoMensha (exempt from the border rule)."""
        return bool(self.contacts) and all(c.is_comensha for c in self.contacts)


class Snapshot(_Strict):
    """One dated version of the overview of regional care coordinators."""

    id: Identifier
    title: Localised
    """What this version of the overview is, in both languages."""
    language: Language
    """The language of the source text (its wordings are quoted in it)."""
    source: Citation
    """Where the text comes from, and its date (or what is known of it)."""
    sequence: int = Field(ge=1)
    """Order of publication: a higher number is a later overview."""
    entries: Annotated[list[Entry], Field(min_length=1), _at_most(limits.MAX_ENTRIES)]

    @property
    def date(self) -> datetime.date | None:
        """The date of the overview, if its source gives one."""
        return self.source.date


class Fallback(_Strict):
    """The national fallback: CoMensha, for every municipality without a regional coordinator."""

    organisation: Name
    description: Localised
    """Who the fallback is and what it does, in both languages."""
    phones: Annotated[list[PhoneField], Field(min_length=1), _at_most(limits.MAX_PHONES)]
    sources: Annotated[list[Citation], Field(min_length=1), _at_most(limits.MAX_SOURCES)]
    """Where the number and the fallback role come from."""
