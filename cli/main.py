"""`python -m coverage`: look up a municipality, list rule breaks, report figures, diff snapshots,
and keep the published versions of the register (versions, show, export, import, revert),
the accounts that edit and publish it in the app (user), and its backups (backup, restore,
doctor).

The register is read from the database of versions (`registry`), or with `--data DIR` from a
folder of YAML files without touching the database. The words are English unless `--lang nl`
(lookup) or `COVERAGE_LANG=nl` says Dutch (`cli.words`).

Exit codes: 0 success; 1 broken register or boundary data, a refused import, or a database that
cannot be read or written (one line, never the data being written); 2 usage error,
or a name or version that is unknown or ambiguous; 3 the newest published version is no longer
the base of an import (nothing written).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cli.account_commands import add_account_commands
from cli.errors import STALE_BASE_EXIT, RefusedError, UsageError
from cli.lookup_commands import add_lookup_commands
from cli.operator_commands import add_operator_commands
from cli.report_commands import add_check_command, add_report_commands
from cli.version_commands import add_version_commands
from cli.whatif_command import add_whatif_command
from cli.words import Words, environment_language
from geodata import BoundaryDataError
from registry.database import database_failure
from registry.errors import RegisterError
from registry.versions import StaleBaseError, UnknownVersionError

PROG = "python -m coverage"


def build_parser(t: Words | None = None, prog: str = PROG) -> argparse.ArgumentParser:
    """The argument parser with its subcommands, its help in `t`'s language (default: the
    language of `$COVERAGE_LANG`)."""
    t = t or Words(environment_language(os.environ))
    parser = argparse.ArgumentParser(prog=prog, description=t("description"))
    parser.add_argument("--data", type=Path, default=None, help=t("help_data"))
    commands = parser.add_subparsers(dest="command", required=True)
    add_lookup_commands(commands, t)
    add_report_commands(commands, t)
    add_whatif_command(commands, t)
    add_check_command(commands, t)
    add_version_commands(commands, t)
    add_account_commands(commands, t)
    add_operator_commands(commands, t)
    return parser


def main(argv: list[str] | None = None, prog: str = PROG) -> int:
    """Run the CLI; returns the exit code."""
    language = environment_language(os.environ)
    args = build_parser(Words(language), prog).parse_args(argv)
    if getattr(args, "lang", "") is None:  # lookup without --lang: the environment's language
        args.lang = language
    args.words = t = Words(getattr(args, "lang", None) or language)
    try:
        args.run(args)
    except (UsageError, UnknownVersionError) as error:
        print(t("error", message=error), file=sys.stderr)
        return 2
    except (RegisterError, BoundaryDataError, RefusedError) as error:
        print(t("error", message=error), file=sys.stderr)
        return 1
    except StaleBaseError as error:
        print(t("error", message=error), file=sys.stderr)
        return STALE_BASE_EXIT
    except Exception as error:  # the database's own errors: one line, no statement, no data
        message = database_failure(error)
        if message is None:
            raise
        print(t("error", message=message), file=sys.stderr)
        return 1
    return 0
