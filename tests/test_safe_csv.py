"""`coverage.safe_csv`: CSV cells a spreadsheet would run as formulas are neutralised, numbers
stay numbers, and a line break inside a cell never splits its row; the CLI's CSV as well."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pandas as pd
import pytest
from defusedcsv import csv as defused

from coverage.safe_csv import OWASP_STARTS, ROW_END, csv_text, write_csv
from tests.support.paths import REPOSITORY_ROOT

FORMULAS = ['=HYPERLINK("http://x";"Bel hier")', "@SUM(1)", "-2+3", "\tx", "\rx",
            "+31201234567", "=cmd|' /C calc'!A0", "%x"]
"""Cells a spreadsheet would run (or show) as a formula, or that defusedcsv guards."""


def read_back(text: str, separator: str) -> list[list[str]]:
    """The rows as the csv module reads them (quoted line breaks kept in their cell)."""
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


@pytest.mark.parametrize(("separator", "decimal"), [(";", ","), (",", ".")])
def test_every_formula_gets_an_apostrophe_and_numbers_stay_numbers(separator: str,
                                                                   decimal: str) -> None:
    table = pd.DataFrame({"name": FORMULAS, "count": range(-3, len(FORMULAS) - 3),
                          "share": [-0.5 + step / 4 for step in range(len(FORMULAS))]})
    rows = read_back(csv_text(table, separator=separator, decimal=decimal), separator)
    assert rows[0] == ["name", "count", "share"]
    assert len(rows) == len(FORMULAS) + 1
    names = [row[0] for row in rows[1:]]
    assert names[:6] == ["'" + text for text in FORMULAS[:6]]
    assert names[6] == "'=cmd\\|' /C calc'!A0"  # defusedcsv's rule also escapes the pipe
    assert names[7] == "'%x"
    assert not [cell for row in rows for cell in row[:1] if cell.startswith(OWASP_STARTS)]
    assert [row[1] for row in rows[1:4]] == ["-3", "-2", "-1"]  # numbers, not neutralised
    assert rows[1][2] == f"-0{decimal}5"
    assert rows[2][2] == f"-0{decimal}25"


def test_text_that_is_only_a_negative_number_is_left_as_it_is() -> None:
    table = pd.DataFrame({"text": ["-12", "-1,5", "-", "- 3"]})
    assert [row[0] for row in read_back(csv_text(table), ",")[1:]] == ["-12", "-1,5", "'-",
                                                                       "'- 3"]


def test_same_rule_as_defusedcsv_for_its_characters() -> None:
    """Where defusedcsv neutralises, the CSV holds exactly what defusedcsv's writer writes."""
    cells = [text for text in FORMULAS if not text.startswith(("\t", "\r"))]
    expected = io.StringIO()
    defused.writer(expected, lineterminator=ROW_END).writerows([["x"], *[[c] for c in cells]])
    assert csv_text(pd.DataFrame({"x": cells})) == expected.getvalue()


@pytest.mark.parametrize("separator", [";", ","])
def test_line_breaks_stay_inside_their_cell(separator: str) -> None:
    names = ["Gemeente\r\nmet regeleinde", "alleen\rterug", "alleen\nnieuw", "gewoon"]
    table = pd.DataFrame({"name": names, "population": [1, 2, 3, 4]})
    text = csv_text(table, separator=separator)
    assert text.count(ROW_END) >= 5 and text.endswith(ROW_END)
    rows = read_back(text, separator)
    assert rows == [["name", "population"], *[[name, str(n)] for n, name in
                                              enumerate(names, start=1)]]


def test_floats_are_positional_and_missing_values_empty() -> None:
    table = pd.DataFrame({"share": [1e-05, -2.5e-06, float("nan"), 12.0],
                          "flag": [True, False, True, False]})
    assert read_back(csv_text(table), ",")[1:] == [["0.00001", "True"], ["-0.0000025", "False"],
                                                   ["", "True"], ["12.0", "False"]]
    buffer = io.StringIO()
    write_csv(table.head(2), buffer, separator=";", decimal=",", float_format="%.4f")
    assert buffer.getvalue() == "share;flag\r\n0,0000;True\r\n-0,0000;False\r\n"


def test_the_cli_report_is_written_the_same_way() -> None:
    result = subprocess.run([sys.executable, "-m", "coverage", "report", "--by",
                             "safety-region", "--csv"], cwd=REPOSITORY_ROOT,
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert text.count(ROW_END) == 26  # rows end as write_csv ends them
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 25
    assert sum(int(row["municipalities_total"]) for row in rows) == 342
    assert all(len(row["population_share_without_coordinator"].split(".")[1]) == 4
               for row in rows)
