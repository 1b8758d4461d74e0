"""Every visible string goes through one translation table, complete in both languages."""

from __future__ import annotations

import re

import pytest

from coverage.border_rule import BREAKS_RULE
from coverage.schema import REFERENCE_KINDS
from coverage.status import STATUSES
from tests.conftest import REPOSITORY_ROOT
from ui.text.i18n import LANGUAGES, TEXT, Translator

SOURCES = [REPOSITORY_ROOT / "app.py", *sorted((REPOSITORY_ROOT / "ui").rglob("*.py"))]


def test_every_key_has_every_language() -> None:
    for key, texts in TEXT.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key


def test_same_placeholders_in_both_languages() -> None:
    for key, texts in TEXT.items():
        fields = {language: set(re.findall(r"{(\w+)}", text)) for language, text in texts.items()}
        assert fields["nl"] == fields["en"], key


def test_every_literal_key_used_exists() -> None:
    used = set()
    for path in SOURCES:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text()))
    assert used, "no translated strings found"
    assert used - set(TEXT) == set()


@pytest.mark.parametrize(("prefix", "values"), [
    ("status_", [*STATUSES, "coordinator_split"]),
    ("target_", ["all", "under_23", "23_plus"]),
    ("kind_", ["within", *BREAKS_RULE]),
    ("change_", ["gained", "lost", "status_changed", "contact_changed"]),
    ("unit_", list(REFERENCE_KINDS)),
    ("snapshot_", ["current", "earlier"]),
])
def test_keys_built_from_values_exist(prefix: str, values: list[str]) -> None:
    for value in values:
        assert f"{prefix}{value}" in TEXT


def test_numbers_follow_the_language() -> None:
    assert Translator("nl").number(17590672) == "17.590.672"
    assert Translator("en").number(17590672) == "17,590,672"
    assert Translator("nl").percent(0.297) == "29,7 %"
    assert Translator("en").percent(0.297) == "29.7%"
