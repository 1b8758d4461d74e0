"""The command line (`python -m coverage`) as the tests run it: in a process of its own from the
repository root, as a user would (:func:`run`, :func:`run_user`), or in this process
(:class:`Result`, for the `cli` fixture in tests/conftest.py); and the steps the browser tests
take with it (:func:`add_account`, :func:`publish_phone_change`)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from registry.database import DATABASE_URL_VARIABLE
from tests.support.paths import REPOSITORY_ROOT


@dataclass(frozen=True)
class Result:
    """What a command run in this process gave: exit code, standard output and error."""

    code: int
    out: str
    err: str


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m coverage ARGS` from the repository root (the process's own database)."""
    return subprocess.run([sys.executable, "-m", "coverage", *args], cwd=REPOSITORY_ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


def run_user(url: str, *args: str, password: str | None = None,
             stdin: int | None = None) -> subprocess.CompletedProcess:
    """Run `python -m coverage user ARGS` on `url`, with `password` as its standard input (or
    `stdin`, e.g. `subprocess.DEVNULL`)."""
    environment = {**os.environ, DATABASE_URL_VARIABLE: url}
    given = {"input": password} if stdin is None else {"stdin": stdin}
    return subprocess.run([sys.executable, "-m", "coverage", "user", *args], **given,
                          capture_output=True, text=True, cwd=REPOSITORY_ROOT,
                          env=environment, timeout=120)


def add_account(database_url: str, name: str, role: str, password: str) -> None:
    """An account made with `python -m coverage user add` (fails if the command does)."""
    subprocess.run([sys.executable, "-m", "coverage", "user", "add", name, "--role", role,
                    "--password-stdin"], input=password + "\n", text=True, check=True,
                   cwd=REPOSITORY_ROOT, capture_output=True, timeout=120,
                   env={**os.environ, DATABASE_URL_VARIABLE: database_url})


def publish_phone_change(database_url: str, folder: Path, old: str, new: str
                         ) -> subprocess.CompletedProcess[str]:
    """Publish version 3 with the command line: the current overview exported, the phone
    number `old` replaced by `new` (written to `folder`), imported on version 2 by `e2e`.
    The import's result; fails unless it succeeded."""
    environment = {**os.environ, DATABASE_URL_VARIABLE: database_url}
    exported = subprocess.run([sys.executable, "-m", "coverage", "export", "current"],
                              cwd=REPOSITORY_ROOT, env=environment, capture_output=True,
                              text=True, timeout=120, check=True).stdout
    new_file = folder / "fier.yaml"
    new_file.write_text(exported.replace(f'"{old}"', f'"{new}"'), encoding="utf-8")
    published = subprocess.run(
        [sys.executable, "-m", "coverage", "import", str(new_file), "--base", "2", "--yes",
         "--comment", "Fier: new number", "--author", "e2e"],
        cwd=REPOSITORY_ROOT, env=environment, capture_output=True, text=True, timeout=120,
        check=False)
    assert published.returncode == 0, published.stderr
    return published
