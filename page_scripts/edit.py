"""The edit page: sign in, edit the register, publish (see `ui.pages` and `ui.edit_page`)."""

from ui.edit_page import show_edit_page
from ui.pages import context

show_edit_page(context().t, offline=context().offline)
