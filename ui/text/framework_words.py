"""Streamlit's own words on a page, in the page's language.

Streamlit writes some words of its frontend in English whatever the page's language: aria
labels and tooltips ("Collapse sidebar", "Show password", "Scroll tabs right"), the hidden link
"Skip to main content", the hint "Press Enter to apply" under a text field, a select box's
"Choose an option" before anything is chosen, a chart's "Fullscreen". The project sets every
label, help and placeholder it can (`placeholder=` on each select box); for the rest,
`WORDS` pairs each English phrase with its Dutch one, and `words_script` gives a small script
that swaps them, in attributes (`aria-label`, `title`, `placeholder`) and in text nodes that
are exactly the phrase, now and whenever Streamlit draws or changes an element (a
`MutationObserver`, installed once per browser tab). On an English page the same table works
backwards, so a tab that switches from Dutch to English gets its English words back.

An attribute that starts with a phrase and a colon ("Fullscreen: <a chart's alt text>") gets
the phrase swapped. `STYLE` makes the view tabs wrap onto a second line on a narrow screen, so
all of them are in reach without the scroll arrows, and takes the charts' toolbar away.
"""

from __future__ import annotations

from ui.text import plain_text
from ui.text.browser_code import page_script

WORDS: tuple[tuple[str, str], ...] = (
    ("Skip to main content", "Naar de hoofdinhoud"),
    ("Collapse sidebar", "Zijbalk inklappen"),
    ("Expand sidebar", "Zijbalk uitklappen"),
    ("Show password", "Wachtwoord tonen"),
    ("Hide password", "Wachtwoord verbergen"),
    ("Scroll tabs right", "Tabbladen naar rechts"),
    ("Scroll tabs left", "Tabbladen naar links"),
    ("Press Enter to apply", "Druk op Enter om toe te passen"),
    ("Press Enter to submit form", "Druk op Enter om het formulier te verzenden"),
    ("Choose an option", "Kies …"),
    ("Choose options", "Kies …"),
    ("No results", "Geen resultaten"),
    ("Clear value", "Waarde wissen"),
    ("Clear all", "Alles wissen"),
    ("Selected values", "Gekozen waarden"),
    ("Main menu", "Hoofdmenu"),
    ("App pages", "Pagina's"),
    ("Sidebar", "Zijbalk"),
    ("Fullscreen", "Volledig scherm"),
    ("Close fullscreen", "Volledig scherm sluiten"),
    ("Show data", "Gegevens tonen"),
    ("Show chart", "Grafiek tonen"),
    ("Download as PNG", "Downloaden als PNG"),
    ("Running...", "Bezig …"),
    ("Close", "Sluiten"),
)
"""(English, Dutch): Streamlit's frontend phrases the project cannot set itself."""

ATTRIBUTES = ("aria-label", "title", "placeholder")


STYLE = plain_text.Markup(
    "<style>@media (max-width: 640px) {"
    " [data-testid='stTabs'] [role='tablist'] {flex-wrap: wrap; row-gap: 0.25rem;}"
    " [data-testid='stTabsScrollLeft'], [data-testid='stTabsScrollRight'] {display: none;}"
    "}"
    " .stElementContainer:has([data-testid='stVegaLiteChart']) [data-testid='stElementToolbar']"
    " {display: none;}"
    "</style>")
"""On a narrow screen the view tabs wrap onto more lines instead of scrolling sideways; a
chart has no toolbar (its "Show data" opens Streamlit's English data grid of the chart's raw
columns; the chart's text version is below it)."""


def words_script(language: str) -> plain_text.Markup:
    """The script that sets `<html lang>` to `language` and puts Streamlit's own phrases in
    it (see the module's docstring). Its code holds no `<` before a letter or `/` (Streamlit's
    HTML sanitiser drops a script whose text looks like markup)."""
    return page_script("page/words", {"pairs": WORDS, "language": language,
                                      "attributes": ATTRIBUTES})
