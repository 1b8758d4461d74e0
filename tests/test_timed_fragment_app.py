"""Timed fragments act on their ticks only, never in the full run that draws them
(`ui.timed_fragment`).

The version watch once reran the page at the end of the very run that drew it whenever the
cached newest number expired in the middle of that run: the rerun threw away a publish's
outcome, which the page shows once (a CI run lost "Not published: version 3 was published after
this draft's base"). AppTest runs no ticks; the ticks are driven in a browser by
tests/e2e/test_two_servers.py (a new version reaches an open page) and
tests/e2e/test_first_screen.py (the timer brings the rest of the page).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page_with_a_stale_version_watch() -> None:
    import streamlit as st

    from ui.shell.sidebar import watch_for_new_versions

    st.session_state.runs = st.session_state.get("runs", 0) + 1
    watch_for_new_versions(-1)  # no version has this number: a tick would rerun the page


def _page_with_a_fragment_on_ticks_only() -> None:
    import streamlit as st

    from ui.timed_fragment import FULL_RUN_MARK, on_ticks_only

    @on_ticks_only(every_s=60)
    def count_body_runs() -> None:
        st.session_state.body_runs = st.session_state.get("body_runs", 0) + 1

    st.session_state.runs = st.session_state.get("runs", 0) + 1
    count_body_runs()
    st.session_state.marks_left = [key for key in st.session_state
                                   if str(key).endswith(FULL_RUN_MARK)]


def test_the_version_watch_does_not_rerun_the_run_that_drew_the_page() -> None:
    app = AppTest.from_function(_page_with_a_stale_version_watch, default_timeout=20).run()
    assert not app.exception
    assert app.session_state.runs == 1
    app.run()
    assert app.session_state.runs == 2


def test_a_full_run_s_call_runs_no_body_and_leaves_no_mark() -> None:
    app = AppTest.from_function(_page_with_a_fragment_on_ticks_only, default_timeout=20).run()
    assert not app.exception
    assert (app.session_state.runs, app.session_state.get("body_runs", 0)) == (1, 0)
    assert app.session_state.marks_left == []  # a later tick finds no mark: its body runs
    app.run()
    assert (app.session_state.runs, app.session_state.get("body_runs", 0)) == (2, 0)
