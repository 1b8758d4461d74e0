"""A region chosen in the gaps view: its focus, totals and municipalities, gaps first."""

from __future__ import annotations

from coverage.engine import Coverage
from ui.dashboard.region_view import (
    focus_from_widgets,
    focus_of,
    region_municipalities,
    region_totals_text,
)
from ui.text.i18n import Translator

EN = Translator("en")


def test_the_most_specific_choice_is_the_focus() -> None:
    assert focus_of(None, None, None) is None
    assert focus_of("Gelderland", None, None) == ("province", "Gelderland")
    assert focus_of("Gelderland", "Oost-Nederland", None) == ("police_unit", "Oost-Nederland")
    assert focus_of("Gelderland", "Oost-Nederland", "VR07") == ("safety_region", "VR07")
    state = {"gaps_province": "all", "gaps_police_unit": "Oost-Nederland",
             "gaps_safety_region": "all"}
    assert focus_from_widgets(state, "all") == ("police_unit", "Oost-Nederland")
    assert focus_from_widgets({}, "all") is None


def test_region_totals_and_list(current: Coverage) -> None:
    text = region_totals_text(current, "safety_region", "VR17", EN)
    table = current.municipalities
    rijnmond = table.loc[table["safety_region_code"] == "VR17"]
    without = rijnmond["status"].isin(["comensha", "fallback"]).sum()
    assert text.startswith(f"In safety region Rotterdam-Rijnmond (VR17): {without} of "
                           f"{len(rijnmond)} municipalities have no regional care coordinator")
    listed = region_municipalities(current, "safety_region", "VR17", EN)
    assert len(listed) == len(rijnmond)
    covered = listed["Status"].str.startswith("Regional care coordinator")
    assert not covered.iloc[:without].any() and covered.iloc[without:].all()
    assert listed["Municipality"].iloc[without:].tolist() == ["Rotterdam"]
    assert listed["Municipality"].iloc[:without].is_monotonic_increasing
