"""A page with only the dashboard's map, the lower reference for ``bench/app.py``.

The same map as the dashboard's first page (``ui.map.panel.render_map``: the newest register
version, Dutch, default layers, the same column width), and nothing else: what the page → polygons
figure would be if the dashboard drew its map alone. Run from a folder that holds ``static/``
beside it (``bench/app.py`` does so), with the repository on ``PYTHONPATH``.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.dashboard.page import MAP_AND_CARD
from ui.map.panel import render_map
from ui.map.view import MapOptions
from ui.text.i18n import Translator

st.set_page_config(page_title="Map only", layout="wide")
shown = data.shown(data.versions()[0].number)
map_column, _ = st.container(key=MAP_AND_CARD).columns([3, 2], gap="medium")
with map_column:
    render_map(shown.coverage, shown.key, MapOptions(), Translator("nl"))
