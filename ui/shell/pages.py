"""The pages of the app and how they are run: the shared prelude (the sidebar's choices, data)
first, then the page the address names, through `st.navigation`, then the sidebar.

`PAGES` is the list of pages, the first one the default (the dashboard, at the app's root
address). Each page is a small script in `page_scripts/` that calls its `ui` module with
`context()`: scripts rather than functions, so that Streamlit's AppTest can switch to them.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ui.first_screen import rest_waits, start_run
from ui.shell.prelude import PageContext, prelude, sidebar

PAGE_FOLDER = "page_scripts"
"""The folder of the page scripts, beside `app.py`."""


@dataclass(frozen=True)
class PageSpec:
    """One page: its script (in `PAGE_FOLDER`), the key of its title in `ui.text.i18n`, and its
    address (`url_path`; the default page is at the root whatever it says)."""

    script: str
    title_key: str
    url_path: str


PAGES: list[PageSpec] = [
    PageSpec("dashboard.py", "nav_dashboard", "dashboard"),
    PageSpec("proposal.py", "nav_proposal", "voorstel"),
    PageSpec("edit.py", "nav_edit", "bewerken"),
]
"""The app's pages in menu order; the first is the default page."""

_CONTEXT: ContextVar[PageContext] = ContextVar("page_context")


def context() -> PageContext:
    """The shared prelude's result for the page being run (set by `run_pages`)."""
    return _CONTEXT.get()


def run_pages(root: Path) -> None:
    """Run the prelude, then the page the address names (the dashboard by default), then the
    sidebar: after the page, so that a fresh browser fetches the map's code before the
    sidebar's widgets' (see `ui.shell.sidebar`); on a session's first dashboard run, not at all: it
    comes with the rest of the page on the next run (`ui.first_screen`). The sidebar is drawn
    however the page ends (also by `st.stop` or `st.rerun`), so its widgets keep their
    state."""
    start_run()
    shared = prelude(root)
    t = shared.t
    pages = [st.Page(root / PAGE_FOLDER / spec.script, title=t(spec.title_key),
                     url_path=spec.url_path, default=position == 0)
             for position, spec in enumerate(PAGES)]
    token = _CONTEXT.set(shared)
    try:
        st.navigation(pages).run()
    finally:
        _CONTEXT.reset(token)
        if not rest_waits():  # a session's first dashboard run: the sidebar comes next run
            sidebar(shared)
