"""The edit page: sign in, edit the register, publish (see `ui.shell.pages` and `ui.edit.page`)."""

from ui.edit.page import show_edit_page
from ui.shell.pages import context

show_edit_page(context().t, offline=context().offline)
