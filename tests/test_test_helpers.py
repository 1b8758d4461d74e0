"""The tests' own house, read from their source: shared helpers live in `tests/support/` and
shared fixtures in the `conftest.py` files, so no test module imports another, `bench/` and
`scripts/` take from the tests only `tests.support`, and no helper or fixture is written twice.

Imports are read with `ast` (also those inside functions); a copy is a function whose arguments
and body (its docstring aside) are the same as another's, whatever their names.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import REPOSITORY_ROOT

TESTS = REPOSITORY_ROOT / "tests"
SUPPORT = TESTS / "support"
CACHES = SUPPORT / "caches.py"


def python_files(*folders: Path) -> list[Path]:
    """Every Python file below the folders."""
    return sorted(path for folder in folders for path in folder.rglob("*.py"))


def where(path: Path) -> str:
    """The path from the repository root, as in a message."""
    return path.relative_to(REPOSITORY_ROOT).as_posix()


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in `path`; `from p import m` gives `p.m` (`m` may be a
    module)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def is_test_module(name: str) -> bool:
    """`tests.test_app`, `tests.e2e.test_dashboard`, a conftest, or anything in `tests.e2e`
    (which holds only browser tests and their conftest)."""
    parts = name.split(".")
    return parts[0] == "tests" and (
        any(part.startswith("test_") or part == "conftest" for part in parts[1:])
        or parts[1:2] == ["e2e"])


def test_no_module_of_the_tests_imports_a_test_module_or_a_conftest() -> None:
    found = [f"{where(path)}:{line} imports {name}"
             for path in python_files(TESTS) for line, name in imported_modules(path)
             if is_test_module(name)]
    assert found == []


@pytest.mark.parametrize("folder", ["bench", "scripts"])
def test_bench_and_scripts_take_only_the_support_package_from_the_tests(folder: str) -> None:
    found = [f"{where(path)}:{line} imports {name}"
             for path in python_files(REPOSITORY_ROOT / folder)
             for line, name in imported_modules(path)
             if name.split(".")[0] == "tests" and name.split(".")[:2] != ["tests", "support"]]
    assert found == []


def test_the_support_package_imports_no_fixture_module() -> None:
    """Support is the ground floor of the tests: plain helpers, no pytest fixtures."""
    found = [f"{where(path)}:{line} imports {name}"
             for path in python_files(SUPPORT) for line, name in imported_modules(path)
             if name.split(".")[0] == "tests" and name.split(".")[:2] != ["tests", "support"]]
    assert found == []
    fixtures = [f"{where(path)}:{node.lineno} {node.name}"
                for path in python_files(SUPPORT) for node, _ in functions(path)
                if any("fixture" in ast.unparse(decorator) for decorator in node.decorator_list)]
    assert fixtures == []


def test_the_support_package_says_what_each_module_holds() -> None:
    docstring = ast.get_docstring(ast.parse((SUPPORT / "__init__.py").read_text("utf-8"))) or ""
    missing = [path.name for path in python_files(SUPPORT)
               if path.name != "__init__.py" and f"`{path.stem}`" not in docstring]
    assert missing == []


def functions(path: Path) -> Iterator[tuple[ast.FunctionDef, str]]:
    """Every module-level function of `path` (fixtures and helpers), with the dump of its
    arguments and body, docstring left out."""
    for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
        if isinstance(node, ast.FunctionDef):
            body = node.body
            if ast.get_docstring(node) is not None:
                body = body[1:]
            yield node, ast.dump(node.args) + ast.dump(ast.Module(body=body, type_ignores=[]))


def test_no_helper_or_fixture_is_written_twice() -> None:
    places = defaultdict(list)
    for path in python_files(TESTS):
        for node, code in functions(path):
            places[code].append(f"{where(path)}:{node.lineno} {node.name}")
    copies = [sorted(found) for found in places.values() if len(found) > 1]
    assert copies == []


def test_fresh_caches_is_defined_once_in_the_shared_conftest() -> None:
    defined = [where(path) for path in python_files(TESTS)
               for node, _ in functions(path) if node.name == "fresh_caches"]
    assert defined == ["tests/conftest.py"]


def test_streamlit_caches_are_cleared_only_by_the_one_reset() -> None:
    """`st.cache_resource.clear()` and `st.cache_data.clear()` are called in
    `tests/support/caches.py` only; everything else calls its `clear_caches()`."""
    found = []
    for path in python_files(TESTS):
        if path == CACHES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (isinstance(node, ast.Attribute) and node.attr == "clear"
                    and isinstance(node.value, ast.Attribute)
                    and node.value.attr in {"cache_resource", "cache_data"}):
                found.append(f"{where(path)}:{node.lineno}")
    assert found == []
