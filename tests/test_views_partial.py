"""The new views with partly covered municipalities (the real register with the Veluwe's 23+
contact removed): headline figures, chart data, the Dutch CSV and the region report."""

from __future__ import annotations

import datetime
import io
import subprocess
from pathlib import Path

import pandas as pd

from coverage.engine import Coverage
from geodata import Boundaries
from tests.test_partial import partial, without_veluwe_23_plus  # noqa: F401 (fixtures)
from ui import data
from ui.dashboard.charts import headline_figures, region_population
from ui.dashboard.downloads import municipalities_csv
from ui.dashboard.region_report import ReportVersion, region_report_pdf
from ui.text.i18n import Translator

NL = Translator("nl")


def test_partial_has_its_own_figures_and_bars(partial: dict[str, Coverage]) -> None:  # noqa: F811
    current = partial["current"]
    figures = headline_figures(current).set_index("status")
    assert figures.at["partial", "municipalities"] == 12
    assert figures["municipalities"].sum() == 342
    bars = region_population(current, NL)
    by_region = bars.loc[bars["status"] == "partial"].set_index("region_code")["municipalities"]
    assert (by_region["VR06"], by_region["VR07"]) == (10, 2)
    assert bars.loc[bars["status"] == "partial", "status_label"].unique().tolist() == [
        "Deels gedekt"]


def test_partial_in_the_dutch_csv(partial: dict[str, Coverage],  # noqa: F811
                                  boundaries: Boundaries) -> None:
    csv = municipalities_csv(partial["current"], boundaries.municipalities["area_km2"], NL)
    table = pd.read_csv(io.BytesIO(csv), sep=";", decimal=",",
                        encoding="utf-8-sig").set_index("Code")
    apeldoorn = table.loc["GM0200"]
    assert apeldoorn["Status"] == "Deels gedekt: regionale zorgcoördinator voor één leeftijdsgroep"
    assert apeldoorn["Leeftijdsgroepen zonder regionale zorgcoördinator"] == "23 jaar en ouder"
    # Two organisations: "; " between them (" / " is between the numbers of one).
    assert apeldoorn["Telefoon (zoals in het overzicht)"] == "055 - 526 92 00; 033 - 448 11 86"
    assert apeldoorn["Telefoon (internationaal, E.164)"] == "'+31555269200; +31334481186"


def test_partial_in_the_region_report(partial: dict[str, Coverage],  # noqa: F811
                                      tmp_path: Path) -> None:
    pdf = region_report_pdf(partial["current"], "VR06", data.display_municipalities(),
                            ReportVersion(2, "Huidig", datetime.date(2026, 3, 1)), NL)
    path = tmp_path / "VR06.pdf"
    path.write_bytes(pdf)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Gemeenten deels gedekt (10)" in text
    assert "Apeldoorn" in text
    assert "CoMensha voor 23 jaar en ouder (vangnet): 033 - 448 11 86 (+31334481186)" in text
