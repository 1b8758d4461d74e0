"""The dashboard page (the default page; see `ui.shell.pages`)."""

from ui.dashboard.page import show_dashboard
from ui.shell.pages import context

show_dashboard(context())
