"""The stores the edit page writes through, one per database and process: the accounts, the
drafts (which publish through the store of versions) and the readers' correction reports."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from registry.accounts import AccountStore
from registry.corrections import CorrectionStore
from registry.database import database_url
from registry.drafts import DraftStore
from registry.store import open_store
from registry.yaml_register import register_dir
from ui import data


@st.cache_resource(show_spinner=False)
def _stores(url: str, seed_dir: str) -> tuple[AccountStore, DraftStore]:
    versions = open_store(url)
    versions.prepare(data.units(), Path(seed_dir))
    accounts = AccountStore(versions.engine)
    return accounts, DraftStore(versions, accounts, data.units())


def accounts() -> AccountStore:
    """The accounts of `$COVERAGE_DATABASE_URL` (migrated and seeded on first use)."""
    return _stores(database_url(), str(register_dir()))[0]


def drafts() -> DraftStore:
    """The drafts of `$COVERAGE_DATABASE_URL`, publishing through its store of versions."""
    return _stores(database_url(), str(register_dir()))[1]


def corrections() -> CorrectionStore:
    """The readers' correction reports in `$COVERAGE_DATABASE_URL`, for editors."""
    store = accounts()
    return CorrectionStore(store.engine, store)
