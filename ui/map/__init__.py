"""The map: its view and layers (`view`, `geojson`, `palette`), the Streamlit component that
draws it and reads its clicks (`component`, `click`, `panel`), the offline Leaflet assets
(`offline`), and the scripts that run inside the map's document (`*_script`, on
`browser_script`; their code is in `static/js/map/`).
"""
