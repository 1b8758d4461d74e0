"""The Streamlit interface, in rooms by job: `text` (words), `map`, `shell` (how a page runs),
`dashboard`, `edit`, `proposal` and `server` (outside any page). The modules loose here are
what every room leans on: the data caches (`data`), the page's address (`url_parameters`), the
first screen, timed fragments, scrolling and the reader's address. A room imports only rooms
below it (`tests/test_layers.py`).
"""
