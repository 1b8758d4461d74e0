"""Entry point of `python -m coverage`."""

import signal
import sys

from coverage.lookup_cache import answer_from_cache

# Behave like a Unix tool when the reader goes away (`python -m coverage diff | head`).
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
# A plain lookup of a version looked up before: from the answers kept on disk, without
# importing the rest (`coverage.lookup_cache`); anything else, the full command line.
code = answer_from_cache(sys.argv[1:])
if code is None:
    from coverage.cli import main

    code = main()
sys.exit(code)
