"""A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster in a
temporary folder, a Unix socket in that folder and a free TCP port on 127.0.0.1.

PostgreSQL refuses to run as root; as root the cluster is run by the `postgres` user (which
Debian's package creates) through `runuser`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
SERVER_USER = "postgres"
_databases = itertools.count(1)


class PostgresMissingError(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def server_binaries() -> Path:
    """The folder of the newest installed PostgreSQL server (initdb, pg_ctl)."""
    folders = sorted(Path("/").glob(PG_BIN_GLOB.lstrip("/")),
                     key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit()
                     else 0)
    for folder in reversed(folders):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise PostgresMissingError(
        f"the store tests need a PostgreSQL server ({PG_BIN_GLOB}/initdb and pg_ctl): "
        "apt-get install postgresql")


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresMissingError(f"running as root needs the user '{SERVER_USER}' to run "
                                   "PostgreSQL (Debian's postgresql package creates it)") from None
    return ["runuser", "-u", SERVER_USER, "--", *command]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a cluster; yield the SQLAlchemy URL of its `postgres` database; stop and remove
    it afterwards."""
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="coverage-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    data, log, port = folder / "data", folder / "server.log", _free_port()
    try:
        subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U",
                                        "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                                        "--no-sync"]),
                       check=True, capture_output=True, timeout=120)
        options = (f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c max_connections=100")
        started = subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data),
                                                  "-l", str(log), "-w", "-t", "60", "-o",
                                                  options, "start"]),
                                 capture_output=True, text=True, timeout=120, check=False)
        if started.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n"
                               f"{log.read_text(errors='replace') if log.exists() else ''}")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m",
                                            "immediate", "stop"]),
                           capture_output=True, timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server; its URL."""
    import psycopg

    name = f"register_{os.getpid()}_{next(_databases)}"
    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
