"""The schema of the coordinator register: one YAML file per snapshot of the overview.

The models validate structure and field values within the register's limits (`coverage.limits`:
lengths of texts, numbers of entries, contacts, phones and area units, no invisible or control
characters); names of units are checked against the boundary tables, and the domain rules of
`coverage.rules` (someone to call, CoMensha written as CoMensha, no empty area) applied, when the
register is loaded (`coverage.register`).
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

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
from coverage.check_age import today_in_amsterdam
from coverage.phones import Phone, parse_phone, parse_route_phone

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


def _route_phone_from_text(value: object, info: ValidationInfo) -> object:
    if not isinstance(value, str):
        return value
    problem = limits.text_problem(value, limits.MAX_PHONE_CHARS) if _limits_apply(info) else None
    if problem:
        raise ValueError(problem)
    return parse_route_phone(value)


RoutePhoneField = Annotated[Phone, BeforeValidator(_route_phone_from_text)]
"""A national route's number: a phone number, or a short number such as 112."""

TODAY = "today"
"""The validation context `{TODAY: date}` gives the date against which `verified_on` may not
lie in the future (default: today in Amsterdam)."""


def _not_in_the_future(value: datetime.date, info: ValidationInfo) -> datetime.date:
    if not _limits_apply(info):
        return value
    context = info.context if isinstance(info.context, dict) else {}
    today = context.get(TODAY) or today_in_amsterdam()
    if value > today:
        raise ValueError(f"{value.isoformat()} lies in the future (today is "
                         f"{today.isoformat()}); give the date the contact was checked")
    return value


def _real_date(value: object) -> object:
    if isinstance(value, datetime.datetime):
        raise ValueError("give a date (YYYY-MM-DD), not a time")
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value[:40]}' is not a real date (YYYY-MM-DD)") from None
    return value


CheckDate = Annotated[datetime.date, BeforeValidator(_real_date),
                      AfterValidator(_not_in_the_future)]
"""The day a contact was last checked: a real date, not after today."""
Verifier = Annotated[str, Field(min_length=1), _within(limits.MAX_VERIFIER_CHARS)]
"""Who checked a contact: a short name."""
Hours = Annotated[str, Field(min_length=1), _within(limits.MAX_HOURS_CHARS)]
"""Opening hours as free text (`ma–vr 08:00–19:00`)."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise ValueError(f"'{value[:40]}' is not an e-mail address (name@domain.nl)")
    return value


def _https_address(value: str) -> str:
    parts = urlsplit(value)
    if (parts.scheme != "https" or not parts.hostname or "." not in parts.hostname
            or parts.username or parts.password or any(char.isspace() for char in value)):
        raise ValueError(f"'{value[:40]}' is not a web address starting with https://")
    return value


Email = Annotated[str, _within(limits.MAX_EMAIL_CHARS), AfterValidator(_email)]
Website = Annotated[str, _within(limits.MAX_WEBSITE_CHARS), AfterValidator(_https_address)]


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
    verified_on: CheckDate | None = None
    """The day the contact (organisation and numbers) was last checked; null: never."""
    verified_by: Verifier | None = None
    """Who checked it (a short name); given together with `verified_on`."""
    opening_hours: Hours | None = None
    """When the numbers are answered, where the register knows it (free text)."""
    after_hours_phone: PhoneField | None = None
    """The number for nights and weekends, where the register knows one."""
    email: Email | None = None
    website: Website | None = None
    """An https address."""

    @model_validator(mode="after")
    def _checked_with_name(self) -> Contact:
        _check_pair(self.verified_on, self.verified_by)
        return self

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


def _check_pair(verified_on: datetime.date | None, verified_by: str | None) -> None:
    """`verified_on` and `verified_by` are given together or not at all."""
    if (verified_on is None) != (verified_by is None):
        raise ValueError("give verified_on and verified_by together: the day the contact was "
                         "checked and who checked it")


class NationalRoute(_Strict):
    """A route that applies everywhere (the police, the Labour Inspectorate, 112): what it is
    for, in both languages, and its number as written."""

    label: Localised
    """What the route is for (`de politie`, `the police`)."""
    phone: RoutePhoneField
    """The number as written (`0900-8844`); a short number such as `112` is allowed here."""


class NationalRoutes(_Strict):
    """The routes that apply everywhere, with where they come from."""

    source: Citation
    routes: Annotated[list[NationalRoute], Field(min_length=1), _at_most(limits.MAX_ROUTES)]


class Fallback(_Strict):
    """The national fallback: CoMensha, for every municipality without a regional coordinator;
    and the national routes that apply everywhere."""

    organisation: Name
    description: Localised
    """Who the fallback is and what it does, in both languages."""
    phones: Annotated[list[PhoneField], Field(min_length=1), _at_most(limits.MAX_PHONES)]
    sources: Annotated[list[Citation], Field(min_length=1), _at_most(limits.MAX_SOURCES)]
    """Where the number and the fallback role come from."""
    verified_on: CheckDate | None = None
    """The day CoMensha's contact was last checked (see `Contact.verified_on`)."""
    verified_by: Verifier | None = None
    opening_hours: Hours | None = None
    after_hours_phone: PhoneField | None = None
    email: Email | None = None
    website: Website | None = None
    national_routes: NationalRoutes | None = None
    """The routes that apply everywhere, shown under every answer."""

    @model_validator(mode="after")
    def _checked_with_name(self) -> Fallback:
        _check_pair(self.verified_on, self.verified_by)
        return self
