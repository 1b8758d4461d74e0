"""Folium maps for ``streamlit_folium.st_folium`` that make no requests off the app's own origin.

By default folium pulls Leaflet, jQuery, Bootstrap, Font Awesome and leaflet.awesome-markers
from public CDNs and draws OpenStreetMap tiles. Here the map loads Leaflet alone, from the
repository's ``static/leaflet-<version>/`` (committed, with Leaflet's licence), which Streamlit
serves itself (``[server] enableStaticServing = true`` serves ``<main script dir>/static/*`` at
``<baseUrlPath>/app/static/...``). Nothing is written at start-up, so the app runs from a
read-only checkout.

Only Leaflet is supplied: a map may use no ``folium.Popup`` (its template calls jQuery; use
``folium.GeoJsonPopup``), ``folium.TopoJson``, ``GeoJson(embed=False)``, ``keep_in_front``,
awesome-marker icons, branca colormaps or folium.plugins. The tests check every map the app
draws for that (``tests/offline_check.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import folium
import streamlit as st

__all__ = [
    "LEAFLET_DIR",
    "LEAFLET_VERSION",
    "leaflet_asset_urls",
    "offline_map",
    "static_url",
]

LEAFLET_VERSION: Final = "1.9.3"
"""The Leaflet version in the repository's ``static/`` folder."""

STATIC_DIR: Final = Path(__file__).resolve().parents[2] / "static"
"""The folder Streamlit serves at ``/app/static/`` (beside the main script, ``app.py``)."""

LEAFLET_DIR: Final = STATIC_DIR / f"leaflet-{LEAFLET_VERSION}"
"""Leaflet's files: ``leaflet.js``, ``leaflet.css``, ``images/``, ``LICENSE``."""

# Names under which folium's Map lists these assets (folium's own keys, so
# ``add_js_link("leaflet", ...)`` still replaces them).
_LEAFLET_JS_NAME = "leaflet"
_LEAFLET_CSS_NAME = "leaflet_css"


def static_url(relative_path: str, base_url_path: str | None = None) -> str:
    """Return the URL path under which Streamlit serves ``static/<relative_path>``.

    The URL is absolute on the app's origin (``/app/static/...``), so it works
    both from the main page and from inside streamlit-folium's component
    iframe (``/component/streamlit_folium.st_folium/index.html``, same origin).

    Args:
        relative_path: Path below the app's ``static/`` folder, ``/``-separated.
        base_url_path: Streamlit's ``server.baseUrlPath``. ``None`` reads it
            from Streamlit's config (``""`` when unset).

    Returns:
        For example ``/app/static/leaflet-1.9.3/leaflet.js``, or
        ``/dash/app/static/...`` when ``server.baseUrlPath = "dash"``.
    """
    if base_url_path is None:
        base_url_path = str(st.get_option("server.baseUrlPath") or "")
    base = base_url_path.strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/app/static/{relative_path.lstrip('/')}"


def leaflet_asset_urls(base_url_path: str | None = None) -> tuple[str, str]:
    """Return the local URLs of ``leaflet.js`` and ``leaflet.css`` (``(js_url, css_url)``).

    Args:
        base_url_path: See :func:`static_url`.
    """
    folder = LEAFLET_DIR.name
    return (
        static_url(f"{folder}/leaflet.js", base_url_path),
        static_url(f"{folder}/leaflet.css", base_url_path),
    )


def offline_map(base_url_path: str | None = None, **folium_map_kwargs: Any) -> folium.Map:
    """Create a ``folium.Map`` that loads only Leaflet, from the app's own origin.

    The map has no tile layer unless ``tiles`` is given (pass a URL on the
    app's origin for an offline basemap). Only this instance's
    ``default_js``/``default_css`` are replaced; folium's class attributes,
    shared by every other map, are untouched.

    Args:
        base_url_path: See :func:`static_url`.
        **folium_map_kwargs: Passed to ``folium.Map``; ``tiles`` defaults to
            ``None``.

    Returns:
        The map.
    """
    folium_map_kwargs.setdefault("tiles", None)
    fmap = folium.Map(**folium_map_kwargs)
    js_url, css_url = leaflet_asset_urls(base_url_path)
    # Fresh per-instance lists: JSCSSMixin.add_js_link mutates in place.
    fmap.default_js = [(_LEAFLET_JS_NAME, js_url)]
    fmap.default_css = [(_LEAFLET_CSS_NAME, css_url)]
    return fmap
