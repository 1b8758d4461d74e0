"""`lookup` (whom to call for a municipality) and `stale` (the contacts due for a check).

A lookup on a published version keeps every answer of that version on disk as it prints it
(`cli.lookup_cache`), so that the next lookup in a fresh process answers without the data
libraries.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli import lookup_cache
from cli.errors import UsageError
from cli.output import print_json
from cli.reading import add_months_option, add_snapshot_option, check_age, chosen
from cli.words import LANGUAGE_VARIABLE, LANGUAGES, Words
from coverage.answer import Answer, Version, answer_for, answers
from coverage.check_age import CHECK_MONTHS_VARIABLE, date_in_words
from coverage.engine import Coverage
from coverage.lookup_text import answer_lines, checked_text
from coverage.phones import phones_text
from coverage.quoting import quoted_input
from coverage.search import MunicipalityIndex
from coverage.stale import contact_checks
from coverage.via_text import via_line
from geodata import load_units
from geodata.place_tables import load_place_tables


def cmd_lookup(args: argparse.Namespace) -> None:
    """Who to call for one municipality."""
    t: Words = args.words
    units = load_units()
    places = load_place_tables()
    index = MunicipalityIndex(units.municipalities, places.names, places.postcodes)
    result = index.find(args.name)

    def label(code: str) -> str:
        via = result.via_of(code)
        return (f"{units.municipalities.at[code, 'display_name']} ({code}"
                + (f", {t('via_' + via.kind)} {via.name}" if via else "") + ")")

    if result.unique is None:
        if result.codes:
            names = ", ".join(label(code) for code in result.codes[:10])
            raise UsageError(t("ambiguous", name=quoted_input(args.name), names=names))
        hint = (t("did_you_mean", suggestions=", ".join(result.suggestions))
                if result.suggestions else "")
        raise UsageError(t("not_found", name=quoted_input(args.name), hint=hint))
    coverage, version = chosen(args, units)
    answer = answer_for(coverage, result.unique, version, check_age(args))
    via = result.via_of(result.unique)
    if args.json:
        shape = answer.to_json(args.lang)
        if via:
            shape["via"] = {"kind": via.kind, "name": via.name, "places": list(via.places)}
        print_json(shape)
    else:
        if via:
            print(via_line(via.kind, via.name, list(via.places),
                           answer.municipality.display_name, args.lang))
        print("\n".join(answer_lines(answer, args.lang)))
    if args.data is None:
        sys.stdout.flush()
        _keep_answers(coverage, version, index)


def _rendered(answer: Answer) -> dict[str, Any]:
    """An answer as `lookup` prints it, in text and JSON, in each language (the cache's
    value, `cli.lookup_cache`)."""
    texts = {language: "\n".join(answer_lines(answer, language)) + "\n"
             for language in lookup_cache.LANGUAGES}
    return {"display_name": answer.municipality.display_name, "text": texts,
            "json": {language: answer.to_json(language) for language in lookup_cache.LANGUAGES}}


def _keep_answers(coverage: Coverage, version: Version, index: MunicipalityIndex) -> None:
    """Keep every answer of this published version for the next lookups
    (`cli.lookup_cache`), unless kept already or the database is not an SQLite file
    (which only the full path reads)."""
    found = lookup_cache.published_version(str(version.number))
    if found is None:
        return
    checks = lookup_cache.default_checks()  # what a plain lookup's answers are made with
    key = lookup_cache.cache_key(*found, checks)
    if lookup_cache.is_kept(key):
        return
    lookup_cache.store(key, {code: _rendered(answer) for code, answer
                             in answers(coverage, version, checks=checks).items()},
                       index.search_keys.to_json())


def cmd_stale(args: argparse.Namespace) -> None:
    """The contacts due for a check (every contact with --all), never checked first, then the
    oldest check first."""
    t: Words = args.words
    units = load_units()
    coverage, _ = chosen(args, units)
    checks = check_age(args)
    found = contact_checks(coverage, checks, due_only=not args.all)
    names = coverage.municipalities["display_name"].to_dict()
    if args.json:
        print_json({"as_of": checks.today.isoformat(), "months": checks.months,
                    "snapshot": coverage.snapshot.id,
                    "contacts": [check.to_json(names, checks.today) for check in found]})
        return
    print(t("stale_heading_all" if args.all else "stale_heading_due",
            date=date_in_words(checks.today, t.language), months=checks.months,
            count=len(found)))
    for check in found:
        where = (t("national_fallback") if check.is_fallback
                 else t("entry_contact", entry=check.entry_id, number=check.contact_index + 1))
        checked = checked_text(check.verified_on, check.verified_by, False, t.language)
        due = t("due_mark") if check.due and args.all else ""
        print(f"- {check.organisation or t('no_organisation')} ({where}): {checked}{due}")
        if check.area_wording:
            print(t("stale_area", area=check.area_wording))
        print(t("stale_phones", phones=phones_text(check.phones) or "-"))
        served = ", ".join(names[code] for code in check.municipalities)
        print(t("stale_serves", count=len(check.municipalities), names=served or "-"))


def add_lookup_commands(commands: Any, t: Words) -> None:
    """Add `lookup` and `stale` to the CLI's subparsers."""
    lookup = commands.add_parser("lookup", help=t("help_lookup"))
    lookup.add_argument("name", help=t("help_lookup_name"))
    add_snapshot_option(lookup, t)
    lookup.add_argument("--json", action="store_true")
    lookup.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=t("help_lang", variable=LANGUAGE_VARIABLE))
    add_months_option(lookup, t, t("help_lookup_months", variable=CHECK_MONTHS_VARIABLE))
    lookup.set_defaults(run=cmd_lookup)

    stale = commands.add_parser("stale", help=t("help_stale"))
    add_snapshot_option(stale, t)
    add_months_option(stale, t, t("help_stale_months", variable=CHECK_MONTHS_VARIABLE))
    stale.add_argument("--all", action="store_true", help=t("help_stale_all"))
    stale.add_argument("--json", action="store_true")
    stale.set_defaults(run=cmd_stale)
