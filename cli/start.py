"""The start of the command line (`python -m coverage`, `python -m cli`): a plain lookup of a
version looked up before is answered from the answers kept on disk (`cli.lookup_cache`),
without importing pandas, geopandas or pydantic; anything else goes to the full command line
(`cli.main`), imported only then."""

from __future__ import annotations

import signal
from collections.abc import Sequence

from cli.lookup_cache import answer_from_cache


def run(argv: Sequence[str], prog: str = "python -m coverage") -> int:
    """Answer `argv` and return the exit code."""
    # Behave like a Unix tool when the reader goes away (`python -m coverage diff | head`).
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    code = answer_from_cache(argv)
    if code is None:
        from cli.main import main

        code = main(list(argv), prog)
    return code
