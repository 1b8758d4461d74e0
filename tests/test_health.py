"""`/healthz` and `/readyz` (ui/server/health.py) against real app servers: ready on a database that
answers; degraded, with the last known good version's age, while the SQLite file is gone, and
ready again when it is back; 503 with an unreachable database and no copy, and with broken
boundaries, while `/healthz` still answers."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from geodata.disk_cache import CACHE_DIR_VARIABLE
from geodata.settings import GEODATA_DIR_VARIABLE
from registry.database import DATABASE_URL_VARIABLE
from tests.e2e.helpers import APP_SCRIPT, NO_OUTBOUND_ENV, REPO_ROOT, app_server, streamlit_server
from tests.postgres_cluster import _free_port

NEWEST_TTL_S = 2.0


def get(url: str) -> tuple[int, dict[str, Any], str]:
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
        answer = get(f"{url}/readyz")
        if answer[1].get("status") != "starting" or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def test_ready_on_a_database_that_answers_then_degraded_while_it_is_gone(tmp_path: Path) -> None:
    database = tmp_path / "db" / "register.sqlite3"
    database.parent.mkdir()
    with app_server(None, work_dir=tmp_path / "server", database_url=f"sqlite:///{database}") \
            as url:
        assert get(f"{url}/healthz") == (200, {"status": "ok"}, "no-store")
        status, body, cache = after_warm_up(url)
        assert (status, cache) == (200, "no-store"), body
        assert body["status"] == "ready" and body["degraded"] is False
        assert body["boundaries"] == {"loaded": True, "municipalities": 342,
                                      "safety_regions": 25}
        assert body["newest_version"] == {"number": 2, "label": "current"}
        assert body["database"] == "answering"
        assert body["last_known_good_age_s"] is None

        aside = tmp_path / "aside"
        aside.mkdir()
        files = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]
        for file in files:
            if file.exists():
                file.rename(aside / file.name)
        time.sleep(NEWEST_TTL_S + 0.5)  # the cached newest number expires
        status, body, _ = get(f"{url}/readyz")
        assert status == 200, body
        assert body["status"] == "degraded" and body["degraded"] is True
        assert body["database"] == "last_known_good"
        assert body["newest_version"] == {"number": 2, "label": "current"}
        assert 0 <= body["last_known_good_age_s"] < 60
        assert not database.exists()  # asking did not create the database anew

        for file in files:
            if (aside / file.name).exists():
                (aside / file.name).rename(file)
        deadline = time.monotonic() + 10
        while body["status"] != "ready" and time.monotonic() < deadline:
            time.sleep(0.5)
            status, body, _ = get(f"{url}/readyz")
        assert (status, body["database"]) == (200, "answering"), body


def test_not_ready_without_a_database_or_a_copy_but_alive(tmp_path: Path) -> None:
    closed = f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/nothing"
    with app_server(None, work_dir=tmp_path / "server", database_url=closed) as url:
        assert get(f"{url}/healthz")[:2] == (200, {"status": "ok"})
        status, body, cache = after_warm_up(url)
        assert (status, cache) == (503, "no-store"), body
        assert body["status"] == "unavailable" and body["database"] == "unreachable"
        assert body["boundaries"]["loaded"] is True and body["newest_version"] is None


def test_not_ready_with_broken_boundaries(tmp_path: Path) -> None:
    empty = tmp_path / "no-boundaries"
    empty.mkdir()
    env = {GEODATA_DIR_VARIABLE: str(empty), CACHE_DIR_VARIABLE: str(tmp_path / "cache"),
           DATABASE_URL_VARIABLE: f"sqlite:///{tmp_path / 'register.sqlite3'}",
           **NO_OUTBOUND_ENV}
    with streamlit_server(APP_SCRIPT, cwd=REPO_ROOT, log=tmp_path / "log", env=env) as url:
        assert get(f"{url}/healthz")[:2] == (200, {"status": "ok"})
        status, body, _ = after_warm_up(url)
        assert status == 503, body
        assert body["status"] == "unavailable" and body["boundaries"]["loaded"] is False
        assert str(empty) not in json.dumps(body)  # no server path in a public answer
        assert "log" in body["boundaries"]["error"]
