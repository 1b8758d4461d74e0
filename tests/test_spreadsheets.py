"""`ui.dashboard.spreadsheets` and the table downloads: no cell a spreadsheet runs as a formula, in
either CSV dialect or in the XLSX, whose cells are typed (text as text, counts as numbers, shares as
percentages) with the header in the page's language."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from coverage.engine import Coverage, compute_all
from coverage.safe_csv import OWASP_STARTS
from geodata import Boundaries, Units
from registry.yaml_register import DATA_DIR, load_register
from ui.dashboard.downloads import gaps_csv, gaps_xlsx, municipalities_csv, municipalities_xlsx
from ui.dashboard.spreadsheets import (
    DIALECTS,
    PERCENT_FORMAT,
    SHEET_NAME_LIMIT,
    sheet_name,
    spreadsheet_csv,
    spreadsheet_xlsx,
)
from ui.dashboard.tables import gaps_table
from ui.text.i18n import Translator

NL, EN = Translator("nl"), Translator("en")
HYPERLINK = '=HYPERLINK("http://x";"Bel hier")'
FORMULAS = [HYPERLINK, "@SUM(1)", "-2+3", "\tx", "\rx", "+31201234567"]
"""Organisations a spreadsheet would run as a formula (or show without its `+`)."""
LINE_BREAKS = "Gemeente\r\nmet\rregel\neinden"


def sample(t: Translator) -> pd.DataFrame:
    """A table as the downloads build it: headers in the language, formulas as organisations,
    a name with line breaks, phones in E.164, population and a share."""
    return pd.DataFrame({
        t("col_municipality"): [LINE_BREAKS, *[f"Gemeente {n}" for n in range(1, 6)]],
        t("col_organisations"): FORMULAS,
        t("col_phones_e164"): ["+31201234567", "+31334481186 / +31555269200", "", "+318002000",
                               "+31201234567", "+31201234567"],
        t("col_population"): [1200, 0, 35, 17_590_672, 7, 8],
        t("col_share_without"): [0.25, 0.0, 1.0, 0.123456, 0.5, 0.75],
    })


def read_csv_rows(data: bytes, language: str) -> list[list[str]]:
    """The rows as the csv module reads them in the language's dialect."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=DIALECTS[language].separator))


def sheet_of(data: bytes) -> Worksheet:
    worksheet = load_workbook(io.BytesIO(data)).active
    assert isinstance(worksheet, Worksheet)
    return worksheet


def no_formula_in(data: bytes) -> bool:
    """No cell of the workbook's sheets is stored as a formula (an `<f>` element)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        return bool(sheets) and not any(b"<f" in archive.read(name) for name in sheets)


@pytest.mark.parametrize("t", [NL, EN], ids=["nl", "en"])
def test_csv_neutralises_every_formula_in_both_dialects(t: Translator) -> None:
    rows = read_csv_rows(spreadsheet_csv(sample(t), t.language), t.language)
    assert len(rows) == 7  # the line breaks stay inside their cell
    assert rows[0] == list(sample(t).columns)
    assert rows[1][0] == LINE_BREAKS
    assert [row[1] for row in rows[1:]] == ["'" + text for text in FORMULAS]
    assert rows[1][2] == "'+31201234567" and rows[2][2] == "'+31334481186 / +31555269200"
    assert not [cell for row in rows for cell in row if cell.startswith(OWASP_STARTS)]
    assert rows[4][3:] == ["17590672", f"0{DIALECTS[t.language].decimal}123456"]


def test_xlsx_cells_are_typed_and_never_formulas() -> None:
    data = spreadsheet_xlsx(sample(NL), NL("sheet_gaps"),
                            percent_columns={NL("col_share_without")})
    assert no_formula_in(data)
    sheet = sheet_of(data)
    assert sheet.title == "Hiaten per veiligheidsregio"
    assert [cell.value for cell in sheet[1]] == list(sample(NL).columns)
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 6
    assert rows[0][0].value == "Gemeente\nmet\nregel\neinden"  # line breaks as Excel's
    for row, text in zip(rows, FORMULAS, strict=True):
        assert (row[1].value, row[1].data_type) == (text.replace("\r", "\n"), "s")
    assert (rows[0][2].value, rows[0][2].data_type) == ("+31201234567", "s")
    population = rows[3][3]
    assert population.value == 17_590_672 and type(population.value) is int
    assert population.data_type == "n"
    share = rows[3][4]
    assert (share.value, share.data_type, share.number_format) == (0.123456, "n",
                                                                    PERCENT_FORMAT)
    assert population.number_format != PERCENT_FORMAT
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDE"]
    assert all(8 <= width <= 60 for width in widths)
    assert widths[0] == len("Gemeente 1") + 2  # the longest line, not the whole name
    assert widths[1] == len(HYPERLINK) + 2
    assert widths[2] == len(NL("col_phones_e164")) + 2  # the header, longer than the phones


def test_xlsx_keeps_text_that_openpyxl_would_refuse_or_take_for_an_error() -> None:
    table = pd.DataFrame({"x": ["a\x00b", None, "#N/A"], "n": [1.5, float("nan"), 2]})
    sheet = sheet_of(spreadsheet_xlsx(table, "x"))
    assert [(cell.value, cell.data_type) for cell in sheet["A"][1:]] == [
        ("a\ufffdb", "s"), (None, "n"), ("#N/A", "s")]
    assert [cell.value for cell in sheet["B"][1:]] == [1.5, None, 2.0]


def test_sheet_names_are_valid() -> None:
    assert sheet_name("Gemeenten") == "Gemeenten"
    assert sheet_name("a/b: [c]*?\\") == "ab c"
    assert len(sheet_name("x" * 40)) == SHEET_NAME_LIMIT
    assert sheet_name("'[]'") == "Sheet"


def test_gaps_xlsx_has_counts_as_numbers_and_the_share_as_a_percentage(
        current: Coverage) -> None:
    for t in (NL, EN):
        sheet = sheet_of(gaps_xlsx(current, t))
        expected = gaps_table(current, t)
        header = [cell.value for cell in sheet[1]]
        assert header == list(expected.columns)
        assert sheet.title == t("sheet_gaps")
        code = header.index(t("col_code"))  # the region's name is the first column
        rows = {row[code].value: row for row in sheet.iter_rows(min_row=2)}
        assert len(rows) == 25
        vr25 = rows["VR25"]
        column = header.index(t("col_without"))
        assert vr25[column].value == 6 and type(vr25[column].value) is int
        share = vr25[header.index(t("col_share_without"))]
        expected_share = expected.set_index(t("col_code")).at["VR25", t("col_share_without")]
        assert share.value == pytest.approx(expected_share)
        assert share.number_format == PERCENT_FORMAT


@pytest.fixture(scope="module")
def hyperlinked(tmp_path_factory: pytest.TempPathFactory, units: Units) -> Coverage:
    """The real register with the Veluwe's first organisation (MEE-Veluwe, under 23) replaced
    by a spreadsheet formula."""
    folder = tmp_path_factory.mktemp("formula") / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "snapshots" / "current.yaml"
    old = """      - organisation: MEE-Veluwe
        target_group: under_23
        target_group_wording: (23 - )
        phones: ["055 - 526 92 00"]
      - organisation: Moviera
        target_group: 23_plus
        target_group_wording: (23 +)
        phones: ["088 - 374 47 44"]

  - id: gemeente-groningen"""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    new = old.replace("organisation: MEE-Veluwe", f"organisation: '{HYPERLINK}'", 1)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return compute_all(load_register(units, folder), units)["current"]


@pytest.mark.parametrize("t", [NL, EN], ids=["nl", "en"])
def test_an_organisation_that_is_a_formula_is_text_in_every_download(
        hyperlinked: Coverage, boundaries: Boundaries, t: Translator) -> None:
    areas = boundaries.municipalities["area_km2"]
    organisations = f"{HYPERLINK} ({t('target_under_23')}); Moviera ({t('target_23_plus')})"

    rows = read_csv_rows(municipalities_csv(hyperlinked, areas, t), t.language)
    header, apeldoorn = rows[0], next(row for row in rows if row[0] == "GM0200")
    assert len(rows) == 343
    assert apeldoorn[header.index(t("col_organisations"))] == "'" + organisations
    assert apeldoorn[header.index(t("col_phones_e164"))] == "'+31555269200; +31883744744"
    assert not [cell for row in rows for cell in row if cell.startswith(OWASP_STARTS)]
    gaps = read_csv_rows(gaps_csv(hyperlinked, t), t.language)
    assert len(gaps) == 26
    assert not [cell for row in gaps for cell in row if cell.startswith(OWASP_STARTS)]

    data = municipalities_xlsx(hyperlinked, areas, t)
    assert no_formula_in(data)
    sheet = sheet_of(data)
    assert sheet.title == t("sheet_municipalities")
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == [t("col_code"), t("col_municipality"), t("col_official_name")]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert len(cells) == 342
    organisation = cells["GM0200"][header.index(t("col_organisations"))]
    assert (organisation.value, organisation.data_type) == (organisations, "s")
    phone = cells["GM0193"][header.index(t("col_phones_e164"))]
    assert (phone.value, phone.data_type) == ("+31334481186", "s")
    population = cells["GM0193"][header.index(t("col_population"))]
    assert population.value == hyperlinked.municipalities.at["GM0193", "population"]
    assert type(population.value) is int
    area = cells["GM0193"][header.index(t("col_area_km2"))]
    assert area.value == pytest.approx(round(areas["GM0193"], 3))


def test_the_headers_are_in_the_page_language(current: Coverage,
                                              boundaries: Boundaries) -> None:
    areas = boundaries.municipalities["area_km2"]
    dutch = [cell.value for cell in sheet_of(municipalities_xlsx(current, areas, NL))[1]]
    english = [cell.value for cell in sheet_of(municipalities_xlsx(current, areas, EN))[1]]
    assert dutch[:2] == ["Code", "Gemeente"] and "Inwoners" in dutch
    assert english[:2] == ["Code", "Municipality"] and "Inwoners" not in english
