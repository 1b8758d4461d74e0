"""The one reset of Streamlit's process-wide caches for tests that run the app in this process
(AppTest, `ui.server.warm_up`, `ui.data`): what a newly started server has, nothing.

`st.cache_resource` holds the boundaries, the register's versions and the stores; `st.cache_data`
what was computed from them (the newest version's number, tables, counts). A test that changes
the register folder, the database or a setting starts from :func:`clear_caches`; the fixture
`fresh_caches` (tests/conftest.py) does so before and after a test.
"""

from __future__ import annotations

import streamlit as st


def clear_caches() -> None:
    """Forget everything the process cached, as a newly started server."""
    st.cache_resource.clear()
    st.cache_data.clear()


def clear_data_cache() -> None:
    """Forget what was computed from the data (`st.cache_data`: the newest version's number
    among it), keeping the loaded resources: as when the data cache's time runs out."""
    st.cache_data.clear()
