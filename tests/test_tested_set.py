"""The tested set of packages: constraints.txt pins what runs here, and the app notices when a
server runs other versions."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

import pytest

from registry.tested_set import log_untested_versions, pinned_versions, untested_versions
from tests.conftest import REPOSITORY_ROOT

CONSTRAINTS = REPOSITORY_ROOT / "constraints.txt"


def test_pins_are_read_without_comments_or_extras() -> None:
    text = "# generated\nstreamlit==1.67.0\n    # via x\npsycopg[binary]==3.3.9 ; python_version\n"
    assert pinned_versions(text) == {"streamlit": "1.67.0", "psycopg": "3.3.9"}


def test_every_dependency_is_pinned() -> None:
    project = tomllib.loads((REPOSITORY_ROOT / "pyproject.toml").read_text())["project"]
    pins = pinned_versions(CONSTRAINTS.read_text())
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    names = {requirement.split("[")[0].split(">")[0].split("=")[0].strip().lower()
             for requirement in wanted}
    assert names <= {name.lower() for name in pins}


def test_this_environment_runs_the_tested_set() -> None:
    assert untested_versions(pinned_versions(CONSTRAINTS.read_text())) == []


def test_another_version_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(f"streamlit==0.1.0\nno-such-package-here==1.0\n"
                           f"pytest=={pytest.__version__}\n")
    with caplog.at_level(logging.WARNING, logger="registry.tested_set"):
        differences = log_untested_versions(constraints)
    assert differences[1] == "no-such-package-here not installed (tested: 1.0)"
    assert differences[0].startswith("streamlit 1.") and differences[0].endswith("(tested: 0.1.0)")
    assert len(differences) == 2
    assert "not the tested set of packages (constraints.txt)" in caplog.text
