"""One language per page, in pieces: Streamlit's own words (`ui.text.framework_words`), times in
Amsterdam (`ui.text.local_time`), the history view's labels (`ui.dashboard.history`), the plain
tables that replace the data grid (`ui.dashboard.html_table`) and `lookup --lang nl`
(`coverage.lookup_text`)."""

from __future__ import annotations

import datetime
import re

import pandas as pd

from coverage.answer import answer_for
from coverage.engine import Coverage
from coverage.lookup_text import answer_lines
from registry.accounts import SignInRefusedError
from registry.store import SEED_AUTHOR
from registry.versions import VersionInfo
from tests.support.apptest import open_view_no_exception as open_view
from tests.support.apptest import start
from tests.support.cli import run
from ui.dashboard.history import history_table
from ui.dashboard.html_table import table_markup
from ui.dashboard.tables import gaps_table
from ui.edit.sign_in import refusal_text
from ui.text import plain_text
from ui.text.framework_words import WORDS, words_script
from ui.text.i18n import Translator
from ui.text.local_time import clock_text, date_time_text

NL, EN = Translator("nl"), Translator("en")
SUMMER_UTC = datetime.datetime(2026, 7, 1, 22, 30, tzinfo=datetime.UTC)
ENGLISH_STATUS_WORDS = ("safety region", "police unit", "note:", "area:", "Call ",
                        "No regional coordinator", "victims", "(no organisation named)",
                        "listed as", "lies in", "No care coordinator", "Regional care",
                        "fallback", "named in the overview")


def _seeded(number: int, label: str, parent: int | None) -> VersionInfo:
    return VersionInfo(number, label, None, "", SUMMER_UTC, SEED_AUTHOR,
                       f"First start: seeded from {label}.yaml", parent, "ab" * 32)


def test_streamlit_phrases_named_in_the_issue_have_dutch_words() -> None:
    english = {en for en, _ in WORDS}
    assert {"Skip to main content", "Collapse sidebar", "Show password", "Scroll tabs right",
            "Press Enter to apply", "Choose an option", "Fullscreen"} <= english
    assert all(nl and nl != en for en, nl in WORDS)


def test_the_words_script_survives_streamlits_sanitiser() -> None:
    """Streamlit's HTML sanitiser (DOMPurify) drops a script whose text holds `<` before a
    letter or `/`: then neither `<html lang>` nor any word would be set."""
    for language in ("nl", "en"):
        script = str(words_script(language))
        body = script.removeprefix("<script>").removesuffix("</script>")
        assert script != body and not re.search(r"<[/\w!]", body)
        # static/js/page/words.js sets <html lang> from its configuration.
        assert "document.documentElement.lang = config.language;" in body
        assert f'"language": "{language}"' in body


def test_times_are_amsterdam_times() -> None:
    assert date_time_text(SUMMER_UTC, "nl") == "02-07-2026 00:30"  # CEST, the next day
    assert date_time_text(SUMMER_UTC, "en") == "2026-07-02 00:30"
    winter = datetime.datetime(2026, 12, 7, 9, 15, tzinfo=datetime.UTC)
    assert clock_text(winter) == "10:15"
    naive = datetime.datetime(2026, 12, 7, 9, 15)  # the database's UTC without a zone
    assert clock_text(naive) == "10:15"


def test_the_history_speaks_the_page_language() -> None:
    infos = [_seeded(2, "current", 1), _seeded(1, "earlier", None)]
    table = history_table(infos, NL)
    assert table["Label"].tolist() == ["Huidig overzicht (Nederlands)",
                                       "Eerder overzicht (Engels)"]
    assert table["Gepubliceerd"].tolist() == ["02-07-2026 00:30"] * 2
    assert table["Gebaseerd op"].tolist() == ["1", "geen"]
    assert set(table["Toelichting"]) == {"Eerste start: overgenomen uit de meegeleverde "
                                         "bestanden"}
    shown = " ".join(table.astype(str).to_numpy().ravel())
    for english in ("First start", "seeded", "None", "current", "earlier", "UTC", "seed "):
        assert english not in shown, english
    written = history_table([VersionInfo(3, "v3", None, "", SUMMER_UTC, "anna",
                                         "First start: seeded from x.yaml", 2, "cd" * 32)], NL)
    assert written.at[0, "Toelichting"] == "First start: seeded from x.yaml"  # someone's words


def test_the_history_view_in_the_app_has_no_utc_or_none() -> None:
    app = open_view(start(), "Geschiedenis")
    (table,) = [item for item in app.get("html")
                if "<table class='plain-table'" in item.proto.body]
    assert "UTC" not in table.proto.body and ">None<" not in table.proto.body
    assert "Huidig overzicht (Nederlands)" in table.proto.body
    assert not app.dataframe


def test_a_plain_table_escapes_and_writes_numbers_the_page_way() -> None:
    frame = pd.DataFrame({"Naam": ["<b>x</b>", None], "Aantal": [12345, 7],
                          "Aandeel": [0.6, float("nan")]})
    html = table_markup(frame, NL, caption="Proef", percent_columns={"Aandeel"})
    assert isinstance(html, plain_text.Markup)
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x" not in html
    assert "12.345" in html and "60,0 %" in html
    assert "None" not in html and "nan" not in html
    assert "<th scope='row'>" in html  # the key column heads each row (sticky by CSS)


def test_the_gaps_table_leads_with_the_region(current: Coverage) -> None:
    assert list(gaps_table(current, NL).columns[:2]) == ["Veiligheidsregio", "Code"]
    assert "Aandeel inwoners zonder (volledige) regionale zorgcoördinator" in gaps_table(
        current, NL).columns


def test_lookup_in_dutch_has_no_english_words(current: Coverage) -> None:
    for code in ("GM0200", "GM0034", "GM0193", "GM0394"):  # split, fallback, CoMensha, one
        text = "\n".join(answer_lines(answer_for(current, code), "nl"))
        assert [word for word in ENGLISH_STATUS_WORDS if word in text] == [], (code, text)
    result = run("lookup", "2132", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert "postcode 2132 (Hoofddorp) ligt in Haarlemmermeer" in result.stdout
    assert "Status: Regionale zorgcoördinator" in result.stdout
    assert [word for word in ENGLISH_STATUS_WORDS if word in result.stdout] == []
    english = run("lookup", "Almere").stdout  # the default output is unchanged
    assert "Status: No care coordinator: CoMensha as fallback" in english
    assert "Call CoMensha: 033 - 448 11 86 (+31334481186)" in english


def test_the_sign_in_lock_time_is_amsterdam_time() -> None:
    text = refusal_text(NL, SignInRefusedError(SUMMER_UTC))
    assert "00:30 (Nederlandse tijd)" in text and "UTC" not in text
