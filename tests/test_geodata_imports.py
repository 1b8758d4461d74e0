"""The modules of `geodata/` import each other without a circle: the disk cache apart from what
it caches.

Every import counts, at the top of a module or inside a function (the geometry is imported
late on purpose) or under `TYPE_CHECKING`: a circle of late imports still ties the modules
together. The package's `__init__` counts as the module `geodata`; importing a submodule runs
it first, but that is how packages work and no submodule imports names from it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPOSITORY_ROOT

GEODATA = REPOSITORY_ROOT / "geodata"


def module_name(path: Path) -> str:
    return "geodata" if path.name == "__init__.py" else f"geodata.{path.stem}"


def imported(tree: ast.AST, modules: set[str]) -> Iterator[str]:
    """The modules of `modules` that `tree` imports, anywhere in it."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in modules:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names
                        if f"{node.module}.{alias.name}" in modules)


def import_graph() -> dict[str, set[str]]:
    """Each module of `geodata/` and the modules of `geodata/` it imports."""
    paths = sorted(GEODATA.glob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): set(imported(ast.parse(path.read_text(encoding="utf-8")), modules))
            - {module_name(path)} for path in paths}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle found by a depth-first walk (each reported from where it closed)."""
    found: list[list[str]] = []
    done: set[str] = set()

    def walk(module: str, trail: list[str]) -> None:
        if module in trail:
            found.append([*trail[trail.index(module):], module])
            return
        if module in done:
            return
        for target in sorted(graph[module]):
            walk(target, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        walk(module, [])
    return found


def test_the_walk_finds_a_circle_of_late_imports() -> None:
    tree = ast.parse("def f():\n    from geodata.checked import load_units\n")
    assert list(imported(tree, {"geodata.checked"})) == ["geodata.checked"]
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert circles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_circle_in_geodata() -> None:
    graph = import_graph()
    assert {"geodata", "geodata.checked", "geodata.derived", "geodata.disk_cache"} <= set(graph)
    assert circles(graph) == []


def test_the_disk_cache_knows_nothing_of_what_it_caches() -> None:
    graph = import_graph()
    assert graph["geodata.disk_cache"] == {"geodata.settings", "geodata.tables"}
    assert "geodata.disk_cache" in graph["geodata.checked"]
    assert {"geodata.checked", "geodata.disk_cache"} <= graph["geodata.derived"]
    assert "geodata.derived" not in graph["geodata.checked"]
