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

    from ui.sidebar import watch_for_new_versions

    st.session_state.runs = st.session_state.get("runs", 0) + 1
    watch_for_new_versions(-1)  # no version has this number: a tick would rerun the page


def _page_with_a_fragment_that_counts_ticks() -> None:
    import streamlit as st

    from ui.timed_fragment import call_in_full_run, on_tick

    @st.fragment(run_every=60)
    def count_ticks() -> None:
        st.session_state.ticks_seen = st.session_state.get("ticks_seen", 0) + on_tick("mark")

    st.session_state.runs = st.session_state.get("runs", 0) + 1
    call_in_full_run("mark", count_ticks)
    st.session_state.mark_left = "mark" in st.session_state


def test_the_version_watch_does_not_rerun_the_run_that_drew_the_page() -> None:
    app = AppTest.from_function(_page_with_a_stale_version_watch, default_timeout=20).run()
    assert not app.exception
    assert app.session_state.runs == 1
    app.run()
    assert app.session_state.runs == 2


def test_a_full_run_s_call_is_not_a_tick_and_leaves_no_mark() -> None:
    app = AppTest.from_function(_page_with_a_fragment_that_counts_ticks,
                                default_timeout=20).run()
    assert not app.exception
    assert (app.session_state.runs, app.session_state.ticks_seen) == (1, 0)
    assert app.session_state.mark_left is False  # a later tick finds no mark: it is a tick
    app.run()
    assert (app.session_state.runs, app.session_state.ticks_seen) == (2, 0)
