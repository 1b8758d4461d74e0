"""Coverage dashboard for care coordination for victims of human trafficking.

Run with `streamlit run app.py`. Streamlit first imports this file to find `app`, the server
(`st.App` with `ui.server.serving`'s guard against web sockets from other origins, and a lifespan
hook that warms the caches before `/readyz` says ready, `ui.server.warm_up`), and then runs it as
the page script of every session (`__name__ == "__main__"`): `ui.shell.pages.run_pages` (the shared
sidebar, then the page the address names), under `ui.shell.guard.run_guarded`. The server's
import stays light (no page modules): custom components must be declared while Streamlit's
runtime runs, not before.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.server.health import ROUTES as HEALTH_ROUTES
from ui.server.serving import MIDDLEWARE
from ui.server.warm_up import lifespan
from web import ROUTES as WEB_ROUTES

if __name__ == "__main__":  # the page script of a session
    from ui.shell.guard import run_guarded
    from ui.shell.pages import run_pages

    run_guarded(lambda: run_pages(Path(__file__).parent))
else:  # imported by `streamlit run app.py`: the server
    app = st.App(__file__, middleware=MIDDLEWARE, routes=[*HEALTH_ROUTES, *WEB_ROUTES],
                 lifespan=lifespan)
