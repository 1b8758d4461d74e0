"""Test helper: does a folium map draw with local Leaflet alone, as ``st_folium`` shows it?

:func:`external_assets` lists what a map would fetch off the app's origin, and
:func:`missing_libraries` what would need more than Leaflet (see ``ui/map/offline.py``);
:func:`assert_offline` fails on either.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import branca.colormap
import folium
import folium.elements
import folium.plugins

__all__ = ["assert_offline", "external_assets", "missing_libraries"]


def _walk_all(element: Any) -> Iterator[Any]:
    """Yield ``element`` and all its descendants (both maps of a DualMap)."""
    yield element
    if isinstance(element, folium.plugins.DualMap):
        yield from _walk_all(element.m1)
        yield from _walk_all(element.m2)
    for child in getattr(element, "_children", {}).values():
        yield from _walk_all(child)


def _is_local(url: str) -> bool:
    """Tell whether ``url`` stays on the page's origin (absolute path or data: URL)."""
    return (url.startswith("/") and not url.startswith("//")) or url.startswith("data:")


def external_assets(fmap: folium.Map) -> list[str]:
    """List what ``fmap`` would fetch from outside the app's origin in ``st_folium``.

    Mirrors the link collection of ``streamlit_folium.st_folium``: every
    element's ``default_js``/``default_css``, plus the d3 scripts it adds from
    a CDN for any branca colormap; tile layer URLs are checked too.

    Args:
        fmap: The map, with all its layers added.

    Returns:
        The offending URLs, in order, without duplicates; empty when offline.
    """
    urls: list[str] = []
    for element in _walk_all(fmap):
        if isinstance(element, branca.colormap.ColorMap):
            urls.append("https://d3js.org/d3.v4.min.js")
        if isinstance(element, folium.elements.JSCSSMixin):
            links = [*element.default_js, *element.default_css]
            urls.extend(url for _, url in links if not _is_local(url))
        if isinstance(element, folium.TileLayer) and not _is_local(str(element.tiles)):
            urls.append(str(element.tiles))
    return list(dict.fromkeys(urls))


def missing_libraries(fmap: folium.Map) -> list[str]:
    """List elements of ``fmap`` whose JavaScript needs more than Leaflet.

    These make no request once :func:`ui.map.offline.offline_map` removed folium's CDN
    links, but fail in the browser (``$ is not defined`` and the like).

    Args:
        fmap: The map, with all its layers added.

    Returns:
        One human-readable line per problem; empty when Leaflet suffices.
    """
    problems: list[str] = []
    for element in _walk_all(fmap):
        name = element.get_name() if hasattr(element, "get_name") else repr(element)
        if isinstance(element, folium.Popup):
            problems.append(f"{name}: folium.Popup needs jQuery (use folium.GeoJsonPopup)")
        elif isinstance(element, folium.Icon):
            problems.append(f"{name}: folium.Icon needs leaflet.awesome-markers")
        elif isinstance(element, folium.GeoJson) and not getattr(element, "embed", True):
            problems.append(f"{name}: GeoJson(embed=False) needs jQuery ($.ajax)")
        elif isinstance(element, folium.Map) and element.objects_to_stay_in_front:
            problems.append(f"{name}: Map.keep_in_front needs jQuery")
    return problems


def assert_offline(fmap: folium.Map) -> folium.Map:
    """Raise unless ``fmap`` draws with local Leaflet alone.

    Args:
        fmap: The map, with all its layers added.

    Returns:
        ``fmap`` unchanged, for chaining.

    Raises:
        ValueError: Listing what :func:`external_assets` and
            :func:`missing_libraries` found.
    """
    problems = [*external_assets(fmap), *missing_libraries(fmap)]
    if problems:
        raise ValueError("map is not offline-ready: " + "; ".join(problems))
    return fmap
