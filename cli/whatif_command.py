"""`whatif`: a proposed coordinator area, its border-rule verdict, what it gains, the figures per
status before and after, and where it overlaps existing coordinators (`coverage.whatif`
decides; this prints)."""

from __future__ import annotations

import argparse
from typing import Any

from cli.errors import UsageError
from cli.output import print_json
from cli.reading import add_snapshot_option, chosen_coverage
from cli.words import Words
from coverage.engine import Coverage
from coverage.serialise import whatif_json
from coverage.status import STATUSES, status_label
from coverage.whatif import Proposal, UnknownUnitError, entry_area, evaluate, parse_unit
from geodata import load_units


def _proposal_codes(args: argparse.Namespace, coverage: Coverage) -> frozenset[str]:
    """The municipalities of `--municipalities` (codes or names), `--units` and `--entry`."""
    t: Words = args.words
    units = coverage.units
    spellings = {name.casefold(): code for name, code in units.names_of("municipality").items()}
    unknown = [name for name in args.municipalities if name.casefold() not in spellings]
    if unknown:
        raise UsageError(t("unknown_municipality", names=", ".join(unknown)))
    codes = {spellings[name.casefold()] for name in args.municipalities}
    try:
        for unit in args.units:
            codes |= parse_unit(unit, units)
        for entry_id in args.entry:
            codes |= entry_area(coverage, entry_id)
    except UnknownUnitError as error:
        raise UsageError(str(error)) from None
    if not codes:
        raise UsageError(t("no_municipality_given"))
    return frozenset(codes)


def cmd_whatif(args: argparse.Namespace) -> None:
    """A proposed coordinator area: its border-rule verdict, gain, figures and overlaps."""
    t: Words = args.words
    coverage = chosen_coverage(args, load_units())
    proposal = Proposal(args.name, args.organisation, args.target_group,
                        _proposal_codes(args, coverage))
    answer = whatif_json(coverage, evaluate(coverage, proposal))
    if args.json:
        print_json(answer)
        return
    print(t("proposal", name=proposal.name,
            organisation=proposal.organisation or t("to_be_decided"),
            group=proposal.target_group, count=len(proposal.municipalities)))
    print(t("border_rule", verdict=answer["verdict"], kind=answer["kind"]))
    for part in answer["safety_regions"]:
        inside = len(part["municipalities"])
        extent = t("whole") if part["whole"] else t(
            "part_of_region_short", inside=inside, total=inside + len(part["outside"]))
        print(f"  {part['code']} {part['name']}: {extent}")
        if not part["whole"]:
            print(t("inside", names=", ".join(town["name"] for town in part["municipalities"])))
            print(t("outside", names=", ".join(town["name"] for town in part["outside"])))
    gained = answer["gained"]
    count = len(gained["municipalities"])
    print(t("gained_one" if count == 1 else "gained_many", count=count,
            population=t.number(gained["population"])))
    for town in gained["municipalities"]:
        print(f"  {town['name']} ({town['code']}): {town['status_before']} -> "
              f"{town['status_after']}")
    print(t("per_status"))
    for status in STATUSES:
        before, after = answer["statuses"][status]["before"], answer["statuses"][status]["after"]
        print(f"  {status_label(status, False, t.language)}: {before['municipalities']} "
              f"({t.number(before['population'])}) -> {after['municipalities']} "
              f"({t.number(after['population'])})")
    print(t("overlaps", count=len(answer["overlaps"])))
    for overlap in answer["overlaps"]:
        print(f"  {overlap['name']} ({overlap['code']}) [{overlap['target_group']}]: "
              f"{', '.join(overlap['organisations'])}")


def add_whatif_command(commands: Any, t: Words) -> None:
    """Add `whatif` to the CLI's subparsers."""
    whatif = commands.add_parser("whatif", help=t("help_whatif"))
    whatif.add_argument("--municipalities", nargs="*", default=[], metavar="CODE",
                        help=t("help_whatif_municipalities"))
    whatif.add_argument("--units", nargs="*", default=[], metavar="KIND:NAME",
                        help=t("help_whatif_units"))
    whatif.add_argument("--entry", nargs="*", default=[], metavar="AREA_ID",
                        help=t("help_whatif_entry"))
    whatif.add_argument("--target-group", choices=("all", "under_23", "23_plus"),
                        default="all")
    whatif.add_argument("--name", default="proposal", help=t("help_whatif_name"))
    whatif.add_argument("--organisation", default=None, help=t("help_whatif_organisation"))
    add_snapshot_option(whatif, t)
    whatif.add_argument("--json", action="store_true")
    whatif.set_defaults(run=cmd_whatif)
