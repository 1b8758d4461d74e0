"""`/feed.atom`: an Atom feed (RFC 4287) of the published versions, newest first, one entry
each: its title, when and by whom it was published, the comment, and the municipalities whose
status or contact changed since the version before (by name, `coverage.changes.compare`),
linking to the dashboard at that version (`/?versie=N`: the dashboard's views have no address
of their own, so the entry says that the "Changes" view there compares it with the one
before).

Written with the standard library's ElementTree, not `feedgen`: feedgen 1.0 brings `lxml` (a
large C extension the project needs nowhere else) for a document of a dozen element kinds.
Links are relative to the feed's own address (the server does not know its public name, and
the `Host` header is the reader's to choose); ids are `urn:uuid:` names made from each
version's number and content hash, so they never change.
"""

from __future__ import annotations

import datetime
import threading
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from coverage.changes import compare
from registry.database import DatabaseUnreachableError
from registry.versions import VersionInfo
from ui import data
from ui.text.i18n import Translator
from web import current as versions
from web.answer_html import href
from web.http import CORS, NO_STORE, cached_response, entity_tag, language_of

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
MAX_ENTRIES = 50
"""The newest versions the feed lists."""
_NAMESPACE = uuid.UUID("6f1c2c1e-5a0e-4d0e-9a57-2f4d8f0c0b21")
"""The project's own namespace for the feed's ids (any fixed UUID)."""

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Changed:
    """One municipality whose status or contact changed."""

    code: str
    name: str
    change: str
    """`coverage.changes.Change`."""


_changes: dict[tuple[str, int, str, int, str], tuple[Changed, ...]] = {}
_feeds: dict[tuple[object, ...], tuple[bytes, str]] = {}
_lock = threading.Lock()


def changes_between(now: versions.Current, before: VersionInfo,
                    after: VersionInfo) -> tuple[Changed, ...]:
    """The municipalities that changed from `before` to `after` (blocking; remembered)."""
    key = (now.url, before.number, before.content_hash, after.number, after.content_hash)
    if key not in _changes:
        old, new = data.shown(before.number).coverage, data.shown(after.number).coverage
        table = compare(old, new)
        names = new.municipalities["display_name"]
        _changes[key] = tuple(Changed(code, str(names[code]), change)
                              for code, change in zip(table["code"], table["change"],
                                                      strict=True))
    return _changes[key]


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _link(parent: ET.Element, target: str, rel: str = "alternate",
          media_type: str = "text/html") -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": media_type, "href": target})


def entry_text(info: VersionInfo, before: VersionInfo | None,
               changed: tuple[Changed, ...], t: Translator) -> str:
    """What an entry says, one sentence a line."""
    when = _utc(info.published_at).astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [t("feed_entry_by", when=when, by=info.published_by or "?")]
    if info.comment:
        lines.append(t("feed_entry_comment", comment=info.comment))
    if before is None:
        lines.append(t("feed_entry_first"))
    elif changed:
        names = ", ".join(f"{item.name} ({t('change_' + item.change)})" for item in changed)
        lines.append(t("feed_entry_changed", before=before.number, count=len(changed),
                       names=names))
    else:
        lines.append(t("feed_entry_unchanged", before=before.number))
    lines.append(t("feed_entry_link", view=t("tab_changes")))
    return "\n".join(lines)


def feed_document(now: versions.Current, t: Translator) -> bytes:
    """The feed of the versions `now` knows (blocking: the changes of a version not seen
    before are computed, which reads it and the one before)."""
    language = t.language
    shown = now.infos[:MAX_ENTRIES]
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang":
                                           language})
    _text(root, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'feed:{language}')}")
    _text(root, "title", t("feed_title"))
    _text(root, "updated", _utc(now.newest.published_at).isoformat())
    _link(root, href("/feed.atom", language), "self", "application/atom+xml")
    _link(root, href("/", language))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", t("answer_site"))
    for position, info in enumerate(shown):
        before = now.infos[position + 1] if position + 1 < len(now.infos) else None
        changed = changes_between(now, before, info) if before is not None else ()
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(entry, "id", "urn:uuid:" + str(uuid.uuid5(
            _NAMESPACE, f"version:{info.number}:{info.content_hash}")))
        _text(entry, "title", t("feed_entry_title", number=info.number, label=info.label))
        published = _utc(info.published_at).isoformat()
        _text(entry, "published", published)
        _text(entry, "updated", published)
        person = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(person, "name", info.published_by or "?")
        _link(entry, href("/", language, versie=str(info.number)))
        _text(entry, "content", entry_text(info, before, changed, t), type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _signature(now: versions.Current, language: str) -> tuple[object, ...]:
    return (now.url, language, tuple((info.number, info.content_hash) for info in now.infos))


def _made(now: versions.Current, t: Translator) -> tuple[bytes, str]:
    """The feed's body and entity tag, made once per list of versions and language."""
    key = _signature(now, t.language)
    with _lock:
        kept = _feeds.get(key)
    if kept is None:
        body = feed_document(now, t)
        kept = (body, entity_tag(body, "feed", t.language))
        with _lock:
            if len(_feeds) > 8:
                _feeds.clear()
            _feeds[key] = kept
            _feeds[("last", now.url, t.language)] = kept
    return kept


async def feed(request: Request) -> Response:
    """`/feed.atom`: the feed (the last one made while the database does not answer)."""
    t = Translator(language_of(request))
    unavailable = Response("the register cannot be read right now", status_code=503,
                           headers={**CORS, "Cache-Control": NO_STORE, "Retry-After": "60"})
    try:
        now = await versions.current()
    except (DatabaseUnreachableError, LookupError):
        return unavailable
    if now.degraded:
        made = _feeds.get(("last", now.url, t.language))
        if made is None:
            return unavailable
    else:
        made = _feeds.get(_signature(now, t.language))
        if made is None:
            try:
                made = await run_in_threadpool(_made, now, t)
            except DatabaseUnreachableError:
                return unavailable
    body, etag = made
    return cached_response(request, body, etag, MEDIA_TYPE, CORS)
