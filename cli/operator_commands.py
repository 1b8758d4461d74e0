"""The command line's operator commands: `backup FILE`, `restore FILE` and `doctor`.

`backup` and `restore` say which database they used (its URL without a password), what they
carried and how long it took; every refusal is one line on standard error with exit status 1
(`cli.errors.RefusedError`), never a traceback and never the register's content.
`doctor` prints one line per check and exits 1 when any check fails (`registry.doctor`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.errors import RefusedError
from cli.words import Words


def size_text(size_bytes: int, t: Words) -> str:
    """`35.0 KB`, `1.2 MB` (`35,0 KB` in Dutch).

    >>> size_text(35_868, Words("en")), size_text(1_258_291, Words("nl"))
    ('35.0 KB', '1,2 MB')
    """
    if size_bytes >= 1024 * 1024:
        return t("size_mb", size=t.number(size_bytes / 1024 / 1024, 1))
    return t("size_kb", size=t.number(size_bytes / 1024, 1))


def _engine(url: str, t: Words, *, must_exist: bool) -> Any:
    """The writers' engine on `url`; an SQLite file that must exist and does not is refused, and
    so is any database but SQLite and PostgreSQL (the ones the register is tested on)."""
    from sqlalchemy.engine import make_url

    from registry.database import create_engine, sqlite_path
    from registry.doctor import shown_url

    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise RefusedError(t("neither_sqlite_nor_postgresql", url=shown_url(url)))
    path = sqlite_path(url)
    if must_exist and path is not None and not path.is_file():
        raise RefusedError(t("no_database_file", path=path))
    return create_engine(url)


def _carry_out(nothing: str, url: str, work: Any, t: Words) -> Any:
    """Run `work()`; its refusals and the database's failures become one-line refusals that
    end with `nothing` (what was not done)."""
    from sqlalchemy.exc import SQLAlchemyError

    from registry.backup import BackupError
    from registry.database import unreachable_errors
    from registry.doctor import shown_url

    try:
        return work()
    except BackupError as error:
        raise RefusedError(t("refused_in_database", error=error, url=shown_url(url))) from None
    except (*unreachable_errors(), SQLAlchemyError, ImportError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise RefusedError(t("database_unusable_nothing", url=shown_url(url),
                             reason=reason[0] if reason else type(error).__name__,
                             nothing=nothing)) from None
    except OSError as error:
        raise RefusedError(t("file_failed", file=error.filename or t("the_file"),
                             reason=error.strerror or error, nothing=nothing)) from None


def cmd_backup(args: argparse.Namespace) -> None:
    """Back up the register's database to a file."""
    from registry.backup import backup
    from registry.database import database_url
    from registry.doctor import shown_url

    t: Words = args.words
    url = database_url()
    file: Path = args.file
    if not file.parent.is_dir():
        raise RefusedError(t("no_backup_folder", folder=file.parent))
    outcome = _carry_out(t("nothing_backed_up"), url,
                         lambda: backup(_engine(url, t, must_exist=True), file), t)
    print(t("backed_up", summary=outcome.summary(), url=shown_url(url), file=file,
            size=size_text(outcome.size_bytes, t), revision=outcome.revision,
            seconds=t.number(outcome.seconds, 2)))


def cmd_restore(args: argparse.Namespace) -> None:
    """Restore a backup into the register's (empty) database."""
    from registry.backup import restore
    from registry.database import database_url
    from registry.doctor import shown_url

    t: Words = args.words
    url = database_url()
    file: Path = args.file
    outcome = _carry_out(t("nothing_restored"), url,
                         lambda: restore(_engine(url, t, must_exist=False), file), t)
    print(t("restored", summary=outcome.summary(), file=file, url=shown_url(url),
            revision=outcome.revision, seconds=t.number(outcome.seconds, 2)))


def cmd_doctor(_args: argparse.Namespace) -> None:
    """Check the installation; exit 1 when anything needs fixing."""
    from registry.database import database_url
    from registry.doctor import run

    if not run(database_url()):
        raise SystemExit(1)


def add_operator_commands(commands: Any, t: Words) -> None:
    """Add `backup`, `restore` and `doctor` to the CLI's subparsers."""
    backup = commands.add_parser("backup", help=t("help_backup"))
    backup.add_argument("file", type=Path, help=t("help_backup_file"))
    backup.set_defaults(run=cmd_backup)
    restore = commands.add_parser("restore", help=t("help_restore"))
    restore.add_argument("file", type=Path, help=t("help_restore_file"))
    restore.set_defaults(run=cmd_restore)
    doctor = commands.add_parser("doctor", help=t("help_doctor"))
    doctor.set_defaults(run=cmd_doctor)
