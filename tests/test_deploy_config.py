"""The deployment recipe parses: HAProxy's own check of every rendered variant (plain, TLS with
a throwaway self-signed certificate, the foreground one tests use), the committed example is
the rendered default, and `systemd-analyze verify` finds nothing to say about the units and the
drop-in (Debian's haproxy.service beside them). Plus `deploy.wait_http`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deploy import haproxy_config, wait_http
from deploy.haproxy_config import EXAMPLE, ProxySettings, render
from tests.support.paths import REPOSITORY_ROOT
from tests.support.proxy import check_config
from tests.support.servers import app_server, free_port

SYSTEMD_DIR = REPOSITORY_ROOT / "deploy" / "systemd"
DEBIAN_HAPROXY_UNIT = Path("/lib/systemd/system/haproxy.service")


def checked_clean(config: Path) -> None:
    """`haproxy -c` accepts the file without a warning."""
    result = check_config(config)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ALERT" not in result.stderr, result.stderr


def test_the_committed_example_is_the_rendered_default() -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == render(ProxySettings())


def test_haproxy_accepts_every_variant(tmp_path: Path) -> None:
    pem = tmp_path / "coverage.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", str(tmp_path / "key.pem"), "-out",
                    str(tmp_path / "cert.pem")], check=True, capture_output=True, timeout=60)
    pem.write_bytes((tmp_path / "cert.pem").read_bytes() + (tmp_path / "key.pem").read_bytes())
    variants = {
        "default": ProxySettings(),
        "four": ProxySettings(ports=(8501, 8502, 8503, 8504)),
        "tls": ProxySettings(tls_pem=str(pem)),
        "foreground": ProxySettings(foreground=True, admin_socket=str(tmp_path / "a.sock")),
    }
    for name, settings in variants.items():
        config = tmp_path / f"{name}.cfg"
        config.write_text(render(settings), encoding="utf-8")
        checked_clean(config)
    tls = render(variants["tls"])
    assert f"bind :443 ssl crt {pem} alpn h2,http/1.1" in tls
    assert "insert indirect nocache httponly attr SameSite=Lax secure" in tls
    assert "# bind :443 ssl crt /etc/haproxy/certs/coverage.pem" in render(variants["default"])
    four = render(variants["four"])
    assert "server app4 127.0.0.1:8504 cookie app4" in four
    assert "server app4 127.0.0.1:8504 track sessions/app4" in four


def test_the_command_line_writes_what_render_gives(tmp_path: Path) -> None:
    output = tmp_path / "haproxy.cfg"
    assert haproxy_config.main(["--processes", "3", "--first-port", "9001", "-o",
                                str(output)]) == 0
    assert output.read_text(encoding="utf-8") == render(ProxySettings(ports=(9001, 9002, 9003)))
    with pytest.raises(SystemExit):
        haproxy_config.main(["--processes", "0"])


def test_systemd_verifies_the_units_and_the_drop_in(tmp_path: Path) -> None:
    assert shutil.which("systemd-analyze"), "systemd-analyze (Debian package systemd) is needed"
    units = tmp_path / "units"
    (units / "haproxy.service.d").mkdir(parents=True)
    environment_file = tmp_path / "env"
    environment_file.write_text("COVERAGE_TRUSTED_CLIENT_HEADER=X-Forwarded-For\n")
    for name in ("coverage-app@.service", "coverage.target"):
        text = (SYSTEMD_DIR / name).read_text(encoding="utf-8")
        # This machine's interpreter and checkout instead of /opt/coverage (verify checks that
        # the programs exist and are executable).
        text = (text.replace("/opt/coverage/.venv/bin/python", sys.executable)
                .replace("/opt/coverage", str(REPOSITORY_ROOT))
                .replace("/etc/coverage/env", str(environment_file)))
        (units / name).write_text(text, encoding="utf-8")
    shutil.copy(SYSTEMD_DIR / "haproxy.service.d" / "coverage.conf",
                units / "haproxy.service.d" / "coverage.conf")
    shutil.copy(DEBIAN_HAPROXY_UNIT, units / "haproxy.service")
    result = subprocess.run(["systemd-analyze", "verify", "haproxy.service",
                             "coverage-app@8501.service", "coverage.target"],
                            env={**os.environ, "SYSTEMD_UNIT_PATH": f"{units}:"},
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    app_unit = (SYSTEMD_DIR / "coverage-app@.service").read_text(encoding="utf-8")
    assert ("ExecStart=/opt/coverage/.venv/bin/python -m streamlit run app.py --server.port %i "
            "--server.address 127.0.0.1 --server.headless true") in app_unit
    assert "Restart=on-failure" in app_unit and "EnvironmentFile=/etc/coverage/env" in app_unit


def test_wait_http_waits_for_an_answer(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/healthz"
    assert wait_http.main([closed, "--timeout", "0.5"]) == 1
    with app_server(None, work_dir=tmp_path / "server",
                    database_url=f"sqlite:///{tmp_path / 'register.sqlite3'}") as url:
        result = subprocess.run([sys.executable, "-m", "deploy.wait_http", f"{url}/healthz",
                                 "--timeout", "30"], cwd=REPOSITORY_ROOT, capture_output=True,
                                text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
