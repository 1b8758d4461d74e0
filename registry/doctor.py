"""`python -m coverage doctor`: check the installation and say what to fix.

One check per line, `OK` or `FAIL`, what was found, and for a failure a hint (`fix: …`): the
boundaries (loaded and validated), the migration scripts, the register's database (reachable,
at the newest schema revision, its versions), the cache folder (writable), the last known good
copy the app keeps there (present and valid), and the tested set of packages (`constraints.txt`).
Nothing is written: a missing or old database is reported, never created or migrated. A check
that fails unexpectedly is a `FAIL` line too, never a traceback.
"""

from __future__ import annotations

import datetime
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = REPOSITORY_ROOT / "constraints.txt"
PYPROJECT = REPOSITORY_ROOT / "pyproject.toml"
TIMEOUT_S = 5.0
"""How long the doctor waits for the database."""
_PROBE = ".doctor-probe"


@dataclass(frozen=True)
class Check:
    """The outcome of one check: its name, whether it passed, what was found, how to fix it."""

    name: str
    ok: bool
    found: str
    fix: str = ""

    def line(self) -> str:
        """`OK   name: found` or `FAIL name: found; fix: hint`."""
        if self.ok:
            return f"OK   {self.name}: {self.found}"
        return f"FAIL {self.name}: {self.found}" + (f"; fix: {self.fix}" if self.fix else "")


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


def shown_url(url: str) -> str:
    """A database URL as messages show it: without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as the variable says nothing more
        return "(an unparsable URL)"


def check_boundaries() -> Check:
    """The boundary files load and pass every check (`geodata.load_boundaries`)."""
    import geodata

    folder = geodata.geodata_dir()
    try:
        boundaries = geodata.load_boundaries()
    except geodata.BoundaryDataError as error:
        return Check("boundaries", False, f"{folder}: {_first_line(error)}",
                     f"put the three boundary files back in {folder} (a clean checkout has "
                     f"them), or point {geodata.GEODATA_DIR_VARIABLE} at a folder with them")
    return Check("boundaries", True, f"{len(boundaries.municipalities)} municipalities, "
                 f"{len(boundaries.safety_regions)} safety regions, valid ({folder})")


def check_migrations() -> Check:
    """The migration scripts end at the revision this program expects."""
    from registry.migrate import HEAD_REVISION, MIGRATIONS_DIR, head_of_scripts

    head = head_of_scripts()
    if head != HEAD_REVISION:
        return Check("migrations", False, f"the scripts in {MIGRATIONS_DIR} end at {head}, the "
                     f"program expects {HEAD_REVISION}",
                     "reinstall the program from one clean checkout")
    return Check("migrations", True, f"scripts up to revision {head} ({MIGRATIONS_DIR})")


def check_database(url: str) -> Check:
    """The database answers, is at the newest schema revision and holds versions."""
    import sqlalchemy

    from registry.database import create_engine, sqlite_path
    from registry.migrate import HEAD_REVISION, current_revision

    shown = shown_url(url)
    create = "start the app, or run `python -m coverage versions` once, to create and seed it " \
             "(or restore a backup into it: `python -m coverage restore FILE`)"
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return Check("database", False, f"no database file at {path}", create)
    try:
        engine = create_engine(url, timeout_s=TIMEOUT_S)
        with engine.connect() as connection:
            revision = current_revision(connection)
            table = sqlalchemy.table("register_versions", sqlalchemy.column("number"),
                                     sqlalchemy.column("label"),
                                     sqlalchemy.column("published_at"))
            if revision is None:
                return Check("database", False, f"{shown} has no register in it", create)
            count, newest = connection.execute(sqlalchemy.select(
                sqlalchemy.func.count(), sqlalchemy.func.max(table.c.number))).one()
            label = connection.execute(sqlalchemy.select(table.c.label, table.c.published_at)
                                       .where(table.c.number == newest)).first()
    except Exception as error:  # any way of not answering: a FAIL line with the reason
        return Check("database", False, f"{shown} cannot be used: {_first_line(error)}",
                     "check COVERAGE_DATABASE_URL (the server's address, name, user and "
                     "password) and that the database server runs")
    if revision != HEAD_REVISION:
        return Check("database", False, f"{shown} is at schema revision {revision}, the "
                     f"program needs {HEAD_REVISION}",
                     "start the app or run `python -m coverage versions` once: it migrates")
    if not count:
        return Check("database", False, f"{shown} holds no published version", create)
    published = str(label[1])[:16] if label else "?"
    return Check("database", True, f"{shown}, schema revision {revision}, {count} versions, "
                 f"newest {newest} ({label[0] if label else '?'}, published {published})")


def check_cache_folder() -> Check:
    """The cache folder can be written (derived data, the last known good copy)."""
    from geodata.disk_cache import CACHE_DIR_VARIABLE, cache_dir, write_atomically

    folder = cache_dir()
    probe = folder / _PROBE
    if not write_atomically(probe, "probe") or not probe.is_file():
        return Check("cache folder", False, f"{folder} cannot be written",
                     f"make {folder} writable for the app's user, or set "
                     f"{CACHE_DIR_VARIABLE} to a writable folder")
    probe.unlink(missing_ok=True)
    return Check("cache folder", True, f"{folder} is writable")


def check_last_good(url: str) -> Check:
    """The app's copy of the newest version it validated, present and valid."""
    from geodata import load_units
    from geodata.disk_cache import cache_dir
    from registry import last_good

    path = last_good.copy_path(url, cache_dir())
    if not path.is_file():
        return Check("last known good copy", False, f"none at {path}",
                     "open the dashboard once after the database is ready: the app keeps a "
                     "copy of the newest version there, to answer readers while the database "
                     "does not")
    good = last_good.load(path, load_units())
    if good is None:
        return Check("last known good copy", False, f"{path} is damaged or does not match its "
                     "content hash", "delete it; the app writes a new one at its next read of "
                     "the database")
    age = datetime.datetime.now(datetime.UTC) - good.confirmed_at
    return Check("last known good copy", True, f"version {good.info.number} "
                 f"({good.info.label}), valid, confirmed newest {_age(age)} ago ({path})")


def _age(age: datetime.timedelta) -> str:
    """`3 min`, `2 h`, `4 days`.

    >>> _age(datetime.timedelta(minutes=5))
    '5 min'
    """
    seconds = max(0, int(age.total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


def _runtime_dependencies(pyproject: Path) -> set[str]:
    """The names of the project's own (not test) dependencies, lower case."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return {requirement.split(";")[0].split("[")[0].split(">")[0].split("=")[0].split("<")[0]
            .strip().lower() for requirement in project["dependencies"]}


def check_tested_set(constraints: Path = CONSTRAINTS, pyproject: Path = PYPROJECT) -> Check:
    """The installed packages are the versions pinned in `constraints.txt` (a pinned package
    that is not installed counts only when it is one of the project's own dependencies: test
    tools need not be on a server)."""
    from registry.tested_set import pinned_versions, untested_versions

    pins = pinned_versions(constraints.read_text(encoding="utf-8"))
    needed = _runtime_dependencies(pyproject)
    differences = [line for line in untested_versions(pins)
                   if " not installed " not in line
                   or line.split(" ", 1)[0].lower() in needed]
    fix = f"pip install -e . -c {constraints.name} (from the repository root)"
    if differences:
        return Check("tested package set", False, f"{len(differences)} differ from "
                     f"{constraints.name}: {'; '.join(differences[:5])}"
                     + (" …" if len(differences) > 5 else ""), fix)
    return Check("tested package set", True, f"installed versions match {constraints.name}")


def checks(url: str) -> list[tuple[str, Callable[[], Check]]]:
    """Every check with its name, in the order they are printed."""
    return [("boundaries", check_boundaries), ("migrations", check_migrations),
            ("database", lambda: check_database(url)), ("cache folder", check_cache_folder),
            ("last known good copy", lambda: check_last_good(url)),
            ("tested package set", check_tested_set)]


def run(url: str, say: Callable[[str], None] = print) -> bool:
    """Run every check, printing a line each; whether all passed."""
    healthy = True
    for name, check in checks(url):
        try:
            outcome = check()
        except Exception as error:  # a check that breaks is a failure, stated in one line
            outcome = Check(name, False, f"could not be checked: {_first_line(error)}",
                            "fix the failures above first")
        say(outcome.line())
        healthy = healthy and outcome.ok
    say(f"{'All checks passed' if healthy else 'Something needs fixing (FAIL above)'} "
        f"(Python {sys.version.split()[0]}).")
    return healthy
