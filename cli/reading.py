"""What a command reads: the chosen snapshot (of the `--data` folder) or published version, and
the age after which a contact is due for a check (`--months`, else `$COVERAGE_CHECK_MONTHS`)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from cli.errors import UsageError
from cli.words import Words
from coverage.answer import Version
from coverage.check_age import (
    CHECK_MONTHS_VARIABLE,
    MAX_CHECK_MONTHS,
    CheckAge,
    check_months,
    valid_months,
)
from coverage.engine import Coverage
from coverage.register import Register
from geodata import Units
from registry.readers import open_reader
from registry.versions import NEWEST_LABEL, read_document, resolve
from registry.yaml_register import load_register


def add_snapshot_option(sub: argparse.ArgumentParser, t: Words) -> None:
    """`--snapshot`: a version number or label, or with `--data` a snapshot id."""
    sub.add_argument("--snapshot", default=NEWEST_LABEL, help=t("help_snapshot"))


def snapshot_coverage(register: Register, snapshot_id: str, units: Units,
                      t: Words) -> Coverage:
    """The coverage of one snapshot of a register read from a `--data` folder."""
    if snapshot_id not in register.snapshots:
        raise UsageError(t("unknown_snapshot", snapshot=snapshot_id,
                           choices=", ".join(register.snapshots)))
    return Coverage(register.snapshots[snapshot_id], register.fallback, units)


def numbered_version(reference: str, units: Units) -> tuple[Coverage, int]:
    """The coverage of a published version, by number or label, with its number."""
    versions = open_reader(units)
    number = resolve(versions, reference)
    document = read_document(versions, number, units)
    return Coverage(document.snapshot, document.fallback, units), number


def version_coverage(reference: str, units: Units) -> Coverage:
    """The coverage of a published version, by number or label."""
    return numbered_version(reference, units)[0]


def chosen(args: argparse.Namespace, units: Units) -> tuple[Coverage, Version]:
    """The chosen snapshot and its version: of the `--data` folder when given (no number),
    else a published version."""
    if args.data is None:
        coverage, number = numbered_version(args.snapshot, units)
        return coverage, Version.of(coverage.snapshot, number)
    coverage = snapshot_coverage(load_register(units, args.data), args.snapshot, units,
                                 args.words)
    return coverage, Version.of(coverage.snapshot)


def chosen_coverage(args: argparse.Namespace, units: Units) -> Coverage:
    """The chosen snapshot: of the `--data` folder when given, else a published version."""
    return chosen(args, units)[0]


def check_age(args: argparse.Namespace) -> CheckAge:
    """Today in Amsterdam and the age of `--months` (else `$COVERAGE_CHECK_MONTHS`, else 12);
    an invalid age in the environment is a usage error."""
    try:
        months = check_months(os.environ) if args.months is None else args.months
    except ValueError:
        raise UsageError(args.words("months_variable_invalid", variable=CHECK_MONTHS_VARIABLE,
                                    maximum=MAX_CHECK_MONTHS)) from None
    return CheckAge.now(months)


def months_option(t: Words) -> Callable[[str], int]:
    """The type of `--months`: a whole number of months from 1 to `MAX_CHECK_MONTHS`."""

    def months(text: str) -> int:
        try:
            return valid_months(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("months_invalid",
                                               maximum=MAX_CHECK_MONTHS)) from None

    return months


def add_months_option(sub: argparse.ArgumentParser, t: Words, help_text: str) -> Any:
    """`--months N`, the age after which a contact is due for a check."""
    return sub.add_argument("--months", type=months_option(t), default=None, help=help_text)
