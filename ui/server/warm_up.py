"""Warm the process before its first reader: the server's lifespan hook (`app.py`).

A new server used to build what its first reader's page needs while that reader waited: the
page's modules, the boundary tables and display geometry, the map's topology, the search index,
the newest version and the map document. `lifespan` starts `warm_up` in a thread of its own when
the server starts, so the event loop serves ``/healthz`` at once while ``/readyz`` answers 503
``{"status": "starting"}`` until the warm-up is done (`ui.server.health`): a proxy sends readers
to the process only once it is warm.

Everything is loaded through the very caches the pages use (`ui.data`, `ui.map.panel`,
`ui.dashboard.overview`; `st.cache_resource` and `st.cache_data` are process-wide), for the first
page as a new session sees it: Dutch, the newest version, the default map layers, no selection. A
failure is logged and ends the warm-up: ``/readyz`` then says what is wrong (`ui.server.health`),
and the pages say it to their readers as they would have.

This module stays light to import (the server's import, see `app.py`); the work is imported in
`warm_up`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

_log = logging.getLogger(__name__)


class WarmUpState:
    """Whether a warm-up was started in this process and whether it is over (thread-safe)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.finished = threading.Event()
        self.seconds: float | None = None
        """How long the warm-up took, once it is over."""
        self.error: str | None = None
        """The name of the error that ended it early, if any."""

    @property
    def starting(self) -> bool:
        """Whether a warm-up runs now (started, not yet over)."""
        return self.started.is_set() and not self.finished.is_set()


STATE = WarmUpState()
"""This process's warm-up (none is started outside a server, e.g. in `AppTest`)."""


def warm_up() -> None:
    """Load what a new session's first dashboard page needs into the process's caches.

    Blocking (files, the database, the map document): run it in a thread. Raises what the
    loading raises (e.g. `geodata.BoundaryDataError`, `registry.database.DatabaseUnreachableError`).
    """
    # The page's modules: the first session would otherwise import them. A custom component
    # declared outside a script run is not registered: the map's is registered here.
    import ui.shell.pages  # noqa: F401
    from ui import data
    from ui.dashboard import overview, page
    from ui.map import component as map_component
    from ui.map import panel as map_panel
    from ui.map.view import MapOptions
    from ui.shell.sidebar import LAYER_DEFAULTS
    from ui.text.i18n import DEFAULT_LANGUAGE, Translator

    map_component.register_component()  # imported here, outside a script run
    data.units()
    data.display_municipalities()
    data.display_topology()
    index = data.municipality_index()
    index.offers  # noqa: B018 (the search box's offers, computed once and kept)
    published = data.published()
    if not published.versions:
        return
    newest = published.versions[0].number
    shown = data.shown(newest)
    coverage = shown.coverage
    data.answers(shown)
    t = Translator(DEFAULT_LANGUAGE)
    options = MapOptions(show_region_borders=LAYER_DEFAULTS["show_regions"],
                         show_coordinator_areas=LAYER_DEFAULTS["show_areas"],
                         highlight_violations=LAYER_DEFAULTS["show_violations"])
    map_panel.map_document(shown.key, coverage.snapshot.id, t.language, options,
                           _base_url_path(), coverage)
    map_panel.summary_text(coverage, shown.key, t)
    overview.picture(page.with_previous(newest, published.as_of is not None), coverage, t,
                     shown.key)


def _base_url_path() -> str:
    """Streamlit's ``server.baseUrlPath``, as `ui.map.panel.render_map` reads it."""
    import streamlit as st

    return str(st.get_option("server.baseUrlPath") or "")


def run_warm_up(state: WarmUpState = STATE) -> None:
    """`warm_up`, timed and logged; `state` says when it is over, however it ends."""
    started = time.perf_counter()
    state.started.set()
    try:
        warm_up()
    except Exception as error:  # the readiness check and the pages say what is wrong
        state.error = type(error).__name__
        _log.exception("warm-up ended early")
    finally:
        state.seconds = time.perf_counter() - started
        state.finished.set()
    _log.info("warm-up done in %.2f s", state.seconds)


@contextlib.asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """`st.App`'s lifespan hook: start the warm-up in a thread and serve at once (``/readyz``
    says 503 ``starting`` until it is over)."""
    STATE.started.set()  # before the first request can ask
    threading.Thread(target=run_warm_up, name="warm-up", daemon=True).start()
    yield
