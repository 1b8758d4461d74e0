"""Read register YAML safely: size cap, UTF-8 only, no aliases, no deep nesting, duplicate keys
and impossible dates refused, every error a `RegisterError` with the file and line.

A register file is small (`docs/register.md#limits`: what the seed data has beside each limit);
anything over `MAX_FILE_BYTES` is refused before it is parsed, and YAML anchors/aliases are
refused outright (the register never needs them, and an alias-heavy file expands exponentially:
the "billion laughs"). Mappings and lists nested deeper than `MAX_DEPTH` are refused from the
parser's events (which build nothing and never recurse) before a node tree is composed:
composing and building recurse, and 10,000 nested mappings would reach Python's recursion limit.
Both limits come from `coverage.limits`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from coverage.limits import MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH
from registry.errors import RegisterError

MAX_FILE_BYTES = MAX_DOCUMENT_BYTES
"""The largest register file (or document) accepted (1 MB)."""
MAX_DEPTH = MAX_NESTING_DEPTH
"""The deepest nesting of mappings and lists accepted."""

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml (C) when available
BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
"""Builds nothing but strings, lists and mappings: for locating errors in a broken file."""


class StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that refuses duplicate keys and impossible dates."""

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

    def construct_checked_timestamp(self, node: ScalarNode) -> datetime.date:
        """A date or time, refusing impossible ones (`2023-02-30`) with the line."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"impossible date {node.value!r} ({error})", node.start_mark
            ) from None


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                             StrictLoader.construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp",
                             StrictLoader.construct_checked_timestamp)


def read_text(path: Path) -> str:
    """The text of a register file: refused when missing, a dangling link, over
    `MAX_FILE_BYTES`, or not UTF-8."""
    if path.is_symlink() and not path.exists():
        raise RegisterError(path, f"is a symbolic link to a missing file ({path.readlink()})")
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise RegisterError(path, f"cannot read the file ({error.strerror})") from None
    return decode(raw, path)


def _refuse_large(size: int, path: Path, what: str = "file") -> None:
    if size > MAX_FILE_BYTES:
        raise RegisterError(path, f"the {what} is larger than {MAX_FILE_BYTES:,} bytes; a "
                                  "register file is a few tens of kilobytes")


def check_size(text: str, path: Path) -> None:
    """Refuse a document over `MAX_FILE_BYTES` in UTF-8 (one composed from a draft, say)."""
    if len(text) > MAX_FILE_BYTES // 4:  # 4 bytes a character at most: count them
        _refuse_large(len(text.encode("utf-8", "surrogatepass")), path, "document")


def decode(raw: bytes, path: Path) -> str:
    """Bytes of a register file as text: at most `MAX_FILE_BYTES`, UTF-8 only."""
    _refuse_large(len(raw), path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise RegisterError(path, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the "
                                  "file as UTF-8", line=line) from None


def _nesting(text: str) -> Iterator[tuple[yaml.Event, int]]:
    """The parser's events of `text`, each with the depth of mappings and lists it is in."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        yield event, depth


def too_deep(text: str) -> int | None:
    """The line (1-based) where `text` nests deeper than `MAX_DEPTH`, or None (also when a
    syntax error comes first)."""
    try:
        return next((event.start_mark.line + 1 for event, depth in _nesting(text)
                     if depth > MAX_DEPTH), None)
    except yaml.YAMLError:
        return None


def _check_events(text: str, path: Path) -> None:
    """Refuse YAML anchors and aliases, and nesting deeper than `MAX_DEPTH`, before anything
    is built from them."""
    for event, depth in _nesting(text):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            raise RegisterError(path, f"YAML {kind} '{anchor}' is not allowed in a register "
                                      "file (write the value out)",
                                line=event.start_mark.line + 1)
        if depth > MAX_DEPTH:
            raise RegisterError(path, f"mappings and lists nested more than {MAX_DEPTH} deep "
                                      "(a register file needs 6)",
                                line=event.start_mark.line + 1)


def parse(text: str, path: Path, *, published: bool = False) -> tuple[Any, Node | None]:
    """The document and its node tree (for line numbers); `path` names the source in errors.
    The size is not checked again for a `published` version (see `coverage.schema.PUBLISHED`);
    the depth always is."""
    if not published:
        check_size(text, path)
    try:
        _check_events(text, path)
        loader = StrictLoader(text)
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node else None), node
        finally:
            loader.dispose()
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise RegisterError(path, problem, line=mark.line + 1 if mark else None) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise RegisterError(path, f"YAML syntax error: {problem}",
                            line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise RegisterError(path, f"YAML syntax error: {error}") from None
