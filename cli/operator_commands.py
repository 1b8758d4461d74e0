"""The command line's operator commands: `backup FILE`, `restore FILE` and `doctor`.

`backup` and `restore` say which database they used (its URL without a password), what they
carried and how long it took; every refusal is one line on standard error with exit status 1
(`registry.commands.RefusedError`), never a traceback and never the register's content.
`doctor` prints one line per check and exits 1 when any check fails (`registry.doctor`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from registry.commands import RefusedError


def _size(size_bytes: int) -> str:
    """`35.0 KB`, `1.2 MB`.

    >>> _size(35_868)
    '35.0 KB'
    """
    if size_bytes >= 1024 * 1024:
        return f"{size_bytes / 1024 / 1024:.1f} MB"
    return f"{size_bytes / 1024:.1f} KB"


def _engine(url: str, *, must_exist: bool) -> Any:
    """The writers' engine on `url`; an SQLite file that must exist and does not is refused, and
    so is any database but SQLite and PostgreSQL (the ones the register is tested on)."""
    from sqlalchemy.engine import make_url

    from registry.database import create_engine, sqlite_path
    from registry.doctor import shown_url

    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise RefusedError(f"the database {shown_url(url)} is neither SQLite nor PostgreSQL, "
                           "the two the register is made for; nothing was done")
    path = sqlite_path(url)
    if must_exist and path is not None and not path.is_file():
        raise RefusedError(f"no database at {path}: nothing to back up (set "
                           "COVERAGE_DATABASE_URL to name the register's database)")
    return create_engine(url)


def _carry_out(action: str, url: str, work: Any) -> Any:
    """Run `work()`; its refusals and the database's failures become one-line refusals."""
    from sqlalchemy.exc import SQLAlchemyError

    from registry.backup import BackupError
    from registry.database import unreachable_errors
    from registry.doctor import shown_url

    try:
        return work()
    except BackupError as error:
        raise RefusedError(f"{error} (database: {shown_url(url)})") from None
    except (*unreachable_errors(), SQLAlchemyError, ImportError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise RefusedError(f"the database {shown_url(url)} cannot be used: "
                           f"{reason[0] if reason else type(error).__name__}; nothing was "
                           f"{action}") from None
    except OSError as error:
        raise RefusedError(f"{error.filename or 'the file'}: {error.strerror or error}; "
                           f"nothing was {action}") from None


def cmd_backup(args: argparse.Namespace) -> None:
    """Back up the register's database to a file."""
    from registry.backup import backup
    from registry.database import database_url
    from registry.doctor import shown_url

    url = database_url()
    file: Path = args.file
    if not file.parent.is_dir():
        raise RefusedError(f"no folder {file.parent} for the backup; nothing was backed up")
    outcome = _carry_out("backed up", url,
                         lambda: backup(_engine(url, must_exist=True), file))
    print(f"Backed up {outcome.summary()} from the database {shown_url(url)} to {file} "
          f"({_size(outcome.size_bytes)}, schema revision {outcome.revision}, "
          f"{outcome.seconds:.2f} s).")


def cmd_restore(args: argparse.Namespace) -> None:
    """Restore a backup into the register's (empty) database."""
    from registry.backup import restore
    from registry.database import database_url
    from registry.doctor import shown_url

    url = database_url()
    file: Path = args.file
    outcome = _carry_out("restored", url,
                         lambda: restore(_engine(url, must_exist=False), file))
    print(f"Restored {outcome.summary()} from {file} into the database {shown_url(url)} "
          f"(backup at schema revision {outcome.revision}, migrated to the newest; "
          f"{outcome.seconds:.2f} s). Sign-in sessions are not restored: everyone signs in "
          "again.")


def cmd_doctor(_args: argparse.Namespace) -> None:
    """Check the installation; exit 1 when anything needs fixing."""
    from registry.database import database_url
    from registry.doctor import run

    if not run(database_url()):
        raise SystemExit(1)


def add_operator_commands(commands: Any) -> None:
    """Add `backup`, `restore` and `doctor` to the CLI's subparsers."""
    backup = commands.add_parser(
        "backup", help="back up the register's database (versions, accounts, drafts) to FILE")
    backup.add_argument("file", type=Path, help="the backup file (gzip when it ends in .gz)")
    backup.set_defaults(run=cmd_backup)
    restore = commands.add_parser(
        "restore", help="restore a backup into an empty database (migrated to the newest)")
    restore.add_argument("file", type=Path, help="a file made by `backup`")
    restore.set_defaults(run=cmd_restore)
    doctor = commands.add_parser(
        "doctor", help="check the installation and print what to fix")
    doctor.set_defaults(run=cmd_doctor)
