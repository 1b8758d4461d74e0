"""A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster in a
temporary folder, a Unix socket in that folder and a free TCP port on 127.0.0.1.

PostgreSQL refuses to run as root; as root the cluster is run by the `postgres` user (which
Debian's package creates) through `runuser`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.support.servers import free_port

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


@dataclasses.dataclass
class Cluster:
    """A PostgreSQL cluster in `folder` listening on 127.0.0.1:`port` (and a socket there)."""

    binaries: Path
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the cluster's `postgres` database."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        log = self.folder / "server.log"
        options = (f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c max_connections=100")
        started = subprocess.run(_as_server_user([str(self.binaries / "pg_ctl"), "-D",
                                                  str(self.data), "-l", str(log), "-w", "-t",
                                                  "60", "-o", options, "start"]),
                                 capture_output=True, text=True, timeout=120, check=False)
        if started.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n"
                               f"{log.read_text(errors='replace') if log.exists() else ''}")

    def stop(self) -> None:
        """Stop the server at once (its clients lose their connections)."""
        if (self.data / "postmaster.pid").exists():
            subprocess.run(_as_server_user([str(self.binaries / "pg_ctl"), "-D",
                                            str(self.data), "-m", "immediate", "-w", "stop"]),
                           capture_output=True, timeout=60, check=False)


@contextlib.contextmanager
def postgres_cluster() -> Iterator[Cluster]:
    """Create and start a cluster; yield it (it can be stopped and started again); stop and
    remove it afterwards."""
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="coverage-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    cluster = Cluster(binaries, folder, free_port())
    try:
        subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(cluster.data), "-U",
                                        "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                                        "--no-sync"]),
                       check=True, capture_output=True, timeout=120)
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a cluster; yield the SQLAlchemy URL of its `postgres` database; stop and remove
    it afterwards."""
    with postgres_cluster() as cluster:
        yield cluster.url


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server; its URL."""
    import psycopg

    name = f"register_{os.getpid()}_{next(_databases)}"
    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
