"""Every visible string of the dashboard, in Dutch (default) and English.

Use `Translator(language)` and call it with a key: `t("search_label")`, or with fields:
`t("card_population", population="12.345")`.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

TEXT: dict[str, dict[str, str]] = {
    # Page
    "page_title": {"nl": "Dekking zorgcoördinatie mensenhandel",
                   "en": "Care coordination coverage, human trafficking"},
    "page_intro": {
        "nl": "Wie coördineert de zorg voor (mogelijke) slachtoffers van mensenhandel in welke "
              "gemeente, en wie belt u? Klik op een gemeente op de kaart of zoek haar op naam.",
        "en": "Who coordinates care for (possible) victims of human trafficking in each "
              "municipality, and whom do you call? Click a municipality on the map or search "
              "for it by name."},
    "language_label": {"nl": "Taal / language", "en": "Language / taal"},
    "snapshot_label": {"nl": "Versie van het overzicht", "en": "Version of the overview"},
    "snapshot_current": {"nl": "Huidig overzicht (Nederlands)",
                         "en": "Current overview (Dutch)"},
    "snapshot_earlier": {"nl": "Eerder overzicht (Engels)", "en": "Earlier overview (English)"},
    "snapshot_source": {"nl": "Bron: {source}. {date_note}", "en": "Source: {source}. {date_note}"},
    "register_error": {
        "nl": "Het register bevat een fout en is niet opnieuw geladen; het dashboard toont de "
              "laatste goede versie. {error}",
        "en": "The register has an error and was not reloaded; the dashboard shows the last "
              "good version. {error}"},
    "register_missing": {
        "nl": "Het register kan niet worden geladen: {error}",
        "en": "The register cannot be loaded: {error}"},
    # Search and selection
    "search_label": {"nl": "Zoek een gemeente", "en": "Find a municipality"},
    "search_help": {
        "nl": "Naam of CBS-code, bijvoorbeeld Den Bosch, 's-Gravenhage of GM0193. Hoofdletters "
              "en accenten maken niet uit. Druk op Enter.",
        "en": "Name or CBS code, e.g. Den Bosch, 's-Gravenhage or GM0193. Case and accents do "
              "not matter. Press Enter."},
    "search_placeholder": {"nl": "Den Bosch, 's-Gravenhage, GM0193 …",
                           "en": "Den Bosch, 's-Gravenhage, GM0193 …"},
    "search_ambiguous": {"nl": "Meerdere gemeenten passen bij ‘{query}’. Kies er een:",
                         "en": "Several municipalities match ‘{query}’. Choose one:"},
    "search_none": {"nl": "Geen gemeente gevonden voor ‘{query}’.",
                    "en": "No municipality found for ‘{query}’."},
    "search_suggestions": {"nl": "Bedoelt u:", "en": "Did you mean:"},
    "url_unknown": {"nl": "De link noemt een onbekende gemeente: ‘{value}’.",
                    "en": "The link names an unknown municipality: ‘{value}’."},
    "no_selection": {
        "nl": "Kies een gemeente op de kaart of met het zoekveld om te zien wie u belt.",
        "en": "Choose a municipality on the map or with the search box to see whom to call."},
    "clear_selection": {"nl": "Selectie wissen", "en": "Clear selection"},
    # Statuses
    "status_coordinator": {"nl": "Regionale zorgcoördinator", "en": "Regional care coordinator"},
    "status_coordinator_split": {"nl": "Regionale zorgcoördinatoren, gesplitst naar leeftijd",
                                 "en": "Regional care coordinators, split by age"},
    "status_comensha": {"nl": "CoMensha (genoemd in het overzicht)",
                        "en": "CoMensha (named in the overview)"},
    "status_fallback": {"nl": "Geen zorgcoördinator: CoMensha als vangnet",
                        "en": "No care coordinator: CoMensha as fallback"},
    "target_all": {"nl": "alle leeftijden", "en": "all ages"},
    "target_under_23": {"nl": "jonger dan 23 jaar", "en": "under 23"},
    "target_23_plus": {"nl": "23 jaar en ouder", "en": "23 and over"},
    # Contact card
    "card_heading": {"nl": "Contact voor {name}", "en": "Contact for {name}"},
    "card_official_name": {"nl": "Officiële naam: {name}", "en": "Official name: {name}"},
    "card_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "card_province": {"nl": "Provincie", "en": "Province"},
    "card_police_unit": {"nl": "Politie-eenheid", "en": "Police unit"},
    "card_population": {"nl": "Inwoners", "en": "Population"},
    "card_status": {"nl": "Status", "en": "Status"},
    "card_target_group": {"nl": "Doelgroep", "en": "Target group"},
    "card_phone": {"nl": "Telefoon", "en": "Phone"},
    "card_or": {"nl": "of", "en": "or"},
    "card_area_wording": {"nl": "Gebied volgens het overzicht", "en": "Area in the overview"},
    "card_interpretation": {"nl": "Gelezen als", "en": "Read as"},
    "card_note": {"nl": "Toelichting", "en": "Note"},
    "card_no_organisation": {"nl": "(het overzicht noemt geen organisatie)",
                             "en": "(the overview names no organisation)"},
    "card_inferred": {"nl": "Het overzicht noemt alleen dit nummer; het is dat van {organisation}.",
                      "en": "The overview gives only this number; it is {organisation}'s."},
    "card_fallback_why": {
        "nl": "Het overzicht noemt voor deze gemeente geen regionale zorgcoördinator. In "
              "gebieden zonder zorgcoördinator coördineert CoMensha de zorg op afstand: neem "
              "contact op met CoMensha.",
        "en": "The overview names no regional care coordinator for this municipality. Where "
              "there is no care coordinator, CoMensha coordinates care remotely: contact "
              "CoMensha."},
    "card_comensha_why": {
        "nl": "Het overzicht noemt voor dit gebied CoMensha zelf als contact: er is (nog) geen "
              "regionale zorgcoördinator.",
        "en": "The overview itself names CoMensha as the contact for this area: there is no "
              "regional care coordinator (yet)."},
    "card_listed_without_contact": {
        "nl": "Het overzicht noemt ‘{wording}’ zonder contactgegevens.",
        "en": "The overview lists ‘{wording}’ without contact details."},
    "card_split_why": {
        "nl": "Twee organisaties, gesplitst naar leeftijd van het slachtoffer.",
        "en": "Two organisations, split by the victim's age."},
    "card_capacity_caveat": {
        "nl": "Een gedekt gebied zegt niets over de capaciteit van de zorgcoördinator.",
        "en": "A covered area says nothing about the coordinator's capacity."},
    # Area interpretation
    "unit_municipality": {"nl": "gemeente {name}", "en": "municipality of {name}"},
    "unit_safety_region": {"nl": "veiligheidsregio {name}", "en": "safety region {name}"},
    "unit_province": {"nl": "provincie {name}", "en": "province of {name}"},
    "unit_police_unit": {"nl": "politie-eenheid {name}", "en": "police unit {name}"},
    "unit_entry": {"nl": "het gebied ‘{name}’", "en": "the area ‘{name}’"},
    "area_without": {"nl": "zonder", "en": "without"},
    "area_and": {"nl": "en", "en": "and"},
    # Map
    "map_heading": {"nl": "Kaart", "en": "Map"},
    "map_label": {
        "nl": "Kaart van de 342 gemeenten, gekleurd naar dekking door zorgcoördinatie.",
        "en": "Map of the 342 municipalities, coloured by care coordination coverage."},
    "map_summary": {
        "nl": "Tekstversie van de kaart: {coordinator} gemeenten met een regionale "
              "zorgcoördinator ({split} daarvan gesplitst naar leeftijd), {comensha} waarvoor "
              "het overzicht CoMensha noemt, {fallback} zonder zorgcoördinator (CoMensha als "
              "vangnet). {violations} gebieden overschrijden de grens van een veiligheidsregio.",
        "en": "Text version of the map: {coordinator} municipalities with a regional care "
              "coordinator ({split} of them split by age), {comensha} for which the overview "
              "names CoMensha, {fallback} without a care coordinator (CoMensha as fallback). "
              "{violations} areas extend beyond one safety region."},
    "tooltip_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "tooltip_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "tooltip_status": {"nl": "Status", "en": "Status"},
    "layer_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "layer_regions": {"nl": "Grenzen veiligheidsregio's", "en": "Safety-region borders"},
    "layer_areas": {"nl": "Gebieden van zorgcoördinatoren", "en": "Care coordinator areas"},
    "layer_violations": {"nl": "Gebieden die de grensregel breken",
                         "en": "Areas that break the border rule"},
    "layer_selection": {"nl": "Selectie", "en": "Selection"},
    "show_regions": {"nl": "Grenzen veiligheidsregio's tonen", "en": "Show safety-region borders"},
    "show_areas": {"nl": "Gebieden van zorgcoördinatoren tonen",
                   "en": "Show care coordinator areas"},
    "show_violations": {"nl": "Grensoverschrijdende gebieden markeren",
                        "en": "Highlight areas that cross borders"},
    "legend_heading": {"nl": "Legenda", "en": "Legend"},
    "legend_regions": {"nl": "grens veiligheidsregio", "en": "safety-region border"},
    "legend_violation": {"nl": "gebied dat de grensregel breekt",
                         "en": "area that breaks the border rule"},
    "legend_selection": {"nl": "geselecteerd", "en": "selected"},
    "showing_area": {"nl": "Op de kaart: ‘{wording}’.", "en": "On the map: ‘{wording}’."},
    "stop_showing_area": {"nl": "Gebied niet meer tonen", "en": "Stop showing the area"},
    # Tabs
    "tab_summary": {"nl": "Samenvatting", "en": "Summary"},
    "tab_gaps": {"nl": "Hiaten", "en": "Gaps"},
    "tab_border": {"nl": "Grensregel", "en": "Border rule"},
    "tab_coordinators": {"nl": "Zorgcoördinatoren", "en": "Care coordinators"},
    "tab_changes": {"nl": "Wijzigingen", "en": "Changes"},
    "tab_downloads": {"nl": "Downloads", "en": "Downloads"},
    # Gaps
    "gaps_intro": {
        "nl": "Gemeenten zonder regionale zorgcoördinator, per veiligheidsregio. Daar is "
              "CoMensha het contact: genoemd in het overzicht of als vangnet.",
        "en": "Municipalities without a regional care coordinator, per safety region. There "
              "CoMensha is the contact: named in the overview or as the fallback."},
    "filter_province": {"nl": "Provincie", "en": "Province"},
    "filter_police_unit": {"nl": "Politie-eenheid", "en": "Police unit"},
    "filter_all": {"nl": "alle", "en": "all"},
    "gaps_national": {
        "nl": "Landelijk: {municipalities} van 342 gemeenten ({population} inwoners, "
              "{share} van de bevolking) hebben geen regionale zorgcoördinator.",
        "en": "Nationally: {municipalities} of 342 municipalities ({population} inhabitants, "
              "{share} of the population) have no regional care coordinator."},
    "col_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "col_code": {"nl": "Code", "en": "Code"},
    "col_province": {"nl": "Provincie", "en": "Province"},
    "col_police_unit": {"nl": "Politie-eenheid", "en": "Police unit"},
    "col_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "col_without": {"nl": "Zonder coördinator", "en": "Without coordinator"},
    "col_comensha": {"nl": "CoMensha genoemd", "en": "CoMensha named"},
    "col_fallback": {"nl": "Vangnet CoMensha", "en": "CoMensha fallback"},
    "col_population_without": {"nl": "Inwoners zonder coördinator",
                               "en": "Population without coordinator"},
    "col_share_without": {"nl": "Aandeel bevolking zonder", "en": "Share of population without"},
    "col_names_without": {"nl": "Gemeenten zonder coördinator",
                          "en": "Municipalities without coordinator"},
    # Border rule
    "border_intro": {
        "nl": "De commissie-Lenferink: het werkgebied van een zorgcoördinator sluit aan bij de "
              "veiligheidsregio's. Meerdere gebieden binnen één veiligheidsregio mogen; een "
              "gebied dat de grens van een veiligheidsregio overschrijdt niet. Gebieden met "
              "alleen CoMensha zijn uitgezonderd.",
        "en": "The Lenferink committee: a care coordinator's working area aligns with the "
              "safety regions. Several areas within one safety region are fine; an area that "
              "crosses a safety-region border is not. Areas with only CoMensha are exempt."},
    "border_none": {"nl": "Geen gebied overschrijdt de grens van een veiligheidsregio.",
                    "en": "No area crosses a safety-region border."},
    "kind_within": {"nl": "binnen één veiligheidsregio", "en": "within one safety region"},
    "kind_spans_regions": {"nl": "omvat meerdere hele veiligheidsregio's",
                           "en": "spans several whole safety regions"},
    "kind_cuts_border": {"nl": "snijdt door de grens van een veiligheidsregio",
                         "en": "cuts across a safety-region border"},
    "border_region_whole": {"nl": "{region}: de hele regio ({count} gemeenten)",
                            "en": "{region}: the whole region ({count} municipalities)"},
    "border_region_part": {
        "nl": "{region}: {inside} van {total} gemeenten. Binnen: {names}. Buiten: {outside}.",
        "en": "{region}: {inside} of {total} municipalities. Inside: {names}. Outside: "
              "{outside}."},
    "show_on_map": {"nl": "Toon op de kaart", "en": "Show on the map"},
    "overlaps_heading": {"nl": "Overlap", "en": "Overlaps"},
    "overlaps_none": {"nl": "Geen gemeente heeft twee zorgcoördinatoren voor dezelfde doelgroep.",
                      "en": "No municipality has two care coordinators for the same target "
                            "group."},
    "overlaps_intro": {"nl": "Gemeenten met twee contacten voor dezelfde doelgroep:",
                       "en": "Municipalities with two contacts for the same target group:"},
    "col_target_group": {"nl": "Doelgroep", "en": "Target group"},
    "col_organisations": {"nl": "Organisaties", "en": "Organisations"},
    "col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    # Coordinators
    "coordinators_intro": {
        "nl": "Elk gebied uit het overzicht, met de tekst van de bron, hoe die is gelezen en "
              "de contactgegevens.",
        "en": "Every area of the overview, with the source's wording, how it was read, and "
              "the contacts."},
    "col_area_wording": {"nl": "Gebied (bron)", "en": "Area (source)"},
    "col_interpretation": {"nl": "Gelezen als", "en": "Read as"},
    "col_note": {"nl": "Toelichting", "en": "Note"},
    "col_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "col_phones": {"nl": "Telefoon", "en": "Phone"},
    "col_border": {"nl": "Grensregel", "en": "Border rule"},
    "border_exempt": {"nl": "uitgezonderd (geen regionale coördinator)",
                      "en": "exempt (no regional coordinator)"},
    # Changes
    "changes_intro": {"nl": "Wat er per gemeente veranderde van het eerdere naar het huidige "
                            "overzicht.",
                      "en": "What changed per municipality from the earlier to the current "
                            "overview."},
    "changes_none": {"nl": "Geen wijzigingen.", "en": "No changes."},
    "change_gained": {"nl": "kreeg een regionale zorgcoördinator",
                      "en": "gained a regional care coordinator"},
    "change_lost": {"nl": "verloor de regionale zorgcoördinator",
                    "en": "lost its regional care coordinator"},
    "change_status_changed": {"nl": "status gewijzigd", "en": "status changed"},
    "change_contact_changed": {"nl": "ander contact", "en": "contact changed"},
    "col_change": {"nl": "Wijziging", "en": "Change"},
    "col_before": {"nl": "Eerder", "en": "Before"},
    "col_after": {"nl": "Nu", "en": "Now"},
    "col_status": {"nl": "Status", "en": "Status"},
    "col_population": {"nl": "Inwoners", "en": "Population"},
    "col_area_km2": {"nl": "Oppervlakte (km²)", "en": "Area (km²)"},
    # Downloads
    "downloads_intro": {"nl": "Gegevens van de gekozen versie van het overzicht.",
                        "en": "Data of the chosen version of the overview."},
    "download_municipalities": {"nl": "Tabel per gemeente (CSV)",
                                "en": "Table per municipality (CSV)"},
    "download_geojson": {"nl": "Dekking als GeoJSON", "en": "Coverage as GeoJSON"},
    "download_gaps": {"nl": "Hiaten per veiligheidsregio (CSV)",
                      "en": "Gaps per safety region (CSV)"},
}


@dataclass(frozen=True)
class Translator:
    """Looks up dashboard text in one language."""

    language: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, **fields: object) -> str:
        """The text for `key`, with `{fields}` filled in."""
        text = TEXT[key][self.language]
        return text.format(**fields) if fields else text

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with the language's thousands separator (12.345 in Dutch, 12,345 in English)."""
        text = f"{value:,.{decimals}f}"
        if self.language == "nl":
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text

    def percent(self, share: float) -> str:
        """A share as a percentage with one decimal."""
        return f"{self.number(share * 100, 1)} %" if self.language == "nl" else f"{share:.1%}"
