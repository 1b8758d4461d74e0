"""The selected municipality drawn by the map itself, in the browser: the map never changes.

The map document is the same for every selection (so Streamlit need not send it again and the
iframe is never rebuilt). The selection reaches the map through the page's address instead:
the app writes ``?gemeente=GMxxxx`` (:data:`URL_PARAMETER`) on every selection, by click,
search or link, and the map's script (``static/js/map/selection.js``), running inside
streamlit-folium's iframe (same origin as the page), outlines the municipality named there,
fitting the map to its whole safety region (the municipalities with the same ``region``
property), so the reader sees where in the region it lies. The frame hears of a new address by
the page's own event (``static/js/map/address.js``: the Navigation API's
``currententrychange``, which fires on Streamlit's ``pushState`` and ``replaceState``); a
browser without that API has the frame look at the address every :data:`POLL_MS` ms, one
look for the selection, the region (:mod:`ui.map.focus_script`) and the proposal
(:mod:`ui.map.proposal_script`) together. A click outlines at once, without waiting for the
server, and is sent to the app as the component's value ``{"code": ..., "click": ...}``:
``click`` is new for every click (a per-iframe random id and a counter), so clicking the same
municipality again is a new value and reaches the app (see :mod:`ui.map.click`).

While the page shows :data:`ui.first_screen.WAITING_MARK` (a session's first page, which
waits for the map before it draws the rest), the script sends ``{"drawn": <iframe id>}`` as
the component's value once its polygons are drawn: that value runs the page again.

The outline sits in a pane of its own above the overlays (:data:`SELECTION_PANE`, drawn from
:data:`ui.map.palette.SELECTED_HALO_STYLE` and :data:`ui.map.palette.SELECTED_STYLE`), so
layers switched on later never cover it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ui.first_screen import WAITING_MARK
from ui.map.browser_script import BrowserScript
from ui.map.palette import SELECTED_HALO_STYLE, SELECTED_STYLE
from ui.map.styled_geojson import StyledGeoJson
from ui.text.browser_code import data

__all__ = ["DRAWN_RETRY_MS", "DRAWN_WAIT_MS", "POLL_MS", "SELECTION_PANE", "URL_PARAMETER",
           "SelectionScript"]

URL_PARAMETER: Final = "gemeente"
"""The page's query parameter naming the selected municipality."""

SELECTION_PANE: Final = "coverageSelection"
"""Leaflet pane of the selection outline (class ``leaflet-coverageSelection-pane``)."""

POLL_MS: Final = 100
"""How often the map looks at the page's address, in a browser without the Navigation API's
event (``static/js/map/address.js``)."""

DRAWN_RETRY_MS: Final = 100
"""How often the map tries again to say its polygons are drawn (the frame gets its height a
moment after the script runs)."""

DRAWN_WAIT_MS: Final = 10_000
"""How long the map keeps trying: the first screen's mark lasts one run, which the timer of
:data:`ui.first_screen.REST_AFTER_S` (3 s) ends at the latest."""


class SelectionScript(BrowserScript):
    """Outline and fit the selected municipality in the browser; report clicks to the app.

    Add it to the map after the municipality layer.
    """

    script_name = "map/selection"
    libraries = ("map/address",)

    def __init__(self, municipalities: StyledGeoJson, *, fit: bool = True,
                 fit_on_load: bool | None = None, max_zoom: int = 10,
                 padding: tuple[int, int] = (8, 8),
                 halo_style: Mapping[str, Any] = SELECTED_HALO_STYLE,
                 style: Mapping[str, Any] = SELECTED_STYLE,
                 outline_clicks: bool = True) -> None:
        """Args:
            municipalities: The layer whose features (``properties.code``) can be selected.
            fit: Fit the map to the safety region of a municipality selected by search or link
                (a clicked one is already in view).
            fit_on_load: The same for the selection the page has when the map loads (default:
                ``fit``); false when the map was fitted to something else on purpose.
            max_zoom: The most the map zooms in when fitting.
            padding: Pixels kept free around a fitted municipality.
            halo_style: Leaflet path options of the wide line under the outline.
            style: Leaflet path options of the outline.
            outline_clicks: Outline a clicked municipality at once (false where a click
                means something else, as on the proposal page).
        """
        super().__init__()
        self._name = "SelectionScript"
        self.municipalities = municipalities
        self.fit = fit
        self.fit_on_load = fit if fit_on_load is None else fit_on_load
        self.max_zoom = max_zoom
        self.padding = list(padding)
        self.halo_style = dict(halo_style)
        self.style = dict(style)
        self.outline_clicks = outline_clicks

    def config(self) -> dict[str, Any]:
        """What ``static/js/map/selection.js`` is given."""
        return {"parameter": URL_PARAMETER, "pane": SELECTION_PANE,
                "haloStyle": self.halo_style, "style": self.style,
                "padding": self.padding, "maxZoom": self.max_zoom, "fit": self.fit,
                "fitOnLoad": self.fit_on_load, "outlineClicks": self.outline_clicks,
                "waitingSelector": f".st-key-{WAITING_MARK}", "pollMs": POLL_MS,
                "drawnRetryMs": DRAWN_RETRY_MS, "drawnWaitMs": DRAWN_WAIT_MS}

    def arguments(self) -> list[str]:
        """The map, the municipalities' layer, the configuration."""
        return [self._parent.get_name(), self.municipalities.get_name(), data(self.config())]
