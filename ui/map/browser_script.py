"""A map element whose code is a script file of `static/js/map/`, run with its configuration.

:class:`BrowserScript` is the folium element behind every script the map's frame runs
(selection, focus, proposal, labels, tooltip, touch, topology): its part of the map's script is
the script files it needs (:func:`code_for`: each file once per map, with the first element
that needs it) and one call, `coverageScripts.<job>.install(<map>, <layer>, ..., <config>)`
(:mod:`ui.text.browser_code`). The text is put into the map's document verbatim: branca
compiles every rendered macro as a Jinja template, which the scripts' and the configuration's
text must never be (a `{{ }}` in a name would be evaluated).

streamlit-folium collects the frame's script by calling each element's `script` macro in the
order of the map's tree (``streamlit_folium._generate_leaflet_string``), not from the figure:
so the files go with the element, and "first" is the first in that order (:func:`_walk`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from branca.element import Element, MacroElement
from folium.template import Template

from ui.text.browser_code import call, source

__all__ = ["BrowserScript", "Verbatim", "code_for"]


class Verbatim(Element):
    """A piece of a figure rendered as the text it holds (never compiled as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The text, as is."""
        return self.text


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def code_for(element: Any) -> str:
    """The text of the script files ``element.browser_code`` names that no element before it
    in its figure's tree needs: every file once per map document."""
    before: set[str] = set()
    for other in _walk(element.get_root()):
        if other is element:
            break
        before.update(getattr(other, "browser_code", ()))
    return "".join(source(name) for name in element.browser_code if name not in before)


class BrowserScript(MacroElement):
    """A map element run by the script file :attr:`script_name` (after :attr:`libraries`).

    A subclass names its file, gives the call's :meth:`arguments` (the map, the layers it
    works on, its configuration as :func:`ui.text.browser_code.data`), and may set
    :attr:`css`, a `<style>` element for the frame's head.
    """

    script_name: ClassVar[str]
    """The element's script, e.g. ``"map/selection"``."""
    libraries: ClassVar[tuple[str, ...]] = ()
    """Scripts it needs before its own (e.g. the address watch, ``"map/address"``)."""
    css: str = ""
    """A `<style>` element for the frame's head, or nothing."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
        {% macro script(this, kwargs) %}{{ this.script_text() }}{% endmacro %}
        """
    )

    @property
    def browser_code(self) -> tuple[str, ...]:
        """Every script file it runs, in order."""
        return (*self.libraries, self.script_name)

    def arguments(self) -> list[str]:
        """The JavaScript expressions given to the script's ``install``."""
        raise NotImplementedError

    def statement(self) -> str:
        """The statement that runs the script."""
        return call(self.script_name, *self.arguments()) + ";"

    def script_text(self) -> str:
        """The element's part of the map's script: the files it is the first to need, then
        its statement."""
        return f"{code_for(self)}{self.statement()}\n"

    def render(self, **kwargs: Any) -> None:
        """Put the style and the script into the figure verbatim (no template pass)."""
        figure = self.get_root()
        if self.css:
            figure.header.add_child(Verbatim(self.css), name=self.get_name())
        figure.script.add_child(Verbatim(self.script_text()), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
