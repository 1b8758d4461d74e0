"""The national picture's data: headline figures, population per safety region by status in
the map's colours, and the changes between the two overviews."""

from __future__ import annotations

from coverage.changes import compare
from coverage.engine import Coverage
from coverage.status import STATUSES
from ui.dashboard.charts import (
    change_chart,
    change_counts,
    change_text,
    headline_figures,
    region_chart,
    region_chart_text,
    region_population,
)
from ui.map.palette import STATUS_COLOURS
from ui.text.i18n import Translator

EN = Translator("en")


def test_headline_figures_add_up(current: Coverage) -> None:
    figures = headline_figures(current).set_index("status")
    table = current.municipalities
    assert figures["municipalities"].sum() == 342
    assert figures["population"].sum() == table["population"].sum()
    for status in STATUSES:
        assert figures.at[status, "municipalities"] == (table["status"] == status).sum()
    assert abs(figures["population_share"].sum() - 1) < 1e-9


def test_region_data_sums_to_the_national_totals(current: Coverage) -> None:
    data = region_population(current, EN)
    figures = headline_figures(current).set_index("status")
    assert data["region_code"].nunique() == 25
    assert len(data) == 25 * len(STATUSES)  # one bar segment per region and status
    by_status = data.groupby("status")[["population", "municipalities"]].sum()
    for status in STATUSES:
        assert by_status.at[status, "population"] == figures.at[status, "population"]
        assert by_status.at[status, "municipalities"] == figures.at[status, "municipalities"]
    ijsselland = data.loc[data["region_code"] == "VR04"].set_index("status")
    assert ijsselland.at["comensha", "municipalities"] == 11
    assert ijsselland.at["coordinator", "population"] == 0


def test_region_chart_uses_the_map_colours(current: Coverage) -> None:
    spec = region_chart(region_population(current, EN), EN).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Regional coordinator", "Partly covered", "CoMensha named",
                               "CoMensha fallback"]
    assert scale["range"] == [STATUS_COLOURS[status] for status in STATUSES]
    assert spec["encoding"]["y"]["field"] == "region"


def test_region_chart_has_a_text_version(current: Coverage) -> None:
    text = region_chart_text(region_population(current, EN), EN)
    assert "in 7 nobody has one (CoMensha coordinates: IJsselland, Twente" in text
    assert "Midden- en West-Brabant (1,137,327)" in text


def test_changes_between_the_overviews(coverages: dict[str, Coverage]) -> None:
    counts = change_counts(coverages).set_index("change")["municipalities"]
    assert counts["gained"] >= 1  # e.g. GM0828 gained a regional coordinator
    assert counts.sum() == len(compare(coverages["earlier"], coverages["current"]))
    text = change_text(change_counts(coverages), EN)
    assert f"{counts['gained']} gained a regional care coordinator" in text
    spec = change_chart(change_counts(coverages), EN).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert change_counts({"current": coverages["current"]}).empty


def test_charts_write_numbers_in_the_interface_language(current: Coverage) -> None:
    nl = Translator("nl")
    spec = region_chart(region_population(current, nl), nl).to_dict()
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["encoding"]["color"]["scale"]["domain"][0] == "Regionale zorgcoördinator"
