"""Render HAProxy's configuration for N app processes from `deploy/haproxy/haproxy.cfg.template`.

    python -m deploy.haproxy_config --processes 4 > /etc/haproxy/haproxy.cfg
    python -m deploy.haproxy_config --processes 4 --tls /etc/haproxy/certs/coverage.pem \\
        > /etc/haproxy/haproxy.cfg

The processes listen on 127.0.0.1 at consecutive ports from `--first-port` (the instances of
`coverage-app@.service`). Without `--tls` the TLS lines are rendered as comments, ready to be
switched on; with it HAProxy terminates TLS on `--tls-bind` with that PEM file (certificate
chain and key in one file, not included) and sends plain HTTP to a 301 on HTTPS. The tests and
`bench/proxy_capacity.py` render a foreground variant (`foreground=True`: no chroot, no user
switch, the log on standard output, an admin socket in a folder of their own).
"""

from __future__ import annotations

import argparse
import string
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "haproxy" / "haproxy.cfg.template"
EXAMPLE = Path(__file__).resolve().parent / "haproxy" / "haproxy.cfg"
"""The rendered default (two processes, port 80, TLS commented), committed for reading."""

COOKIE_NAME = "coverage_server"
FIRST_PORT = 8501

_SERVICE_GLOBAL = """global
    log /dev/log local0
    chroot /var/lib/haproxy
    stats socket /run/haproxy/admin.sock mode 660 level admin
    stats timeout 30s
    user haproxy
    group haproxy
    daemon
    # Connections at once (a reader holds one web socket and a few short requests); HAProxy
    # needs two file descriptors per connection, which systemd's limit allows.
    maxconn 10000
    # Mozilla's intermediate TLS settings, as in Debian's own haproxy.cfg.
    ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:\
ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:\
ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384
    ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:\
TLS_CHACHA20_POLY1305_SHA256
    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets
"""

_FOREGROUND_GLOBAL = """global
    log stdout format raw local0
    stats socket {socket} mode 600 level admin
    maxconn 4000
"""


@dataclass(frozen=True)
class ProxySettings:
    """What varies between deployments (and between a service and a test)."""

    ports: Sequence[int] = (FIRST_PORT, FIRST_PORT + 1)
    """The app processes' ports on 127.0.0.1."""
    bind: str = ":80"
    """Where plain HTTP is served."""
    tls_pem: str | None = None
    """A PEM file with the certificate chain and key: TLS on `tls_bind`, plain HTTP redirects.
    None: the TLS lines are rendered as comments."""
    tls_bind: str = ":443"
    max_body_bytes: int = 1_048_576
    """Larger request bodies are refused (413)."""
    sessions_per_10s: int = 30
    """New web sockets (sessions) and page loads per client address per 10 s before 429."""
    foreground: bool = False
    """For tests and benchmarks: run in the foreground as whoever starts it, log to standard
    output, the admin socket at `admin_socket`."""
    admin_socket: str = "/run/haproxy/admin.sock"


def render(settings: ProxySettings) -> str:
    """The configuration text for `settings`."""
    if not settings.ports:
        raise ValueError("at least one app process")
    servers = [(f"app{number}", port) for number, port in enumerate(settings.ports, 1)]
    global_section = (_FOREGROUND_GLOBAL.format(socket=settings.admin_socket)
                      if settings.foreground else _SERVICE_GLOBAL)
    return string.Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        global_section=global_section,
        bind_lines=_bind_lines(settings),
        cookie_name=COOKIE_NAME,
        cookie_secure=" secure" if settings.tls_pem else "",
        max_body_bytes=settings.max_body_bytes,
        sessions_per_10s=settings.sessions_per_10s,
        session_servers="\n".join(f"    server {name} 127.0.0.1:{port} cookie {name}"
                                  for name, port in servers),
        answer_servers="\n".join(f"    server {name} 127.0.0.1:{port} track sessions/{name}"
                                 for name, port in servers),
    )


def _bind_lines(settings: ProxySettings) -> str:
    pem = settings.tls_pem or "/etc/haproxy/certs/coverage.pem"
    tls = [f"bind {settings.tls_bind} ssl crt {pem} alpn h2,http/1.1",
           "http-request redirect scheme https code 301 unless { ssl_fc }"]
    lines = [f"    bind {settings.bind}"]
    if settings.tls_pem:
        lines += [f"    {line}" for line in tls]
    else:
        lines += ["    # TLS: the certificate chain and its key in one PEM file (not included);",
                  "    # render with --tls FILE, or uncomment these two lines:",
                  *(f"    # {line}" for line in tls)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print (or write) the configuration for the processes asked for."""
    parser = argparse.ArgumentParser(prog="python -m deploy.haproxy_config",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=2, help="app processes (default 2)")
    parser.add_argument("--first-port", type=int, default=FIRST_PORT,
                        help=f"the first process's port (default {FIRST_PORT})")
    parser.add_argument("--bind", default=":80", help="plain HTTP address (default :80)")
    parser.add_argument("--tls", metavar="PEM", help="terminate TLS with this PEM file")
    parser.add_argument("--tls-bind", default=":443", help="TLS address (default :443)")
    parser.add_argument("--sessions-per-10s", type=int, default=30,
                        help="new sessions and page loads per client address per 10 s")
    parser.add_argument("--max-body-bytes", type=int, default=1_048_576)
    parser.add_argument("-o", "--output", type=Path, help="write here instead of printing")
    arguments = parser.parse_args(argv)
    if arguments.processes < 1:
        parser.error("--processes must be at least 1")
    text = render(ProxySettings(
        ports=tuple(range(arguments.first_port, arguments.first_port + arguments.processes)),
        bind=arguments.bind, tls_pem=arguments.tls, tls_bind=arguments.tls_bind,
        max_body_bytes=arguments.max_body_bytes, sessions_per_10s=arguments.sessions_per_10s))
    if arguments.output is None:
        sys.stdout.write(text)
    else:
        arguments.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
