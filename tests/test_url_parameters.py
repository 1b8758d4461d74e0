"""The limits of everything a link or the search box gives the page (`ui.url_parameters`)."""

from __future__ import annotations

import json

import pytest

from coverage.search import MunicipalityIndex
from geodata import Units
from ui.dashboard.selection import SelectionState, initial_state, next_state, search_box_text
from ui.proposal.url import MAX_COMPARED, decode, encode, read_compared
from ui.url_parameters import (
    ECHO_LIMIT,
    MAX_COMPARED_TEXT,
    MAX_COMPARED_VALUES,
    MAX_MUNICIPALITY_TEXT,
    compared_value,
    compared_values,
    echo,
    json_depth_within,
    language,
    municipality_text,
    version_number,
)

NOTICE = ("LET OP: het nummer is gewijzigd. Bel voortaan 0900-1234567 (lokaal tarief) voor "
          "een slachtoffer van mensenhandel in uw gemeente. " * 3)[:300]
"""A 300-character 'notice' put in a link."""
DEEP = "[" * 5000 + "]" * 5000
"""JSON nested 5,000 deep (json.loads raises RecursionError on it)."""


def test_an_echo_is_one_short_line() -> None:
    shown = echo(NOTICE)
    assert len(shown) <= ECHO_LIMIT and shown.endswith("…")
    assert NOTICE.startswith(shown[:-1])
    assert echo("Zwolle") == "Zwolle"
    assert echo("x" * ECHO_LIMIT) == "x" * ECHO_LIMIT
    assert echo("a\u202eb\u200f\u2028c\r\nd\x00e") == "ab c de"
    assert echo("") == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("3", 3), (" 12 ", 12), ("999999", 999999), ("0", 0),
    ("²", None), ("٣", None), ("1²", None), ("9" * 7, None), ("9" * 5000, None),
    ("", None), ("-1", None), ("+1", None), ("1.0", None), ("1e3", None), ("0x1", None),
    ("<b>99</b>", None), (None, None),
])
def test_a_version_is_six_ascii_digits_at_most(text: str | None, expected: int | None) -> None:
    assert version_number(text) == expected


def test_municipality_text_is_bounded() -> None:
    assert municipality_text("den-haag") == "den-haag"
    assert municipality_text("x" * MAX_MUNICIPALITY_TEXT) == "x" * MAX_MUNICIPALITY_TEXT
    assert municipality_text("x" * (MAX_MUNICIPALITY_TEXT + 1)) is None
    assert municipality_text(NOTICE) is None
    assert municipality_text("   ") is None and municipality_text(None) is None


def test_language_is_one_of_the_pages() -> None:
    assert language("nl", ("nl", "en")) == "nl"
    for asked in ("", "de", "nl " * 1000, "EN", None):
        assert language(asked, ("nl", "en")) is None


def test_json_depth_is_counted_without_parsing() -> None:
    assert json_depth_within('{"naam": "a [ { b", "x": "\\" ["}', 1)
    assert not json_depth_within('{"a": []}', 1)
    assert json_depth_within('{"a": []}', 2)
    assert not json_depth_within(DEEP, 1)
    assert not json_depth_within("{" * 100_000, 50)


def test_compared_values_are_bounded_in_length_depth_and_number() -> None:
    flat = '{"voorstel": "GM0599"}'
    assert compared_value(flat) == flat
    assert compared_value(DEEP) is None
    assert compared_value(" " * (MAX_COMPARED_TEXT + 1)) is None
    assert compared_values([flat] * 3) == ([flat] * 3, False)
    assert compared_values([flat] * 50) == ([flat] * MAX_COMPARED_VALUES, True)
    assert compared_values([flat, DEEP]) == ([flat], True)
    assert MAX_COMPARED_VALUES == MAX_COMPARED


def test_a_deep_or_huge_comparison_is_dropped_not_raised(units: Units) -> None:
    known = units.municipalities.index
    assert decode(DEEP, known) is None
    assert decode('{"voorstel": "GM0599", "naam": ' + "9" * 5000 + "}", known) is None
    assert decode(json.dumps({"voorstel": "GM0599", "naam": {"a": "b"}}), known) is None
    assert read_compared([DEEP, "{" * 20_000], known) == ([], True)


def test_every_longest_comparison_the_page_writes_reads_back(units: Units) -> None:
    from coverage.whatif import Proposal

    known = units.municipalities.index
    name = '"\\' * 150  # 300 characters, each escaped in JSON
    proposal = Proposal(name, name, "23_plus", frozenset(known))
    text = encode(proposal)
    assert len(text) <= MAX_COMPARED_TEXT
    assert decode(text, known) == proposal
    assert read_compared([text], known) == ([proposal], False)


@pytest.fixture(scope="module")
def index(units: Units) -> MunicipalityIndex:
    return MunicipalityIndex(units.municipalities)


def test_a_long_link_or_search_is_not_looked_up_and_echoed_cut(
        index: MunicipalityIndex) -> None:
    state = initial_state(NOTICE, index)
    assert state.selected is None and state.url_rejected == echo(NOTICE)
    state = next_state(SelectionState(), search_text=NOTICE, clicked=None, index=index)
    assert state.selected is None
    assert state.search_result is not None and state.search_result.codes == ()
    assert search_box_text(state, NOTICE, index) == NOTICE  # the box keeps what was typed
    assert initial_state("   ", index) == SelectionState()
