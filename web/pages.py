"""The plain answer page per municipality, served by the app's own server (no session, no
web socket, no script): `/gemeente/<code, name, place or postcode>`, and the search
`/gemeente?q=…`, which sends the reader to the answer or lists the municipalities that fit.

An answer page is rendered once per version, language and municipality (`web.current`) and
then costs a dictionary lookup; it carries an `ETag` and `Cache-Control` (`web.http`), so a
proxy or CDN can serve it, and a 304 to a reader who has it. While the database does not
answer, the page comes from the last known good version and says so in one line.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from coverage.search import MunicipalityIndex, SearchResult
from registry.database import DatabaseUnreachableError
from ui.text.i18n import Translator
from ui.url_parameters import municipality_text
from web import current as versions
from web.answer_html import (
    Choice,
    answer_page,
    answer_path,
    choices_page,
    href,
    not_found_page,
    search_page,
    via_line,
    with_via,
)
from web.http import CACHE_CONTROL, NO_STORE, cached_response, entity_tag, language_of

_log = logging.getLogger(__name__)

HTML = "text/html; charset=utf-8"
MAX_CHOICES = 20
"""The most municipalities a page of choices lists."""
MAX_KEPT_SEARCHES = 10_000
"""Searches remembered (then forgotten all at once): `MunicipalityIndex.find` of an unknown
name compares it with every name, far slower than a dictionary lookup."""

_searches: dict[str, SearchResult] = {}
_index: list[MunicipalityIndex] = []


def _find(text: str) -> SearchResult:
    """`MunicipalityIndex.find`, remembered (blocking the first time: it may load the index)."""
    if not _index:
        from ui import data

        _index.append(data.municipality_index())
    result = _index[0].find(text)
    if len(_searches) >= MAX_KEPT_SEARCHES:
        _searches.clear()
    _searches[text] = result
    return result


async def find(text: str) -> SearchResult:
    """The municipalities `text` names (remembered, else looked up in a worker thread)."""
    return _searches.get(text) or await run_in_threadpool(_find, text)


def _html(body: str, status_code: int, language: str, cache: str = CACHE_CONTROL) -> Response:
    return Response(body, status_code=status_code, media_type=HTML,
                    headers={"Cache-Control": cache, "Content-Language": language})


def _choices(result: SearchResult, products: versions.VersionProducts,
             language: str) -> list[Choice]:
    """The municipalities `result` found, as links (at most `MAX_CHOICES`)."""
    found = products.answers
    chosen = []
    for code in result.codes[:MAX_CHOICES]:
        answer = found[code]
        via = result.via_of(code)
        chosen.append(Choice(answer.municipality.display_name, answer.safety_region.name,
                             href(answer_path(code), language),
                             via.name if via and via.kind != "postcode" else None))
    return chosen


async def _answer(request: Request, text: str | None, *, redirect: bool) -> Response:
    t = Translator(language_of(request))
    try:
        now = await versions.current()
    except (DatabaseUnreachableError, LookupError) as error:
        _log.warning("answer page: no version to answer from: %s", error)
        return _html(search_page(t, unavailable=True), 503, t.language, NO_STORE)
    words = municipality_text(text)
    if words is None:
        return _html(not_found_page(text or "", [], t), 404, t.language)
    result = await find(words)
    newest = now.newest
    products = await versions.products(now, newest)
    code = result.unique
    if code is None:
        if result.codes:
            choices = _choices(result, products, t.language)
            return _html(choices_page(words, choices, t, now.as_of), 200, t.language)
        named = {answer.municipality.display_name: code
                 for code, answer in products.answers.items()}
        suggestions = [Choice(name, "", href(answer_path(named[name]), t.language))
                       for name in result.suggestions if name in named]
        return _html(not_found_page(words, suggestions, t), 404, t.language)
    via = result.via_of(code)
    if redirect:
        target = answer_path(code) if via is None or "/" in words else (
            "/gemeente/" + quote(words, safe=""))
        return RedirectResponse(href(target, t.language), status_code=303,
                                headers={"Cache-Control": CACHE_CONTROL})
    if products.get(versions.SINCE) is None and not now.degraded:
        await run_in_threadpool(versions.since_of, now, products)
    since = products.get(versions.SINCE)
    key = ("page", t.language, code, now.as_of, since is not None)
    page = products.get(key)
    if page is None:
        answer = products.answers[code]
        page = await run_in_threadpool(products.make, key, lambda: _rendered(
            answer_page(answer, newest.published_at, t, now.as_of,
                        since.get(code) if since else None),
            newest.number, t.language, code))
    html, body, etag = page
    if via is not None:
        body = with_via(html, via_line(via, products.answers[code].municipality.display_name,
                                       t)).encode("utf-8")
        etag = entity_tag(body, f"v{newest.number}", t.language, code)
    return cached_response(request, body, etag, HTML, {"Content-Language": t.language})


def _rendered(html: str, number: int, language: str, code: str) -> tuple[str, bytes, str]:
    """A rendered answer page: its HTML (with the via mark), its body without a via line and
    that body's entity tag."""
    body = with_via(html, "").encode("utf-8")
    return html, body, entity_tag(body, f"v{number}", language, code)


async def answer_route(request: Request) -> Response:
    """`/gemeente/<code, name, place or postcode>`: the answer, the choices or not found."""
    return await _answer(request, request.path_params["text"], redirect=False)


async def search_route(request: Request) -> Response:
    """`/gemeente?q=…`: to the answer (303), the choices, or not found; without `q` the
    search form."""
    query = request.query_params.get("q")
    if query is None or not query.strip():
        t = Translator(language_of(request))
        return _html(search_page(t), 200, t.language)
    return await _answer(request, query, redirect=True)
