"""A proposal turned into a draft entry, and the edit form's area built as on the proposal
page, in Streamlit's AppTest on the app itself: a signed-in editor turns a three-municipality
proposal into a new entry, completes it and saves a draft holding exactly those municipalities;
an anonymous visitor gets no way to save (and `DraftStore.save` refuses one); an area built from
a whole safety region holds that region's municipalities."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import tests.test_edit_page
from coverage.engine import Coverage
from coverage.whatif import Proposal
from geodata import load_units
from registry.accounts import AccountStore
from registry.drafts import DraftStore
from registry.entry_yaml import entry_text
from registry.proposal_entry import entry_id_from, municipality_refs, proposal_entry
from registry.store import open_store
from tests.app_session import new_session
from tests.page_text import texts
from tests.test_app import assert_page_ran
from tests.test_edit_page import PASSWORD, PHONES, sign_in
from tests.test_proposal_app import FLEVOLAND, click
from ui.edit.form import key
from ui.text.i18n import Translator

database = tests.test_edit_page.database
"""The edit page tests' fixture: a database of its own with an editor (anna) and a publisher."""

EDIT, PROPOSAL = "page_scripts/edit.py", "page_scripts/proposal.py"
t = Translator("en")


def signed_in_app(name: str = "anna") -> AppTest:
    """The app in English, signed in on the edit page as `name`."""
    app = new_session(120)
    app.query_params["lang"] = "en"
    app.run()
    app.switch_page(EDIT).run()
    return sign_in(app, name)


def draft_areas(url: str) -> dict[str, frozenset[str]]:
    """Each open draft's entry id → its area, as the register resolves the draft."""
    versions = open_store(url)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    units = load_units()
    store = DraftStore(versions, accounts, units)
    session = accounts.sign_in("anna", PASSWORD)
    areas = {}
    for draft in store.drafts(session):
        document = store.compose(draft.entry_id, draft.entry_yaml, draft.base_version,
                                 draft.action)
        areas[draft.entry_id] = Coverage(document.snapshot, document.fallback, units).areas[
            draft.entry_id]
    return areas


def save_draft(app: AppTest, phone: str = "036-1234567") -> AppTest:
    """Complete the new entry's contact with a phone number and save it."""
    app.text_area(key=PHONES).input(phone).run()
    assert texts(app, "success") == [t("edit_valid")], texts(app, "error")
    app.button(key="save_draft").click().run()
    assert not app.exception, app.exception
    assert "Draft 1 saved." in texts(app, "success"), texts(app)
    return app


def test_an_editor_turns_a_proposal_into_a_draft_entry(database: str) -> None:
    app = signed_in_app()
    app.switch_page(PROPOSAL).run()
    app.text_input(key="proposal_name").input("Flevoland samen").run()
    app.text_input(key="proposal_organisation").input("Fier").run()
    for number, code in enumerate(FLEVOLAND, start=1):
        click(app, code, number)
    app.button(key="proposal_to_draft").click().run()
    assert_page_ran(app)
    # The run ended on the edit page, as the browser's address now says; AppTest would run the
    # page it was last switched to again, so it is told too (no run: the form stays as filled).
    app.switch_page(EDIT)

    assert app.title[0].value == t("edit_page_title")  # the edit page, with a new entry
    assert t("edit_from_proposal") in texts(app, "info")
    assert app.selectbox(key="edit_entry").value == ""
    assert app.text_input(key=key("id")).value == "flevoland-samen"
    assert app.text_input(key=key("area_wording")).value == "Flevoland samen"
    assert app.text_input(key=key("contact", 0, "organisation")).value == "Fier"
    assert sorted(app.multiselect(key=key("municipalities")).value) == sorted(FLEVOLAND)

    save_draft(app)
    assert draft_areas(database) == {"flevoland-samen": frozenset(FLEVOLAND)}


def test_an_anonymous_visitor_cannot_save_a_proposal(database: str) -> None:
    app = new_session(120)
    app.query_params["lang"] = "en"
    app.query_params["voorstel"] = ",".join(FLEVOLAND)
    app.run()
    app.switch_page(PROPOSAL).run()
    assert_page_ran(app)
    assert t("proposal_draft_sign_in") in texts(app, "paragraph")
    assert not [button for button in app.button if button.key == "proposal_to_draft"]
    assert "save_draft" not in [button.key for button in app.button]
    (link,) = app.get("page_link")
    assert link.proto.label == t("proposal_draft_to_edit")

    versions = open_store(database)
    store = DraftStore(versions, AccountStore(versions.engine, failure_delay_s=0),
                       load_units())
    proposal = Proposal("Flevoland samen", "Fier", "all", frozenset(FLEVOLAND))
    data = {**proposal_entry(proposal, ()),
            "area": {"include": municipality_refs(FLEVOLAND, store.units)}}
    data["contacts"][0]["phones"] = ["036-1234567"]
    store.compose(data["id"], entry_text(data), 2, "add")  # a valid entry ...
    with pytest.raises(PermissionError):  # ... that nobody signed in may save
        store.save(None, entry_id=data["id"], action="add", entry_yaml=entry_text(data), base=2)
    assert store.drafts(AccountStore(versions.engine).sign_in("anna", PASSWORD)) == []


def test_an_area_built_from_a_safety_region_holds_its_municipalities(database: str) -> None:
    units = load_units()
    flevoland = units.codes_of("safety_region", "VR25")
    app = signed_in_app()
    app.selectbox(key="edit_entry").select("").run()
    app.text_input(key=key("id")).input("regio-flevoland").run()
    app.text_input(key=key("area_wording")).input("Regio Flevoland").run()
    app.text_input(key=key("contact", 0, "organisation")).input("Fier").run()
    app.selectbox(key=key("unit_kind")).select("safety_region").run()
    app.selectbox(key=key("unit")).select("VR25").run()
    app.button(key=key("add_unit")).click().run()
    assert frozenset(app.multiselect(key=key("municipalities")).value) == flevoland
    # The preview follows the list: the new area is within one safety region.
    assert t("preview_verdict", kind=t("kind_within")) in texts(app, "paragraph")
    save_draft(app)
    assert draft_areas(database) == {"regio-flevoland": flevoland}


def test_an_area_can_start_from_an_existing_entry(database: str, current: Coverage) -> None:
    app = signed_in_app()
    app.selectbox(key="edit_entry").select("").run()
    app.selectbox(key=key("from_entry")).select("gemeente-rotterdam").run()
    app.button(key=key("start_from_entry")).click().run()
    assert frozenset(app.multiselect(key=key("municipalities")).value) == \
        current.areas["gemeente-rotterdam"]


def test_a_proposal_makes_a_new_entry_id_and_names_its_municipalities() -> None:
    units = load_units()
    proposal = Proposal("Flevoland samen", None, "under_23", frozenset(FLEVOLAND))
    data = proposal_entry(proposal, {"flevoland-samen"})
    assert data == {"id": "flevoland-samen-2", "area_wording": "Flevoland samen",
                    "contacts": [{"organisation": None, "target_group": "under_23"}]}
    refs = municipality_refs(FLEVOLAND, units)
    assert [units.names_of("municipality")[ref["municipality"]] for ref in refs] == \
        sorted(FLEVOLAND)
    assert entry_id_from("Ede ü", ()) == "ede-u"
