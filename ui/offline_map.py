"""Folium maps for ``streamlit_folium.st_folium`` that make no requests off the app's own origin.

By default folium pulls Leaflet, jQuery, Bootstrap, Font Awesome and
leaflet.awesome-markers from public CDNs and draws OpenStreetMap tiles.
Here Leaflet's JS/CSS/images come from the ``xstatic-leaflet`` Python
dependency and are served by Streamlit's own static file serving
(``[server] enableStaticServing = true`` serves ``<main script dir>/static/*``
at ``<baseUrlPath>/app/static/...``).

Streamlit's static handler resolves symlinks and refuses (HTTP 400) any file
whose real path lies outside ``static/``, so a link into site-packages cannot
work; the files are copied at app start instead, into
``static/vendor/leaflet-<version>/``, which ignores itself in git
(``static/vendor/.gitignore`` holds ``*``).

Usage in the main script::

    from pathlib import Path
    from ui.offline_map import ensure_static_assets, offline_map

    ensure_static_assets(Path(__file__).parent)
    m = offline_map()  # tiles=None, only Leaflet, loaded from /app/static/...
    folium.GeoJson(data, tooltip=folium.GeoJsonTooltip(["name"])).add_to(m)
    m.fit_bounds(m.get_bounds())
    st_folium(m)

Only Leaflet is supplied. :func:`assert_offline` refuses a map that needs
more (see :func:`external_assets` and :func:`missing_libraries`). That includes
``folium.Popup`` (its template calls jQuery; use ``folium.GeoJsonPopup``
instead), ``folium.TopoJson`` (needs topojson-client; convert to GeoJSON in
Python instead), ``GeoJson(embed=False)`` (``$.ajax``), ``keep_in_front``
(``$(document).ready``), awesome-marker icons, branca colormaps and
Choropleth legends (streamlit-folium adds d3 from a CDN), and folium.plugins.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import branca.colormap
import folium
import folium.elements
import folium.plugins
import streamlit as st
import xstatic.pkg.leaflet as xstatic_leaflet

__all__ = [
    "LEAFLET_VERSION",
    "assert_offline",
    "ensure_static_assets",
    "external_assets",
    "leaflet_asset_urls",
    "missing_libraries",
    "offline_map",
    "static_url",
    "vendor_dir",
]

LEAFLET_VERSION: str = xstatic_leaflet.VERSION
"""Leaflet version shipped by the installed ``xstatic-leaflet`` (e.g. ``1.9.3``)."""

_SOURCE_DIR = Path(xstatic_leaflet.BASE_DIR)

# Folder under the app's ``static/`` that this module owns and writes to.
_VENDOR = "vendor"
_LEAFLET_SUBDIR = f"leaflet-{LEAFLET_VERSION}"

# Files copied from xstatic-leaflet. leaflet.css points at images/*.png
# (layer control icon, default marker icon); the .map only stops devtools 404s.
_ASSET_FILES: tuple[str, ...] = (
    "leaflet.js",
    "leaflet.js.map",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)

# Name under which folium's Map lists these assets (same keys as folium's
# own defaults, so ``add_js_link("leaflet", ...)`` still replaces them).
_LEAFLET_JS_NAME = "leaflet"
_LEAFLET_CSS_NAME = "leaflet_css"

_copy_lock = threading.Lock()


def vendor_dir(app_dir: Path) -> Path:
    """Return the folder the Leaflet assets are copied to.

    Args:
        app_dir: Folder of the Streamlit main script (the one given to
            ``streamlit run``); Streamlit serves ``app_dir / "static"``.

    Returns:
        ``app_dir / "static" / "vendor" / "leaflet-<version>"``.
    """
    return app_dir / "static" / _VENDOR / _LEAFLET_SUBDIR


def _is_current(src: Path, dst: Path) -> bool:
    """Tell whether ``dst`` exists as a regular file with the size of ``src``."""
    try:
        return dst.is_file() and not dst.is_symlink() and dst.stat().st_size == src.stat().st_size
    except OSError:
        return False


def ensure_static_assets(app_dir: Path) -> Path:
    """Copy Leaflet's JS, CSS and images into the app's ``static/`` folder.

    Idempotent and cheap once done (one ``stat`` per file, no copying).
    Safe when several Streamlit sessions run it at the same time: each file is
    written to a temporary name and moved into place atomically. A missing or
    truncated file is put back. A ``.gitignore`` holding ``*`` is written to
    ``static/vendor/`` so the copies never reach git.

    Args:
        app_dir: Folder of the Streamlit main script.

    Returns:
        The folder holding the assets (see :func:`vendor_dir`).
    """
    target = vendor_dir(app_dir)
    pending = [name for name in _ASSET_FILES if not _is_current(_SOURCE_DIR / name, target / name)]
    gitignore = target.parent / ".gitignore"
    if not pending and gitignore.is_file():
        return target
    with _copy_lock:
        (target / "images").mkdir(parents=True, exist_ok=True)
        if not gitignore.is_file():
            gitignore.write_text(
                "# Written by ui/offline_map.py at app start; do not commit.\n*\n",
                encoding="utf-8",
            )
        for name in pending:
            src = _SOURCE_DIR / name
            dst = target / name
            if _is_current(src, dst):
                continue
            tmp = dst.with_name(f".{dst.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            shutil.copyfile(src, tmp)
            tmp.replace(dst)
    return target


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
        For example ``/app/static/vendor/leaflet-1.9.3/leaflet.js``, or
        ``/dash/app/static/...`` when ``server.baseUrlPath = "dash"``.
    """
    if base_url_path is None:
        base_url_path = str(st.get_option("server.baseUrlPath") or "")
    base = base_url_path.strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/app/static/{relative_path.lstrip('/')}"


def leaflet_asset_urls(base_url_path: str | None = None) -> tuple[str, str]:
    """Return the local URLs of ``leaflet.js`` and ``leaflet.css``.

    Args:
        base_url_path: See :func:`static_url`.

    Returns:
        ``(js_url, css_url)``.
    """
    folder = f"{_VENDOR}/{_LEAFLET_SUBDIR}"
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
        The map. Call :func:`ensure_static_assets` once per run before showing it.
    """
    folium_map_kwargs.setdefault("tiles", None)
    fmap = folium.Map(**folium_map_kwargs)
    js_url, css_url = leaflet_asset_urls(base_url_path)
    # Fresh per-instance lists: JSCSSMixin.add_js_link mutates in place.
    fmap.default_js = [(_LEAFLET_JS_NAME, js_url)]
    fmap.default_css = [(_LEAFLET_CSS_NAME, css_url)]
    return fmap


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

    These make no request once :func:`offline_map` removed folium's CDN
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
