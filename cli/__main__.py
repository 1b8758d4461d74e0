"""`python -m cli`: the command line, as `python -m coverage` (see `cli.start`)."""

import sys

from cli.start import run

sys.exit(run(sys.argv[1:], prog="python -m cli"))
