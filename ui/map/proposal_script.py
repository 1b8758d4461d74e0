"""The proposal drawn by the map itself, in the browser, from the page's address.

Like the selection (:mod:`ui.map.selection_script`), the proposal never changes the map
document: the proposal page writes ``?voorstel=GM0599,GM0505`` (:data:`URL_PARAMETER`) and the
map's script (``static/js/map/proposal.js``), inside streamlit-folium's iframe (same origin as
the page), hears of every new address as the selection does and draws those municipalities
hatched with a black outline (:data:`ui.map.palette.PROPOSAL_STYLE`), in a pane of their own
under the selection. The status colours stay visible through the hatching. A click toggles
the clicked municipality at once, before the server answers; the address then confirms it.
The map fits the proposal when the page loads and when municipalities are added other than by
a click (a whole region, an existing area).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ui.map.browser_script import BrowserScript
from ui.map.palette import PROPOSAL_HATCH, PROPOSAL_STYLE
from ui.map.selection_script import POLL_MS
from ui.map.styled_geojson import StyledGeoJson
from ui.text.browser_code import data

__all__ = ["PATTERN_ID", "PROPOSAL_PANE", "URL_PARAMETER", "ProposalScript"]

URL_PARAMETER: Final = "voorstel"
"""The page's query parameter listing the proposal's municipality codes."""

PROPOSAL_PANE: Final = "coverageProposal"
"""Leaflet pane of the proposal (class ``leaflet-coverageProposal-pane``)."""

PATTERN_ID: Final = "coverageProposalHatch"
"""Id of the SVG hatch pattern that fills the proposal's municipalities."""


class ProposalScript(BrowserScript):
    """Draw the municipalities of the address's proposal; toggle a clicked one at once.

    Add it to the map after the municipality layer.
    """

    script_name = "map/proposal"
    libraries = ("map/address",)

    def __init__(self, municipalities: StyledGeoJson, *, max_zoom: int = 10,
                 padding: tuple[int, int] = (8, 8),
                 style: Mapping[str, Any] = PROPOSAL_STYLE,
                 hatch: Mapping[str, Any] = PROPOSAL_HATCH) -> None:
        """Args:
            municipalities: The layer whose features (``properties.code``) can be proposed.
            max_zoom: The most the map zooms in when fitting the proposal.
            padding: Pixels kept free around a fitted proposal.
            style: Leaflet path options of a proposed municipality (its fill is the hatch).
            hatch: ``color``, ``width`` and ``spacing`` (pixels) of the hatch lines.
        """
        super().__init__()
        self._name = "ProposalScript"
        self.municipalities = municipalities
        self.max_zoom = max_zoom
        self.padding = list(padding)
        self.style = dict(style)
        self.hatch = dict(hatch)

    def config(self) -> dict[str, Any]:
        """What ``static/js/map/proposal.js`` is given."""
        return {"parameter": URL_PARAMETER, "pane": PROPOSAL_PANE, "patternId": PATTERN_ID,
                "hatch": self.hatch, "style": self.style, "padding": self.padding,
                "maxZoom": self.max_zoom, "pollMs": POLL_MS}

    def arguments(self) -> list[str]:
        """The map, the municipalities' layer, the configuration."""
        return [self._parent.get_name(), self.municipalities.get_name(), data(self.config())]
