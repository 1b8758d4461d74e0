"""The command line's version commands: versions, show, export, import, revert.

Exit codes beyond the CLI's own: 3 (`cli.errors.STALE_BASE_EXIT`) when the newest published
version is no longer the base a change was reviewed against (nothing is written).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.errors import RefusedError
from cli.output import print_json
from cli.words import Words
from geodata import Units, load_units
from registry.documents import Document
from registry.readers import open_reader
from registry.review import review, review_lines
from registry.versions import StaleBaseError, read_document, resolve
from registry.yaml_register import read_file, snapshot_from_text

if TYPE_CHECKING:
    from registry.store import VersionStore


def writer(units: Units) -> VersionStore:
    """The store, migrated and seeded, checked to be writable (`registry.store`; SQLAlchemy is
    imported only where something is written)."""
    from registry.store import open_writable_store

    return open_writable_store(units)


def _author(args: argparse.Namespace) -> str:
    return args.author or getpass.getuser()


def cmd_versions(args: argparse.Namespace) -> None:
    """Every published version, newest first."""
    t: Words = args.words
    infos = open_reader(load_units()).infos()
    if args.json:
        print_json([info.to_json() for info in infos])
        return
    for info in infos:
        print(t("versions_row", number=info.number, label=info.label,
                published_at=info.published_at, by=info.published_by, comment=info.comment,
                newest=t("newest_mark") if info is infos[0] else ""))


def cmd_show(args: argparse.Namespace) -> None:
    """One version: who, when, why, the source, and its entries."""
    t: Words = args.words
    units = load_units()
    versions = open_reader(units)
    number = resolve(versions, args.version)
    info = next(info for info in versions.infos() if info.number == number)
    document = read_document(versions, number, units)
    print(t("show_version", number=info.number, label=info.label,
            published_at=info.published_at, by=info.published_by))
    print(t("show_comment", comment=info.comment))
    print(t("show_based_on", base=t("show_parent", number=info.parent) if info.parent
            else t("show_first")))
    print(t("show_source", source=info.source, date=info.source_date or t("show_no_date")))
    print(t("show_hash", hash=info.content_hash))
    print(t("show_entries", count=len(document.snapshot.entries)))
    for entry in document.snapshot.entries:
        print(f"  - {entry.id}: {entry.area_wording} ({', '.join(entry.organisations) or '-'})")


def cmd_export(args: argparse.Namespace) -> None:
    """A version's snapshot as YAML, exactly as published (what `import` reads back)."""
    versions = open_reader(load_units())
    snapshot_yaml, _ = versions.texts(resolve(versions, args.version))
    if args.output:
        args.output.write_text(snapshot_yaml, encoding="utf-8")
    else:
        sys.stdout.write(snapshot_yaml)


def _publish(store: VersionStore, base: int, proposed: Document, args: argparse.Namespace,
             units: Units, *, confirmed: bool) -> None:
    """Print the review against `base`; publish when confirmed and allowed."""
    t: Words = args.words
    result = review(read_document(store, base, units), proposed, units)
    print("\n".join(review_lines(result, base)))
    if result.is_empty:
        print(t("nothing_to_publish"))
        return
    if result.removed and not args.allow_removals:
        raise RefusedError(t("removals_refused", count=len(result.removed),
                             names=", ".join(entry.id for entry in result.removed)))
    if not confirmed:
        print(t("not_published", base=base))
        return
    info = store.publish(proposed, author=_author(args), comment=args.comment, base=base)
    print(t("published", number=info.number, base=base))


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
    args.comment = args.comment or args.words("imported_from", file=args.file.name)
    _publish(store, base, proposed, args, units, confirmed=args.yes)


def cmd_revert(args: argparse.Namespace) -> None:
    """Publish an earlier version's content anew, as the newest version."""
    units = load_units()
    store = writer(units)
    number = resolve(store, args.version)
    newest = store.newest_number()
    if newest is None:
        raise RefusedError(args.words("nothing_published_yet"))
    args.allow_removals = True  # going back to a version is the intent
    document = read_document(store, number, units, published=False)  # within today's limits
    _publish(store, newest, document, args, units, confirmed=True)


def add_version_commands(commands: Any, t: Words) -> None:
    """Add the version commands to the CLI's subparsers."""
    versions = commands.add_parser("versions", help=t("help_versions"))
    versions.add_argument("--json", action="store_true")
    versions.set_defaults(run=cmd_versions)

    show = commands.add_parser("show", help=t("help_show"))
    show.add_argument("version", help=t("help_version_current"))
    show.set_defaults(run=cmd_show)

    export = commands.add_parser("export", help=t("help_export"))
    export.add_argument("version", help=t("help_version_current"))
    export.add_argument("--output", "-o", type=Path, help=t("help_export_output"))
    export.set_defaults(run=cmd_export)

    importer = commands.add_parser("import", help=t("help_import"))
    importer.add_argument("file", type=Path)
    importer.add_argument("--comment", help=t("help_import_comment"))
    importer.add_argument("--base", type=int, help=t("help_import_base"))
    importer.add_argument("--yes", action="store_true", help=t("help_import_yes"))
    importer.add_argument("--allow-removals", action="store_true",
                          help=t("help_import_removals"))
    importer.add_argument("--author", help=t("help_author"))
    importer.set_defaults(run=cmd_import)

    revert = commands.add_parser("revert", help=t("help_revert"))
    revert.add_argument("version", help=t("help_version"))
    revert.add_argument("--comment", required=True, help=t("help_revert_comment"))
    revert.add_argument("--author", help=t("help_author"))
    revert.set_defaults(run=cmd_revert)
