"""Turn the area expressions of a snapshot into sets of municipality codes."""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from coverage.schema import Snapshot, UnitRef
from geodata import Units


class AreaCycleError(ValueError):
    """Entries exclude each other in a circle, so their areas cannot be resolved."""


def dependency_order(snapshot: Snapshot) -> list[str]:
    """Entry ids ordered so that every entry comes after the entries its area refers to.

    Raises `AreaCycleError` naming the entries when they refer to each other in a circle.
    """
    graph = {
        entry.id: {ref.value for ref in (*entry.area.include, *entry.area.exclude)
                   if ref.kind == "entry"}
        for entry in snapshot.entries
    }
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        cycle = error.args[1]
        raise AreaCycleError(" -> ".join(reversed(cycle))) from None


def resolve_areas(snapshot: Snapshot, units: Units) -> dict[str, frozenset[str]]:
    """Every entry id mapped to the codes of the municipalities its area covers.

    Entry references are resolved after the entries they name; a cycle raises `AreaCycleError`.
    """
    entries = {entry.id: entry for entry in snapshot.entries}
    areas: dict[str, frozenset[str]] = {}

    def codes(ref: UnitRef) -> frozenset[str]:
        return areas[ref.value] if ref.kind == "entry" else units.codes_of(ref.kind, ref.value)

    for entry_id in dependency_order(snapshot):
        area = entries[entry_id].area
        included = frozenset().union(*(codes(ref) for ref in area.include))
        excluded = frozenset().union(*(codes(ref) for ref in area.exclude))
        areas[entry_id] = included - excluded
    return {entry.id: areas[entry.id] for entry in snapshot.entries}
