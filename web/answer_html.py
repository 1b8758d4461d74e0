"""The plain pages as HTML, from Jinja2 templates with autoescaping (`web/templates/`): the
answer for one municipality, the choice between several, "not found" and the search page.

Every text from the register, the boundary tables or the reader goes through the templates'
escaping; what a reader typed is quoted at most `coverage.quoting.QUOTE_LIMIT` characters long
(`ui.url_parameters.echo`). The pages have no script and ask nothing of any other server.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from coverage.answer import Answer, Call
from coverage.history import Since
from coverage.search import Via
from ui.shell.outage import outage_notice
from ui.text.answer_lines import checked_sentence, due_sentence, routes_html, since_sentence
from ui.text.i18n import Translator
from ui.text.local_time import date_text
from ui.url_parameters import echo

TEMPLATES = Path(__file__).parent / "templates"
VIA_MARK = "<!--via-->"
"""Where the line "Hoofddorp lies in Haarlemmermeer" goes (`with_via`): the rest of an answer
page is the same whatever the reader typed, and is rendered once."""

_ENVIRONMENT = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_ENVIRONMENT.filters["first_upper"] = lambda text: text[:1].upper() + text[1:]


def href(path: str, language: str, **parameters: str) -> str:
    """A link on this server, with `?lang=` unless the language is Dutch (the default).

    >>> href("/gemeente/GM0363", "en")
    '/gemeente/GM0363?lang=en'
    >>> href("/", "nl", gemeente="GM0363")
    '/?gemeente=GM0363'
    """
    query = {**parameters, **({"lang": language} if language != "nl" else {})}
    return path + ("?" + urlencode(query) if query else "")


def answer_path(code: str) -> str:
    """The answer page's address for a municipality code."""
    return "/gemeente/" + quote(code)


@dataclass(frozen=True)
class Choice:
    """A municipality offered as a link."""

    name: str
    region: str
    href: str
    via: str | None = None


def _common(t: Translator, path: str, query: str = "", notice: str | None = None,
            canonical: str | None = None, **parameters: str) -> dict[str, object]:
    other = "en" if t.language == "nl" else "nl"
    return {"t": t, "lang": t.language, "other_lang": other,
            "other_language_href": href(path, other, **parameters), "query": query,
            "notice": notice, "canonical": canonical}


def notice_line(as_of: datetime.datetime | None, t: Translator) -> str | None:
    """The one line over a page answered from the last known good version (None otherwise)."""
    return outage_notice(as_of, t) if as_of is not None else None


def _version_line(answer: Answer, published_at: datetime.datetime, t: Translator) -> str:
    version = answer.version
    published = date_text(published_at, t.language)
    if version.date is None:
        return t("answer_version_undated", number=version.number, label=version.label,
                 published=published)
    return t("answer_version", number=version.number, label=version.label,
             published=published, date=date_text(version.date, t.language))


def _explanations(answer: Answer, t: Translator) -> list[str]:
    """Why the calls are what they are, where the status needs saying."""
    if answer.status == "fallback":
        return [t("card_fallback_why")]
    if answer.status == "comensha":
        return [t("card_comensha_why")]
    if answer.status == "partial":
        groups = " / ".join(t(f"target_{group}") for group in answer.uncovered_target_groups)
        return [t("card_partial_why", groups=groups)]
    return [t("card_split_why")] if answer.split_by_age else []


@dataclass(frozen=True)
class CallLines:
    """One call and what the page says of its contact's last check, as the card says it
    (`ui.text.answer_lines`)."""

    call: Call
    checked: str
    due: str | None


def answer_page(answer: Answer, published_at: datetime.datetime, t: Translator,
                as_of: datetime.datetime | None = None, since: Since | None = None) -> str:
    """The answer page for one municipality, with `VIA_MARK` where `with_via` puts how the
    reader's words led to it; with since which version it has its status (`since`, where
    known)."""
    town = answer.municipality
    path = answer_path(town.code)
    fallback = answer.fallback_calls or answer.status == "comensha"
    return _ENVIRONMENT.get_template("answer.html.j2").render(
        **_common(t, path, notice=notice_line(as_of, t), canonical=path),
        answer=answer, town=town, explanations=_explanations(answer, t),
        calls=[CallLines(call, checked_sentence(call, t), due_sentence(call, t))
               for call in answer.calls],
        routes_line=Markup(routes_html(answer, t)),
        since_line=since_sentence(since, t) if since else "",
        fallback_description=(answer.fallback.description.in_language(t.language)
                              if fallback else ""),
        version_line=_version_line(answer, published_at, t),
        dashboard_href=href("/", t.language, gemeente=town.code),
        json_href=href("/api/v1/gemeenten/" + quote(town.code), t.language))


def via_line(via: Via | None, name: str, t: Translator) -> str:
    """How the reader's words led to the municipality `name` (a place, alias or postcode), as
    escaped HTML; empty when they named the municipality itself."""
    if via is None:
        return ""
    if via.kind == "postcode":
        text = (t("answer_via_postcode", postcode=via.name, places=", ".join(via.places),
                  name=name) if via.places
                else t("answer_via_postcode_bare", postcode=via.name, name=name))
    else:
        text = t("answer_via_place", place=via.name, name=name)
    return f'<p class="via">{escape(text)}</p>'


def with_via(page: str, line: str) -> str:
    """An answer page with the via line (or nothing) in its place."""
    return page.replace(VIA_MARK, line, 1)


def choices_page(text: str, choices: Sequence[Choice], t: Translator,
                 as_of: datetime.datetime | None = None) -> str:
    """Several municipalities fit what the reader typed: each as a link."""
    return _ENVIRONMENT.get_template("choices.html.j2").render(
        **_common(t, "/gemeente", query=echo(text), notice=notice_line(as_of, t), q=text),
        echo=echo(text), choices=choices)


def not_found_page(text: str, suggestions: Sequence[Choice], t: Translator) -> str:
    """Nothing fits what the reader typed: at most `QUOTE_LIMIT` characters of it quoted, the
    closest names (if any) and the search form."""
    quoted = echo(text)
    return _ENVIRONMENT.get_template("not_found.html.j2").render(
        **_common(t, "/gemeente", query=quoted, q=quoted), echo=quoted,
        suggestions=suggestions)


def search_page(t: Translator, unavailable: bool = False) -> str:
    """The search form alone (also when no version can be shown: `unavailable`)."""
    return _ENVIRONMENT.get_template("search.html.j2").render(
        **_common(t, "/gemeente"), unavailable=unavailable)
