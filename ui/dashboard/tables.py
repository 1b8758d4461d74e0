"""The dashboard's tables, built from the coverage as plain DataFrames with translated headers."""

from __future__ import annotations

import pandas as pd

from coverage.answer import answers
from coverage.engine import Coverage
from coverage.figures import coverage_figures
from coverage.phones import phones_text
from coverage.status import UNCOVERED_STATUSES
from ui.text.area_text import interpretations
from ui.text.i18n import Translator


def gaps_table(coverage: Coverage, t: Translator, province: str | None = None,
               police_unit: str | None = None, safety_region: str | None = None) -> pd.DataFrame:
    """Per safety region (its name first: the key column a reader looks for): municipalities
    without a regional coordinator, those partly covered (one age group falls back to
    CoMensha), and the population without full coverage.
    `safety_region` is a code (VR01 … VR25)."""
    table = coverage.municipalities
    if province:
        table = table.loc[table["province"] == province]
    if police_unit:
        table = table.loc[table["police_unit"] == police_unit]
    if safety_region:
        table = table.loc[table["safety_region_code"] == safety_region]
    figures = coverage_figures(table, "safety-region").set_index("safety_region_code")
    regions = coverage.units.safety_regions.loc[figures.index]

    def names_with(statuses: tuple[str, ...]) -> pd.Series:
        chosen = table.loc[table["status"].isin(statuses)]
        names = chosen.groupby("safety_region_code")["display_name"].agg(
            lambda names: ", ".join(sorted(names)))
        return names.reindex(figures.index).fillna("")

    return pd.DataFrame({
        t("col_region"): figures["safety_region_name"],
        t("col_code"): figures.index,
        t("col_province"): regions["province"],
        t("col_police_unit"): regions["police_unit"],
        t("col_municipalities"): figures["municipalities_total"],
        t("col_without"): figures["municipalities_no_regional_coordinator"],
        t("col_partial"): figures["municipalities_partial"],
        t("col_comensha"): figures["municipalities_comensha"],
        t("col_fallback"): figures["municipalities_fallback"],
        t("col_population_without"): figures["population_total"]
        - figures["population_coordinator"],
        t("col_share_without"): figures["population_share_without_coordinator"],
        t("col_names_without"): names_with(UNCOVERED_STATUSES),
        t("col_names_partial"): names_with(("partial",)),
    }).reset_index(drop=True)


def overlaps_table(coverage: Coverage, t: Translator) -> pd.DataFrame:
    """Municipalities with two contacts for the same target group."""
    overlaps = coverage.overlaps
    names = coverage.municipalities["display_name"]
    return pd.DataFrame({
        t("col_municipality"): names[overlaps["municipality"]].to_numpy(),
        t("col_target_group"): [t(f"target_{group}") for group in overlaps["target_group"]],
        t("col_organisations"): [" / ".join(orgs) for orgs in overlaps["organisations"]],
    })


def coordinators_table(coverage: Coverage, t: Translator) -> pd.DataFrame:
    """Every contact of every entry, with the area's wording, interpretation and note."""
    read_as = interpretations(coverage.snapshot, t)
    kinds = {finding.entry_id: t(f"kind_{finding.kind}") for finding in coverage.findings}
    rows = []
    for entry in coverage.snapshot.entries:
        contacts = entry.contacts or [None]
        for contact in contacts:
            rows.append({
                t("col_area_wording"): entry.area_wording,
                t("col_organisation"): (contact.effective_organisation if contact else None)
                or t("card_no_organisation"),
                t("col_target_group"): t(f"target_{contact.target_group}") if contact else "",
                t("col_phones"): phones_text(contact.phones, ", ") if contact else "",
                t("col_municipalities"): len(coverage.areas[entry.id]),
                t("col_interpretation"): read_as[entry.id],
                t("col_border"): kinds.get(entry.id, t("border_exempt")),
                t("col_note"): entry.note.in_language(t.language) if entry.note else "",
            })
    return pd.DataFrame(rows)


def changes_table(changes: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The per-municipality differences between two snapshots, in words."""
    def contacts(summary: tuple) -> str:
        return "; ".join(f"{organisation or '?'} ({t('target_' + group)})"
                         for organisation, group, _ in summary)

    return pd.DataFrame({
        t("col_municipality"): changes["name"],
        t("col_code"): changes["code"],
        t("col_change"): [t(f"change_{change}") for change in changes["change"]],
        t("col_before"): [f"{t('status_' + s)}: {contacts(c)}" if c else t("status_" + s)
                          for s, c in zip(changes["status_before"], changes["contacts_before"],
                                          strict=True)],
        t("col_after"): [f"{t('status_' + s)}: {contacts(c)}" if c else t("status_" + s)
                         for s, c in zip(changes["status_after"], changes["contacts_after"],
                                         strict=True)],
    })


def municipality_table(coverage: Coverage, areas_km2: pd.Series) -> pd.DataFrame:
    """One row per municipality with status and whom to call (`coverage.answer`): the GeoJSON
    download's properties (English names, machine-readable values)."""
    found = answers(coverage)

    def organisations(code: str) -> str:
        return ";".join((call.organisation or "")
                        + ("" if call.target_group == "all" else f" ({call.target_group})")
                        for call in found[code].calls)

    def phones(code: str) -> str:
        return ";".join(dict.fromkeys(phone.e164 for call in found[code].calls
                                      for phone in call.phones))

    table = coverage.municipalities
    return pd.DataFrame({
        "code": table.index,
        "name": table["name"],
        "display_name": table["display_name"],
        "safety_region_code": table["safety_region_code"],
        "safety_region_name": table["safety_region_name"],
        "province": table["province"],
        "police_unit": table["police_unit"],
        "population": table["population"],
        "area_km2": areas_km2.reindex(table.index).round(3),
        "status": pd.Series([found[code].status for code in table.index], index=table.index,
                            dtype=object),
        "split_by_age": [found[code].split_by_age for code in table.index],
        "uncovered_target_groups": [";".join(found[code].uncovered_target_groups)
                                    for code in table.index],
        "organisations": [organisations(code) for code in table.index],
        "phones_e164": [phones(code) for code in table.index],
    }).reset_index(drop=True)
