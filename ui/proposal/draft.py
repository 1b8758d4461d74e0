"""On the proposal page: turn the proposal into a draft entry. A signed-in editor or publisher
(the edit page's sign-in, kept in this browser session) opens the edit page's form for a new
entry, filled from the proposal (`registry.proposal_entry`): id and wording from its name, its
organisation and target group as the first contact, its municipalities as the area's list. The
editor completes the entry there (phones, notes), the register's rules validate it, and saving
makes a draft through `DraftStore.save`, which checks the role itself.

Anonymous visitors see a note that editing needs signing in, and the way to the edit page."""

from __future__ import annotations

import streamlit as st

from coverage.engine import Coverage
from coverage.whatif import Proposal
from registry.proposal_entry import proposal_entry
from ui.edit.form import PREFILL_KEY
from ui.edit.sign_in import current_session
from ui.text import plain_text
from ui.text.i18n import Translator

EDIT_PAGE = "page_scripts/edit.py"
BUTTON_KEY = "proposal_to_draft"


def draft_section(proposal: Proposal, coverage: Coverage, t: Translator) -> None:
    """The way from the proposal to a draft entry (or to signing in)."""
    plain_text.heading(t("proposal_draft_heading"))
    if current_session() is None:
        plain_text.paragraph(t("proposal_draft_sign_in"))
        st.page_link(page=EDIT_PAGE, label=plain_text.label(t("proposal_draft_to_edit")),
                     query_params={"lang": t.language})
        return
    plain_text.paragraph(t("proposal_draft_intro"))
    if st.button(t("proposal_draft_button"), key=BUTTON_KEY,
                 disabled=not proposal.municipalities):
        taken = {entry.id for entry in coverage.snapshot.entries}
        st.session_state[PREFILL_KEY] = (proposal_entry(proposal, taken),
                                         sorted(proposal.municipalities))
        st.switch_page(EDIT_PAGE, query_params={"lang": t.language})  # keeps the language
