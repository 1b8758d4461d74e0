"""The address a sign-in comes from, for the per-address limit (`registry.attempts`).

Directly served, it is the connection's peer address (`st.context.ip_address`; Streamlit gives
None for localhost). Behind a reverse proxy every connection comes from the proxy, so the
address is taken from the header the proxy sets, named in `COVERAGE_TRUSTED_CLIENT_HEADER`
(e.g. `X-Forwarded-For`): its last value (of its last line), the one the proxy itself added
(earlier values come from the client and can be forged). Set the variable only behind such a
proxy; otherwise anyone could pick their address by sending the header.
"""

from __future__ import annotations

import os

import streamlit as st

TRUSTED_HEADER_VARIABLE = "COVERAGE_TRUSTED_CLIENT_HEADER"


def from_header(values: list[str]) -> str | None:
    """The last address in a header's values (each comma separated), or None.

    >>> from_header(["198.51.100.9, 203.0.113.7 "])
    '203.0.113.7'
    >>> from_header(["198.51.100.9", "203.0.113.8"])
    '203.0.113.8'
    >>> from_header([" "]) is None
    True
    """
    if not values:
        return None
    return values[-1].split(",")[-1].strip() or None


def client_address() -> str | None:
    """The address of this browser session's client: from the trusted header when one is
    configured (and present), else the peer address; None when unknown or local."""
    header = os.environ.get(TRUSTED_HEADER_VARIABLE, "").strip()
    if header:
        forwarded = from_header(st.context.headers.get_all(header))
        if forwarded:
            return forwarded
    return st.context.ip_address
