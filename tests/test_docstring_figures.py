"""No docstring or comment quotes a measured figure: figures go stale, docstrings say why.

A measured figure (how long something took, how large a document came out, how much faster one
way was) belongs in the README's benchmark section, beside the command that measures it and the
date; the docstring keeps the reason. Design values stay where they are set: limits, settings,
targets and constants are not measured, they are chosen.

The rule, applied to every docstring and comment of the code (`app.py`, `coverage/`,
`geodata/`, `registry/`, `ui/`, `web/`, `page_scripts/`, `bench/`, `deploy/` with its
configuration templates):

- a *figure* is a quantity of time, size, speed or share: digits with a unit (`0.3 s`, `12 ms`,
  `4 KB`, `1.5 MB`, `64 MiB`, `11 %`, `10x`, `3 seconds`, `ten times`), or such a quantity
  in words with its own hedge (`about a second`, `a few milliseconds`, `ten times slower`);
- it is *measured* when a word of measurement stands before it in the same sentence (measured,
  took, takes, came, cost, median, p50/p95, percentile), or a word of approximation just before
  it (within `WINDOW` characters: about, around, roughly, nearly, some, `~`, `≈`), or
  `faster`/`slower` right after it;
- a figure right after a comparison or a rate (`≤`, `<`, `at most`, `up to`, `every`, `per`,
  `within`, `over`, `under`) is a limit, target or setting, and never counts.

Lengths and distances (`about 40 characters`, `about 10 m`) are facts of the data or of
geometry, not of the code's speed or size, and are not figures here.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPOSITORY_ROOT

PACKAGES = ("coverage", "geodata", "registry", "ui", "web", "page_scripts", "bench", "deploy")
CONFIGURATION = ("deploy/haproxy/haproxy.cfg.template", "deploy/systemd/coverage-app@.service",
                 "deploy/systemd/coverage.target",
                 "deploy/systemd/haproxy.service.d/coverage.conf")
"""Deployment files whose `#` comments are read too (the rendered `haproxy.cfg` is a copy)."""

WINDOW = 40
"""How far before a figure a word of approximation still counts (characters)."""

UNIT = r"(?:ms|µs|s|KB|kB|KiB|MB|MiB|GB|GiB|%|x|\u00d7)"
FIGURE = re.compile(
    rf"(?<![\w.])\d[\d,]*(?:\.\d+)?\s?{UNIT}(?!\w)"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s(?:milliseconds?|seconds?|minutes?|times)\b"
    r"|\b(?:about|around|roughly|nearly|almost|some)\s(?:a|an|one|two|three|half a)\s"
    r"(?:millisecond|second|minute)s?\b"
    r"|\ba few (?:milli)?seconds\b"
    r"|\b(?:two|three|four|five|ten|a hundred)\s(?:times|fold)\s(?:faster|slower|more|less|"
    r"larger|smaller)\b", re.IGNORECASE)
"""A quantity of time, size, speed or share."""

MEASURED = re.compile(r"\b(?:measured|measuring|took|takes|came|costs?|median|p50|p95|p99|"
                      r"percentile)\b", re.IGNORECASE)
"""Words that say a figure was measured."""
ROUNDED = re.compile(r"\b(?:about|around|roughly|nearly|some)\b|[~≈]", re.IGNORECASE)
"""Words that say a figure is a measurement, rounded."""

FASTER = re.compile(r"^\s*(?:faster|slower)\b", re.IGNORECASE)
DESIGN = re.compile(r"(?:[≤<≥>]|\bat (?:most|least)|\bup to|\bevery|\bper|\bwithin|\bover|"
                    r"\bunder|\btarget|\blimit|\bdefault)\s*$", re.IGNORECASE)
"""What, right before a figure, makes it a limit, target or setting."""


def measured_figures(text: str) -> Iterator[str]:
    """The measured figures quoted in `text`, each with the words before it.

    >>> list(measured_figures("renders about 400 KB of text"))
    ['renders about 400 KB']
    >>> list(measured_figures("libyaml when available: 10x faster"))
    ['libyaml when available: 10x']
    >>> list(measured_figures("Target p95 ≤ 50 ms; at most 1 MB; every 2 s; about 40 characters"))
    []
    """
    flat = " ".join(text.split())
    for figure in FIGURE.finditer(flat):
        before = flat[max(0, figure.start() - WINDOW):figure.start()]
        sentence = flat[flat.rfind(". ", 0, figure.start()) + 1:figure.start()]
        if DESIGN.search(before):
            continue
        if figure.group()[0].isalpha() or MEASURED.search(sentence) or ROUNDED.search(before) \
                or FASTER.match(flat[figure.end():]):
            yield f"{before.lstrip()}{figure.group()}"


def docstrings_and_comments(path: Path) -> Iterator[tuple[int, str]]:
    """Every docstring (of modules, classes, functions and attributes) and comment in `path`."""
    source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            yield node.lineno, node.value.value
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def configuration_comments(path: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("#"):
            yield number, line


def quoted_figures() -> list[str]:
    paths = [REPOSITORY_ROOT / "app.py",
             *(path for package in PACKAGES for path in (REPOSITORY_ROOT / package).rglob("*.py"))]
    texts = [(path, number, text) for path in sorted(paths)
             for number, text in docstrings_and_comments(path)]
    texts += [(REPOSITORY_ROOT / name, number, text) for name in CONFIGURATION
              for number, text in configuration_comments(REPOSITORY_ROOT / name)]
    return [f"{path.relative_to(REPOSITORY_ROOT)}:{number}: …{figure}"
            for path, number, text in texts for figure in measured_figures(text)]


def test_the_rule_tells_measured_figures_from_design_values() -> None:
    measured = [
        "Measured on the 2023 boundaries: 13,642 → 13,127 vertices, largest area change 1.4 %",
        "Drawn in one run, the polygons came at 2.02 s, in two at 1.71 s",
        "(measured: ten times slower for the 342 municipalities, 11 % more bytes)",
        "per session it cost about 0.3 s", "(25 rows, about 1.5 KB)",
        "the chart library alone delayed the map's polygons by about a second",
        "`ui.data.published()` costs about a millisecond even when cached",
        "and `answers` takes 0.1–0.3 s", "they would cost 65 KB or more each time",
        "compares it with every name (a few milliseconds)",
        "the current overview is ~15 kB", "libyaml when available: 10x faster",
        "for the national map about 400 KB", "(geopandas, projections, ~0.5 s)",
    ]
    for text in measured:
        assert list(measured_figures(text)), text
    design = [
        "Target ≤ 1 ms;", "Targets: p95 ≤ 3 s and ≤ 0.05 s CPU per reader.",
        "Target p95 ≤ 50 ms on a 2-core machine", "The largest register file accepted (1 MB).",
        "New web sockets per client address per 10 s before 429.",
        "every process is asked GET /readyz every 2 s", "the one carrying the map (over 100 KB)",
        "Coordinate decimals in the GeoJSON download (about 0.1 m at Dutch latitudes).",
        "the longest official name is about 40 characters", "at 1400x1000 and 390x844",
        "a newly published version reaches every reader within a minute",
        "(a second click on the same municipality)", "a share as a percentage (0.6 → 60.0 %)",
        "holds 64 MiB of memory while it runs; 40 sign-ins at once need 2.5 GiB",
    ]
    for text in design:
        assert list(measured_figures(text)) == [], text


def test_no_docstring_or_comment_quotes_a_measured_figure() -> None:
    assert quoted_figures() == []
