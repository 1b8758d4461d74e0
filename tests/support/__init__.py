"""What the tests share: plain helpers, no fixtures (the fixtures are in the `conftest.py` files,
built on these), used by the tests, `bench/` and `scripts/`. No test module imports another;
what two need is here. `tests/test_test_helpers.py` keeps it so.

Where things are and the one cache reset:
- `paths`: the repository root, `app.py`, the screenshot folder.
- `caches`: `clear_caches()`, the one reset of Streamlit's process-wide caches (the fixture
  `fresh_caches` runs it before and after a test).

The app in Streamlit's AppTest:
- `apptest`: a session past the first screen; start with the address's parameters, check that
  the whole page ran, read the card, open a view, search.
- `page_text`: what `ui.text.plain_text` put on the page (kind, text, tables).
- `search_box`: typing in the search box as a browser does.
- `edit_page`: the edit page (open, sign in, confirm, publish).
- `proposal_page`: the proposal page (open, click municipalities).

Registers, databases and the command line:
- `registers`: made-up registers: seeded databases with accounts and drafts, copies of
  `data/` with one text changed or broken, registers from scratch.
- `injection_payloads`: hostile texts (Markdown, HTML, over-long and deep input) and a
  register with one in every text field.
- `cli`: `python -m coverage` as a user runs it, and the steps the browser tests take with it.
- `outage`: a database that stops answering (files moved, damaged, brought back).
- `postgres`: a throwaway PostgreSQL server.
- `asgi_client`: the app server's routes driven as ASGI, without a server.

Boundaries and the map:
- `geodata_copy`: a private copy of the boundary files, to break.
- `dissolved_outlines`: outlines dissolved with shapely, to check the topology's.
- `offline_check`: does a folium map draw with local Leaflet alone.

Servers and the browser:
- `servers`: a Streamlit server on a free port, the dashboard with a register and database of
  its choosing, `/readyz` after the warm-up.
- `proxy`: HAProxy in front of app servers.
- `browser`: Chromium, a page that records every request, waiting for the app, driving the
  dashboard and its map.
- `browser_editing`: the edit page's steps in Chromium.
- `accessibility`: an axe-core audit of a page.
"""
