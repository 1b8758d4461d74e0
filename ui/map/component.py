"""The map on the page: st_folium's component, with its arguments prepared once per map.

``st_folium`` renders the folium map on every call (the whole national map as text, and folium's
random element ids), so every run would send a new document. Here the arguments are prepared
once (:func:`prepare`; the caller caches the result per process) and every run passes the very
same strings under a key derived from them (:func:`draw`): Streamlit then sends the browser a
reference to the message it already holds instead of the map (its ``ForwardMsg`` cache), and the
iframe stays as it is.

:func:`prepare` does what ``streamlit_folium.st_folium`` does before it calls its component,
with streamlit-folium's own helpers; it is tied to the streamlit-folium version in
:data:`ui.map.styled_geojson.WRITTEN_AGAINST` (pinned in ``pyproject.toml``, checked by the
tests).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import folium
import streamlit_folium

__all__ = ["MapDocument", "draw", "prepare", "register_component"]


@dataclass(frozen=True)
class MapDocument:
    """What the st_folium component needs to draw one map, the same on every run."""

    key: str
    """The component's key: one per document, so another document gets a new iframe."""
    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]

    @property
    def size(self) -> int:
        """Bytes of the script, header and html (UTF-8)."""
        return sum(len(text.encode()) for text in (self.script, self.header, self.html))


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def prepare(fmap: folium.Map) -> MapDocument:
    """Render ``fmap`` into the component's arguments, as ``st_folium`` would.

    The map is changed by rendering (folium and streamlit-folium rename its elements): do not
    use it afterwards.
    """
    fmap.get_root().render()
    fmap.render()
    html = streamlit_folium._get_html(fmap)
    header = streamlit_folium._get_header(fmap)
    script = streamlit_folium._get_map_string(fmap)
    map_id = streamlit_folium.get_full_id(fmap)
    css_links = [href for element in _walk(fmap) for _, href in
                 getattr(element, "default_css", [])]
    js_links = [src for element in _walk(fmap) for _, src in getattr(element, "default_js", [])]
    digest = hashlib.sha256("\0".join([script, header, html]).encode()).hexdigest()[:16]
    return MapDocument(key=f"coverage-map-{digest}", script=script, header=header, html=html,
                       map_id=map_id, css_links=tuple(dict.fromkeys(css_links)),
                       js_links=tuple(dict.fromkeys(js_links)))


def register_component() -> None:
    """Make st_folium's component known to the running server. Streamlit registers a component
    only when its module is imported within a script run; the server's warm-up
    (`ui.server.warm_up`) imports this module outside one, and the component's files would then
    answer 404. Registering it again is harmless; without a running server (a test) there is
    nothing to register with."""
    from streamlit import runtime

    if runtime.exists():
        runtime.get_instance().component_registry.register_component(
            streamlit_folium._component_func)


_NOTHING_RETURNED: dict[str, Any] = {}
"""The component's value before any click. streamlit-folium's frontend sends the map's state
(with ``returned_objects=[]``: ``{}``) after the first move unless it equals this default: with
``None`` every page view sent ``{}`` once the map was fitted, and the whole page ran again."""


def draw(document: MapDocument, *, height: int,
         on_change: Callable[[], None] | None = None) -> Any:
    """Show the map (full container width); return the component's value (None before the
    first click, then what the map's script sent, see :mod:`ui.map.click`)."""
    return streamlit_folium._component_func(
        script=document.script, header=document.header, html=document.html,
        id=document.map_id, key=document.key, height=height, width=None,
        returned_objects=[], default=_NOTHING_RETURNED, zoom=None, center=None, feature_group=None,
        return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(document.css_links), js_links=list(document.js_links),
        wrap_longitude=False, on_change=on_change)
