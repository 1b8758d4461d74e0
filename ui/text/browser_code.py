"""The project's browser code: the script files of `static/js/`, with their configuration as
data.

Every script the page or the map runs is a plain script file in `static/js/` (`page/` runs in
the page's document, `map/` in the map's frame), linted by eslint and unit-tested under node
(`tests/js/`). Each file registers one object, `coverageScripts.<job>`, whose `install` does
the job; everything the Python side decides (selectors, names, styles, the address's
parameters) is passed to it as one JSON argument. The files are read once, when this module is
imported, and inlined: the page runs them through `st.html` and the map's frame gets them
inside its script (streamlit-folium's frame could load them from `/app/static/js/`, but it
loads its links one after another before the map is drawn, and Leaflet alone is what the map
may load, see `ui.map.offline`).

No template ever compiles this text, and the configuration is HTML-safe JSON (`<`, `>`, `&`,
`'` as `\\u` escapes, as Jinja's `tojson`): a municipality's or a reader's text in it can
neither end the script nor run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from jinja2.utils import htmlsafe_json_dumps

from ui.text import plain_text

__all__ = ["JS_DIR", "NAMES", "call", "compact", "data", "page_script", "source"]

JS_DIR: Final = Path(__file__).resolve().parents[2] / "static" / "js"
"""The folder of the browser code (served by Streamlit too, at `/app/static/js/`)."""

NAMES: Final = ("map/address", "map/layer", "map/topology", "map/selection", "map/focus",
                "map/proposal", "map/labels", "map/tooltip", "map/touch", "page/keyboard",
                "page/scroll", "page/words")
"""Every script file, as `<folder>/<job>` below :data:`JS_DIR`."""

def compact(text: str) -> str:
    r"""A script's text as the browser gets it: without comments that fill whole lines (what
    the file and each function are for), indentation and blank lines. Nothing else changes: no
    string in the scripts spans lines (eslint forbids template literals and multi-line strings
    in `static/js`, see `eslint.config.js`), so a line that starts a comment is a comment.

    >>> compact("/* About.\n */\n(function () {\n  /** What. */\n  // Why.\n\n"
    ...         "  run();  // now\n})();\n")
    '(function () {\nrun();  // now\n})();\n'
    """
    kept, in_comment = [], False
    for line in (line.strip() for line in text.splitlines()):
        if in_comment:
            in_comment = not line.endswith("*/")
        elif line.startswith("/*") and "*/" not in line:
            in_comment = True
        elif not (line.startswith("//") or (line.startswith("/*") and line.endswith("*/")
                                            and "*/" not in line[2:-2]) or not line):
            kept.append(f"{line}\n")
    return "".join(kept)


_SOURCES: Final[dict[str, str]] = {
    name: compact((JS_DIR / f"{name}.js").read_text(encoding="utf-8")) for name in NAMES}


def source(name: str) -> str:
    """The text of script `name` (one of :data:`NAMES`) as the browser gets it
    (:func:`compact`), read at import."""
    return _SOURCES[name]


def data(config: Mapping[str, Any]) -> str:
    """`config` as HTML-safe JSON, keys sorted (what Jinja's `tojson` writes)."""
    return htmlsafe_json_dumps(config, sort_keys=True)


def call(name: str, *arguments: str) -> str:
    """The JavaScript expression that runs script `name`'s `install` with `arguments`
    (JavaScript expressions: variable names, :func:`data`)."""
    job = name.rpartition("/")[2]
    return f"coverageScripts.{job}.install({', '.join(arguments)})"


def page_script(name: str, config: Mapping[str, Any]) -> plain_text.Markup:
    """A `<script>` for the page's document (:func:`ui.text.plain_text.run_script`): script
    `name` (`page/...`) and its `install` called with `config`."""
    return plain_text.Markup(f"<script>{source(name)}{call(name, data(config))};</script>")
