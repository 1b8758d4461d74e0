"""AppTest sessions of the dashboard as a browser has them once the map has drawn.

In a browser a session's first dashboard run draws the first screen only; the map's report
(or a timer) brings the rest on the next run (`ui.first_screen`). AppTest has no browser to
draw the map, so the tests of everything else start their session past that first screen;
`tests/test_first_screen_app.py` tests the first screen itself.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.paths import REPOSITORY_ROOT
from ui import first_screen

APP = str(REPOSITORY_ROOT / "app.py")


def new_session(timeout: float = 90) -> AppTest:
    """A new session of `app.py` (not yet run) whose first screen has been drawn."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    app.session_state[first_screen.STATE_KEY] = first_screen.DONE
    return app
