"""Phone numbers as written, and their E.164 form."""

from __future__ import annotations

import pytest

from coverage.phones import parse_phone


@pytest.mark.parametrize(("written", "e164"), [
    ("020 - 626 38 00", "+31206263800"), ("06-10599458", "+31610599458"),
    ("+31 611471210", "+31611471210"), ("0800 2000", "+318002000"),
    ("06-41 74 32 32", "+31641743232"), ("0475-359947", "+31475359947"),
])
def test_parse(written: str, e164: str) -> None:
    phone = parse_phone(written)
    assert (phone.display, phone.e164, phone.tel_url) == (written, e164, f"tel:{e164}")


@pytest.mark.parametrize("written", ["0592 - 30 63", "call us", "", "06-1234"])
def test_invalid(written: str) -> None:
    with pytest.raises(ValueError, match="phone number"):
        parse_phone(written)
