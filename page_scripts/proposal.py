"""The proposal page: try a coordinator area (see `ui.shell.pages` and `ui.proposal.page`)."""

from ui.proposal.page import show_proposal_page
from ui.shell.pages import context

show_proposal_page(context())
