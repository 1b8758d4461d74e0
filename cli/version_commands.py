"""The command line's version commands: versions, show, export, import, revert.

Exit codes beyond the CLI's own: 3 when the newest published version is no longer the base a
change was reviewed against (nothing is written).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata import Units, load_units
from registry.documents import Document
from registry.readers import open_reader
from registry.review import review, review_lines
from registry.versions import (
    VERSIONS_TABLE,
    StaleBaseError,
    VersionReader,
    read_document,
    resolve,
)
from registry.yaml_register import read_file, snapshot_from_text

if TYPE_CHECKING:
    from registry.store import VersionStore

STALE_BASE_EXIT = 3


class RefusedError(Exception):
    """A change that is refused as it stands (exit 1); the message says how to proceed."""


def reader(units: Units) -> VersionReader:
    """The published versions (the database is prepared on first use)."""
    return open_reader(units)


def writer(units: Units) -> VersionStore:
    """The store, migrated and seeded, for publishing; checked to be writable before anything
    is reviewed (a read-only database fails here, with `registry.database.database_failure`'s
    one line, not after the review)."""
    import sqlalchemy

    from registry.database import writing
    from registry.store import open_store  # SQLAlchemy only where something is written

    store = open_store()
    store.prepare(units)
    # A write that changes nothing, rolled back: refused by a read-only file, folder,
    # transaction or role as a real one would be.
    with writing(store.engine) as connection, connection.begin() as transaction:
        connection.execute(sqlalchemy.text(
            f"UPDATE {VERSIONS_TABLE} SET number = number WHERE 1 = 0"))
        transaction.rollback()
    return store


def _author(args: argparse.Namespace) -> str:
    return args.author or getpass.getuser()


def cmd_versions(args: argparse.Namespace) -> None:
    """Every published version, newest first."""
    infos = reader(load_units()).infos()
    if args.json:
        print(json.dumps([info.to_json() for info in infos], ensure_ascii=False, indent=2))
        return
    for info in infos:
        newest = " (newest)" if info is infos[0] else ""
        print(f"{info.number:>4}  {info.label:12} {info.published_at:%Y-%m-%d %H:%M} UTC  "
              f"{info.published_by}: {info.comment}{newest}")


def cmd_show(args: argparse.Namespace) -> None:
    """One version: who, when, why, the source, and its entries."""
    units = load_units()
    versions = reader(units)
    number = resolve(versions, args.version)
    info = next(info for info in versions.infos() if info.number == number)
    document = read_document(versions, number, units)
    print(f"Version {info.number} ({info.label}), published {info.published_at:%Y-%m-%d %H:%M} "
          f"UTC by {info.published_by}")
    print(f"Comment: {info.comment}")
    print(f"Based on: {f'version {info.parent}' if info.parent else 'nothing (the first)'}")
    print(f"Source: {info.source} (date: {info.source_date or 'not given'})")
    print(f"Content hash: {info.content_hash}")
    print(f"Entries ({len(document.snapshot.entries)}):")
    for entry in document.snapshot.entries:
        print(f"  - {entry.id}: {entry.area_wording} ({', '.join(entry.organisations) or '-'})")


def cmd_export(args: argparse.Namespace) -> None:
    """A version's snapshot as YAML, exactly as published (what `import` reads back)."""
    versions = reader(load_units())
    snapshot_yaml, _ = versions.texts(resolve(versions, args.version))
    if args.output:
        args.output.write_text(snapshot_yaml, encoding="utf-8")
    else:
        sys.stdout.write(snapshot_yaml)


def _publish(store: VersionStore, base: int, proposed: Document, args: argparse.Namespace,
             units: Units, *, confirmed: bool) -> None:
    """Print the review against `base`; publish when confirmed and allowed."""
    result = review(read_document(store, base, units), proposed, units)
    print("\n".join(review_lines(result, base)))
    if result.is_empty:
        print("Nothing to publish.")
        return
    if result.removed and not args.allow_removals:
        names = ", ".join(entry.id for entry in result.removed)
        raise RefusedError(f"the new version would remove {len(result.removed)} entries "
                           f"({names}); nothing was published. A file cut short loses entries: "
                           "check it, and if the removal is intended run again with "
                           "--allow-removals")
    if not confirmed:
        print(f"Not published. To publish, run again with --yes (and --base {base} to make "
              "sure nobody published in between).")
        return
    info = store.publish(proposed, author=_author(args), comment=args.comment, base=base)
    print(f"Published version {info.number} (based on version {base}).")


def cmd_import(args: argparse.Namespace) -> None:
    """Validate a snapshot file, show what it changes, and publish it with --yes."""
    units = load_units()
    text = read_file(args.file)
    store = writer(units)
    newest = store.newest_number()
    base = args.base if args.base is not None else newest
    if base != newest:
        raise StaleBaseError(base, newest)
    base_document = read_document(store, base, units)
    snapshot = snapshot_from_text(text, args.file, units, base_document.fallback)
    proposed = Document(snapshot, base_document.fallback, text, base_document.fallback_yaml)
    args.comment = args.comment or f"Imported from {args.file.name}"
    _publish(store, base, proposed, args, units, confirmed=args.yes)


def cmd_revert(args: argparse.Namespace) -> None:
    """Publish an earlier version's content anew, as the newest version."""
    units = load_units()
    store = writer(units)
    number = resolve(store, args.version)
    newest = store.newest_number()
    if newest is None:
        raise RefusedError("no version has been published")
    args.allow_removals = True  # going back to a version is the intent
    document = read_document(store, number, units, published=False)  # within today's limits
    _publish(store, newest, document, args, units, confirmed=True)


def add_version_commands(commands: Any) -> None:
    """Add the version commands to the CLI's subparsers."""
    versions = commands.add_parser("versions", help="list the published versions")
    versions.add_argument("--json", action="store_true")
    versions.set_defaults(run=cmd_versions)

    show = commands.add_parser("show", help="one published version")
    show.add_argument("version", help="number or label (current: the newest)")
    show.set_defaults(run=cmd_show)

    export = commands.add_parser("export", help="a version as YAML (import reads it back)")
    export.add_argument("version", help="number or label (current: the newest)")
    export.add_argument("--output", "-o", type=Path, help="write to this file, not stdout")
    export.set_defaults(run=cmd_export)

    importer = commands.add_parser(
        "import", help="review a new overview (YAML) and publish it with --yes")
    importer.add_argument("file", type=Path)
    importer.add_argument("--comment", help="why: shown in the history (default: the file name)")
    importer.add_argument("--base", type=int,
                          help="refuse (exit 3) unless this is still the newest version")
    importer.add_argument("--yes", action="store_true", help="publish (default: review only)")
    importer.add_argument("--allow-removals", action="store_true",
                          help="accept a version that removes entries")
    importer.add_argument("--author", help="who publishes (default: the login name)")
    importer.set_defaults(run=cmd_import)

    revert = commands.add_parser("revert", help="publish an earlier version's content anew")
    revert.add_argument("version", help="number or label")
    revert.add_argument("--comment", required=True, help="why: shown in the history")
    revert.add_argument("--author", help="who publishes (default: the login name)")
    revert.set_defaults(run=cmd_revert)
