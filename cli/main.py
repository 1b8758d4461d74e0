"""`python -m coverage`: look up a municipality, list rule breaks, report figures, diff snapshots,
and keep the published versions of the register (versions, show, export, import, revert) and
the accounts that edit and publish it in the app (user).

The register is read from the database of versions (`registry`), or with `--data DIR` from a
folder of YAML files without touching the database.

Exit codes: 0 success; 1 broken register or boundary data, a refused import, or a database that
cannot be read or written (one line, never the data being written); 2 usage error,
or a name or version that is unknown or ambiguous; 3 the newest published version is no longer
the base of an import (nothing written).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import geodata
from coverage import lookup_cache
from coverage.answer import Answer, Version, answer_for, answers
from coverage.changes import compare
from coverage.check_age import (
    CHECK_MONTHS_VARIABLE,
    CheckAge,
    check_months,
    date_in_words,
    valid_months,
)
from coverage.engine import Coverage
from coverage.figures import GROUPINGS, coverage_figures
from coverage.history import VersionMark, history_json, history_rows
from coverage.lookup_text import answer_lines, checked_text, via_line
from coverage.phones import phones_text
from coverage.quoting import quoted_input
from coverage.register import Register
from coverage.safe_csv import write_csv
from coverage.search import MunicipalityIndex
from coverage.serialise import (
    changes_json,
    finding_json,
    records_json,
    whatif_json,
)
from coverage.stale import contact_checks
from coverage.status import STATUSES, status_label
from coverage.whatif import Proposal, UnknownUnitError, entry_area, evaluate, parse_unit
from geodata import BoundaryDataError, Units, load_units
from geodata.derived import municipality_areas
from geodata.place_tables import load_place_tables
from registry.account_commands import add_account_commands
from registry.commands import STALE_BASE_EXIT, RefusedError, add_version_commands, reader
from registry.database import database_failure
from registry.errors import RegisterError
from registry.operator_commands import add_operator_commands
from registry.versions import (
    NEWEST_LABEL,
    StaleBaseError,
    UnknownVersionError,
    read_document,
    resolve,
)
from registry.yaml_register import load_register


class UsageError(Exception):
    """A user error that exits with status 2."""


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _snapshot_coverage(register: Register, snapshot_id: str, units: Units) -> Coverage:
    if snapshot_id not in register.snapshots:
        raise UsageError(f"unknown snapshot '{snapshot_id}'; choose from "
                         f"{', '.join(register.snapshots)}")
    return Coverage(register.snapshots[snapshot_id], register.fallback, units)


def _numbered_version(reference: str, units: Units) -> tuple[Coverage, int]:
    """The coverage of a published version, by number or label, with its number."""
    versions = reader(units)
    number = resolve(versions, reference)
    document = read_document(versions, number, units)
    return Coverage(document.snapshot, document.fallback, units), number


def _version_coverage(reference: str, units: Units) -> Coverage:
    """The coverage of a published version, by number or label."""
    return _numbered_version(reference, units)[0]


def _chosen(args: argparse.Namespace, units: Units) -> tuple[Coverage, Version]:
    """The chosen snapshot and its version: of the `--data` folder when given (no number),
    else a published version."""
    if args.data is None:
        coverage, number = _numbered_version(args.snapshot, units)
        return coverage, Version.of(coverage.snapshot, number)
    coverage = _snapshot_coverage(load_register(units, args.data), args.snapshot, units)
    return coverage, Version.of(coverage.snapshot)


def _coverage(args: argparse.Namespace, units: Units) -> Coverage:
    """The chosen snapshot: of the `--data` folder when given, else a published version."""
    return _chosen(args, units)[0]


def cmd_lookup(args: argparse.Namespace) -> None:
    """Who to call for one municipality."""
    units = load_units()
    places = load_place_tables()
    index = MunicipalityIndex(units.municipalities, places.names, places.postcodes)
    result = index.find(args.name)

    def label(code: str) -> str:
        via = result.via_of(code)
        return (f"{units.municipalities.at[code, 'display_name']} ({code}"
                + (f", {via.kind} {via.name}" if via else "") + ")")

    if result.unique is None:
        if result.codes:
            names = ", ".join(label(code) for code in result.codes[:10])
            raise UsageError(f"'{quoted_input(args.name)}' is ambiguous: {names}")
        hint = f"; did you mean {', '.join(result.suggestions)}?" if result.suggestions else ""
        raise UsageError(f"no municipality, place or postcode '{quoted_input(args.name)}'{hint}")
    coverage, version = _chosen(args, units)
    answer = answer_for(coverage, result.unique, version, _checks(args))
    via = result.via_of(result.unique)
    if args.json:
        shape = answer.to_json(args.lang)
        if via:
            shape["via"] = {"kind": via.kind, "name": via.name, "places": list(via.places)}
        _print_json(shape)
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
    value, `coverage.lookup_cache`)."""
    texts = {language: "\n".join(answer_lines(answer, language)) + "\n"
             for language in lookup_cache.LANGUAGES}
    return {"display_name": answer.municipality.display_name, "text": texts,
            "json": {language: answer.to_json(language) for language in lookup_cache.LANGUAGES}}


def _keep_answers(coverage: Coverage, version: Version, index: MunicipalityIndex) -> None:
    """Keep every answer of this published version for the next lookups
    (`coverage.lookup_cache`), unless kept already or the database is not an SQLite file
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


def _checks(args: argparse.Namespace) -> CheckAge:
    """Today in Amsterdam and the age of `--months` (else `$COVERAGE_CHECK_MONTHS`, else 12)."""
    try:
        months = check_months(os.environ) if args.months is None else args.months
    except ValueError as error:
        raise UsageError(f"{CHECK_MONTHS_VARIABLE}: {error}") from None
    return CheckAge.now(months)


def _months(text: str) -> int:
    try:
        return valid_months(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cmd_stale(args: argparse.Namespace) -> None:
    """The contacts due for a check (every contact with --all), never checked first, then the
    oldest check first."""
    units = load_units()
    coverage, _ = _chosen(args, units)
    checks = _checks(args)
    found = contact_checks(coverage, checks, due_only=not args.all)
    names = coverage.municipalities["display_name"].to_dict()
    if args.json:
        _print_json({"as_of": checks.today.isoformat(), "months": checks.months,
                     "snapshot": coverage.snapshot.id,
                     "contacts": [check.to_json(names, checks.today) for check in found]})
        return
    print(f"Contacts {'' if args.all else 'due for a check '}on "
          f"{date_in_words(checks.today, 'en')} (checked more than {checks.months} months ago "
          f"or never): {len(found)}")
    for check in found:
        where = ("national fallback" if check.is_fallback
                 else f"{check.entry_id}, contact {check.contact_index + 1}")
        checked = checked_text(check.verified_on, check.verified_by, False)
        due = "; due" if check.due and args.all else ""
        print(f"- {check.organisation or '(no organisation named)'} ({where}): {checked}{due}")
        if check.area_wording:
            print(f"  area: {check.area_wording}")
        print(f"  phones: {phones_text(check.phones) or '-'}")
        served = ", ".join(names[code] for code in check.municipalities)
        print(f"  serves {len(check.municipalities)} municipalities: {served or '-'}")


def cmd_history(args: argparse.Namespace) -> None:
    """One row per published version: municipalities and inhabitants per status."""
    if args.data is not None:
        raise UsageError("history reads the published versions; leave out --data")
    units = load_units()
    versions = reader(units)
    pairs = []
    for info in reversed(versions.infos()):
        document = read_document(versions, info.number, units)
        pairs.append((VersionMark(info.number, info.label, info.published_at,
                                  info.published_by),
                      Coverage(document.snapshot, document.fallback, units).municipalities))
    rows = history_rows(pairs)
    if args.json:
        _print_json(history_json(rows))
        return
    print("version  label        published (UTC)   by           "
          + "  ".join(f"{status:>11}" for status in STATUSES) + "   inhabitants per status")
    for row in history_json(rows):
        counts = "  ".join(f"{row['municipalities'][status]:>11}" for status in STATUSES)
        people = " / ".join(f"{row['population'][status]:,}" for status in STATUSES)
        print(f"{row['number']:>7}  {row['label']:12} {row['published_at'][:16].replace('T', ' ')}"
              f"  {row['published_by'][:12]:12} {counts}   {people}")


def cmd_violations(args: argparse.Namespace) -> None:
    """The coordinator areas that extend beyond one safety region."""
    coverage = _coverage(args, load_units())
    findings = coverage.findings if args.all else coverage.violations()
    if args.json:
        _print_json([finding_json(coverage, finding) for finding in findings])
        return
    for finding in findings:
        print(f"{finding.area_wording} ({', '.join(finding.organisations)}): {finding.kind}")
        for part in finding.regions:
            extent = "whole" if part.whole else (
                f"{len(part.municipalities)} of {len(part.municipalities) + len(part.outside)} "
                "municipalities")
            print(f"  {part.code} {part.name}: {extent}")


def cmd_report(args: argparse.Namespace) -> None:
    """Coverage figures per safety region, province, police unit or nationally."""
    units = load_units()
    coverage = _coverage(args, units)
    table = coverage.municipalities.join(municipality_areas())
    figures = coverage_figures(table, args.by)
    if args.json:
        _print_json(records_json(figures))
    elif args.csv:
        write_csv(figures, sys.stdout, float_format="%.4f")  # no cell a spreadsheet would run
    else:
        print(figures.to_string(index=False, float_format=lambda value: f"{value:,.2f}"))


def _diff_versions(args: argparse.Namespace, units: Units) -> tuple[Coverage, Coverage]:
    """The versions to compare: `--to` (default the newest) and `--from` (default the one
    before it)."""
    versions = reader(units)
    after = resolve(versions, args.after or NEWEST_LABEL)
    before = resolve(versions, args.before) if args.before else after - 1
    if before < 1:
        raise UsageError(f"version {after} is the first: nothing before it to compare with")
    return _version_coverage(str(before), units), _version_coverage(str(after), units)


def cmd_diff(args: argparse.Namespace) -> None:
    """What changed per municipality from one snapshot or version to another."""
    units = load_units()
    if args.data is None:
        before, after = _diff_versions(args, units)
    else:
        register = load_register(units, args.data)
        before = _snapshot_coverage(register, args.before or "earlier", units)
        after = _snapshot_coverage(register, args.after or "current", units)
    changes = compare(before, after)
    if args.json:
        _print_json(changes_json(changes))
        return
    for change in changes_json(changes):
        print(f"{change['name']} ({change['code']}): {change['change']} "
              f"({change['status_before']} -> {change['status_after']})")


def _proposal_codes(args: argparse.Namespace, coverage: Coverage) -> frozenset[str]:
    """The municipalities of `--municipalities` (codes or names), `--units` and `--entry`."""
    units = coverage.units
    spellings = {name.casefold(): code for name, code in units.names_of("municipality").items()}
    unknown = [name for name in args.municipalities if name.casefold() not in spellings]
    if unknown:
        raise UsageError(f"unknown municipality {', '.join(unknown)} (give a CBS code such as "
                         "GM0599 or a name)")
    codes = {spellings[name.casefold()] for name in args.municipalities}
    try:
        for unit in args.units:
            codes |= parse_unit(unit, units)
        for entry_id in args.entry:
            codes |= entry_area(coverage, entry_id)
    except UnknownUnitError as error:
        raise UsageError(str(error)) from None
    if not codes:
        raise UsageError("give at least one municipality with --municipalities, --units or "
                         "--entry")
    return frozenset(codes)


def cmd_whatif(args: argparse.Namespace) -> None:
    """A proposed coordinator area: its border-rule verdict, gain, figures and overlaps."""
    coverage = _coverage(args, load_units())
    proposal = Proposal(args.name, args.organisation, args.target_group,
                        _proposal_codes(args, coverage))
    answer = whatif_json(coverage, evaluate(coverage, proposal))
    if args.json:
        _print_json(answer)
        return
    organisation = proposal.organisation or "to be decided"
    print(f"Proposal '{proposal.name}' ({organisation}), target group {proposal.target_group}: "
          f"{len(proposal.municipalities)} municipalities")
    print(f"Border rule: {answer['verdict']} ({answer['kind']})")
    for part in answer["safety_regions"]:
        inside = len(part["municipalities"])
        extent = "whole" if part["whole"] else f"{inside} of {inside + len(part['outside'])}"
        print(f"  {part['code']} {part['name']}: {extent}")
        if not part["whole"]:
            print("    inside: " + ", ".join(town["name"] for town in part["municipalities"]))
            print("    outside: " + ", ".join(town["name"] for town in part["outside"]))
    gained = answer["gained"]
    count = len(gained["municipalities"])
    print(f"Gained: {count} municipalit{'y' if count == 1 else 'ies'}, "
          f"{gained['population']:,} inhabitants")
    for town in gained["municipalities"]:
        print(f"  {town['name']} ({town['code']}): {town['status_before']} -> "
              f"{town['status_after']}")
    print("Per status, municipalities (inhabitants), before -> after:")
    for status in STATUSES:
        before, after = answer["statuses"][status]["before"], answer["statuses"][status]["after"]
        print(f"  {status_label(status, False, 'en')}: {before['municipalities']} "
              f"({before['population']:,}) -> {after['municipalities']} "
              f"({after['population']:,})")
    print(f"Overlaps with existing regional coordinators: {len(answer['overlaps'])}")
    for overlap in answer["overlaps"]:
        print(f"  {overlap['name']} ({overlap['code']}) [{overlap['target_group']}]: "
              f"{', '.join(overlap['organisations'])}")


def cmd_check(args: argparse.Namespace) -> None:
    """Load the boundaries and every snapshot (of the `--data` folder, or every published
    version, or the one of `--snapshot`); report what is wrong, if anything."""
    boundaries = geodata.load_boundaries()
    if args.data is not None:
        register = load_register(boundaries.units, args.data)
        for snapshot_id, snapshot in register.snapshots.items():
            print(f"{snapshot_id}: {len(snapshot.entries)} entries OK")
    else:
        versions = reader(boundaries.units)
        chosen = {resolve(versions, args.snapshot)} if args.snapshot else None
        for info in reversed(versions.infos()):
            if chosen is None or info.number in chosen:
                document = read_document(versions, info.number, boundaries.units)
                print(f"{info.label}: {len(document.snapshot.entries)} entries OK "
                      f"(version {info.number})")
    print(f"boundaries: {len(boundaries.municipalities)} municipalities, "
          f"{len(boundaries.safety_regions)} safety regions OK")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its subcommands."""
    parser = argparse.ArgumentParser(prog="python -m coverage", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="read this folder of YAML files instead of the published versions")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_snapshot(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--snapshot", default=NEWEST_LABEL,
                         help="version number or label (default: current, the newest; with "
                              "--data: a snapshot id)")

    lookup = commands.add_parser("lookup", help="who to call for a municipality")
    lookup.add_argument("name", help="CBS code, official or common name, place or postcode "
                        "(any case, no accents)")
    with_snapshot(lookup)
    lookup.add_argument("--json", action="store_true")
    lookup.add_argument("--lang", choices=("en", "nl"), default="en",
                        help="language of the output and the register's notes (default en)")
    lookup.add_argument("--months", type=_months, default=None,
                        help="a contact checked longer ago is due for a check (default: "
                             f"${CHECK_MONTHS_VARIABLE} or 12)")
    lookup.set_defaults(run=cmd_lookup)

    stale = commands.add_parser(
        "stale", help="contacts due for a check, never checked first, then the oldest")
    with_snapshot(stale)
    stale.add_argument("--months", type=_months, default=None,
                       help=f"checked longer ago than this is due (default: "
                            f"${CHECK_MONTHS_VARIABLE} or 12)")
    stale.add_argument("--all", action="store_true", help="list every contact, due or not")
    stale.add_argument("--json", action="store_true")
    stale.set_defaults(run=cmd_stale)

    history = commands.add_parser(
        "history", help="per published version: municipalities and inhabitants per status")
    history.add_argument("--json", action="store_true")
    history.set_defaults(run=cmd_history)

    violations = commands.add_parser("violations", help="areas that break the border rule")
    with_snapshot(violations)
    violations.add_argument("--all", action="store_true", help="also list areas within one region")
    violations.add_argument("--json", action="store_true")
    violations.set_defaults(run=cmd_violations)

    report = commands.add_parser("report", help="coverage figures")
    report.add_argument("--by", choices=GROUPINGS, default="safety-region")
    with_snapshot(report)
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")
    report.set_defaults(run=cmd_report)

    diff = commands.add_parser("diff", help="changes per municipality between two versions")
    diff.add_argument("--from", dest="before",
                      help="version (default: the one before --to; with --data: earlier)")
    diff.add_argument("--to", dest="after",
                      help="version (default: the newest; with --data: current)")
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(run=cmd_diff)

    whatif = commands.add_parser(
        "whatif", help="a proposed coordinator area: verdict, gain and overlaps")
    whatif.add_argument("--municipalities", nargs="*", default=[], metavar="CODE",
                        help="CBS codes (or names) of municipalities")
    whatif.add_argument("--units", nargs="*", default=[], metavar="KIND:NAME",
                        help="whole units, KIND safety_region, province, police_unit or "
                             "municipality (e.g. safety_region:VR17, province:Utrecht)")
    whatif.add_argument("--entry", nargs="*", default=[], metavar="AREA_ID",
                        help="start from the area of existing entries")
    whatif.add_argument("--target-group", choices=("all", "under_23", "23_plus"),
                        default="all")
    whatif.add_argument("--name", default="proposal", help="the proposal's name")
    whatif.add_argument("--organisation", default=None,
                        help="the organisation (default: to be decided)")
    with_snapshot(whatif)
    whatif.add_argument("--json", action="store_true")
    whatif.set_defaults(run=cmd_whatif)

    check = commands.add_parser("check", help="validate the register and the boundaries")
    check.add_argument("--snapshot", help="only this version (default: every version)")
    check.set_defaults(run=cmd_check)
    add_version_commands(commands)
    add_account_commands(commands)
    add_operator_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except (UsageError, UnknownVersionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (RegisterError, BoundaryDataError, RefusedError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except StaleBaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return STALE_BASE_EXIT
    except Exception as error:  # the database's own errors: one line, no statement, no data
        message = database_failure(error)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return 1
    return 0
