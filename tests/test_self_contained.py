"""A clone alone passes the whole suite: no code, test, benchmark or script reads a folder
beside the repository.

The project's source texts and its first copy of the boundaries live in a shared folder beside
the repository on the machines it was made on, not in a clone. What the code and the tests
need from them is shipped: the boundaries in `geodata/cbs-2023/` (their README records the
shared copy's SHA-256), the border rule's passage with its source in `docs/sources/`.

The rule, read from the source text of every file that can run (Python, shell, JavaScript,
configuration and templates): no string literal that starts with or is the parent folder
(`..`), no folder named `shared` joined onto a path, no step from the repository's root to its
parent, no absolute path into the machine's work folder. Comments in the register's YAML files
that name a source text are provenance, not reads, and are not code.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.paths import REPOSITORY_ROOT

FOLDERS = ("bench", "coverage", "deploy", "geodata", "page_scripts", "registry", "scripts",
           "static", "tests", "ui", "web", ".ci")
"""Every folder of the repository that holds code (the register in `data/` and the
documentation in `docs/` hold none)."""

CODE_SUFFIXES = {".py", ".js", ".sh", ".toml", ".cfg", ".ini", ".template", ".j2", ".mako",
                 ".service", ".target", ".conf", ""}
"""What can run or configure a run ("" for scripts without a suffix, such as `.ci/run`)."""

OUTSIDE = {
    "a parent-folder string": re.compile(r"""["']\.\.(?:["'/\\])"""),
    "a folder named shared joined onto a path": re.compile(r"""/\s*["']shared["']"""),
    "the repository root's parent": re.compile(r"ROOT\)?\.parent\b"),
    "an absolute path into the work folder": re.compile(r"""["']/work/"""),
}
"""What a path leaving the repository looks like in source text."""


def code_files() -> list[Path]:
    """The files of the repository that hold code (`__pycache__` and binaries left out)."""
    files = [path for path in REPOSITORY_ROOT.iterdir()
             if path.is_file() and path.suffix in {".py", ".toml"}]
    for folder in FOLDERS:
        files += [path for path in (REPOSITORY_ROOT / folder).rglob("*")
                  if path.is_file() and path.suffix in CODE_SUFFIXES
                  and "__pycache__" not in path.parts and "node_modules" not in path.parts]
    return sorted(files)


def test_the_scan_sees_the_code_and_knows_a_read_outside() -> None:
    names = {path.relative_to(REPOSITORY_ROOT).as_posix() for path in code_files()}
    assert {"app.py", "pyproject.toml", ".ci/run", "tests/test_verdict.py",
            "coverage/verdict.py", "bench/app.py", "deploy/haproxy/haproxy.cfg.template"} <= names
    quote, root = '"', "REPOSITORY_ROOT"  # put together here, so this file holds no such path
    examples = {
        "a parent-folder string": f"Path({quote}..{quote}, {quote}shared{quote})",
        "a folder named shared joined onto a path": f"{root}.parent / {quote}shared{quote}",
        "the repository root's parent": f"({root}).parent / name",
        "an absolute path into the work folder": f"open({quote}/work/shared/DOMAIN.md{quote})",
    }
    for what, read in examples.items():
        assert OUTSIDE[what].search(read), read
    assert OUTSIDE["a parent-folder string"].search(f"open({quote}../shared/seeds{quote})")
    assert not any(pattern.search('"address: shared/seeds/001.txt", Path(__file__).parent, '
                                  '"..." "./shared"') for pattern in OUTSIDE.values())


def _stays_inside(path: Path, text: str, start: int) -> bool:
    """Whether the parent-folder string at `start` of `path`'s text, read from the file's own
    folder, still names a place inside the repository (the node tests' `../../static/js/…`)."""
    quote = text[start]
    literal = text[start + 1:text.find(quote, start + 1)]
    target = (path.parent / literal).resolve()
    return target == REPOSITORY_ROOT or REPOSITORY_ROOT in target.parents


def test_a_parent_folder_string_inside_the_repository_is_allowed() -> None:
    path = REPOSITORY_ROOT / "tests" / "js" / "example.test.js"
    up = "." * 2  # not written out: this file is read by the rule too
    assert _stays_inside(path, f'require("{up}/{up}/static/js/map/address.js")', 8)
    assert not _stays_inside(path, f'require("{up}/{up}/{up}/shared/seeds")', 8)


def test_no_code_refers_to_a_folder_beside_the_repository() -> None:
    found = [f"{path.relative_to(REPOSITORY_ROOT)}:{text.count(chr(10), 0, match.start()) + 1}: "
             f"{what}"
             for path in code_files()
             for text in [path.read_text(encoding="utf-8", errors="replace")]
             for what, pattern in OUTSIDE.items()
             for match in pattern.finditer(text)
             if not (what == "a parent-folder string"
                     and _stays_inside(path, text, match.start()))]
    assert found == []
