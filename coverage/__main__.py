"""`python -m coverage`: the command line, which lives in `cli/` (the domain package only
hands over to it; `cli.start` answers a cached lookup before importing anything heavy)."""

import sys

from cli.start import run

sys.exit(run(sys.argv[1:]))
