"""HTTP details shared by the plain pages, the open data and the feed: the language a request
asks for, entity tags, conditional GETs, caching and CORS headers.

>>> etag_matches('W/"a", "b"', '"b"'), etag_matches("*", '"x"'), etag_matches(None, '"x"')
(True, True, False)
>>> entity_tag(b"hello", "v2", "nl", "GM0363")
'"v2-nl-GM0363-2cf24dba5fb0a30e"'
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
"""Every plain page, the open data's texts and the feed are Dutch unless `?lang=en`."""

MAX_AGE_S = 60
"""How long a proxy, CDN or browser may serve an answer without asking again: a newly
published version reaches every reader within a minute."""
CACHE_CONTROL = f"public, max-age={MAX_AGE_S}"
NO_STORE = "no-store"

CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag"}
"""The open data may be read from any origin (it is public and read-only)."""
CORS_PREFLIGHT = {**CORS, "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                  "Access-Control-Allow-Headers": "If-None-Match",
                  "Access-Control-Max-Age": "86400"}


def language_of(request: Request) -> str:
    """The language `?lang=` asks for; Dutch when it is absent or not one of `LANGUAGES`."""
    asked = request.query_params.get("lang", "")
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def entity_tag(body: bytes, *parts: str) -> str:
    """A strong entity tag: `parts` (version, language, municipality, …) that say what the
    body is, and the start of its SHA-256 (so a changed template or text changes it too)."""
    digest = hashlib.sha256(body).hexdigest()[:16]
    return '"' + "-".join((*parts, digest)) + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 asks for
    `If-None-Match`), or is `*`."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


def cached_response(request: Request, body: bytes, etag: str, media_type: str,
                    headers: Mapping[str, str] | None = None, status_code: int = 200) -> Response:
    """`body` with its `ETag` and `Cache-Control`, or 304 Not Modified (no body) when the
    request's `If-None-Match` names that tag."""
    sent = {"ETag": etag, "Cache-Control": CACHE_CONTROL, **(headers or {})}
    if status_code == 200 and etag_matches(request.headers.get("if-none-match"), etag):
        sent.pop("Content-Disposition", None)
        return Response(status_code=304, headers=sent)
    return Response(body, status_code=status_code, media_type=media_type, headers=sent)
