"""Servers for the browser tests, the server tests and `bench/`: a Streamlit server on a free
loopback port, the dashboard with a register folder and database of its choosing, and `/readyz`
after the warm-up.

Plain functions and context managers (no pytest), so the benchmarks and scripts can use them;
the pytest fixtures built on them are in `tests/e2e/conftest.py`.

- :func:`streamlit_server` runs any Streamlit script on a free loopback port, waits for
  ``/_stcore/health`` and stops the process and its children afterwards; :func:`app_server`
  runs the dashboard (``app.py``) with a chosen register folder and a throwaway cache, its
  requests to the internet sent to a closed port (:data:`NO_OUTBOUND_ENV`).
- :func:`get_json` reads a JSON route (`/healthz`, `/readyz`); :func:`after_warm_up` waits for
  the server's warm-up to end.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from geodata.disk_cache import CACHE_DIR_VARIABLE
from registry.database import DATABASE_URL_VARIABLE
from registry.yaml_register import REGISTER_DIR_VARIABLE
from tests.support.paths import APP_SCRIPT, REPOSITORY_ROOT

SERVER_START_TIMEOUT_S = 30.0

NO_OUTBOUND_PROXY = "http://127.0.0.1:9"
"""The discard port of the loopback interface: nothing listens, every connection is refused."""
NO_OUTBOUND_ENV: dict[str, str | None] = {
    **dict.fromkeys(("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY",
                     "all_proxy"), NO_OUTBOUND_PROXY),
    "NO_PROXY": None, "no_proxy": None,
}
"""For a dashboard under test: an HTTP(S) request by the server goes to a closed local port
instead of the internet (tests/e2e/test_no_outbound.py proves that none is made)."""


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    """Return a TCP port that is free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base_url: str, server: subprocess.Popen[bytes], log: Path,
                 timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; raise if the server dies or hangs."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as response:
                if response.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"streamlit not healthy after {timeout_s}s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 60) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {log})"


def stop_process_group(server: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group (it was started in a session of its own)."""
    if server.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
    # Children of the server (if any) may outlive it; the group id is the server's pid.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    if server.poll() is None:
        server.wait()


@contextlib.contextmanager
def streamlit_server(script: Path, *, cwd: Path, log: Path,
                     env: Mapping[str, str | None] | None = None,
                     extra_args: tuple[str, ...] = (), python_path: Path = REPOSITORY_ROOT,
                     command_prefix: tuple[str, ...] = ()) -> Iterator[str]:
    """Run ``streamlit run SCRIPT`` on a free loopback port; yield the base URL.

    Args:
        script: The main script.
        cwd: Working directory (Streamlit reads ``cwd/.streamlit/config.toml``).
        log: File for the server's output (shown when it fails to start).
        env: Changes to the environment; ``None`` as a value removes the variable.
            ``python_path`` is put on ``PYTHONPATH``.
        extra_args: More ``streamlit run`` options.
        python_path: The folder the project is imported from (the repository root).
        command_prefix: A command the server is started through (e.g. ``setpriv ...``).

    The server runs in a process group of its own, terminated (and killed if need be) on exit.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    environment = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(python_path), *filter(None, [os.environ.get("PYTHONPATH")])])
    command = [
        *command_prefix, sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        # Nothing to watch in a test; a colleague's edit must not trigger anything either.
        "--server.fileWatcherType", "none",
        *extra_args,
    ]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as log_file:
        server = subprocess.Popen(command, cwd=cwd, env=environment, stdout=log_file,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(base_url, server, log)
        yield base_url
    finally:
        stop_process_group(server)


@contextlib.contextmanager
def app_server(register_dir: Path | None = None, work_dir: Path | None = None,
               database_url: str | None = None) -> Iterator[str]:
    """Run the dashboard from the repository root; yield its base URL.

    Args:
        register_dir: Register folder (``COVERAGE_REGISTER_DIR``) that fills an empty
            database; ``None``: the repository's ``data/`` (the variable is removed from the
            environment).
        work_dir: Folder for the server log and the area cache (``COVERAGE_CACHE_DIR``); a
            temporary folder, removed afterwards, when ``None``.
        database_url: The database of versions (``COVERAGE_DATABASE_URL``). ``None``: a new
            SQLite file in ``work_dir`` when a register folder is given (so that the folder
            fills it), else the database named by this process's environment.
    """
    with contextlib.ExitStack() as stack:
        if work_dir is None:
            work_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="e2e-app-")))
        if database_url is None and register_dir is not None:
            database_url = f"sqlite:///{work_dir / 'register.sqlite3'}"
        env = {
            REGISTER_DIR_VARIABLE: str(register_dir) if register_dir is not None else None,
            CACHE_DIR_VARIABLE: str(work_dir / "cache"),
            **NO_OUTBOUND_ENV,
        }
        if database_url is not None:
            env[DATABASE_URL_VARIABLE] = database_url
        yield stack.enter_context(streamlit_server(
            APP_SCRIPT, cwd=REPOSITORY_ROOT, log=work_dir / "streamlit.log", env=env))


def get_json(url: str) -> tuple[int, dict[str, Any], str]:
    """Status, JSON body and Cache-Control of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return (response.status, json.loads(response.read()),
                    response.headers.get("Cache-Control", ""))
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), error.headers.get("Cache-Control", "")


def after_warm_up(url: str, timeout_s: float = 180.0) -> tuple[int, dict[str, Any], str]:
    """`/readyz` once the server's warm-up is over (`ui.server.warm_up`)."""
    deadline = time.monotonic() + timeout_s
    while True:
        answer = get_json(f"{url}/readyz")
        if answer[1].get("status") != "starting" or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)
