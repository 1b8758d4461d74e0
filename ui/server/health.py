"""Health and readiness of one app process, as JSON, for the proxy, the units and monitors.

- ``GET /healthz``: the process lives and its event loop answers: ``{"status": "ok"}``, 200.
  Nothing else is looked at, so it stays fast whatever the database or the boundaries do.
- ``GET /readyz``: whether this process can answer readers now: 503 ``{"status": "starting"}``
  while the server's warm-up (`ui.server.warm_up`, started by the lifespan hook) runs. Then it loads
  (once per process, in a worker thread: these calls block) what a reader's page needs: the
  boundary tables, checked against the boundaries, the map's display geometry and the search
  index, and asks
  for the published versions through `ui.data.published` (the same caches and the same last
  known good version the pages use). 200 when the newest version is known, from the database
  or, while the database does not answer, from the last known good version (then
  ``"degraded": true`` with that version's age in seconds); 503 when it cannot answer readers
  at all (the boundaries are broken, or the database does not answer and there is no valid
  copy). The page's modules are imported on the first request, so the server's own import
  stays light (see ``app.py``).

Both run in the server's event loop, outside any Streamlit session; `st.cache_resource` and
`st.cache_data` are process-wide, so a readiness check warms the caches the first reader would
otherwise fill.
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from ui.server import warm_up

_log = logging.getLogger(__name__)

NO_STORE = {"Cache-Control": "no-store"}
"""A health answer is about this moment: no cache between the process and the asker keeps it."""


def readiness(now: datetime.datetime | None = None) -> tuple[int, dict[str, Any]]:
    """This process's readiness: the HTTP status (200 or 503) and the JSON body.

    Blocking (it may load the boundaries and ask the database): call it in a worker thread.
    The body has ``status`` (``ready``, ``degraded`` or ``unavailable``), ``degraded``,
    ``boundaries`` (``loaded`` and the numbers of municipalities and safety regions, or the
    ``error``), ``newest_version`` (number and label, or None), ``database`` (``answering``,
    ``last_known_good`` or ``unreachable``), ``last_known_good_age_s`` (None unless the last
    known good version is in use), ``checked_in_s`` and, after the server's warm-up,
    ``warmed_in_s``.
    """
    from geodata import BoundaryDataError
    from registry.database import DatabaseUnreachableError
    from ui import data

    started = time.perf_counter()
    body: dict[str, Any] = {"status": "unavailable", "degraded": False,
                            "boundaries": {"loaded": False}, "newest_version": None,
                            "database": "unknown", "last_known_good_age_s": None}
    try:
        units = data.units()
        data.display_municipalities()
        data.municipality_index()
    except BoundaryDataError as error:
        _log.error("readiness: the boundaries do not load: %s", error)
        body["boundaries"] = {"loaded": False,
                              "error": "the boundary files do not load (the log says why)"}
        return 503, _timed(body, started)
    body["boundaries"] = {"loaded": True, "municipalities": len(units.municipalities),
                          "safety_regions": len(units.safety_regions)}
    try:
        published = data.published()
    except DatabaseUnreachableError as error:
        _log.warning("readiness: no database and no last known good version: %s", error)
        body["database"] = "unreachable"
        return 503, _timed(body, started)
    if not published.versions:
        body["database"] = "answering"
        return 503, _timed(body, started)
    newest = published.versions[0]
    body["newest_version"] = {"number": newest.number, "label": newest.label}
    if published.as_of is None:
        body.update(status="ready", database="answering")
    else:
        moment = now or datetime.datetime.now(datetime.UTC)
        body.update(status="degraded", degraded=True, database="last_known_good",
                    last_known_good_age_s=round((moment - published.as_of).total_seconds(), 1))
    return 200, _timed(body, started)


def _timed(body: dict[str, Any], started: float) -> dict[str, Any]:
    body["checked_in_s"] = round(time.perf_counter() - started, 3)
    if warm_up.STATE.seconds is not None:
        body["warmed_in_s"] = round(warm_up.STATE.seconds, 3)
    return body


async def healthz(request: Request) -> JSONResponse:
    """The process lives: ``{"status": "ok"}``."""
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


async def readyz(request: Request) -> JSONResponse:
    """`readiness`, computed in a worker thread (200 or 503); 503 ``{"status": "starting"}``
    while the server's warm-up runs (`ui.server.warm_up`)."""
    if warm_up.STATE.starting:
        return JSONResponse({"status": "starting", "degraded": False}, status_code=503,
                            headers=NO_STORE)
    try:
        status, body = await run_in_threadpool(readiness)
    except Exception as error:  # anything unforeseen means: not ready, and say why in the log
        _log.exception("readiness check failed")
        status, body = 503, {"status": "unavailable", "degraded": False,
                             "error": type(error).__name__}
    return JSONResponse(body, status_code=status, headers=NO_STORE)


ROUTES: list[BaseRoute] = [
    Route("/healthz", healthz, methods=["GET", "HEAD"]),
    Route("/readyz", readyz, methods=["GET", "HEAD"]),
]
"""The routes `app.py` gives to `st.App`."""
