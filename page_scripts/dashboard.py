"""The dashboard page (the default page; see `ui.pages`)."""

from ui.page import show_dashboard
from ui.pages import context

show_dashboard(context())
