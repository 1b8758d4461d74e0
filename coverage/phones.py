"""Phone numbers: as written in the source, and in E.164 form for `tel:` links."""

from __future__ import annotations

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
