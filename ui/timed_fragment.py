"""Timed fragments whose body runs on the ticks of their timer only.

A fragment with ``run_every`` is called once by the full run that draws it, then again on
every tick of its timer. A job such as "rerun the app when something changed" belongs to the
ticks only: the full run has just drawn the page from what it read, and a rerun at its end would
throw away what that run showed once (a publish's outcome, popped from the session state).
Streamlit has no public way to ask which call it is, so the call from the full run leaves a
mark in the session state and the fragment takes it away without running the body: a tick
finds no mark.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

P = ParamSpec("P")

FULL_RUN_MARK = "/full-run"
"""The end of the session-state key that marks a call from a full run (the rest names the
fragment's function)."""


def on_ticks_only(every_s: float) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """Make the decorated function a fragment rerun every `every_s` seconds whose body runs on
    those ticks only, never in the full run that calls it."""

    def decorate(body: Callable[P, None]) -> Callable[P, None]:
        mark = f"{body.__module__}.{body.__qualname__}{FULL_RUN_MARK}"

        @st.fragment(run_every=every_s)
        @functools.wraps(body)
        def fragment(*args: P.args, **kwargs: P.kwargs) -> None:
            if not st.session_state.pop(mark, False):
                body(*args, **kwargs)

        @functools.wraps(body)
        def call_in_full_run(*args: P.args, **kwargs: P.kwargs) -> None:
            st.session_state[mark] = True
            fragment(*args, **kwargs)

        return call_in_full_run

    return decorate
