"""The register's own texts in the interface language: a version's title, a source citation.

The register gives every text the project wrote in Dutch and English (`coverage.schema.Localised`);
a page shows only the one of its language. Source wordings (titles of pages, names of sites) are
quotes and stay as written.
"""

from __future__ import annotations

from coverage.schema import Citation, Snapshot
from ui.text.i18n import TEXT, Translator


def version_title(snapshot: Snapshot, t: Translator) -> str:
    """A version of the overview by name: the interface's own label where it has one
    (`snapshot_current`), else the register's title in the interface language."""
    key = f"snapshot_{snapshot.id}"
    return t(key) if key in TEXT else snapshot.title.in_language(t.language)


def citation_text(citation: Citation, t: Translator) -> str:
    """"Bron: ‘Zorgcoördinatoren’, Wegwijzer Mensenhandel, zonder datum. <date note>"."""
    date = citation.date.isoformat() if citation.date else t("citation_undated")
    text = t("citation", title=citation.title, address=citation.address, date=date)
    if citation.date_note is not None:
        text += " " + citation.date_note.in_language(t.language)
    return text
