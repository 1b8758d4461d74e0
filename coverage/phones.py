"""Phone numbers: as written in the source, and in E.164 form for `tel:` links."""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers
from pydantic import BaseModel, ConfigDict

DEFAULT_REGION = "NL"


class Phone(BaseModel):
    """A phone number as the source writes it, with its international (E.164) form."""

    model_config = ConfigDict(frozen=True)

    display: str
    e164: str

    @property
    def tel_url(self) -> str:
        """The `tel:` link for this number."""
        return f"tel:{self.e164}"

    @property
    def written_and_e164(self) -> str:
        """The number as written, with its E.164 form: `033 - 448 11 86 (+31334481186)`."""
        return f"{self.display} ({self.e164})"

    def to_json(self) -> dict[str, str]:
        """`{display, e164}`, the number in the public JSON shapes."""
        return {"display": self.display, "e164": self.e164}


def phones_text(phones: Iterable[Phone], separator: str = " or ") -> str:
    """Numbers as written with their E.164 form, one after the other: the one way the command
    line, the PDF report and the tables write a list of numbers in text.

    >>> phones_text([parse_phone("020 - 626 38 00"), parse_phone("06-10599458")], " of ")
    '020 - 626 38 00 (+31206263800) of 06-10599458 (+31610599458)'
    """
    return separator.join(phone.written_and_e164 for phone in phones)


def parse_phone(text: str) -> Phone:
    """Parse a Dutch (or international) phone number as written; raise `ValueError` if invalid.

    >>> parse_phone("020 - 626 38 00").e164
    '+31206263800'
    """
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"{text!r} is not a phone number ({error})") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"{text!r} is not a valid phone number")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(display=text.strip(), e164=e164)


def parse_route_phone(text: str) -> Phone:
    """A national route's number: a phone number (as `parse_phone`), or a short number valid in
    the Netherlands such as 112, whose dialled form stands in for E.164 (`tel:112`).

    >>> parse_route_phone("112").tel_url
    'tel:112'
    >>> parse_route_phone("0900-8844").e164
    '+319008844'
    """
    try:
        return parse_phone(text)
    except ValueError:
        pass
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"{text!r} is not a phone number ({error})") from None
    if not phonenumbers.is_valid_short_number(number):
        raise ValueError(f"{text!r} is not a valid phone number or short number")
    return Phone(display=text.strip(), e164=str(number.national_number))
