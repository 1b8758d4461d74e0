"""The proposal page: try a coordinator area (see `ui.pages` and `ui.proposal_page`)."""

from ui.pages import context
from ui.proposal_page import show_proposal_page

show_proposal_page(context())
