"""Selecting a municipality from the URL, the search box and map clicks."""

from __future__ import annotations

import pytest

from coverage.search import MunicipalityIndex
from geodata import Units
from ui.dashboard.selection import (
    SelectionState,
    choose,
    initial_state,
    next_state,
    search_box_text,
)
from ui.map.click import MapClick


@pytest.fixture(scope="module")
def index(units: Units) -> MunicipalityIndex:
    return MunicipalityIndex(units.municipalities)


def test_url_by_code_or_name(index: MunicipalityIndex) -> None:
    assert initial_state("GM0363", index).selected == "GM0363"
    assert initial_state("den-haag", index).selected == "GM0518"
    assert initial_state(None, index) == SelectionState()
    rejected = initial_state("Atlantis", index)
    assert (rejected.selected, rejected.url_rejected) == (None, "Atlantis")


ZWOLLE_FIRST = MapClick(code="GM0193", click="frame1-1")
ZWOLLE_AGAIN = MapClick(code="GM0193", click="frame1-3")


def test_search_then_click_then_unchanged_search(index: MunicipalityIndex) -> None:
    state = next_state(SelectionState(), search_text="Den Bosch", clicked=None, index=index)
    assert state.selected == "GM0796"
    state = next_state(state, search_text="Den Bosch", clicked=ZWOLLE_FIRST, index=index)
    assert state.selected == "GM0193"
    # A rerun with the same inputs changes nothing: the old search does not win back.
    assert next_state(state, search_text="Den Bosch", clicked=ZWOLLE_FIRST, index=index) == state


def test_the_click_already_acted_on_does_not_win_over_a_search(
        index: MunicipalityIndex) -> None:
    state = next_state(SelectionState(), search_text="", clicked=ZWOLLE_FIRST, index=index)
    state = next_state(state, search_text="Almere", clicked=ZWOLLE_FIRST, index=index)
    assert state.selected == "GM0034"


def test_clicking_the_same_municipality_again_after_a_search_selects_it(
        index: MunicipalityIndex) -> None:
    """Click Zwolle, search Utrecht, click Zwolle again: Zwolle (issue 6, the re-click bug)."""
    state = next_state(SelectionState(), search_text="", clicked=ZWOLLE_FIRST, index=index)
    state = next_state(state, search_text="Utrecht", clicked=ZWOLLE_FIRST, index=index)
    assert state.selected == "GM0344"
    state = next_state(state, search_text="Utrecht", clicked=ZWOLLE_AGAIN, index=index)
    assert state.selected == "GM0193"
    cleared = choose(state, None)
    assert next_state(cleared, search_text="Utrecht", clicked=MapClick("GM0193", "frame1-4"),
                      index=index).selected == "GM0193"


def test_ambiguous_and_unknown_searches_keep_the_selection(index: MunicipalityIndex) -> None:
    state = SelectionState(selected="GM0014")
    ambiguous = next_state(state, search_text="bergen", clicked=None, index=index)
    assert ambiguous.selected == "GM0014"
    assert ambiguous.search_result is not None
    assert ambiguous.search_result.codes == ("GM0373", "GM0893")
    assert choose(ambiguous, "GM0893").selected == "GM0893"
    assert choose(ambiguous, "GM0893").search_result is None
    unknown = next_state(state, search_text="Amsterdm", clicked=None, index=index)
    assert unknown.selected == "GM0014"
    assert "Amsterdam" in unknown.search_result.suggestions


def test_clearing_the_search_box_keeps_the_selection(index: MunicipalityIndex) -> None:
    state = next_state(SelectionState(), search_text="Zwolle", clicked=None, index=index)
    cleared = next_state(state, search_text="", clicked=None, index=index)
    assert cleared.selected == "GM0193"


def test_the_search_box_follows_the_selection(index: MunicipalityIndex) -> None:
    searched = next_state(SelectionState(), search_text="zwolle", clicked=None, index=index)
    assert search_box_text(searched, "zwolle", index) == "zwolle"  # what was typed stays
    clicked = next_state(searched, search_text="zwolle", clicked=MapClick("GM0344", "f-1"),
                         index=index)
    assert search_box_text(clicked, "zwolle", index) == "Utrecht"  # not the old text
    assert search_box_text(choose(clicked, "GM0796"), "Utrecht", index) == "Den Bosch"
    assert search_box_text(choose(clicked, None), "Utrecht", index) is None


def test_the_search_box_keeps_a_search_that_asks(index: MunicipalityIndex) -> None:
    state = next_state(SelectionState(selected="GM0193"), search_text="bergen", clicked=None,
                       index=index)
    assert state.selected == "GM0193"
    assert search_box_text(state, "bergen", index) == "bergen"  # the choice is offered
    unknown = next_state(SelectionState(), search_text="Atlantis", clicked=None, index=index)
    assert search_box_text(unknown, "Atlantis", index) == "Atlantis"
