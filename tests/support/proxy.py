"""HAProxy in front of app servers, for `tests/e2e/test_proxy.py` and
`bench/proxy_capacity.py`: the configuration of `deploy/haproxy_config.py` rendered into a
folder of its own (foreground: no chroot, no user switch, the log in a file, an admin socket
there), HAProxy started as a child process on a free port, and its view of the servers."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from deploy.haproxy_config import ProxySettings, render
from tests.support.servers import free_port, stop_process_group

HAPROXY = "/usr/sbin/haproxy"
LOG_LINE = re.compile(r"^(?P<client>\S+) \[[^\]]+\] \S+ (?P<backend>[^/\s]+)/(?P<server>\S+) "
                      r"\S+ (?P<status>\d+) \S+ (?P<cookie>\S+) (?P<state>\S+) "
                      r"\"(?P<method>\S+) (?P<path>\S+)")
"""A line of the log format in deploy/haproxy/haproxy.cfg.template."""


@dataclasses.dataclass
class Proxy:
    """A running HAProxy: its base URL, log file, admin socket and process."""

    url: str
    log: Path
    admin_socket: Path
    process: subprocess.Popen[bytes]
    servers: dict[str, int]
    """The app processes by HAProxy's name for them (app1, app2, …): their ports."""

    def command(self, line: str) -> str:
        """One command on the admin socket (e.g. ``show stat``); its answer."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(10)
            sock.connect(str(self.admin_socket))
            sock.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def server_states(self, backend: str = "sessions") -> dict[str, str]:
        """The health of each server of `backend` as HAProxy sees it (``UP``, ``DOWN``, …)."""
        lines = self.command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        states = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == backend and row.get("svname") in self.servers:
                states[row["svname"]] = row["status"]
        return states

    def wait_for_states(self, wanted: dict[str, str], timeout_s: float = 60.0) -> None:
        """Wait until the servers named in `wanted` have those states (e.g. ``{"app1": "UP"}``);
        a state is matched on its start, so ``DOWN`` also matches ``DOWN 1/2``."""
        deadline = time.monotonic() + timeout_s
        states: dict[str, str] = {}
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"haproxy exited with {self.process.returncode}:\n"
                                   f"{self.log.read_text(errors='replace')}")
            states = self.server_states()
            if all(states.get(name, "").split(" ")[0] == state
                   for name, state in wanted.items()):
                return
            time.sleep(0.2)
        raise TimeoutError(f"servers are {states}, not {wanted}")

    def log_lines(self) -> list[re.Match[str]]:
        """The request lines logged so far."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [match for line in text.splitlines() if (match := LOG_LINE.match(line))]


def check_config(path: Path) -> subprocess.CompletedProcess[str]:
    """``haproxy -c -f PATH``: HAProxy's own check of a configuration file."""
    return subprocess.run([HAPROXY, "-c", "-f", str(path)], capture_output=True, text=True,
                          timeout=60, check=False)


@contextlib.contextmanager
def haproxy(ports: Sequence[int], folder: Path, **settings: object) -> Iterator[Proxy]:
    """Render the configuration for app processes on `ports` into `folder`, check it, run
    HAProxy in the foreground on a free loopback port; stop it afterwards. `settings` are more
    `ProxySettings` fields (e.g. ``sessions_per_10s``)."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = folder / "haproxy.cfg"
    admin_socket = folder / "admin.sock"
    config.write_text(render(ProxySettings(
        ports=tuple(ports), bind=f"127.0.0.1:{port}", foreground=True,
        admin_socket=str(admin_socket), **settings)), encoding="utf-8")  # type: ignore[arg-type]
    checked = check_config(config)
    if checked.returncode != 0:
        raise RuntimeError(f"haproxy -c refused {config}:\n{checked.stderr}")
    log = folder / "haproxy.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=log_file,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    proxy = Proxy(f"http://127.0.0.1:{port}", log, admin_socket, process,
                  {f"app{number}": port for number, port in enumerate(ports, 1)})
    try:
        deadline = time.monotonic() + 10
        while not admin_socket.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"haproxy did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.05)
        yield proxy
    finally:
        stop_process_group(process)
