"""The region the map zooms to and outlines: a province, police unit or safety region, chosen in
the gaps view (`ui.dashboard.region_view`) or named by the page's address."""

from __future__ import annotations

from typing import Literal

RegionKind = Literal["province", "police_unit", "safety_region"]
"""The kinds of region a regional table asks about."""
Focus = tuple[RegionKind, str] | None
"""A chosen region as (kind, value), or None for the whole country."""
