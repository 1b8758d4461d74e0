"""The house's floors, read from the imports (every `import` and `from … import`, also those
inside functions): no package imports one above it, and no module imports itself round a
circle.

The floors, lowest first: the boundaries (`geodata`), the domain (`coverage`), the register's
storage (`registry`), the command line (`cli`), then the interface's rooms (`ui.text`, the loose
modules of `ui`, `ui.map`, `ui.shell`, `ui.dashboard`, `ui.edit`, `ui.proposal`, `ui.server`),
the routes beside the dashboard (`web`) and the entry points (`app.py`, `page_scripts/`). An
entry (`__main__.py`, `app.py`, a page script) may hand over to any floor; it is not a floor
itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]

FLOORS = ["geodata", "coverage", "registry", "cli", "ui.text", "ui", "ui.map", "ui.shell",
          "ui.dashboard", "ui.edit", "ui.proposal", "ui.server", "web"]
"""Lowest first: a floor may import its own modules and those of the floors below it."""

PACKAGES = ["geodata", "coverage", "registry", "cli", "ui", "web"]
"""The folders whose modules are read."""

LOOSE_UI_LIMIT = 12
"""At most this many modules loose in `ui/` (besides `__init__.py`): the rest live in rooms."""


def module_name(path: Path) -> str:
    """`ui/map/view.py` → `ui.map.view`; a package's `__init__.py` → the package."""
    parts = list(path.relative_to(REPOSITORY_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def project_modules() -> dict[str, Path]:
    """Every module of the layered packages, by name (entries `__main__.py` left out)."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((REPOSITORY_ROOT / package).rglob("*.py")):
            if path.name != "__main__.py":
                modules[module_name(path)] = path
    return modules


def imported_names(path: Path, name: str) -> Iterator[str]:
    """The modules `path` (module `name`) imports, relative imports resolved; `from p import m`
    gives `p.m` when that is a module, else `p`."""
    modules = project_modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in modules else base


def floor_of(name: str) -> str | None:
    """The floor of a module (`ui.map.view` → `ui.map`, `ui.data` → `ui`), None outside the
    project."""
    top = name.split(".")[0]
    if top not in PACKAGES:
        return None
    if top == "ui":
        parts = name.split(".")
        room = f"ui.{parts[1]}" if len(parts) > 1 else "ui"
        return room if room in FLOORS else "ui"
    return top


@cache
def import_graph() -> dict[str, set[str]]:
    """Module → the project's modules it imports."""
    modules = project_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = set()
        for imported in imported_names(path, name):
            while imported and imported not in modules:  # `from ui.map.view import X`
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                graph[name].add(imported)
    return graph


def test_floors_are_known() -> None:
    """Every room of `ui/` is a floor: a new room must be placed in `FLOORS`."""
    rooms = {f"ui.{path.name}" for path in (REPOSITORY_ROOT / "ui").iterdir()
             if (path / "__init__.py").exists()}
    assert rooms <= set(FLOORS)


def test_no_import_runs_up_a_floor() -> None:
    """A module imports only from its own floor and the floors below."""
    upward = []
    for name, imported in import_graph().items():
        own = FLOORS.index(floor_of(name))
        for other in imported:
            if FLOORS.index(floor_of(other)) > own:
                upward.append(f"{name} imports {other}")
    assert upward == []


def _circle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from `start` back to `start`, if there is one."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circle(package: str) -> None:
    """No module of a package reaches itself again through imports (`geodata.checked` and
    `geodata.derived` once did)."""
    graph = import_graph()
    circles = [circle for name in graph if name.split(".")[0] == package
               if (circle := _circle_from(name, graph)) is not None]
    assert circles == []


def test_ui_keeps_few_loose_modules() -> None:
    """At most a dozen modules loose in `ui/`; the rest live in a room by job."""
    loose = [path.name for path in (REPOSITORY_ROOT / "ui").glob("*.py")
             if path.name != "__init__.py"]
    assert len(loose) <= LOOSE_UI_LIMIT, loose


def test_every_room_says_what_it_holds() -> None:
    """Each package of the project has a docstring (what it holds)."""
    silent = [str(path.relative_to(REPOSITORY_ROOT))
              for package in PACKAGES for path in (REPOSITORY_ROOT / package).rglob("__init__.py")
              if ast.get_docstring(ast.parse(path.read_text())) is None]
    assert silent == []
