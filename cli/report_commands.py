"""The commands that report on the register: `history`, `violations`, `report`, `diff` and
`check`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import geodata
from cli.errors import UsageError
from cli.output import print_json
from cli.reading import (
    add_snapshot_option,
    chosen_coverage,
    snapshot_coverage,
    version_coverage,
)
from cli.words import Words
from coverage.changes import compare
from coverage.engine import Coverage
from coverage.figures import GROUPINGS, coverage_figures
from coverage.history import VersionMark, history_json, history_rows
from coverage.safe_csv import write_csv
from coverage.serialise import changes_json, finding_json, records_json
from coverage.status import STATUSES
from geodata import Units, load_units
from geodata.derived import municipality_areas
from registry.readers import open_reader
from registry.versions import NEWEST_LABEL, read_document, resolve
from registry.yaml_register import load_register


def cmd_history(args: argparse.Namespace) -> None:
    """One row per published version: municipalities and inhabitants per status."""
    t: Words = args.words
    if args.data is not None:
        raise UsageError(t("history_without_data"))
    units = load_units()
    versions = open_reader(units)
    pairs = []
    for info in reversed(versions.infos()):
        document = read_document(versions, info.number, units)
        pairs.append((VersionMark(info.number, info.label, info.published_at,
                                  info.published_by),
                      Coverage(document.snapshot, document.fallback, units).municipalities))
    rows = history_rows(pairs)
    if args.json:
        print_json(history_json(rows))
        return
    print(t("history_heading") + "  ".join(f"{status:>11}" for status in STATUSES)
          + t("history_people"))
    for row in history_json(rows):
        counts = "  ".join(f"{row['municipalities'][status]:>11}" for status in STATUSES)
        people = " / ".join(t.number(row["population"][status]) for status in STATUSES)
        print(f"{row['number']:>7}  {row['label']:12} {row['published_at'][:16].replace('T', ' ')}"
              f"  {row['published_by'][:12]:12} {counts}   {people}")


def cmd_violations(args: argparse.Namespace) -> None:
    """The coordinator areas that extend beyond one safety region."""
    t: Words = args.words
    coverage = chosen_coverage(args, load_units())
    findings = coverage.findings if args.all else coverage.violations()
    if args.json:
        print_json([finding_json(coverage, finding) for finding in findings])
        return
    for finding in findings:
        print(f"{finding.area_wording} ({', '.join(finding.organisations)}): {finding.kind}")
        for part in finding.regions:
            extent = t("whole") if part.whole else t(
                "part_of_region", inside=len(part.municipalities),
                total=len(part.municipalities) + len(part.outside))
            print(f"  {part.code} {part.name}: {extent}")


def cmd_report(args: argparse.Namespace) -> None:
    """Coverage figures per safety region, province, police unit or nationally."""
    units = load_units()
    coverage = chosen_coverage(args, units)
    table = coverage.municipalities.join(municipality_areas())
    figures = coverage_figures(table, args.by)
    if args.json:
        print_json(records_json(figures))
    elif args.csv:
        write_csv(figures, sys.stdout, float_format="%.4f")  # no cell a spreadsheet would run
    else:
        print(figures.to_string(index=False, float_format=lambda value: f"{value:,.2f}"))


def _diff_versions(args: argparse.Namespace, units: Units) -> tuple[Coverage, Coverage]:
    """The versions to compare: `--to` (default the newest) and `--from` (default the one
    before it)."""
    versions = open_reader(units)
    after = resolve(versions, args.after or NEWEST_LABEL)
    before = resolve(versions, args.before) if args.before else after - 1
    if before < 1:
        raise UsageError(args.words("diff_first", number=after))
    return version_coverage(str(before), units), version_coverage(str(after), units)


def cmd_diff(args: argparse.Namespace) -> None:
    """What changed per municipality from one snapshot or version to another."""
    units = load_units()
    if args.data is None:
        before, after = _diff_versions(args, units)
    else:
        register = load_register(units, args.data)
        before = snapshot_coverage(register, args.before or "earlier", units, args.words)
        after = snapshot_coverage(register, args.after or "current", units, args.words)
    changes = compare(before, after)
    if args.json:
        print_json(changes_json(changes))
        return
    for change in changes_json(changes):
        print(f"{change['name']} ({change['code']}): {change['change']} "
              f"({change['status_before']} -> {change['status_after']})")


def cmd_check(args: argparse.Namespace) -> None:
    """Load the boundaries and every snapshot (of the `--data` folder, or every published
    version, or the one of `--snapshot`); report what is wrong, if anything."""
    t: Words = args.words
    boundaries = geodata.load_boundaries()
    if args.data is not None:
        register = load_register(boundaries.units, args.data)
        for snapshot_id, snapshot in register.snapshots.items():
            print(t("check_snapshot", snapshot=snapshot_id, count=len(snapshot.entries)))
    else:
        versions = open_reader(boundaries.units)
        picked = {resolve(versions, args.snapshot)} if args.snapshot else None
        for info in reversed(versions.infos()):
            if picked is None or info.number in picked:
                document = read_document(versions, info.number, boundaries.units)
                print(t("check_version", label=info.label, count=len(document.snapshot.entries),
                        number=info.number))
    print(t("check_boundaries", municipalities=len(boundaries.municipalities),
            regions=len(boundaries.safety_regions)))


def add_report_commands(commands: Any, t: Words) -> None:
    """Add `history`, `violations`, `report` and `diff` to the CLI's subparsers."""
    history = commands.add_parser("history", help=t("help_history"))
    history.add_argument("--json", action="store_true")
    history.set_defaults(run=cmd_history)

    violations = commands.add_parser("violations", help=t("help_violations"))
    add_snapshot_option(violations, t)
    violations.add_argument("--all", action="store_true", help=t("help_violations_all"))
    violations.add_argument("--json", action="store_true")
    violations.set_defaults(run=cmd_violations)

    report = commands.add_parser("report", help=t("help_report"))
    report.add_argument("--by", choices=GROUPINGS, default="safety-region")
    add_snapshot_option(report, t)
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")
    report.set_defaults(run=cmd_report)

    diff = commands.add_parser("diff", help=t("help_diff"))
    diff.add_argument("--from", dest="before", help=t("help_diff_from"))
    diff.add_argument("--to", dest="after", help=t("help_diff_to"))
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(run=cmd_diff)


def add_check_command(commands: Any, t: Words) -> None:
    """Add `check` to the CLI's subparsers."""
    check = commands.add_parser("check", help=t("help_check"))
    check.add_argument("--snapshot", help=t("help_check_snapshot"))
    check.set_defaults(run=cmd_check)
