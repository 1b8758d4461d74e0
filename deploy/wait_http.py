"""Wait until a URL answers 200: `python -m deploy.wait_http URL [--timeout S]`.

`coverage-app@.service` runs it after starting a process (`ExecStartPost=`), so the unit is
"started" once the process answers `/healthz`. Exit 0 when it answered 200 in time, 1 when
not (systemd then stops the process and, with `Restart=on-failure`, tries again). Standard
library only.
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence


def answers(url: str, timeout_s: float = 2.0) -> bool:
    """Whether `url` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def wait(url: str, timeout_s: float, interval_s: float = 0.25) -> bool:
    """Ask `url` until it answers 200 or `timeout_s` has passed; whether it answered."""
    deadline = time.monotonic() + timeout_s
    while True:
        if answers(url):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval_s)


def main(argv: Sequence[str] | None = None) -> int:
    """0 when the URL answered 200 within the timeout, else 1 (with one line on stderr)."""
    parser = argparse.ArgumentParser(prog="python -m deploy.wait_http",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds (default 60)")
    arguments = parser.parse_args(argv)
    if wait(arguments.url, arguments.timeout):
        return 0
    print(f"{arguments.url} did not answer 200 within {arguments.timeout:g} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
