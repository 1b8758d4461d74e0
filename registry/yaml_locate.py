"""Where in a YAML file a problem is: the line, the entry and the field.

Validation errors come with a location (`("entries", 4, "contacts", 0, "phones", 0)`); parse
errors (bad bytes, syntax, impossible dates, aliases) with a line only. Both are turned into a
`RegisterError` naming the entry (`#5 'provincie-friesland'`) and the field
(`contacts[0].phones[0]`), found in the node tree without building (or expanding) anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from registry import yaml_text
from registry.errors import RegisterError


def node_at(node: Node | None, loc: Iterable[str | int]) -> Node | None:
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


def field_path(loc: Iterable[str | int]) -> str:
    """A location as a field path: `("contacts", 0, "phones")` → `contacts[0].phones`."""
    text = ""
    for key in loc:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


class Locator:
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
        node = node_at(self.root, loc)
        line = node.start_mark.line + 1 if node is not None else None
        if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
            return RegisterError(self.path, message, line=line, entry=self.entry_label(loc[1]),
                                 field=field_path(loc[2:]) or None)
        return RegisterError(self.path, message, line=line, field=field_path(loc) or None)


def _path_to_line(root: Node | None, line: int) -> tuple[str | int, ...]:
    """The location (`("entries", 3, "contacts", 0)`) of the deepest node spanning `line`."""
    loc: list[str | int] = []
    node = root
    while node is not None:
        children: list[tuple[str | int, Node]] = []
        if isinstance(node, MappingNode):
            children = [(key.value, value) for key, value in node.value]
        elif isinstance(node, SequenceNode):
            children = list(enumerate(node.value))
        inside = [(key, child) for key, child in children
                  if child.start_mark.line <= line - 1 <= max(child.end_mark.line - 1,
                                                              child.start_mark.line)]
        if not inside:
            break
        key, node = inside[0]
        loc.append(key)
        if node.start_mark.line == node.end_mark.line:
            break  # a value on one line (`title: [a, b]`): the line names the field, no more
    return tuple(loc)


def _entry_id_at(root: Node, index: int) -> str | None:
    """The `id` of entry `index`, read from the node tree (never expanding aliases)."""
    entries = node_at(root, ("entries", index))
    if isinstance(entries, MappingNode):
        for key, value in entries.value:
            if key.value == "id" and isinstance(value.value, str):
                return value.value
    return None


def _locate(text: str, line: int) -> tuple[Node | None, tuple[str | int, ...]]:
    """The node tree and the location of `line`. When the text does not compose (a syntax
    error, or it nests too deep to compose), the text before the error is composed instead and
    only the entry is located."""
    if yaml_text.too_deep(text) is None:
        try:
            root = yaml.compose(text, Loader=yaml_text.BaseLoader)
            return root, _path_to_line(root, line)
        except yaml.YAMLError:
            pass
    lines = text.splitlines(keepends=True)
    for cut in range(line - 1, max(line - 4, 0), -1):
        try:
            root = yaml.compose("".join(lines[:cut]), Loader=yaml_text.BaseLoader)
        except yaml.YAMLError:
            continue
        return root, _path_to_line(root, cut)[:2]
    return None, ()


def with_entry_and_field(error: RegisterError, text: str) -> RegisterError:
    """A parse error given only a line, completed with the entry and field at that line."""
    if error.line is None or error.entry or error.field:
        return error
    root, loc = _locate(text, error.line)
    if root is None or not loc:
        return error
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        entry_id = _entry_id_at(root, loc[1])
        entry = f"#{loc[1] + 1} '{entry_id}'" if entry_id else f"#{loc[1] + 1}"
        return RegisterError(error.path, error.message, line=error.line, entry=entry,
                             field=field_path(loc[2:]) or None)
    return RegisterError(error.path, error.message, line=error.line,
                         field=field_path(loc))
