"""Colours and Leaflet path styles of the coverage map (and of the legend beside it).

Plain data: the map's layers (:mod:`ui.map.view`), the selection drawn in the browser
(:mod:`ui.map_selection`) and the legend (:mod:`ui.map.panel`) all take their colours here.
"""

from __future__ import annotations

from typing import Any, Final

import pandas as pd

from coverage.status import status_key

__all__ = [
    "AREA_OUTLINE_STYLE",
    "FILL_OPACITY",
    "FOCUS_HALO_STYLE",
    "FOCUS_STYLE",
    "HOVER_STYLE",
    "MAP_BACKGROUND",
    "MUNICIPALITY_BORDER",
    "PROPOSAL_HATCH",
    "PROPOSAL_STYLE",
    "REGION_BORDER_STYLE",
    "SELECTED_HALO_STYLE",
    "SELECTED_STYLE",
    "SPLIT_BY_AGE_OUTLINE",
    "STATUS_COLOURS",
    "VIOLATION_STYLE",
    "colour_keys",
    "municipality_styles",
]

STATUS_COLOURS: Final[dict[str, str]] = {
    "coordinator": "#0072B2",
    "coordinator_split_by_age": "#56B4E9",
    "partial": "#CC79A7",
    "comensha": "#E69F00",
    "fallback": "#BBBBBB",
}
"""Fill colour per colour key (see :func:`colour_keys`), for the map and the legend beside it.

Okabe–Ito blue, sky blue and orange, and a neutral grey (Paul Tol's): distinguishable with
the common colour-vision deficiencies and in greyscale by lightness (blue darkest, grey
lightest). ``coordinator``: a regional coordinator (blue); ``coordinator_split_by_age``: regional
coordinators that split by target group (sky blue, with a dashed dark-blue outline, see
:data:`SPLIT_BY_AGE_OUTLINE`); ``partial``: one age group has a regional coordinator, the other
falls back to CoMensha (Okabe–Ito reddish purple); ``comensha``: the overview names CoMensha
(orange); ``fallback``: nobody is named, CoMensha by default (grey: not in the overview).
Vermillion (#D55E00) is kept for rule violations, so it never doubles as a fill."""

SPLIT_BY_AGE_OUTLINE: Final[dict[str, Any]] = {
    "color": "#0072B2", "weight": 1.5, "dashArray": "4 3",
}
"""Outline of municipalities whose coordinators split by age (on top of the sky-blue fill)."""

MUNICIPALITY_BORDER: Final[dict[str, Any]] = {"color": "#FFFFFF", "weight": 0.7}
FILL_OPACITY: Final = 0.85

REGION_BORDER_STYLE: Final[dict[str, Any]] = {
    "color": "#1A1A1A", "weight": 2.5, "opacity": 0.9, "fill": False,
}
"""Safety-region borders: thick, near-black, solid, no fill."""

AREA_OUTLINE_STYLE: Final[dict[str, Any]] = {
    "color": "#009E73", "weight": 3, "opacity": 1.0, "dashArray": "7 4", "fill": False,
}
"""Coordinator areas: dashed Okabe–Ito bluish green, no fill: a colour no fill, border or
highlight uses, so an area's edge is never mistaken for a safety-region border (black) or a
rule breach (vermillion)."""

VIOLATION_STYLE: Final[dict[str, Any]] = {
    "color": "#D55E00", "weight": 4.5, "opacity": 1.0, "fill": False,
}
"""Areas that break the border rule: thick vermillion outline. No tint: a tint over the fill
would read as another status colour."""

SELECTED_HALO_STYLE: Final[dict[str, Any]] = {
    "color": "#F0E442", "weight": 12, "opacity": 1.0, "fill": False,
}
SELECTED_STYLE: Final[dict[str, Any]] = {
    "color": "#000000", "weight": 3.5, "opacity": 1.0, "fill": False,
}
"""Selected municipality: a black line on a wide Okabe–Ito yellow halo, readable on every fill
and unlike any border (safety-region borders are black without a halo)."""

FOCUS_HALO_STYLE: Final[dict[str, Any]] = {
    "color": "#FFFFFF", "weight": 11, "opacity": 0.9, "fill": False,
}
FOCUS_STYLE: Final[dict[str, Any]] = {
    "color": "#000000", "weight": 5, "opacity": 1.0, "fill": False,
}
"""The region chosen in the gaps view (a province, police unit or safety region): a heavy
black line on a wide white halo, twice as heavy as a safety-region border."""

PROPOSAL_HATCH: Final[dict[str, Any]] = {"color": "#000000", "width": 1.5, "spacing": 6}
"""Hatch lines over a proposed municipality: thin, black, diagonal; the status colour shows
between them."""
PROPOSAL_STYLE: Final[dict[str, Any]] = {
    "color": "#000000", "weight": 1.5, "opacity": 1.0, "fill": True,
    "fillColor": "url(#coverageProposalHatch)", "fillOpacity": 1.0,
}
"""A proposed municipality (proposal page): black outline, hatched fill (the pattern
`ui.map.proposal_script.PATTERN_ID`)."""

MAP_BACKGROUND: Final = "#FFFFFF"
"""Background of the map (no tiles): white, so the grey ``fallback`` fill stands out from it
and from the lakes and sea (Leaflet's default background is grey #DDD)."""

HOVER_STYLE: Final[dict[str, Any]] = {"color": "#333333", "weight": 2.5, "fillOpacity": 0.95}


def colour_keys(coverage_table: pd.DataFrame) -> pd.Series:
    """The :data:`STATUS_COLOURS` key per municipality.

    Args:
        coverage_table: With ``status`` (coordinator/partial/comensha/fallback) and
            ``split_by_age``.

    Returns:
        Series like the table's index: the status, or ``coordinator_split_by_age`` for a
        coordinator municipality whose coordinators split by target group.
    """
    split = coverage_table["split_by_age"].eq(True)
    return pd.Series([status_key(status, bool(by_age)) for status, by_age
                      in zip(coverage_table["status"], split, strict=True)],
                     index=coverage_table.index, name="status", dtype=object)


def municipality_styles() -> dict[str, dict[str, Any]]:
    """Leaflet path options per :data:`STATUS_COLOURS` key, as drawn on the map."""
    styles: dict[str, dict[str, Any]] = {}
    for key, colour in STATUS_COLOURS.items():
        style = {**MUNICIPALITY_BORDER, "fillColor": colour, "fillOpacity": FILL_OPACITY}
        if key == "coordinator_split_by_age":
            style.update(SPLIT_BY_AGE_OUTLINE)
        styles[key] = style
    return styles
