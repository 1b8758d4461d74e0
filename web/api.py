"""Open data at stable addresses, read-only, readable from any origin (CORS `*`):

- `/api/v1/gemeenten/<code>`: one municipality's answer, exactly `Answer.to_json(language)`
  (the shape of `python -m coverage lookup --json`); `/api/v1/gemeenten`: all 342, with the
  version;
- `/api/v1/versies`: every published version (`VersionInfo.to_json`, the shape of
  `versions --json`, with links); `/api/v1/versies/<n>` one of them (`nieuwste`: the newest);
  `/api/v1/versies/<n>/gemeenten[/<code>]`: the answers of that version;
- `/api/v1/versies/<n or nieuwste>/gemeenten.csv|.xlsx|.geojson`: the dashboard's downloads
  (`ui.dashboard.downloads`).

Texts of the project's own (notes, readings, CSV headers) are Dutch unless `?lang=en`. Each
body is made once per version (and language) and sent with an `ETag` (304 on
`If-None-Match`) and `Cache-Control`. While the database does not answer, the last known good
version is served, with the header `X-Last-Known-Good` (when the database last named it the
newest); other versions are then 503. JSON Schemas of every shape: `docs/schemas/`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from registry.database import DatabaseUnreachableError
from registry.versions import VersionInfo
from ui.url_parameters import version_number
from web import current as versions
from web.http import CORS, CORS_PREFLIGHT, NO_STORE, cached_response, entity_tag, language_of

_log = logging.getLogger(__name__)

JSON = "application/json"
NEWEST = "nieuwste"
"""The version segment that always means the newest version."""
FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "geojson": "application/geo+json"}
"""The downloads, by extension, and their media types."""

Handler = Callable[[Request], Awaitable[Response]]


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _problem(status: int, message: str, **headers: str) -> Response:
    """An error as `{"error": message}` (never cached by a proxy)."""
    return Response(_json_bytes({"error": message}), status_code=status, media_type=JSON,
                    headers={**CORS, "Cache-Control": NO_STORE, **headers})


def _headers(now: versions.Current, extra: dict[str, str] | None = None) -> dict[str, str]:
    headers = {**CORS, **(extra or {})}
    if now.as_of is not None:
        headers["X-Last-Known-Good"] = now.as_of.isoformat()
    return headers


def _links(number: int, language: str) -> dict[str, str]:
    """Where a version's data are."""
    base = f"/api/v1/versies/{number}"
    suffix = "" if language == "nl" else f"?lang={language}"
    return {"self": base + suffix, "municipalities": f"{base}/gemeenten{suffix}",
            **{extension: f"{base}/gemeenten.{extension}{suffix}" for extension in FORMATS},
            "dashboard": f"/?versie={number}" + ("" if language == "nl" else "&lang=en")}


def version_json(info: VersionInfo, language: str) -> dict[str, Any]:
    """A version as the open data gives it: `VersionInfo.to_json` and its `links`."""
    return {**info.to_json(), "links": _links(info.number, language)}


def api(handler: Handler) -> Handler:
    """`handler` with CORS preflight (OPTIONS), and 503 while no version can be read."""

    async def wrapped(request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status_code=204, headers=CORS_PREFLIGHT)
        try:
            return await handler(request)
        except (DatabaseUnreachableError, LookupError) as error:
            _log.warning("open data: no version to answer from: %s", error)
            return _problem(503, "the register cannot be read right now", **{
                "Retry-After": "60"})

    wrapped.__doc__ = handler.__doc__
    return wrapped


async def _chosen(request: Request) -> tuple[versions.Current, VersionInfo] | Response:
    """The version the path names (`nieuwste` or a number), or a 404 or 503 response."""
    now = await versions.current()
    asked = request.path_params.get("version", NEWEST)
    if asked == NEWEST:
        return now, now.newest
    number = version_number(asked)
    info = now.info(number) if number is not None else None
    if info is None:
        if now.degraded and number is not None:
            return _problem(503, "only the last known good version can be read right now",
                            **{"Retry-After": "60"})
        return _problem(404, "no such version")
    return now, info


async def _json_response(request: Request, now: versions.Current, info: VersionInfo,
                         key: tuple[Any, ...], make: Callable[[versions.VersionProducts], Any],
                         *tag: str) -> Response:
    """JSON made once per version under `key`, with its entity tag."""
    products = await versions.products(now, info)
    made = products.get(key)
    if made is None:
        def build() -> tuple[bytes, str]:
            body = _json_bytes(make(products))
            return body, entity_tag(body, f"v{info.number}", *tag)

        made = await run_in_threadpool(products.make, key, build)
    body, etag = made
    return cached_response(request, body, etag, JSON, _headers(now))


@api
async def municipality(request: Request) -> Response:
    """`/api/v1/[versies/<n>/]gemeenten/<code>`: one answer, `Answer.to_json(language)`."""
    chosen = await _chosen(request)
    if isinstance(chosen, Response):
        return chosen
    now, info = chosen
    language = language_of(request)
    code = request.path_params["code"].upper()
    products = await versions.products(now, info)
    if code not in products.answers:
        return _problem(404, "no municipality with this code (e.g. GM0363)")
    return await _json_response(request, now, info, ("json", language, code),
                                lambda made: made.answers[code].to_json(language),
                                language, code)


@api
async def municipalities(request: Request) -> Response:
    """`/api/v1/[versies/<n>/]gemeenten`: every municipality's answer, with the version."""
    chosen = await _chosen(request)
    if isinstance(chosen, Response):
        return chosen
    now, info = chosen
    language = language_of(request)

    def make(made: versions.VersionProducts) -> dict[str, Any]:
        return {"version": version_json(info, language), "language": language,
                "municipalities": [answer.to_json(language)
                                   for answer in made.answers.values()]}

    return await _json_response(request, now, info, ("json-all", language), make, language,
                                "all")


@api
async def version_list(request: Request) -> Response:
    """`/api/v1/versies`: every published version, newest first."""
    now = await versions.current()
    language = language_of(request)
    body = _json_bytes({
        "newest": now.newest.number,
        "database": "last_known_good" if now.degraded else "answering",
        "last_known_good_as_of": now.as_of.isoformat() if now.as_of else None,
        "versions": [version_json(info, language) for info in now.infos]})
    return cached_response(request, body, entity_tag(body, "versions", language), JSON,
                           _headers(now))


@api
async def version(request: Request) -> Response:
    """`/api/v1/versies/<n or nieuwste>`: one version."""
    chosen = await _chosen(request)
    if isinstance(chosen, Response):
        return chosen
    now, info = chosen
    language = language_of(request)
    body = _json_bytes(version_json(info, language))
    return cached_response(request, body, entity_tag(body, f"v{info.number}", language), JSON,
                           _headers(now))


def _download(made: versions.VersionProducts, extension: str, language: str) -> bytes:
    """A download of one version (blocking; the GeoJSON loads the full boundaries)."""
    from geodata.derived import municipality_areas
    from ui import data
    from ui.dashboard import downloads
    from ui.text.i18n import Translator

    t = Translator(language)
    if extension == "csv":
        return downloads.municipalities_csv(made.coverage, municipality_areas(), t)
    if extension == "xlsx":
        return downloads.municipalities_xlsx(made.coverage, municipality_areas(), t)
    return downloads.coverage_geojson(made.coverage, data.boundaries().municipalities)


@api
async def download(request: Request) -> Response:
    """`/api/v1/versies/<n or nieuwste>/gemeenten.csv|xlsx|geojson`."""
    extension = request.path_params["format"]
    if extension not in FORMATS:
        return _problem(404, "no such file: gemeenten.csv, gemeenten.xlsx or gemeenten.geojson")
    chosen = await _chosen(request)
    if isinstance(chosen, Response):
        return chosen
    now, info = chosen
    language = "nl" if extension == "geojson" else language_of(request)
    products = await versions.products(now, info)
    key = ("file", extension, language)
    made = products.get(key)
    if made is None:
        def build() -> tuple[bytes, str]:
            body = _download(products, extension, language)
            return body, entity_tag(body, f"v{info.number}", language, extension)

        made = await run_in_threadpool(products.make, key, build)
    body, etag = made
    name = f"gemeenten-versie-{info.number}" + ("" if language == "nl" else f"-{language}")
    return cached_response(request, body, etag, FORMATS[extension], _headers(now, {
        "Content-Disposition": f'attachment; filename="{name}.{extension}"'}))
