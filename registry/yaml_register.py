"""Load and validate the coordinator register from YAML: a folder (`data/`) or one file's text.

A broken file fails with a `RegisterError` that names the file, the line, the entry and the
field: unreadable or oversized files, text that is not UTF-8, YAML syntax errors, aliases,
duplicate keys, impossible dates, unknown fields, malformed phone numbers, duplicate entry ids,
unknown unit names, references to unknown entries, and the domain rules of `coverage.rules` (a
contact with no one to call, CoMensha under other letters or its number under another name, an
area that resolves to no municipality).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from yaml.nodes import Node

from coverage.areas import AreaCycleError, dependency_order, resolve_areas
from coverage.register import Register
from coverage.rules import Problem, contact_problems, empty_area_problems
from coverage.schema import AREA_UNIT_KINDS, PUBLISHED, Fallback, Snapshot
from geodata import Units
from registry import yaml_text
from registry.errors import RegisterError
from registry.yaml_locate import Locator, with_entry_and_field

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGISTER_DIR_VARIABLE = "COVERAGE_REGISTER_DIR"
"""Environment variable naming another register folder (default `data/`): the folder that
`check --data` validates and that fills an empty database."""
SNAPSHOTS_FOLDER = "snapshots"
FALLBACK_FILE = "fallback.yaml"

Model = TypeVar("Model", bound=BaseModel)


def _validated(model: type[Model], locator: Locator, published: bool = False) -> Model:
    if not isinstance(locator.data, Mapping):
        raise RegisterError(locator.path, "expected a mapping at the top of the file", line=1)
    try:
        return model.model_validate(locator.data, context={PUBLISHED: published})
    except ValidationError as error:
        # A misspelt key shows up twice: as an unknown field and as a missing one. The
        # unknown field is the one that points at the typo, so report it first.
        first = min(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown field '{first['loc'][-1]}'"
        raise locator.error(tuple(first["loc"]), message) from None


def _suggestion(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(name) for name in close)}?)" if close else ""


def _check_references(snapshot: Snapshot, units: Units, locator: Locator) -> None:
    """Entry ids are unique, unit names exist, entry references point at other entries."""
    seen: set[str] = set()
    for index, entry in enumerate(snapshot.entries):
        if entry.id in seen:
            raise locator.error(("entries", index, "id"), f"duplicate id '{entry.id}'")
        seen.add(entry.id)
    ids = [entry.id for entry in snapshot.entries]
    names = {kind: units.names_of(kind) for kind in AREA_UNIT_KINDS}
    for index, entry in enumerate(snapshot.entries):
        for part in ("include", "exclude"):
            for position, ref in enumerate(getattr(entry.area, part)):
                loc = ("entries", index, "area", part, position, ref.kind)
                if ref.kind == "entry":
                    if ref.value not in ids or ref.value == entry.id:
                        raise locator.error(loc, f"no other entry with id '{ref.value}'"
                                                 + _suggestion(ref.value, ids))
                elif ref.value not in names[ref.kind]:
                    kind = ref.kind.replace("_", " ")
                    raise locator.error(loc, f"unknown {kind} '{ref.value}'"
                                             + _suggestion(ref.value, names[ref.kind]))
    try:
        dependency_order(snapshot)
    except AreaCycleError as error:
        first = str(error).split(" -> ")[0]
        index = ids.index(first)
        raise locator.error(("entries", index, "area"),
                            f"entries exclude or include each other in a circle: {error}") from None


def read_file(path: Path) -> str:
    """A register file's text (see `yaml_text.read_text`); a decoding error is completed with
    the entry and field at its line."""
    try:
        return yaml_text.read_text(path)
    except RegisterError as error:
        if error.line is None:
            raise
        with path.open("rb") as file:
            lenient = file.read(yaml_text.MAX_FILE_BYTES).decode("utf-8", "replace")
        raise with_entry_and_field(error, lenient) from None


def _parsed(text: str, path: Path, published: bool = False) -> tuple[Any, Node | None]:
    try:
        return yaml_text.parse(text, path, published=published)
    except RegisterError as error:
        raise with_entry_and_field(error, text) from None


def _check_rules(problems: Iterable[Problem], locator: Locator) -> None:
    """Raise the first broken domain rule as a `RegisterError`."""
    for problem in problems:
        raise locator.error(problem.loc, problem.message)


def snapshot_from_text(text: str, path: Path, units: Units,
                       fallback: Fallback | None = None, *, published: bool = False) -> Snapshot:
    """One snapshot from YAML text, validated against the schema (with the register's limits,
    `coverage.limits`, unless the text is a `published` version read back), the boundary tables
    and the domain rules (`coverage.rules`); `path` names the source in errors.

    CoMensha's number is recognised under another name only when `fallback` (whose phones are
    CoMensha's) is given; `load_register` and the database always give it.
    """
    data, root = _parsed(text, path, published)
    locator = Locator(path, data, root)
    snapshot = _validated(Snapshot, locator, published)
    _check_references(snapshot, units, locator)
    _check_rules(contact_problems(snapshot, fallback.phones if fallback else []), locator)
    _check_rules(empty_area_problems(snapshot, resolve_areas(snapshot, units)), locator)
    return snapshot


def fallback_from_text(text: str, path: Path, *, published: bool = False) -> Fallback:
    """The national fallback contact from YAML text (see `snapshot_from_text`)."""
    data, root = _parsed(text, path, published)
    return _validated(Fallback, Locator(path, data, root), published)


def load_snapshot(path: Path, units: Units, fallback: Fallback | None = None) -> Snapshot:
    """Read one snapshot file and validate it (see `snapshot_from_text`)."""
    return snapshot_from_text(read_file(path), path, units, fallback)


def load_fallback(path: Path) -> Fallback:
    """Read the national fallback contact."""
    return fallback_from_text(read_file(path), path)


def register_dir() -> Path:
    """The register folder: `$COVERAGE_REGISTER_DIR`, else `data/` of this repository."""
    configured = os.environ.get(REGISTER_DIR_VARIABLE)
    return Path(configured) if configured else DATA_DIR


def snapshot_paths(data_dir: Path) -> list[Path]:
    """The snapshot files of a register folder (refused when there are none)."""
    paths = sorted((data_dir / SNAPSHOTS_FOLDER).glob("*.yaml"))
    if not paths:
        raise RegisterError(data_dir / SNAPSHOTS_FOLDER, "no snapshot files (*.yaml)")
    return paths


def load_register(units: Units, data_dir: Path = DATA_DIR) -> Register:
    """Load every snapshot in `data/snapshots/` (ordered by `sequence`) and the fallback."""
    fallback = load_fallback(data_dir / FALLBACK_FILE)
    snapshots = [(path, load_snapshot(path, units, fallback))
                 for path in snapshot_paths(data_dir)]
    by_id: dict[str, Snapshot] = {}
    for path, snapshot in sorted(snapshots, key=lambda pair: pair[1].sequence):
        if snapshot.id in by_id:
            raise RegisterError(path, f"snapshot id '{snapshot.id}' is used by another file",
                                field="id")
        by_id[snapshot.id] = snapshot
    return Register(snapshots=by_id, fallback=fallback)
