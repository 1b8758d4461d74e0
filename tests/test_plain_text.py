"""`ui.text.plain_text`: outside text reaches the page literally, and only through that module.

The helper's functions are run in Streamlit's AppTest with payloads of every kind that
Streamlit's Markdown would turn into something else; the last tests read the source of `ui/` and
`app.py` and fail on any direct call of a Markdown-rendering Streamlit function, or any widget
label that is not project text or passed through `plain_text.label`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.page_text import shown
from tests.support.paths import REPOSITORY_ROOT
from ui.text import plain_text

PAYLOADS = [
    "x. Bel [033 - 448 11 86](tel:%2B31900123456)",
    "![x](http://127.0.0.1:9/x.png)",
    "<img src=x onerror=\"document.title='pwned'\"> <b>vet</b> <script>alert(1)</script>",
    ":red[rood] :material/home: :streamlit: :smile: $x^2$ -> <-> **vet** _schuin_ `code`",
    "http://127.0.0.1:9/bare www.example.com \\* \\[a\\](b) &amp; &lt;",
]


def _show_everything(payload: str) -> None:
    import streamlit as st

    from ui.text import plain_text

    plain_text.paragraph(payload)
    plain_text.caption(payload)
    plain_text.emphasised(payload, f" — {payload}")
    plain_text.bullets([payload, payload])
    for kind in ("info", "warning", "error", "success"):
        getattr(plain_text, kind)(payload)
    plain_text.caption(payload, where=st.sidebar)
    st.button(plain_text.label(payload), key="button")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_function_shows_the_text_literally(payload: str) -> None:
    app = AppTest.from_function(_show_everything, args=(payload,))
    app.run()
    assert not app.exception, app.exception
    items = shown(app)
    assert [item.kind for item in items] == [
        "paragraph", "caption", "paragraph", "list", "info", "warning", "error", "success",
        "caption"]
    for item in items:
        assert payload in item.text, (item.kind, item.text)
        assert "<img" not in item.html and "<script" not in item.html and "<a " not in item.html
        assert "<b>" not in item.html
    assert items[2].text == f"{payload} — {payload}"
    # Nothing reached Streamlit's Markdown elements.
    assert not app.markdown and not app.caption and not app.info and not app.warning
    assert not app.error and not app.success


def test_callouts_carry_a_role() -> None:
    app = AppTest.from_function(_show_everything, args=("x",))
    app.run()
    roles = {item.kind: item.html.split("role='")[1].split("'")[0]
             for item in shown(app) if "callout" in item.html}
    assert roles == {"info": "status", "warning": "alert", "error": "alert",
                     "success": "status"}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_label_escapes_every_punctuation_mark(payload: str) -> None:
    text = plain_text.label(payload)
    for position, char in enumerate(text):
        if char == plain_text.WORD_JOINER:
            assert text[position - 2] == "\\"
        elif char.isascii() and not char.isalnum() and not char.isspace():
            # Either an escaping backslash, or the escaped mark itself.
            escaped = text[position - 1] == "\\" and text[position + 1] == plain_text.WORD_JOINER
            escaping = char == "\\" and text[position + 2] == plain_text.WORD_JOINER
            assert escaped or escaping, (position, text)
    assert text.replace(plain_text.WORD_JOINER, "").replace("\\\\", "\0").replace(
        "\\", "").replace("\0", "\\") == payload


def test_label_leaves_letters_digits_and_spaces() -> None:
    assert plain_text.label("Súdwest Fryslân 2023") == "Súdwest Fryslân 2023"


def test_markup_escapes_values_but_not_markup() -> None:
    inner = plain_text.markup("<i>{x}</i>", x="<b>&</b>")
    assert inner == "<i>&lt;b&gt;&amp;&lt;/b&gt;</i>"
    outer = plain_text.markup("<p title='{title}'>{inner}</p>", title="' onclick='x", inner=inner)
    assert outer == "<p title='&#x27; onclick=&#x27;x'><i>&lt;b&gt;&amp;&lt;/b&gt;</i></p>"
    assert isinstance(outer, plain_text.Markup)
    assert isinstance(plain_text.join([inner, outer]), plain_text.Markup)


def _show_markup_of(fragment: str) -> None:
    from ui.text import plain_text

    plain_text.show_markup(plain_text.Markup(fragment))


def test_show_markup_takes_only_markup() -> None:
    app = AppTest.from_function(_show_markup_of, args=("<p>a\n\n[b](http://x)</p>",))
    app.run()
    assert not app.exception
    (item,) = shown(app, "markup")
    assert item.html == "<p>a\n\n[b](http://x)</p>"  # st.html: no Markdown pass at all
    assert not app.markdown
    with pytest.raises(TypeError, match="show_markup takes Markup"):
        plain_text.show_markup("<p>x</p>")  # type: ignore[arg-type]


# --- the rule: nothing else renders text -----------------------------------------------------

RENDERING = {"markdown", "write", "write_stream", "caption", "info", "warning", "error",
             "success", "exception", "html", "text", "latex", "toast", "badge", "code",
             "help", "echo"}
"""Streamlit functions that put text on the page (most of them through Markdown)."""

LABELLED = {"button", "download_button", "link_button", "page_link", "radio", "toggle",
            "checkbox", "selectbox", "multiselect", "select_slider", "slider", "text_input",
            "text_area", "number_input", "date_input", "time_input", "file_uploader",
            "color_picker", "segmented_control", "pills", "feedback", "expander", "popover",
            "title", "header", "subheader", "metric", "form_submit_button"}
"""Streamlit functions whose first argument is a label rendered as Markdown."""

SAFE_RECEIVERS = {"plain_text", "LOGGER", "logger", "_LOGGER", "_log", "logging", "log"}
"""The helper module itself, and loggers (`LOGGER.error` writes to the server log)."""
HELPER = REPOSITORY_ROOT / "ui" / "text" / "plain_text.py"


def presenting_modules() -> list[Path]:
    """`app.py` and every module of `ui/` except the helper itself."""
    return [REPOSITORY_ROOT / "app.py",
            *sorted(path for path in (REPOSITORY_ROOT / "ui").rglob("*.py") if path != HELPER)]


def _receiver(call: ast.Call) -> str | None:
    node = call.func.value if isinstance(call.func, ast.Attribute) else None
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_project_text(node: ast.expr) -> bool:
    """`t("key")` (any callable with one literal key and no fields), or `plain_text.label(...)`."""
    if not isinstance(node, ast.Call):
        return False
    if isinstance(node.func, ast.Attribute) and node.func.attr == "label":
        return True
    if isinstance(node.func, ast.Name) and node.func.id == "label":
        return True
    return (len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str))


def rule_breaks(source: str, name: str) -> list[str]:
    """Every direct rendering call, Streamlit rendering import and unchecked label in `source`."""
    breaks = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("streamlit"):
            breaks += [f"{name}:{node.lineno}: imports {alias.name} from {node.module}"
                       for alias in node.names if alias.name in RENDERING | LABELLED]
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        attr = node.func.attr
        if attr in RENDERING and _receiver(node) not in SAFE_RECEIVERS:
            breaks.append(f"{name}:{node.lineno}: .{attr}(...) renders text; "
                          "use ui.text.plain_text")
        if attr in LABELLED:
            labels = node.args[:1] + [k.value for k in node.keywords if k.arg == "label"]
            if labels and not _is_project_text(labels[0]):
                breaks.append(f"{name}:{node.lineno}: .{attr}() label is neither t('key') nor "
                              f"plain_text.label(...)")
    return breaks


def test_only_the_helper_renders_text() -> None:
    breaks = [rule for path in presenting_modules()
              for rule in rule_breaks(path.read_text(encoding="utf-8"), path.name)]
    assert breaks == []


@pytest.mark.parametrize("source", [
    "import streamlit as st\nst.markdown(x)",
    "import streamlit as st\nst.sidebar.caption(x)",
    "left.write(x)",
    "from streamlit import warning",
    "st.button(name)",
    "st.button(t('x', name=name))",
    "st.radio(label=f'{x}', options=[])",
    "st.html(x)",
])
def test_the_rule_catches_each_way_round_it(source: str) -> None:
    assert rule_breaks(source, "example.py")


@pytest.mark.parametrize("source", [
    "plain_text.warning(t('x', value=v))",
    "st.button(t('clear'))",
    "st.button(plain_text.label(name), key='k')",
    "LOGGER.error('x')",
    "st.dataframe(table)",
])
def test_the_rule_lets_the_safe_ways_through(source: str) -> None:
    assert rule_breaks(source, "example.py") == []


def test_the_rule_reads_every_presenting_module() -> None:
    names = {path.name for path in presenting_modules()}
    assert {"app.py", "page.py", "views.py", "search.py", "sidebar.py"} <= names
    assert "plain_text.py" not in names
    assert all(Path(path).exists() for path in presenting_modules())
