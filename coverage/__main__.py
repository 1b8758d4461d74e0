"""Entry point of `python -m coverage`."""

import signal
import sys

from coverage.cli import main

# Behave like a Unix tool when the reader goes away (`python -m coverage diff | head`).
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
sys.exit(main())
