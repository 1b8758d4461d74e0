"""The browser code lives in `static/js/`, not in Python strings, and its logic is tested.

- JavaScript left in the Python files of the interface (`ui/`, `web/`, `app.py`): fewer than
  :data:`JS_LINE_LIMIT` lines. What counts (:func:`javascript_lines`): every line of a string
  literal (f-strings included, docstrings not) that holds JavaScript, i.e. that has a line
  matching :data:`JS_LINE`; lines of `<style>` blocks, Jinja tags alone on a line and blank
  lines do not count.
- The node tests of `tests/js/` (the scripts' pure logic: address, selection, focus,
  proposal, labels, tooltip, touch, topology, layer, keyboard, scroll, words) pass under node's
  own test runner, so the README's one test command runs them too.
- Every script the Python side inlines exists, and a page script (given to Streamlit's
  `st.html`) holds nothing its HTML sanitiser takes for markup.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.map.component import prepare
from ui.map.offline import offline_map
from ui.map.proposal_script import ProposalScript
from ui.map.selection_script import SelectionScript
from ui.map.styled_geojson import StyledGeoJson
from ui.text import browser_code

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]
JS_LINE_LIMIT = 20
"""Fewer JavaScript lines than this may stay in Python files (issue 19)."""

JS_LINE = re.compile(
    r"<script\b"
    r"|\bfunction\s*[\w$]*\s*\("
    r"|=>"
    r"|\b(var|let|const)\s+[\w$]+\s*="
    r"|\b(document|window|globalThis)\.[\w$]"
    r"|\b[\w$]+(\s*\.\s*[\w$]+)+\s*\("
    r"|^\s*[\w$.\[\]]+\s*(=\s*[\w$.]+)?\(.*\)\s*;\s*$"
)
"""A line that is JavaScript: a script tag, a function, an arrow, a declaration, the DOM's
globals, a method call (`x.y(`), or a statement that calls something (`f(…);`,
`a = b(…);`)."""

SQUARE = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"code": "GM0001"},
     "geometry": {"type": "Polygon", "coordinates": [[[4, 52], [5, 52], [5, 53], [4, 52]]]}}]}

_STYLE_BLOCK = re.compile(r"<style\b.*?</style>", re.DOTALL)
_JINJA_TAG_LINE = re.compile(r"^\s*\{%.*%\}\s*$")


def python_files() -> Iterator[Path]:
    """The interface's Python files: `ui/`, `web/` and `app.py`."""
    for folder in ("ui", "web"):
        yield from sorted((REPOSITORY_ROOT / folder).rglob("*.py"))
    yield REPOSITORY_ROOT / "app.py"


def _docstrings(tree: ast.Module) -> set[ast.AST]:
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(body[0].value)
        # An attribute's docstring: a string statement after an assignment.
        for field in ("body", "orelse"):
            statements = getattr(node, field, None)
            if isinstance(statements, list):
                for statement in statements:
                    if isinstance(statement, ast.Expr) and isinstance(statement.value,
                                                                      ast.Constant):
                        found.add(statement.value)
    return found


def string_literals(source: str) -> Iterator[str]:
    """The text of every string literal of a module that is not a docstring, as the program
    sees it (escapes resolved; an f-string's fields as ` _ `, its parts not counted again)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    inside_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                       for part in ast.walk(node) if part is not node}
    for node in ast.walk(tree):
        if id(node) in inside_fstrings or node in docstrings:
            continue
        if isinstance(node, ast.JoinedStr):
            yield "".join(part.value if isinstance(part, ast.Constant) else " _ "
                          for part in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def javascript_lines(literal: str) -> list[str]:
    """The lines of JavaScript in one string literal's text: all its lines when one of them is
    JavaScript (:data:`JS_LINE`), less style blocks, lone Jinja tags and blank lines."""
    text = _STYLE_BLOCK.sub("", literal)
    lines = [line for line in text.splitlines()
             if line.strip() and not _JINJA_TAG_LINE.match(line)]
    return lines if any(JS_LINE.search(line) for line in lines) else []


def javascript_in_python() -> dict[str, list[str]]:
    """File (relative) → its JavaScript lines, for the files that have any."""
    found = {}
    for path in python_files():
        lines = [line for literal in string_literals(path.read_text(encoding="utf-8"))
                 for line in javascript_lines(literal)]
        if lines:
            found[str(path.relative_to(REPOSITORY_ROOT))] = lines
    return found


def test_the_counter_sees_javascript_and_nothing_else() -> None:
    """The rule finds a script's lines in a string, not in a docstring, not in CSS."""
    source = '''
"""A module whose docstring names window.parent.location and `function () {}`."""
SCRIPT = """<script>
(function () {
  const a = 1;
  run(a);
})();
</script>"""
CSS = "<style>.x {transform: translate(-50%, -50%);}</style>"
CALL = f"coverageScripts.{JOB}.install({ARGS})"
WORDS = "Choose an option"
'''
    counted = [line for literal in string_literals(source) for line in javascript_lines(literal)]
    assert len(counted) == 7  # six lines of the script, one call
    assert not any("translate" in line or "Choose" in line for line in counted)


def test_fewer_than_20_lines_of_javascript_are_left_in_python_files() -> None:
    found = javascript_in_python()
    total = sum(len(lines) for lines in found.values())
    assert total < JS_LINE_LIMIT, "\n".join(f"{name}: {line.strip()}"
                                            for name, lines in found.items() for line in lines)


def test_the_scripts_logic_passes_its_node_tests() -> None:
    """`node --test tests/js/`: the pure functions of every script in static/js."""
    node = shutil.which("node")
    assert node is not None, "node is needed for the browser code's tests (see README set-up)"
    result = subprocess.run([node, "--test", "tests/js/"], cwd=REPOSITORY_ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.MULTILINE), result.stdout[-2000:]
    assert re.search(r"^# fail 0$", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("name", browser_code.NAMES)
def test_every_script_is_a_file_of_static_js(name: str) -> None:
    path = REPOSITORY_ROOT / "static" / "js" / f"{name}.js"
    assert path.read_text(encoding="utf-8").startswith("/*")  # says what it is for
    job = name.rpartition("/")[2]
    assert f"(window.coverageScripts = window.coverageScripts || {{}}).{job} = api;" in (
        browser_code.source(name))


@pytest.mark.parametrize("name", [name for name in browser_code.NAMES
                                  if name.startswith("page/")])
def test_a_page_script_survives_streamlits_sanitiser(name: str) -> None:
    """Streamlit's HTML sanitiser (DOMPurify) drops a script whose text holds `<` before a
    letter, `/` or `!`."""
    assert not re.search(r"<[/\w!]", browser_code.source(name))


def test_the_browser_gets_the_scripts_without_comments_or_indentation() -> None:
    text = ("/* What it is for.\n */\n(function () {\n  /** What run does,\n   * at length. */\n"
            '  // Why.\n\n  run("a // b /* c */");  // now\n  /* it */ run();\n})();\n')
    assert browser_code.compact(text) == (
        '(function () {\nrun("a // b /* c */");  // now\n/* it */ run();\n})();\n')


def test_each_script_is_written_once_per_map() -> None:
    """Two layers need the layer's script, the selection and the proposal the address's
    watch: the map's frame gets each file once, before its first use."""
    fmap = offline_map("")
    layers = [StyledGeoJson(SQUARE, name=name, default_style={"color": "#000"})
              for name in ("Municipalities", "Borders")]
    for layer in layers:
        layer.add_to(fmap)
    SelectionScript(layers[0]).add_to(fmap)
    ProposalScript(layers[0]).add_to(fmap)
    script = prepare(fmap).script
    for name in ("map/layer", "map/address", "map/selection", "map/proposal"):
        assert script.count(browser_code.source(name)) == 1, name
    assert script.index(browser_code.source("map/layer")) < script.index("layer.install(")
    assert (script.index(browser_code.source("map/address"))
            < script.index(browser_code.source("map/selection"))
            < script.index(browser_code.source("map/proposal")))
