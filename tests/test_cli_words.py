"""The command line's own words go through one table (`cli/words.py`), complete in English and
Dutch: English by default, Dutch with `COVERAGE_LANG=nl` or `lookup --lang nl`; and no English
sentence reaches the user from `cli/` without passing through the table."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cli.main import build_parser, main
from cli.words import LANGUAGE_VARIABLE, LANGUAGES, WORDS, Words
from coverage.search import OFFER_KINDS
from tests.conftest import REPOSITORY_ROOT

SOURCES = sorted((REPOSITORY_ROOT / "cli").glob("*.py"))
SPOKEN_CALLS = {"print", "error", "getpass", "write", "UsageError", "RefusedError",
                "NoTerminalError", "ArgumentTypeError", "_exit_usage", "SystemExit"}
"""Calls whose string arguments reach the user: printing, argparse's and the CLI's errors, the
password prompt."""
SPOKEN_KEYWORDS = {"help", "description", "epilog", "usage"}
WORD = re.compile(r"[A-Za-z]{2,}")


def _fields(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)", text))


def test_every_key_has_both_languages_and_the_same_fields() -> None:
    assert len(WORDS) > 100
    for key, texts in WORDS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
        assert _fields(texts["nl"]) == _fields(texts["en"]), key


def _is_translation(call: ast.Call) -> bool:
    """`t("key", ...)` or `args.words("key", ...)`."""
    return ((isinstance(call.func, ast.Name) and call.func.id == "t")
            or (isinstance(call.func, ast.Attribute) and call.func.attr == "words"))


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _literal_pieces(node: ast.AST) -> list[str]:
    """The string literals in `node` that would be shown: not the keys of translations, not
    subscripts (`row['label']`), not format specs."""
    pieces: list[str] = []

    def visit(item: ast.AST) -> None:
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            pieces.append(item.value)
        elif isinstance(item, ast.Subscript | ast.FormattedValue):  # not the key, not the spec
            visit(item.value)
        elif isinstance(item, ast.Call) and _is_translation(item):
            for part in [*item.args[1:], *(keyword.value for keyword in item.keywords)]:
                visit(part)
        else:
            for child in ast.iter_child_nodes(item):
                visit(child)

    visit(node)
    return pieces


def untranslated(source: str) -> list[str]:
    """Plain English handed to the user in `source`: a string literal with a word in it, in a
    call of `SPOKEN_CALLS` or a keyword of `SPOKEN_KEYWORDS`, not through the table."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        spoken = list(node.args) if _name(node) in SPOKEN_CALLS else []
        spoken += [keyword.value for keyword in node.keywords
                   if keyword.arg in SPOKEN_KEYWORDS or _name(node) in SPOKEN_CALLS]
        for part in spoken:
            found += [f"line {node.lineno}: {piece!r}" for piece in _literal_pieces(part)
                      if WORD.search(piece)]
    return found


def test_the_scan_finds_plain_english() -> None:
    assert untranslated('print("Nothing to publish.")') == ["line 1: 'Nothing to publish.'"]
    assert untranslated('parser.add_argument("--x", help="the x")') == ["line 1: 'the x'"]
    assert untranslated('raise UsageError(f"unknown {name}")') == ["line 1: 'unknown '"]
    assert untranslated('parser.error("no")') == ["line 1: 'no'"]
    assert untranslated('print(t("error", message=f"{row[\'name\']}: {x:%Y-%m}"))') == []
    assert untranslated('print(f"  {part.code}: {extent}")') == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_no_plain_english_reaches_the_user_from_cli(path: Path) -> None:
    assert untranslated(path.read_text(encoding="utf-8")) == []


def _used_keys() -> set[str]:
    used = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _is_translation(node) and node.args:
                key = node.args[0]  # "key", or "one" if ... else "other"
                keys = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
                used |= {key.value for key in keys if isinstance(key, ast.Constant)}
    return used


def test_every_key_used_exists_and_every_key_is_used() -> None:
    used = _used_keys()
    assert len(used) > 100
    assert used - set(WORDS) == set()
    kinds = ("place", "alias", "postcode")  # a `Via`'s kinds: t("via_" + via.kind)
    assert set(kinds) <= set(OFFER_KINDS)
    built = {f"via_{kind}" for kind in kinds}
    assert built <= set(WORDS)
    assert set(WORDS) - used - built == set()


def test_the_help_follows_the_language() -> None:
    english = build_parser(Words("en")).format_help()
    dutch = build_parser(Words("nl")).format_help()
    assert "who to call for a municipality" in english
    assert "wie u belt voor een gemeente" in dutch
    assert "who to call" not in dutch


def test_messages_are_english_by_default_and_dutch_with_coverage_lang(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    assert main(["lookup", "bergen"]) == 2
    assert capsys.readouterr().err == (
        "error: 'bergen' is ambiguous: Bergen (NH.) (GM0373), Bergen (L.) (GM0893)\n")
    monkeypatch.setenv(LANGUAGE_VARIABLE, "nl")
    assert main(["lookup", "bergen"]) == 2
    assert capsys.readouterr().err == (
        "fout: 'bergen' is niet eenduidig: Bergen (NH.) (GM0373), Bergen (L.) (GM0893)\n")
    assert main(["--data", "data", "check"]) == 0
    assert capsys.readouterr().out.startswith("earlier: 17 vermeldingen OK\n")
    assert main(["--data", "data", "history"]) == 2
    assert capsys.readouterr().err == (
        "fout: history leest de gepubliceerde versies; laat --data weg\n")


def test_lookup_lang_chooses_the_language_of_its_messages(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(LANGUAGE_VARIABLE, "en")
    assert main(["lookup", "amsterdm", "--lang", "nl"]) == 2
    assert capsys.readouterr().err.startswith(
        "fout: geen gemeente, plaats of postcode 'amsterdm'; bedoelt u Amsterdam")
    monkeypatch.setenv(LANGUAGE_VARIABLE, "nl")
    assert main(["lookup", "amsterdm", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: no municipality, place or postcode 'amsterdm'; did you mean Amsterdam")
