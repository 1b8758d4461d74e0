"""Load and validate the coordinator register (`data/`).

A broken file fails with a `RegisterError` that names the file, the line, the entry and the
field: YAML syntax errors, duplicate keys, unknown fields, malformed phone numbers, duplicate
entry ids, unknown unit names, references to unknown entries, and the domain rules of
`coverage.rules` (a contact with no one to call, CoMensha under other letters or its number
under another name, an area that resolves to no municipality).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, SequenceNode

from coverage.areas import AreaCycleError, dependency_order, resolve_areas
from coverage.rules import Problem, contact_problems, empty_area_problems
from coverage.schema import AREA_UNIT_KINDS, Fallback, Snapshot
from geodata import Units

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGISTER_DIR_VARIABLE = "COVERAGE_REGISTER_DIR"
"""Environment variable that points the app at another register folder (default `data/`)."""
SNAPSHOTS_FOLDER = "snapshots"
FALLBACK_FILE = "fallback.yaml"

Model = TypeVar("Model", bound=BaseModel)


class RegisterError(ValueError):
    """A register file is broken. The message names the file, line, entry and field."""

    def __init__(self, path: Path, message: str, *, line: int | None = None,
                 entry: str | None = None, field: str | None = None) -> None:
        self.path, self.line, self.entry, self.field = path, line, entry, field
        where = f"{path}:{line}" if line else str(path)
        parts = [where]
        if entry:
            parts.append(f"entry {entry}")
        if field:
            parts.append(f"field '{field}'")
        super().__init__(", ".join(parts) + f": {message}")


@dataclass(frozen=True)
class Register:
    """Every snapshot of the overview by id, oldest first, and the national fallback."""

    snapshots: dict[str, Snapshot]
    fallback: Fallback

    @property
    def latest(self) -> Snapshot:
        """The most recent snapshot."""
        return next(reversed(self.snapshots.values()))


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that refuses duplicate keys instead of silently keeping the last."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Build a mapping, raising at the second occurrence of any key."""
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    f"found duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping
)


def _parse_yaml(path: Path) -> tuple[Any, Node | None]:
    """The document and its node tree (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RegisterError(path, f"cannot read the file ({error.strerror})") from None
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node else None), node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise RegisterError(path, f"YAML syntax error: {problem}",
                            line=mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()


def _node_at(node: Node | None, loc: Iterable[str | int]) -> Node | None:
    """The deepest node of the YAML tree along a validation error's location."""
    for key in loc:
        if isinstance(node, MappingNode):
            match = next((value for name, value in node.value if name.value == key), None)
            if match is None:
                return node
            node = match
        elif isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def _field_path(loc: Iterable[str | int]) -> str:
    text = ""
    for key in loc:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


class _Locator:
    """Names entries and finds lines for errors in one register file."""

    def __init__(self, path: Path, data: Any, root: Node | None) -> None:
        self.path, self.data, self.root = path, data, root

    def entry_label(self, index: int) -> str:
        """How an error names the entry at `index`: `#3 'provincie-drenthe'`."""
        entries = self.data.get("entries") if isinstance(self.data, Mapping) else None
        raw = entries[index] if isinstance(entries, list) and index < len(entries) else None
        entry_id = raw.get("id") if isinstance(raw, Mapping) else None
        return f"#{index + 1} '{entry_id}'" if entry_id else f"#{index + 1}"

    def error(self, loc: tuple[str | int, ...], message: str) -> RegisterError:
        """A `RegisterError` for a validation location (`("entries", 2, "id")`)."""
        node = _node_at(self.root, loc)
        line = node.start_mark.line + 1 if node is not None else None
        if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
            return RegisterError(self.path, message, line=line, entry=self.entry_label(loc[1]),
                                 field=_field_path(loc[2:]) or None)
        return RegisterError(self.path, message, line=line, field=_field_path(loc) or None)


def _validated(model: type[Model], locator: _Locator) -> Model:
    if not isinstance(locator.data, Mapping):
        raise RegisterError(locator.path, "expected a mapping at the top of the file", line=1)
    try:
        return model.model_validate(locator.data)
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


def _check_references(snapshot: Snapshot, units: Units, locator: _Locator) -> None:
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


def _check_rules(problems: Iterable[Problem], locator: _Locator) -> None:
    """Raise the first broken domain rule as a `RegisterError`."""
    for problem in problems:
        raise locator.error(problem.loc, problem.message)


def load_snapshot(path: Path, units: Units, fallback: Fallback | None = None) -> Snapshot:
    """Read one snapshot file and validate it against the schema, the boundary tables and the
    domain rules (`coverage.rules`).

    CoMensha's number is recognised under another name only when `fallback` (whose phones are
    CoMensha's) is given; `load_register` always gives it.
    """
    data, root = _parse_yaml(path)
    locator = _Locator(path, data, root)
    snapshot = _validated(Snapshot, locator)
    _check_references(snapshot, units, locator)
    _check_rules(contact_problems(snapshot, fallback.phones if fallback else []), locator)
    _check_rules(empty_area_problems(snapshot, resolve_areas(snapshot, units)), locator)
    return snapshot


def load_fallback(path: Path) -> Fallback:
    """Read the national fallback contact."""
    data, root = _parse_yaml(path)
    return _validated(Fallback, _Locator(path, data, root))


def register_dir() -> Path:
    """The register folder: `$COVERAGE_REGISTER_DIR`, else `data/` of this repository."""
    configured = os.environ.get(REGISTER_DIR_VARIABLE)
    return Path(configured) if configured else DATA_DIR


def load_register(units: Units, data_dir: Path = DATA_DIR) -> Register:
    """Load every snapshot in `data/snapshots/` (ordered by `sequence`) and the fallback."""
    paths = sorted((data_dir / SNAPSHOTS_FOLDER).glob("*.yaml"))
    if not paths:
        raise RegisterError(data_dir / SNAPSHOTS_FOLDER, "no snapshot files (*.yaml)")
    fallback = load_fallback(data_dir / FALLBACK_FILE)
    snapshots = [(path, load_snapshot(path, units, fallback)) for path in paths]
    by_id: dict[str, Snapshot] = {}
    for path, snapshot in sorted(snapshots, key=lambda pair: pair[1].sequence):
        if snapshot.id in by_id:
            raise RegisterError(path, f"snapshot id '{snapshot.id}' is used by another file",
                                field="id")
        by_id[snapshot.id] = snapshot
    return Register(snapshots=by_id, fallback=fallback)
