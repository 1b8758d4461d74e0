"""The page shown when the boundary data cannot be used: a short message, never a traceback.

The message names the faulty file relative to the data folder and what is wrong with it; the
full error, with the server's paths, goes to the server log only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from geodata import BoundaryDataError
from ui.text import plain_text
from ui.text.i18n import Translator

_log = logging.getLogger(__name__)

HEADING = {
    "nl": "Het dashboard kan nu geen antwoord geven: de bestanden met gemeenten, "
          "veiligheidsregio's of plaatsen zijn onvolledig of kloppen niet. Een beheerder moet "
          "ze herstellen; het serverlog beschrijft de fout.",
    "en": "The dashboard cannot answer now: the files of municipalities, safety regions or "
          "places are incomplete or inconsistent. An administrator must repair them; the "
          "server log describes the fault.",
}


@contextmanager
def boundary_failure_page(t: Translator) -> Iterator[None]:
    """Run the block; on a `BoundaryDataError`, log it, show the short page and stop the run."""
    try:
        yield
    except BoundaryDataError as error:
        _log.error("boundary data cannot be used: %s", error)
        plain_text.error(HEADING[t.language])
        plain_text.paragraph(error.public_message)  # the message quotes the data files
        st.stop()
