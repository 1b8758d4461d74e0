"""Every key of the translation table is used by the code that shows text.

A key is used when its string literal appears in the presentation's source outside the table:
`app.py`, `page_scripts/`, `ui/`, `web/` (Python, the answer page's Jinja templates, the
browser scripts in `static/`) and any other top-level package that imports the table (the
command line, once its words come from it). Tests, benchmarks and scripts do not count: a key
that only a test asks for is not shown to anyone.

Some keys are built from a value: `t(f"target_{group}")`. Those are listed in `BUILT`, each
prefix with the values the code builds it from, taken from the type or constant that holds them
where there is one; a table key with a listed prefix is used when its rest is one of those
values. Every prefix that the code builds a string from (an f-string or `+` that starts with a
literal ending in `_`, and that starts some key) must be in `BUILT`, or in `NOT_KEYS` when the
string is no translation key (a widget's key, say): a new built key is listed, not skipped.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import get_args

from coverage.answer import Why
from coverage.border_rule import Kind
from coverage.changes import Change
from coverage.old_new import Kind as OldNewKind
from coverage.schema import Contact, Entry, TargetGroup
from coverage.status import STATUSES
from coverage.verdict import Verdict
from registry.drafts import Action
from registry.passwords import MESSAGES
from registry.roles import ROLES
from tests.conftest import REPOSITORY_ROOT
from ui.edit.area_picker import UNIT_KINDS as PICKER_UNIT_KINDS
from ui.edit.form import COMENSHA_CHOICES
from ui.map.focus import RegionKind
from ui.text.i18n import TEXT

PRESENTATION = ("app.py", "page_scripts", "ui", "web", "static")
"""Where the shown text comes from; other top-level packages count when they import the table."""
NOT_SHOWN = {"tests", "bench", "scripts"}
"""What no reader sees: a key used only there is not used."""
TABLE = REPOSITORY_ROOT / "ui" / "text" / "i18n.py"

BUILT: dict[str, tuple[str, ...]] = {
    "answer_why_": get_args(Why),                        # web/templates/answer.html.j2
    "change_": get_args(Change),                         # ui/dashboard/charts.py, tables.py
    "comensha_": COMENSHA_CHOICES,                       # ui/edit/form.py, old_new.py
    "draft_action_": get_args(Action),                   # ui/edit/publish.py
    "edit_action_": ("change", "remove"),                # ui/edit/page.py: the radio's choices
    "kind_": get_args(Kind),                             # ui/dashboard/tables.py, edit/preview.py
    "old_new_field_": (*Contact.model_fields, *Entry.model_fields),  # ui/edit/old_new.py
    "old_new_kind_": get_args(OldNewKind),               # ui/edit/old_new.py
    "password_": tuple(MESSAGES),                        # ui/edit/sign_in.py
    "proposal_kind_": PICKER_UNIT_KINDS,                 # ui/edit/area_picker.py
    "proposal_verdict_": get_args(Verdict),              # ui/proposal/view.py
    "report_title_": get_args(RegionKind),               # ui/dashboard/region_report.py
    "role_": ROLES,                                      # ui/edit/sign_in.py
    "snapshot_": ("current", "earlier"),                 # the seed snapshots' ids (data/)
    "status_": STATUSES,                                 # the proposal, preview, tables, overview
    "target_": get_args(TargetGroup),                    # the card, tables, exports, report
    "unit_": get_args(RegionKind),                       # ui/dashboard/region_view.py
    "verdict_group_": get_args(Verdict),                 # ui/text/verdict_text.py
}
"""Keys built from a value: the prefix, and the values the code builds it with."""

NOT_KEYS = {
    "draft_": "a draft's container key on the edit page (ui/edit/publish.py)",
    "publish_": "a draft's publish button key (ui/edit/publish.py)",
    "report_": "a report's container key on the edit page (ui/edit/reports.py)",
    "report_close_": "a report's close button key (ui/edit/reports.py)",
    "report_draft_": "a report's make-a-draft button key (ui/edit/reports.py)",
    "stale_": "a stale contact's container key (ui/edit/stale.py)",
}
"""Strings built like keys that are no translation keys."""

QUOTED = re.compile(r"""(["'])([a-z][a-z0-9_]*)\1""")
QUOTED_PREFIX = re.compile(r"""(["'])([a-z][a-z0-9_]*_)\1\s*[+~]""")
"""In templates and scripts: a quoted name, and a quoted prefix joined to a value."""


def source_files() -> list[Path]:
    """The presentation's files, and every other top-level package's that imports the table."""
    files = [REPOSITORY_ROOT / "app.py"]
    for folder in sorted(path for path in REPOSITORY_ROOT.iterdir() if path.is_dir()):
        if folder.name.startswith(".") or folder.name in NOT_SHOWN:
            continue
        found = [path for path in folder.rglob("*")
                 if path.suffix in {".py", ".j2", ".js"}
                 and not {"__pycache__", "node_modules"} & set(path.parts)]
        if folder.name in PRESENTATION or any(
                "ui.text.i18n" in path.read_text(encoding="utf-8") for path in found):
            files += found
    return sorted(files)


def _table_nodes(tree: ast.AST) -> set[int]:
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "TEXT":
            return {id(inner) for inner in ast.walk(node.value)}
    return set()


def _key_prefix(node: ast.AST) -> str | None:
    """The literal an f-string or a `+` starts with, when a value is joined to it."""
    if isinstance(node, ast.JoinedStr) and len(node.values) > 1:
        first = node.values[0]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        first = node.left
    else:
        return None
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def strings(path: Path) -> Iterator[tuple[str, bool]]:
    """Every string literal in `path` outside the table, and whether a value is joined to it
    (a prefix)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        yield from ((match.group(2), False) for match in QUOTED.finditer(text))
        yield from ((match.group(2), True) for match in QUOTED_PREFIX.finditer(text))
        return
    tree = ast.parse(text)
    table = _table_nodes(tree) if path == TABLE else set()
    for node in ast.walk(tree):
        if id(node) in table:
            continue
        prefix = _key_prefix(node)
        if prefix is not None:
            yield prefix, True
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value, False


@cache
def scan() -> tuple[frozenset[str], frozenset[str]]:
    """The literals and the prefixes (that start a key of the table) in the source."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in source_files():
        for value, joined in strings(path):
            if not joined:
                literals.add(value)
            elif value.endswith("_") and any(key.startswith(value) for key in TEXT):
                prefixes.add(value)
    return frozenset(literals), frozenset(prefixes)


def test_the_scan_sees_literals_and_built_keys() -> None:
    names = {path.relative_to(REPOSITORY_ROOT).as_posix() for path in source_files()}
    assert {"app.py", "ui/text/i18n.py", "web/templates/answer.html.j2"} <= names
    assert not any(name.startswith(("tests/", "bench/", "scripts/")) for name in names)
    literals, prefixes = scan()
    assert {"page_title", "answer_title", "search_label"} <= literals
    assert {"answer_why_", "target_", "draft_"} <= prefixes
    assert "page_title" not in {value for value, _ in strings(TABLE)}  # the table is skipped


def test_keys_are_built_only_as_listed() -> None:
    _, prefixes = scan()
    assert prefixes == set(BUILT) | set(NOT_KEYS)
    assert not set(BUILT) & set(NOT_KEYS)


def test_every_key_is_used() -> None:
    literals, _ = scan()
    built = {f"{prefix}{value}" for prefix, values in BUILT.items() for value in values}
    assert [key for key in TEXT if key not in literals and key not in built] == []
