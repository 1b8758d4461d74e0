"""Use the search box in Streamlit's AppTest as a reader does in the browser.

The box is a combobox (`st.selectbox(accept_new_options=True)`): Enter on text that is one of
its offers chooses that offer; on any other text it takes the text as typed (the browser's
`Add: …` entry), and the browser sends that text as the widget's value. AppTest's selectbox
(Streamlit 1.67) can only send one of the options: a value typed anew makes every later run
fail (`ValueError: … is not in list`). :func:`send_typed_entries` teaches it to send the text,
as the browser does.
"""

from __future__ import annotations

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest, element_tree

SEARCH_KEY = "search"


def _selectbox_widget_state(self: element_tree.Selectbox) -> WidgetState:
    """The selectbox's state as the browser sends it: the chosen option's label, or the text
    typed anew (Streamlit's own version looks the value up among the options)."""
    state = WidgetState()
    state.id = self.id
    if self.value is not None and len(self.options) > 0:
        state.string_value = element_tree._format_value_for_widget(self.format_func, self.value)
    return state


def send_typed_entries() -> None:
    """Let AppTest's selectbox send a value typed anew (see the module's docstring). For a value
    among the options it sends what Streamlit's own version sends: the option's label."""
    element_tree.Selectbox._widget_state = property(_selectbox_widget_state)  # type: ignore[assignment]


send_typed_entries()


def type_in_search(app: AppTest, text: str) -> AppTest:
    """Type `text` in the search box, press Enter (an offer of that text, or the text as typed)
    and run the page."""
    app.selectbox(key=SEARCH_KEY).set_value(text)
    return app.run()


def search_box_value(app: AppTest) -> str | None:
    """What the search box holds (None: empty)."""
    return app.selectbox(key=SEARCH_KEY).value
