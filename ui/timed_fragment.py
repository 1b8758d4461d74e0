"""Tell a timed fragment's ticks from its call inside a full run of the page.

A fragment with ``run_every`` is called once by the full run that draws it, then again on
every tick of its timer. Its job (rerun the app when something changed) belongs to the ticks
only: the full run has just drawn the page from what it read, and a rerun at its end would
throw away what that run showed once (a publish's outcome, popped from the session state).
Streamlit has no public way to ask which call it is, so the full run leaves a mark in the
session state just before the call (:func:`call_in_full_run`) and the fragment takes it away
(:func:`on_tick`): a tick finds no mark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

P = ParamSpec("P")


def call_in_full_run(mark: str, fragment: Callable[P, None], *args: P.args,
                     **kwargs: P.kwargs) -> None:
    """Call `fragment` from a full run, marked so that it knows (see :func:`on_tick`)."""
    st.session_state[mark] = True
    fragment(*args, **kwargs)


def on_tick(mark: str) -> bool:
    """Inside the fragment: true on a tick of its timer, false on the call in a full run
    (whose mark this takes away)."""
    return not st.session_state.pop(mark, False)
