"""The app's edit page (`page_scripts/edit.py`) in Streamlit's AppTest: open it, sign in,
confirm and publish a draft (the accounts: `tests.support.registers.seeded_accounts`)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.apptest import assert_page_ran, new_session
from tests.support.registers import PASSWORD

PAGE = "page_scripts/edit.py"
PHONES = "entry_form.contact.0.phones"
"""The key of the first contact's phone numbers in the entry form."""


def open_page(language: str = "en") -> AppTest:
    """The app's edit page, in `language` (the link's `?lang=`)."""
    app = new_session(120)
    app.query_params["lang"] = language
    app.run()
    app.switch_page(PAGE).run()
    assert_page_ran(app)
    return app


def sign_in(app: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    """Sign in on the open edit page as `name`; no exception."""
    app.text_input(key="sign_in_name").input(name)
    app.text_input(key="sign_in_password").input(password)
    app.button[0].click().run()
    assert not app.exception, app.exception
    return app


def confirm(app: AppTest, draft_id: int) -> AppTest:
    """Tick the box that names the version the draft becomes (the publish button waits for
    it)."""
    (box,) = [box for box in app.checkbox if box.key.startswith(f"confirm_{draft_id}_")]
    box.check().run()
    assert not app.button(key=f"publish_{draft_id}").disabled
    return app


def publish(app: AppTest, draft_id: int) -> AppTest:
    """Confirm, then publish a draft."""
    confirm(app, draft_id).button(key=f"publish_{draft_id}").click().run()
    return app
