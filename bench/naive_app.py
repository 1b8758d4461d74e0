"""A naive one-map Streamlit app, the reference for ``bench/app.py``.

One ``st_folium`` map of the 342 municipalities with folium's default settings (a plain
``folium.GeoJson`` with a tooltip; st_folium returns every object, so the app reruns on every
click and pan), except that Leaflet comes from the app's own origin (``ui.map.offline``) and
the geometry is the dashboard's simplified one. A click shows the municipality's name as
"Contact voor <name>". Run from the repository root: ``streamlit run bench/naive_app.py``
(``bench/app.py`` serves it from a folder that holds ``static/`` beside it).
"""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from ui import data
from ui.map.offline import offline_map

st.set_page_config(page_title="Naive map", layout="wide")
st.title("Naive map")

municipalities = data.display_municipalities()[["display_name", "geometry"]].reset_index(
    names="code")
fmap = offline_map()
folium.GeoJson(municipalities,
               tooltip=folium.GeoJsonTooltip(fields=["display_name"], aliases=["Gemeente"])
               ).add_to(fmap)
fmap.fit_bounds(fmap.get_bounds())
returned = st_folium(fmap, height=620, width=900)

clicked = (returned or {}).get("last_active_drawing") or {}
name = (clicked.get("properties") or {}).get("display_name")
if name:
    st.subheader(f"Contact voor {name}")
