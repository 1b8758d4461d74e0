"""Reading the map's answer: which municipality was clicked, and which click it was.

The map's own script (:mod:`ui.map.selection_script`) sends ``{"code": "GM0193", "click":
"<iframe id>-<count>"}`` as the st_folium component's value on every click on a municipality.
``click`` differs for every click, also on the same municipality, so the app can tell a new
click from the value it already acted on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["MUNICIPALITY_CODE", "MapClick", "click_from_component"]

MUNICIPALITY_CODE: Final = re.compile(r"GM[0-9]{4}")
"""A CBS municipality code (``GM`` and four digits)."""

_CLICK_ID: Final = re.compile(r"[0-9a-z]{1,40}-[0-9]{1,9}")


@dataclass(frozen=True)
class MapClick:
    """One click on a municipality of the map."""

    code: str
    """The municipality's CBS code."""
    click: str
    """Unique per click (per map iframe and count)."""


def click_from_component(value: Any) -> MapClick | None:
    """The click in the component's value, or None for anything else.

    Args:
        value: What the st_folium component returned (``st.session_state[key]``); ``None``,
            missing keys and other types are tolerated.

    Returns:
        The click when ``code`` is a CBS municipality code (``GM`` + 4 ASCII digits) and
        ``click`` a click id; else ``None``.
    """
    if not isinstance(value, Mapping):
        return None
    code, click = value.get("code"), value.get("click")
    if not (isinstance(code, str) and MUNICIPALITY_CODE.fullmatch(code)):
        return None
    if not (isinstance(click, str) and _CLICK_ID.fullmatch(click)):
        return None
    return MapClick(code=code, click=click)
