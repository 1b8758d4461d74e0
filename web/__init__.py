"""What the app's own server answers beside the dashboard, without a Streamlit session: the
plain answer page per municipality (`web.pages`), the open data (`web.api`) and the feed of
changes (`web.feed`).

`app.py` gives `ROUTES` to `st.App`; the security headers come from the app's middleware, as
for every response. As with the health routes, the modules behind them (which load pandas,
geopandas and the register) are imported on the first request, in a worker thread, so the
server's own import stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

Endpoint = Callable[[Request], Awaitable[Response]]

READ = ["GET", "HEAD"]
READ_CORS = ["GET", "HEAD", "OPTIONS"]

TABLE: tuple[tuple[str, str, list[str]], ...] = (
    ("/gemeente", "web.pages:search_route", READ),
    ("/gemeente/", "web.pages:search_route", READ),
    ("/gemeente/{text:path}", "web.pages:answer_route", READ),
    ("/api/v1/gemeenten", "web.api:municipalities", READ_CORS),
    ("/api/v1/gemeenten/{code}", "web.api:municipality", READ_CORS),
    ("/api/v1/versies", "web.api:version_list", READ_CORS),
    ("/api/v1/versies/{version}", "web.api:version", READ_CORS),
    ("/api/v1/versies/{version}/gemeenten", "web.api:municipalities", READ_CORS),
    ("/api/v1/versies/{version}/gemeenten.{format}", "web.api:download", READ_CORS),
    ("/api/v1/versies/{version}/gemeenten/{code}", "web.api:municipality", READ_CORS),
    ("/feed.atom", "web.feed:feed", READ),
)
"""Every address, the endpoint (`module:function`) that answers it and its methods."""


def lazy(target: str) -> Endpoint:
    """An endpoint that imports `module:function` on its first call (in a worker thread)."""
    module_name, _, name = target.partition(":")
    found: list[Endpoint] = []

    async def endpoint(request: Request) -> Response:
        if not found:
            module = await run_in_threadpool(importlib.import_module, module_name)
            found.append(getattr(module, name))
        return await found[0](request)

    endpoint.__name__ = name
    return endpoint


ROUTES: list[BaseRoute] = [Route(path, lazy(target), methods=methods)
                           for path, target, methods in TABLE]
"""Every route of this package, for `st.App(routes=...)`."""
