"""One entry of a snapshot as YAML: written from the model, and put into (or taken out of) a
snapshot's YAML text while every other line of the text, comments included, stays as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode

from coverage.schema import Entry
from registry import yaml_text
from registry.errors import RegisterError


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry as plain data in the register's format (phones as written, defaults left out)."""
    data = entry.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["area"] = entry.area.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    contacts = []
    for contact in entry.contacts:
        fields = contact.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        if contact.organisation is None:
            fields = {"organisation": None, **fields}  # the field is required, null allowed
        if contact.phones:
            fields["phones"] = [phone.display for phone in contact.phones]
        if contact.after_hours_phone is not None:
            fields["after_hours_phone"] = contact.after_hours_phone.display
        if contact.verified_on is not None:
            fields["verified_on"] = contact.verified_on  # a YAML date, not a quoted text
        contacts.append(fields)
    if contacts:
        data["contacts"] = contacts
    return data


class _IndentedLists(yaml.SafeDumper):
    """Lists indented under their key, as the register's files write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def entry_text(data: dict[str, Any]) -> str:
    """An entry's data as a YAML mapping (keys in the register's order)."""
    return yaml.dump(data, Dumper=_IndentedLists, allow_unicode=True, sort_keys=False, width=96)


def _entry_lines(snapshot_yaml: str) -> tuple[list[str], list[tuple[str, int, int]], int, int]:
    """The text's lines; per entry its id and first and last-plus-one line; the column of the
    entries' dashes; the line after the last entry."""
    _, root = yaml_text.parse(snapshot_yaml, Path("snapshot"), published=True)  # validated after
    entries = next((value for key, value in root.value if key.value == "entries"), None) \
        if isinstance(root, MappingNode) else None
    if not isinstance(entries, SequenceNode) or not entries.value:
        raise RegisterError(Path("snapshot"), "no entries to edit", field="entries")
    lines = snapshot_yaml.splitlines(keepends=True)
    starts = [item.start_mark.line for item in entries.value]
    end = max(item.end_mark.line + (1 if item.end_mark.column else 0)
              for item in entries.value)
    spans = []
    for index, item in enumerate(entries.value):
        entry_id = next((value.value for key, value in item.value if key.value == "id"), "") \
            if isinstance(item, MappingNode) else ""
        stop = starts[index + 1] if index + 1 < len(starts) else end
        spans.append((str(entry_id), starts[index], stop))
    return lines, spans, entries.value[0].start_mark.column - 2, end


def _as_item(text: str, column: int) -> list[str]:
    """An entry's YAML mapping as an item of the entries list, indented at `column`."""
    body = text.splitlines()
    first = " " * column + "- " + body[0] + "\n"
    return [first, *(" " * (column + 2) + line + "\n" if line else "\n" for line in body[1:])]


def with_entry(snapshot_yaml: str, entry_id: str, text: str | None) -> str:
    """The snapshot's YAML with one entry replaced by `text` (a YAML mapping), removed
    (`text` None), or, when no entry has that id, added at the end of the list."""
    lines, spans, column, end = _entry_lines(snapshot_yaml)
    match = next((span for span in spans if span[0] == entry_id), None)
    if match is None:
        if text is None:
            raise RegisterError(Path("snapshot"), f"no entry '{entry_id}' to remove")
        before = lines[:end]
        if before and not before[-1].endswith("\n"):
            before[-1] += "\n"
        return "".join([*before, "\n", *_as_item(text, column), *lines[end:]])
    _, start, stop = match
    block = lines[start:stop]
    trailing = len(block) - len(list(_without_trailing_blanks(block)))
    new = [] if text is None else [*_as_item(text, column), *(["\n"] * trailing)]
    return "".join([*lines[:start], *new, *lines[stop:]])


def _without_trailing_blanks(block: list[str]) -> list[str]:
    while block and not block[-1].strip():
        block = block[:-1]
    return block
