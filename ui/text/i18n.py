"""Every visible string of the dashboard, in Dutch (default) and English.

Use `Translator(language)` and call it with a key: `t("search_label")`, or with fields:
`t("card_population", population="12.345")`.
"""

from __future__ import annotations

from dataclasses import dataclass

from coverage.area_reading import AREA_WORDS
from coverage.status import STATUS_LABELS
from coverage.verdict import RULE_QUOTE

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
    "citation": {"nl": "Bron: ‘{title}’, {address}, {date}.",
                 "en": "Source: ‘{title}’, {address}, {date}."},
    "citation_undated": {"nl": "zonder datum", "en": "undated"},
    "page_failed": {
        "nl": "Er ging iets mis bij het tonen van deze pagina. Laad de pagina opnieuw; de fout "
              "is vastgelegd.",
        "en": "Something went wrong while showing this page. Please reload it; the error has "
              "been logged."},
    "register_missing": {
        "nl": "Het register kan niet worden geladen: {error}",
        "en": "The register cannot be loaded: {error}"},
    # Editing the register (signed in)
    "edit_page_title": {"nl": "Register bewerken", "en": "Edit the register"},
    "edit_intro": {
        "nl": "Redacteuren wijzigen een gebied, voegen er een toe of verwijderen er een; opslaan "
              "maakt een concept. Een publicist publiceert het concept als nieuwe versie.",
        "en": "Editors change an area, add one or remove one; saving makes a draft. A publisher "
              "publishes the draft as a new version."},
    "sign_in_heading": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_in_needed": {"nl": "Bewerken en publiceren vragen een account. Bekijken en 'wat als' "
                             "niet.",
                       "en": "Editing and publishing need an account. Viewing and what-if do "
                             "not."},
    "sign_in_name": {"nl": "Naam", "en": "Name"},
    "sign_in_password": {"nl": "Wachtwoord", "en": "Password"},
    "sign_in_submit": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_in_refused": {"nl": "Onbekende naam of verkeerd wachtwoord.",
                        "en": "Unknown name or wrong password."},
    "sign_in_locked": {
        "nl": "Te veel mislukte pogingen voor deze naam. Probeer het opnieuw na {time} "
              "(Nederlandse tijd).",
        "en": "Too many failed attempts for this name. Try again after {time} "
              "(Amsterdam time)."},
    "signed_in_as": {"nl": "Aangemeld als {name} ({role}).",
                     "en": "Signed in as {name} ({role})."},
    "sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "session_ended": {"nl": "Uw sessie is beëindigd; meld u opnieuw aan.",
                      "en": "Your session has ended; please sign in again."},
    "role_editor": {"nl": "redacteur", "en": "editor"},
    "role_publisher": {"nl": "publicist", "en": "publisher"},
    "edit_entry_label": {"nl": "Gebied", "en": "Area"},
    "edit_entry_placeholder": {"nl": "Kies een gebied om te wijzigen, of voeg er een toe",
                               "en": "Choose an area to change, or add one"},
    "edit_new_entry": {"nl": "Nieuw gebied toevoegen", "en": "Add a new area"},
    "edit_action_label": {"nl": "Wat wilt u doen?", "en": "What do you want to do?"},
    "edit_action_change": {"nl": "Wijzigen", "en": "Change"},
    "edit_action_remove": {"nl": "Verwijderen", "en": "Remove"},
    "edit_based_on": {"nl": "Op basis van versie {number} (de nieuwste).",
                      "en": "Based on version {number} (the newest)."},
    "field_id": {"nl": "Id (kleine letters, cijfers en streepjes)",
                 "en": "Id (lower-case letters, digits and hyphens)"},
    "field_area_wording": {"nl": "Gebied zoals de bron het noemt",
                           "en": "Area as the source words it"},
    "field_include": {"nl": "Omvat (één eenheid per regel, bijv. gemeente: Rotterdam)",
                      "en": "Includes (one unit per line, e.g. municipality: Rotterdam)"},
    "edit_build_area": {"nl": "Gebied samenstellen: hele regio's, bestaand gebied, gemeenten",
                        "en": "Build the area: whole regions, an existing area, municipalities"},
    "field_municipalities": {"nl": "Gemeenten (naast de regels hieronder)",
                             "en": "Municipalities (besides the lines below)"},
    "edit_from_proposal": {
        "nl": "Nieuw item uit het voorstel. Vul het aan (telefoonnummers, toelichting) en sla "
              "het op als concept.",
        "en": "A new entry from the proposal. Complete it (phone numbers, notes) and save it "
              "as a draft."},
    "field_exclude": {"nl": "Behalve (één eenheid per regel)",
                      "en": "Except (one unit per line)"},
    "field_units_help": {
        "nl": "Soorten: gemeente, veiligheidsregio, provincie, politie-eenheid, gebied (het "
              "gebied van een ander item; de Engelse woorden werken ook). Namen of CBS-codes.",
        "en": "Kinds: municipality, safety_region, province, police_unit, entry (another "
              "entry's area). Names or CBS codes."},
    "field_note_nl": {"nl": "Toelichting (Nederlands)", "en": "Note (Dutch)"},
    "field_note_en": {"nl": "Toelichting (Engels)", "en": "Note (English)"},
    "contact_heading": {"nl": "Contact {number}", "en": "Contact {number}"},
    "field_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "field_inferred_organisation": {"nl": "Afgeleide organisatie (als de bron er geen noemt)",
                                    "en": "Inferred organisation (when the source names none)"},
    "field_target_group": {"nl": "Doelgroep", "en": "Target group"},
    "field_target_group_wording": {"nl": "Doelgroep zoals de bron die noemt",
                                   "en": "Target group as the source words it"},
    "field_phones": {"nl": "Telefoonnummers (één per regel, zoals de bron ze schrijft)",
                     "en": "Phone numbers (one per line, as the source writes them)"},
    "field_comensha": {"nl": "Is dit CoMensha?", "en": "Is this CoMensha?"},
    "comensha_unsaid": {"nl": "Volgt uit de naam", "en": "Follows from the name"},
    "comensha_true": {"nl": "Ja, expliciet", "en": "Yes, explicitly"},
    "comensha_false": {"nl": "Nee, expliciet", "en": "No, explicitly"},
    "add_contact": {"nl": "Contact toevoegen", "en": "Add a contact"},
    "remove_contact": {"nl": "Laatste contact verwijderen", "en": "Remove the last contact"},
    "edit_valid": {"nl": "Het gebied voldoet aan de regels van het register.",
                   "en": "The area keeps the register's rules."},
    "edit_invalid": {"nl": "Nog niet geldig: {error}", "en": "Not valid yet: {error}"},
    "preview_heading": {"nl": "Effect tegenover de nieuwste versie",
                        "en": "Effect against the newest version"},
    "preview_verdict": {"nl": "Grensregel: {kind}.", "en": "Border rule: {kind}."},
    "preview_count": {"nl": "{status}: {before} → {after} gemeenten",
                      "en": "{status}: {before} → {after} municipalities"},
    "preview_change": {"nl": "{name}: {change}", "en": "{name}: {change}"},
    "preview_nothing": {"nl": "Geen gemeente verandert van status of contact.",
                        "en": "No municipality changes status or contact."},
    "preview_overlaps": {"nl": "Overlapt met een andere zorgcoördinator in: {names}",
                         "en": "Overlaps another care coordinator in: {names}"},
    "field_comment": {"nl": "Waarom (voor de geschiedenis)", "en": "Why (for the history)"},
    "save_draft": {"nl": "Concept opslaan", "en": "Save draft"},
    "draft_saved": {"nl": "Concept {number} opgeslagen.", "en": "Draft {number} saved."},
    "drafts_heading": {"nl": "Concepten", "en": "Drafts"},
    "drafts_none": {"nl": "Er zijn geen openstaande concepten.", "en": "There are no open drafts."},
    "draft_line": {"nl": "Concept {number}: {action} {entry}, door {author}, op versie {base}. "
                         "{comment}",
                   "en": "Draft {number}: {action} {entry}, by {author}, on version {base}. "
                         "{comment}"},
    "draft_action_change": {"nl": "wijzigt", "en": "changes"},
    "draft_action_add": {"nl": "voegt toe", "en": "adds"},
    "draft_action_remove": {"nl": "verwijdert", "en": "removes"},
    "draft_stale": {
        "nl": "Na de basis van dit concept is versie {newest} gepubliceerd. Bekijk hieronder "
              "wat er veranderde; er gaat niets verloren.",
        "en": "Version {newest} was published after this draft's base. See below what "
              "changed; nothing is lost."},
    "publish": {"nl": "Publiceren", "en": "Publish"},
    "published": {"nl": "Gepubliceerd als versie {number}.",
                  "en": "Published as version {number}."},
    "publish_conflict": {
        "nl": "Niet gepubliceerd: na de basis van dit concept (versie {base}) is versie {newest} "
              "gepubliceerd. Het concept blijft bewaard; vergelijk beide teksten.",
        "en": "Not published: version {newest} was published after this draft's base (version "
              "{base}). The draft is kept; compare both texts."},
    "conflict_others": {"nl": "Sindsdien gewijzigd: {entries}.",
                        "en": "Changed since: {entries}."},
    "conflict_newest_text": {"nl": "In versie {number}:", "en": "In version {number}:"},
    "conflict_draft_text": {"nl": "In het concept:", "en": "In the draft:"},
    "conflict_absent": {"nl": "(niet aanwezig)", "en": "(not there)"},
    "rebase": {"nl": "Concept op de nieuwste versie zetten",
               "en": "Put the draft on the newest version"},
    "draft_not_open": {
        "nl": "Niet gepubliceerd: concept {number} staat niet meer open (een andere uitgever "
              "heeft het zojuist gepubliceerd). De lijst hieronder is bijgewerkt.",
        "en": "Not published: draft {number} is no longer open (another publisher has just "
              "published it). The list below is up to date."},
    "not_allowed": {"nl": "Uw account mag dit niet: {error}",
                    "en": "Your account may not do this: {error}"},
    # Versions of the register
    "version_newest": {"nl": "Nieuwste versie", "en": "Newest version"},
    "version_shown": {"nl": "Getoond: versie {number}, {label}, gepubliceerd {date}.",
                      "en": "Shown: version {number}, {label}, published {date}."},
    "version_option": {"nl": "Versie {number}, {label} ({date})",
                       "en": "Version {number}, {label} ({date})"},
    "version_unknown": {"nl": "De link noemt een versie die niet bestaat (er zijn versies 1 tot "
                              "{newest}); het dashboard toont de nieuwste.",
                        "en": "The link names a version that does not exist (there are versions "
                              "1 to {newest}); the dashboard shows the newest."},
    "tab_history": {"nl": "Geschiedenis", "en": "History"},
    "history_intro": {
        "nl": "Elke gepubliceerde versie van het register: wie haar publiceerde, wanneer en "
              "waarom. Een gepubliceerde versie verandert nooit meer; een nieuwe versie komt "
              "erbij met python -m coverage import.",
        "en": "Every published version of the register: who published it, when and why. A "
              "published version never changes; a new version is added with "
              "python -m coverage import."},
    "col_version": {"nl": "Versie", "en": "Version"},
    "col_label": {"nl": "Label", "en": "Label"},
    "col_published_at": {"nl": "Gepubliceerd", "en": "Published"},
    "col_published_by": {"nl": "Door", "en": "By"},
    "col_comment": {"nl": "Toelichting", "en": "Comment"},
    "col_parent": {"nl": "Gebaseerd op", "en": "Based on"},
    "col_source_date": {"nl": "Datum bron", "en": "Source date"},
    "col_content_hash": {"nl": "Inhoud (SHA-256)", "en": "Content (SHA-256)"},
    "changes_from": {"nl": "Van versie", "en": "From version"},
    "changes_to": {"nl": "Naar versie", "en": "To version"},
    # Search and selection
    "search_label": {"nl": "Zoek een gemeente", "en": "Find a municipality"},
    "search_help": {
        "nl": "Een gemeente (naam of CBS-code), plaats of postcode, bijvoorbeeld Den Bosch, "
              "'s-Gravenhage, Hoofddorp, 2132 of GM0193. Hoofdletters maken niet uit. "
              "Kies met de pijltjestoetsen en Enter.",
        "en": "A municipality (name or CBS code), place or postcode, e.g. Den Bosch, "
              "'s-Gravenhage, Hoofddorp, 2132 or GM0193. Case does not matter. "
              "Choose with the arrow keys and Enter."},
    "search_coming": {"nl": "Het zoekveld wordt geladen …", "en": "Loading the search box …"},
    "search_placeholder": {"nl": "Gemeente, plaats of postcode …",
                           "en": "Municipality, place or postcode …"},
    "search_ambiguous": {"nl": "Meerdere gemeenten passen bij ‘{query}’. Kies er een:",
                         "en": "Several municipalities match ‘{query}’. Choose one:"},
    "search_suggestions": {"nl": "Bedoelt u:", "en": "Did you mean:"},
    "search_via_place": {"nl": "‘{query}’ ligt in de gemeente {municipality}.",
                         "en": "‘{query}’ lies in the municipality of {municipality}."},
    "search_via_postcode": {"nl": "Postcode {query} ligt in de gemeente {municipality}.",
                            "en": "Postcode {query} lies in the municipality of {municipality}."},
    "search_also": {"nl": "‘{query}’ is ook een plaats in een andere gemeente:",
                    "en": "‘{query}’ is also a place in another municipality:"},
    "no_selection": {
        "nl": "Kies een gemeente op de kaart of met het zoekveld om te zien wie u belt.",
        "en": "Choose a municipality on the map or with the search box to see whom to call."},
    "clear_selection": {"nl": "Selectie wissen", "en": "Clear selection"},
    # Statuses
    "status_coordinator": STATUS_LABELS["coordinator"],
    "status_coordinator_split": STATUS_LABELS["coordinator_split_by_age"],
    "status_partial": STATUS_LABELS["partial"],
    "status_comensha": STATUS_LABELS["comensha"],
    "status_fallback": STATUS_LABELS["fallback"],
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
    "card_partial_why": {
        "nl": "Deels gedekt: voor de leeftijdsgroep ‘{groups}’ noemt het overzicht geen "
              "regionale zorgcoördinator. Voor die slachtoffers coördineert CoMensha de zorg: "
              "neem contact op met CoMensha.",
        "en": "Partly covered: for the age group ‘{groups}’ the overview names no regional "
              "care coordinator. For those victims CoMensha coordinates care: contact "
              "CoMensha."},
    "card_fallback_for": {"nl": "{organisation} voor {groups}",
                          "en": "{organisation} for {groups}"},
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
    "unit_municipality": AREA_WORDS["unit_municipality"],
    "unit_safety_region": AREA_WORDS["unit_safety_region"],
    "unit_province": AREA_WORDS["unit_province"],
    "unit_police_unit": AREA_WORDS["unit_police_unit"],
    "unit_entry": AREA_WORDS["unit_entry"],
    "area_without": AREA_WORDS["area_without"],
    "area_and": AREA_WORDS["area_and"],
    # Map
    "map_label": {
        "nl": "Kaart van de 342 gemeenten, gekleurd naar dekking door zorgcoördinatie.",
        "en": "Map of the 342 municipalities, coloured by care coordination coverage."},
    "map_summary": {
        "nl": "Tekstversie van de kaart: {coordinator} gemeenten met een regionale "
              "zorgcoördinator ({split} daarvan gesplitst naar leeftijd), {partial} deels gedekt "
              "(één leeftijdsgroep valt terug op CoMensha), {comensha} waarvoor "
              "het overzicht CoMensha noemt, {fallback} zonder zorgcoördinator (CoMensha als "
              "vangnet). {violations} gebieden overschrijden de grens van een veiligheidsregio.",
        "en": "Text version of the map: {coordinator} municipalities with a regional care "
              "coordinator ({split} of them split by age), {partial} partly covered (one age "
              "group falls back to CoMensha), {comensha} for which the overview names "
              "CoMensha, {fallback} without a care coordinator (CoMensha as fallback). "
              "{violations} areas extend beyond one safety region."},
    "tooltip_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "tooltip_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "tooltip_status": {"nl": "Status", "en": "Status"},
    "layer_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "layer_regions": {"nl": "Grenzen veiligheidsregio's", "en": "Safety-region borders"},
    "layer_areas": {"nl": "Gebieden van zorgcoördinatoren", "en": "Care coordinator areas"},
    "layer_violations": {"nl": "Gebieden die de grensregel breken",
                         "en": "Areas that break the border rule"},
    "show_regions": {"nl": "Grenzen veiligheidsregio's tonen", "en": "Show safety-region borders"},
    "show_areas": {"nl": "Gebieden van zorgcoördinatoren tonen",
                   "en": "Show care coordinator areas"},
    "show_violations": {"nl": "Grensoverschrijdende gebieden markeren",
                        "en": "Highlight areas that cross borders"},
    "legend_heading": {"nl": "Legenda", "en": "Legend"},
    "legend_regions": {"nl": "grens veiligheidsregio", "en": "safety-region border"},
    "legend_violation": {"nl": "gebied dat de grensregel breekt",
                         "en": "area that breaks the border rule"},
    "legend_selection": {"nl": "geselecteerde gemeente", "en": "selected municipality"},
    "legend_areas": {"nl": "grens van het gebied van een zorgcoördinator",
                     "en": "edge of a care coordinator's area"},
    "legend_layers": {"nl": "Grenzen en gebieden zet u aan en uit in de zijbalk.",
                      "en": "Switch borders and areas on and off in the sidebar."},
    "legend_focus": {"nl": "gekozen regio (Hiaten)", "en": "chosen region (Gaps)"},
    "showing_area": {"nl": "Op de kaart: ‘{wording}’.", "en": "On the map: ‘{wording}’."},
    "stop_showing_area": {"nl": "Gebied niet meer tonen", "en": "Stop showing the area"},
    # Tabs
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
    "filter_safety_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "region_totals": {
        "nl": "In {region}: {without} van {total} gemeenten hebben geen regionale "
              "zorgcoördinator en {partial} zijn deels gedekt (één leeftijdsgroep valt terug op "
              "CoMensha): samen {population} inwoners, {share} van de inwoners van de regio, "
              "zonder volledige regionale zorgcoördinatie.",
        "en": "In {region}: {without} of {total} municipalities have no regional care "
              "coordinator and {partial} are partly covered (one age group falls back to "
              "CoMensha): together {population} inhabitants, {share} of the region's "
              "population, without full regional care coordination."},
    "gaps_national": {
        "nl": "Landelijk: {municipalities} van 342 gemeenten hebben geen regionale "
              "zorgcoördinator en {partial} zijn deels gedekt (één leeftijdsgroep valt terug op "
              "CoMensha): samen {population} inwoners, {share} van de bevolking, zonder "
              "volledige regionale zorgcoördinatie.",
        "en": "Nationally: {municipalities} of 342 municipalities have no regional care "
              "coordinator and {partial} are partly covered (one age group falls back to "
              "CoMensha): together {population} inhabitants, {share} of the population, "
              "without full regional care coordination."},
    "col_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "col_code": {"nl": "Code", "en": "Code"},
    "col_province": {"nl": "Provincie", "en": "Province"},
    "col_police_unit": {"nl": "Politie-eenheid", "en": "Police unit"},
    "col_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "col_without": {"nl": "Zonder coördinator", "en": "Without coordinator"},
    "col_partial": {"nl": "Deels gedekt", "en": "Partly covered"},
    "col_comensha": {"nl": "CoMensha genoemd", "en": "CoMensha named"},
    "col_fallback": {"nl": "Vangnet CoMensha", "en": "CoMensha fallback"},
    "col_population_without": {"nl": "Inwoners zonder (volledige) coördinatie",
                               "en": "Population without (full) coordination"},
    "col_share_without": {"nl": "Aandeel inwoners zonder (volledige) regionale zorgcoördinator",
                          "en": "Share of inhabitants without (full) regional coordination"},
    "col_names_without": {"nl": "Gemeenten zonder coördinator",
                          "en": "Municipalities without coordinator"},
    "col_names_partial": {"nl": "Gemeenten deels gedekt", "en": "Municipalities partly covered"},
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
    "changes_intro": {"nl": "Wat er per gemeente veranderde tussen twee versies van het "
                            "overzicht.",
                      "en": "What changed per municipality between two versions of the "
                            "overview."},
    "changes_none": {"nl": "Geen wijzigingen.", "en": "No changes."},
    "change_gained": {"nl": "kreeg een regionale zorgcoördinator",
                      "en": "gained a regional care coordinator"},
    "change_lost": {"nl": "verloor (deels) de regionale zorgcoördinator",
                    "en": "lost its regional care coordinator (for one or both age groups)"},
    "change_status_changed": {"nl": "status gewijzigd", "en": "status changed"},
    "change_contact_changed": {"nl": "ander contact", "en": "contact changed"},
    "col_change": {"nl": "Wijziging", "en": "Change"},
    "col_before": {"nl": "Eerder", "en": "Before"},
    "col_after": {"nl": "Nu", "en": "Now"},
    "col_status": {"nl": "Status", "en": "Status"},
    "col_population": {"nl": "Inwoners", "en": "Population"},
    "col_area_km2": {"nl": "Oppervlakte (km²)", "en": "Area (km²)"},
    "col_official_name": {"nl": "Officiële naam", "en": "Official name"},
    "col_region_code": {"nl": "Code veiligheidsregio", "en": "Safety region code"},
    "col_uncovered_groups": {"nl": "Leeftijdsgroepen zonder regionale zorgcoördinator",
                             "en": "Age groups without a regional care coordinator"},
    "col_phones_written": {"nl": "Telefoon (zoals in het overzicht)",
                           "en": "Phone (as in the overview)"},
    "col_phones_e164": {"nl": "Telefoon (internationaal, E.164)",
                        "en": "Phone (international, E.164)"},
    # Downloads
    "downloads_intro": {"nl": "Gegevens van de gekozen versie van het overzicht.",
                        "en": "Data of the chosen version of the overview."},
    "downloads_format": {
        "nl": "De CSV-bestanden openen in Excel of LibreOffice met Nederlandse instellingen: "
              "puntkomma als scheidingsteken, decimale komma, UTF-8. Telefoonnummers staan "
              "erin zoals in het overzicht en internationaal (E.164). GeoJSON: coördinaten in "
              "WGS84 met 6 decimalen.",
        "en": "The CSV files open in a spreadsheet with English settings: comma separator, "
              "decimal point, UTF-8. Phone numbers are given as in the overview and in "
              "international form (E.164). GeoJSON: WGS84 coordinates with 6 decimals."},
    "download_municipalities": {"nl": "Tabel per gemeente (CSV)",
                                "en": "Table per municipality (CSV)"},
    "download_geojson": {"nl": "Dekking als GeoJSON", "en": "Coverage as GeoJSON"},
    "download_gaps": {"nl": "Hiaten per veiligheidsregio (CSV)",
                      "en": "Gaps per safety region (CSV)"},
    # Overview: the national picture
    "tab_overview": {"nl": "Landelijk beeld", "en": "National picture"},
    "tab_charts": {"nl": "Grafieken", "en": "Charts"},
    "overview_intro": {
        "nl": "Gemeenten en inwoners per status, de bevolking per veiligheidsregio en wat er "
              "veranderde sinds het eerdere overzicht. Een gekleurd gebied zegt niets over de "
              "capaciteit van de zorgcoördinator.",
        "en": "Municipalities and inhabitants per status, the population per safety region and "
              "what changed since the earlier overview. A coloured area says nothing about the "
              "coordinator's capacity."},
    "short_coordinator": {"nl": "Regionale zorgcoördinator", "en": "Regional coordinator"},
    "short_partial": {"nl": "Deels gedekt", "en": "Partly covered"},
    "short_comensha": {"nl": "CoMensha genoemd", "en": "CoMensha named"},
    "short_fallback": {"nl": "Vangnet CoMensha", "en": "CoMensha fallback"},
    "metric_caption": {"nl": "van {total} gemeenten · {population} inwoners ({share})",
                       "en": "of {total} municipalities · {population} inhabitants ({share})"},
    "chart_regions_title": {"nl": "Inwoners per veiligheidsregio, naar status",
                            "en": "Population per safety region, by status"},
    "chart_regions_text": {
        "nl": "Tekstversie van de grafiek: in {full} veiligheidsregio's hebben alle inwoners een "
              "regionale zorgcoördinator ({full_names}); in {none} is er voor niemand een "
              "(CoMensha coördineert: {none_names}). De meeste inwoners zonder (volledige) "
              "regionale zorgcoördinatie: {most}.",
        "en": "Text version of the chart: in {full} safety regions every inhabitant has a "
              "regional coordinator ({full_names}); in {none} nobody has one (CoMensha "
              "coordinates: {none_names}). Most inhabitants without (full) regional "
              "coordination: {most}."},
    "chart_changes_title": {"nl": "Wijzigingen sinds het eerdere overzicht (gemeenten)",
                            "en": "Changes since the earlier overview (municipalities)"},
    "chart_change_part": {"nl": "{count} {change}", "en": "{count} {change}"},
    "chart_changes_text": {
        "nl": "Tekstversie: van het eerdere naar het huidige overzicht, aantal gemeenten: "
              "{parts}.",
        "en": "Text version: from the earlier to the current overview, municipalities: "
              "{parts}."},
    # Report per safety region (PDF)
    "report_download": {"nl": "Rapport voor {region} (PDF, één pagina)",
                        "en": "Report for {region} (PDF, one page)"},
    "report_title": {"nl": "Veiligheidsregio {name} ({code})",
                     "en": "Safety region {name} ({code})"},
    "report_subtitle": {"nl": "Provincie {province} · politie-eenheid {police_unit}",
                        "en": "Province {province} · police unit {police_unit}"},
    "report_version": {
        "nl": "Versie {number} van het register: {version}, ‘{title}’, gepubliceerd op "
              "{published}; datum van het overzicht: {date}. Gemaakt op {today}.",
        "en": "Version {number} of the register: {version}, ‘{title}’, published on "
              "{published}; date of the overview: {date}. Made on {today}."},
    "report_undated": {"nl": "niet vermeld in de bron", "en": "not given in the source"},
    "report_without": {"nl": "Gemeenten zonder regionale zorgcoördinator ({count})",
                       "en": "Municipalities without a regional care coordinator ({count})"},
    "report_partial": {"nl": "Gemeenten deels gedekt ({count})",
                       "en": "Municipalities partly covered ({count})"},
    "report_contacts": {"nl": "Wie belt u: contacten per groep gemeenten",
                        "en": "Whom to call: contacts per group of municipalities"},
    "report_for": {"nl": "Voor: {names}", "en": "For: {names}"},
    "report_fallback_line": {
        "nl": "{organisation} (vangnet, geen zorgcoördinator in het overzicht): {phones}",
        "en": "{organisation} (fallback, no coordinator in the overview): {phones}"},
    "report_partial_line": {"nl": "{organisation} voor {groups} (vangnet): {phones}",
                            "en": "{organisation} for {groups} (fallback): {phones}"},
    "report_border": {"nl": "Grensregel: gebieden die deze regio raken en de grens "
                            "van een veiligheidsregio overschrijden",
                      "en": "Border rule: areas touching this region that cross a "
                            "safety-region border"},
    "report_border_none": {
        "nl": "Geen: elk gebied met een regionale zorgcoördinator in deze regio blijft binnen "
              "de regio.",
        "en": "None: every area with a regional care coordinator in this region stays inside "
              "the region."},
    # Border-rule verdicts
    "rule_heading": {"nl": "De regel", "en": "The rule"},
    "rule_quote": {
        "nl": f"“{RULE_QUOTE}”",
        "en": "“First, given the necessary link between the criminal justice chain and the care "
              "chain, it is very important that the working area of care coordination aligns "
              "with the safety regions. Within one safety region, several regional care "
              "coordination areas may be formed at will, but crossing the borders of the safety "
              "region causes too many problems for coordination and policy development.” "
              "(Our translation of the Dutch original.)"},
    "rule_source": {"nl": "Bron: {source}.", "en": "Source: {source}."},
    "verdict_group_breach": {
        "nl": "Breekt de regel: snijdt door een veiligheidsregio ({count})",
        "en": "Breaks the rule: cuts through a safety region ({count})"},
    "verdict_group_along_region_lines": {
        "nl": "Overschrijdt een grens langs de regiogrenzen: meerdere hele veiligheidsregio's "
              "({count})",
        "en": "Crosses a border along region lines: several whole safety regions ({count})"},
    "verdict_group_within": {"nl": "Binnen één veiligheidsregio ({count})",
                             "en": "Within one safety region ({count})"},
    "verdict_region_cut": {
        "nl": "veiligheidsregio {region} ({code}; {inside} van {total} gemeenten binnen het "
              "gebied)",
        "en": "safety region {region} ({code}; {inside} of {total} municipalities inside the "
              "area)"},
    "verdict_breach": {
        "nl": "Breekt de regel: snijdt door {regions}.",
        "en": "Breaks the rule: cuts through {regions}."},
    "verdict_breach_judgement": {
        "nl": "Van elke doorsneden veiligheidsregio valt een deel onder deze zorgcoördinator en "
              "de rest niet: dat is wat de regel uitsluit.",
        "en": "Of each safety region cut, part is served by this coordinator and the rest is "
              "not: that is what the rule rules out."},
    "verdict_breach_also_whole": {"nl": "Daarnaast omvat het gebied geheel: {regions}.",
                                  "en": "The area also covers in full: {regions}."},
    "verdict_along_region_lines": {
        "nl": "Overschrijdt een grens langs de regiogrenzen: omvat de hele veiligheidsregio's "
              "{regions}.",
        "en": "Crosses a border along region lines: covers the whole safety regions "
              "{regions}."},
    "verdict_along_judgement": {
        "nl": "De regel zegt dat een werkgebied de grens van een veiligheidsregio "
              "niet overschrijdt. Zo'n gebied doet dat, maar deelt geen regio en volgt de "
              "regiogrenzen. Of meerdere hele regio's onder één zorgcoördinator de problemen "
              "geven die de regel noemt, is een afweging voor de lezer.",
        "en": "The rule says a working area should not cross a safety-region "
              "border. Such an area does, but splits no region and follows the region borders. "
              "Whether several whole regions under one coordinator cause the problems the "
              "rule names is for the reader to judge."},
    "verdict_within": {"nl": "Binnen één veiligheidsregio: {region}.",
                       "en": "Within one safety region: {region}."},
    "verdict_region_line": {
        "nl": "{region} ({code}): {inside} van {total} gemeenten binnen het gebied",
        "en": "{region} ({code}): {inside} of {total} municipalities inside the area"},
    "verdict_region_whole_line": {
        "nl": "{region} ({code}): de hele regio, {total} gemeenten",
        "en": "{region} ({code}): the whole region, {total} municipalities"},
    "verdict_names": {"nl": "Welke gemeenten?", "en": "Which municipalities?"},
    "verdict_inside": {"nl": "Binnen ({count}): {names}", "en": "Inside ({count}): {names}"},
    "verdict_outside": {"nl": "Buiten ({count}): {names}", "en": "Outside ({count}): {names}"},
    "verdict_organisations": {"nl": "Zorgcoördinator: {organisations}",
                              "en": "Care coordinator: {organisations}"},
    # Pages
    "nav_dashboard": {"nl": "Dashboard", "en": "Dashboard"},
    "nav_proposal": {"nl": "Voorstel uitproberen", "en": "Try a proposal"},
    "nav_edit": {"nl": "Register bewerken (aanmelden)", "en": "Edit the register (sign in)"},
    # Proposal page
    "proposal_title": {"nl": "Voorstel voor een zorgcoördinatiegebied",
                       "en": "Proposal for a care coordination area"},
    "proposal_intro": {
        "nl": "Probeer een gebied voor een zorgcoördinator uit: klik gemeenten op de kaart aan "
              "of uit, voeg een hele veiligheidsregio, provincie of politie-eenheid toe, of "
              "begin bij een bestaand gebied. U ziet meteen of het gebied de grensregel volgt, "
              "wie erop vooruitgaat en waar het overlapt met bestaande zorgcoördinatoren. Het "
              "voorstel staat in de link: deel die om het te laten zien. Er wordt niets "
              "gepubliceerd.",
        "en": "Try an area for a care coordinator: click municipalities on the map to add or "
              "remove them, add a whole safety region, province or police unit, or start from "
              "an existing area. You see at once whether the area keeps the border rule, who "
              "gains and where it overlaps existing coordinators. The proposal is in the link: "
              "share it to show it. Nothing is published."},
    "proposal_name": {"nl": "Naam van het voorstel", "en": "Name of the proposal"},
    "proposal_name_placeholder": {"nl": "bijvoorbeeld Rijnmond en Drechtsteden",
                                  "en": "for example Rijnmond and Drechtsteden"},
    "proposal_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "proposal_to_be_decided": {"nl": "nog te bepalen", "en": "to be decided"},
    "proposal_target_group": {"nl": "Doelgroep", "en": "Target group"},
    "proposal_add_units": {"nl": "Hele regio's en bestaande gebieden",
                           "en": "Whole regions and existing areas"},
    "proposal_unit_kind": {"nl": "Soort gebied", "en": "Kind of unit"},
    "proposal_kind_safety_region": {"nl": "Veiligheidsregio", "en": "Safety region"},
    "proposal_kind_province": {"nl": "Provincie", "en": "Province"},
    "proposal_kind_police_unit": {"nl": "Politie-eenheid", "en": "Police unit"},
    "proposal_unit": {"nl": "Welke", "en": "Which"},
    "proposal_add": {"nl": "Toevoegen", "en": "Add"},
    "proposal_remove": {"nl": "Weghalen", "en": "Remove"},
    "proposal_entry": {"nl": "Bestaand gebied uit het overzicht",
                       "en": "Existing area in the overview"},
    "proposal_start_from_entry": {"nl": "Begin bij dit gebied", "en": "Start from this area"},
    "proposal_municipalities": {"nl": "Gemeenten in het voorstel",
                                "en": "Municipalities in the proposal"},
    "proposal_municipalities_placeholder": {"nl": "Typ om een gemeente te kiezen",
                                            "en": "Type to choose a municipality"},
    "proposal_clear": {"nl": "Alle gemeenten weghalen", "en": "Remove every municipality"},
    "proposal_draft_heading": {"nl": "Voorstel als concept", "en": "Proposal as a draft"},
    "proposal_draft_intro": {
        "nl": "Maak van dit voorstel een nieuw item in een concept voor het register; u vult "
              "het aan op de bewerkpagina.",
        "en": "Turn this proposal into a new entry in a draft for the register; you complete "
              "it on the edit page."},
    "proposal_draft_button": {"nl": "Concept-item maken van dit voorstel",
                              "en": "Make a draft entry of this proposal"},
    "proposal_draft_sign_in": {
        "nl": "Een voorstel als concept in het register zetten vraagt een account met "
              "bewerkrechten: meld u aan op de bewerkpagina.",
        "en": "Turning a proposal into a draft for the register needs an account that may "
              "edit: sign in on the edit page."},
    "proposal_draft_to_edit": {"nl": "Naar de bewerkpagina", "en": "To the edit page"},
    "proposal_empty": {
        "nl": "Nog geen gemeenten: klik gemeenten op de kaart aan, kies ze in de lijst of voeg "
              "een hele regio toe.",
        "en": "No municipalities yet: click municipalities on the map, choose them in the "
              "list or add a whole region."},
    "proposal_summary": {"nl": "{count} gemeenten, doelgroep {group},",
                         "en": "{count} municipalities, target group {group},"},
    "proposal_by": {"nl": "organisatie: {organisation}", "en": "organisation: {organisation}"},
    "proposal_unnamed": {"nl": "(zonder naam)", "en": "(no name)"},
    "proposal_named": {"nl": "Voorstel “{name}”", "en": "Proposal “{name}”"},
    "proposal_verdict_heading": {"nl": "Grensregel", "en": "Border rule"},
    "proposal_verdict_within": {"nl": "binnen één veiligheidsregio",
                                "en": "within one safety region"},
    "proposal_verdict_along_region_lines": {"nl": "langs de regiogrenzen",
                                            "en": "along region lines"},
    "proposal_verdict_breach": {"nl": "breekt de regel", "en": "breaks the rule"},
    "proposal_gain_heading": {"nl": "Wie gaat erop vooruit", "en": "Who gains"},
    "proposal_gain": {
        "nl": "{count} gemeenten met {population} inwoners krijgen een regionale "
              "zorgcoördinator voor {groups}.",
        "en": "{count} municipalities with {population} inhabitants gain a regional care "
              "coordinator for {groups}."},
    "proposal_gain_none": {
        "nl": "Geen gemeente gaat erop vooruit: elke gemeente in het voorstel heeft al een "
              "regionale zorgcoördinator voor {groups}.",
        "en": "No municipality gains: every municipality in the proposal already has a "
              "regional care coordinator for {groups}."},
    "proposal_gain_details": {"nl": "Per gemeente: inwoners, status voor en na",
                              "en": "Per municipality: inhabitants, status before and after"},
    "proposal_gain_line": {"nl": "{name} ({population} inwoners): {before} → {after}",
                           "en": "{name} ({population} inhabitants): {before} → {after}"},
    "proposal_overlap_heading": {"nl": "Overlap met bestaande zorgcoördinatoren",
                                 "en": "Overlap with existing coordinators"},
    "proposal_overlap": {
        "nl": "{group}: in {count} gemeenten is er al {organisations} ({names})",
        "en": "{group}: in {count} municipalities {organisations} already serves ({names})"},
    "proposal_overlap_none": {"nl": "{group}: geen overlap", "en": "{group}: no overlap"},
    "proposal_status_heading": {"nl": "Landelijk per status, voor en na",
                                "en": "Nationally per status, before and after"},
    "proposal_col_status": {"nl": "Status", "en": "Status"},
    "proposal_col_change": {"nl": "Gemeenten, voor → na", "en": "Municipalities, before → after"},
    "proposal_col_people_change": {"nl": "Inwoners, voor → na",
                                   "en": "Inhabitants, before → after"},
    "proposal_compare_heading": {"nl": "Voorstellen vergelijken", "en": "Compare proposals"},
    "proposal_compare_add": {"nl": "Dit voorstel bewaren om te vergelijken",
                             "en": "Keep this proposal to compare"},
    "proposal_compare_empty": {
        "nl": "Bewaar een voorstel, pas het aan of begin een ander, en bewaar dat ook: de "
              "voorstellen staan dan naast elkaar, ook in de link.",
        "en": "Keep a proposal, change it or start another, and keep that too: the proposals "
              "are then side by side, in the link as well."},
    "proposal_being_built": {"nl": "{name} (in bewerking)", "en": "{name} (being built)"},
    "proposal_load": {"nl": "Laden: {name}", "en": "Load: {name}"},
    "proposal_drop": {"nl": "Weghalen: {name}", "en": "Remove: {name}"},
    "proposal_col_name": {"nl": "Voorstel", "en": "Proposal"},
    "proposal_col_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "proposal_col_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "proposal_col_verdict": {"nl": "Grensregel", "en": "Border rule"},
    "proposal_col_regions": {"nl": "Regio's (deel)", "en": "Regions (part)"},
    "proposal_col_gained": {"nl": "Erbij: gemeenten", "en": "Gain: municipalities"},
    "proposal_col_gained_people": {"nl": "Erbij: inwoners", "en": "Gain: inhabitants"},
    "proposal_col_overlaps": {"nl": "Overlap", "en": "Overlaps"},
    "legend_proposal": {"nl": "Gemeente in het voorstel (gearceerd)",
                        "en": "Municipality in the proposal (hatched)"},
    # Spreadsheet downloads
    "downloads_spreadsheets": {
        "nl": "In de CSV-bestanden staat een apostrof voor elke tekst die begint met een teken "
              "waarmee een spreadsheet een formule herkent (=, +, -, @ en dergelijke), zoals in "
              "'+31334481186: zo leest een spreadsheet hem als tekst en niet als formule. De "
              "Excel-bestanden (XLSX) hebben getypeerde cellen: telefoonnummers en namen als "
              "tekst, zonder apostrof; aantallen als getallen, aandelen als percentages.",
        "en": "In the CSV files, every text that starts with a character by which a spreadsheet "
              "recognises a formula (=, +, -, @ and the like) has an apostrophe in front, as in "
              "'+31334481186: so a spreadsheet reads it as text and not as a formula. The Excel "
              "files (XLSX) have typed cells: phone numbers and names as text, without an "
              "apostrophe; counts as numbers, shares as percentages."},
    "download_municipalities_xlsx": {"nl": "Tabel per gemeente: download als Excel (XLSX)",
                                     "en": "Table per municipality: download as Excel (XLSX)"},
    "download_gaps_xlsx": {"nl": "Hiaten per veiligheidsregio: download als Excel (XLSX)",
                           "en": "Gaps per safety region: download as Excel (XLSX)"},
    "sheet_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "sheet_gaps": {"nl": "Hiaten per veiligheidsregio", "en": "Gaps per safety region"},
    # Sign-in limits
    "sign_in_busy": {
        "nl": "Er worden nu te veel aanmeldingen tegelijk gecontroleerd. Probeer het over een "
              "ogenblik opnieuw.",
        "en": "Too many sign-ins are being checked at once. Try again in a moment."},
    "password_too_short": {"nl": "Een wachtwoord heeft minstens {count} tekens.",
                           "en": "A password needs at least {count} characters."},
    "password_too_long": {"nl": "Een wachtwoord heeft hoogstens {count} tekens.",
                          "en": "A password has at most {count} characters."},
    "password_blank": {"nl": "Een wachtwoord van alleen spaties (of andere witruimte) kan niet.",
                       "en": "A password of only spaces (or other whitespace) is refused."},
    "password_repeated": {
        "nl": "Een wachtwoord heeft minstens {count} verschillende tekens (niet één of een paar "
              "herhaald).",
        "en": "A password needs at least {count} different characters (not one or a few "
              "repeated)."},
    "password_guessable": {
        "nl": "Dit wachtwoord is te makkelijk te raden. Neem een langere zin van gewone woorden "
              "die niet bij elkaar horen, of laat een wachtwoordbeheerder er een maken.",
        "en": "This password is too easy to guess. Take a longer phrase of unrelated ordinary "
              "words, or let a password manager make one."},
    # Last known good (database unreachable)
    "database_unreachable": {
        "nl": "Overzicht van {as_of}; de database is nu niet bereikbaar.",
        "en": "Overview as of {as_of}; the database cannot be reached right now."},
    "database_unreachable_no_copy": {
        "nl": "Het register is nu niet bereikbaar en deze server heeft nog geen eerdere versie "
              "bewaard. De pagina laadt vanzelf opnieuw zodra de database weer antwoordt.",
        "en": "The register cannot be reached right now and this server has no earlier version "
              "kept. The page reloads by itself once the database answers again."},
    "editing_unavailable": {
        "nl": "Bewerken en publiceren kan nu niet: de database is niet bereikbaar. Probeer het "
              "over een paar minuten opnieuw.",
        "en": "Editing and publishing are not possible right now: the database cannot be "
              "reached. Please try again in a few minutes."},
    "write_unreachable": {
        "nl": "Niet opgeslagen en niet gepubliceerd: de database is nu niet bereikbaar. Probeer "
              "het over een paar minuten opnieuw.",
        "en": "Not saved and not published: the database cannot be reached right now. Please "
              "try again in a few minutes."},
    # Register limits
    "field_limit": {"nl": "Ten hoogste {limit} tekens; wat langer is, neemt het veld niet aan.",
                    "en": "At most {limit} characters; the field takes nothing longer."},
    "field_phones_limit": {
        "nl": "Ten hoogste {count} nummers van elk {limit} tekens.",
        "en": "At most {count} numbers of {limit} characters each."},
    "field_units_limit": {"nl": "Ten hoogste {count} eenheden per lijst.",
                          "en": "At most {count} units per list."},
    "contacts_limit": {"nl": "Een item heeft ten hoogste {count} contacten.",
                       "en": "An entry has at most {count} contacts."},
    "publish_invalid": {
        "nl": "Niet gepubliceerd: het concept houdt zich niet aan de regels van het register: "
              "{error}",
        "en": "Not published: the draft breaks the register's rules: {error}"},
    # Input limits and echo
    "url_unknown_note": {"nl": "De link noemt geen gemeente die het dashboard kent.",
                         "en": "The link names no municipality the dashboard knows."},
    "search_none_note": {"nl": "Geen gemeente, plaats of postcode gevonden.",
                         "en": "No municipality, place or postcode found."},
    "echo_search": {"nl": "U zocht: “{text}”", "en": "You searched for: “{text}”"},
    "echo_link": {"nl": "In de link stond: “{text}”", "en": "The link said: “{text}”"},
    "url_language_unknown": {
        "nl": "De link vraagt een taal die het dashboard niet kent; de pagina is in het "
              "Nederlands.",
        "en": "The link asks for a language the dashboard does not know; the page is in "
              "Dutch."},
    "proposal_url_unknown_note": {
        "nl": "De link noemt gemeentecodes die niet bestaan; die zijn weggelaten.",
        "en": "The link names municipality codes that do not exist; they are left out."},
    "proposal_compare_dropped": {
        "nl": "De link noemt voorstellen om te vergelijken die het dashboard niet kan lezen "
              "(te veel, te lang of te diep genest); die zijn weggelaten.",
        "en": "The link names proposals to compare that the dashboard cannot read (too many, "
              "too long or nested too deep); they are left out."},
    # Issue 21: the plain answer page per municipality (web/), the open data and the feed
    "answer_site": {"nl": "Zorgcoördinatie mensenhandel per gemeente",
                    "en": "Care coordination for human trafficking, per municipality"},
    "answer_title": {"nl": "Wie belt u voor {name}?", "en": "Whom to call for {name}?"},
    "answer_heading": {"nl": "{name}: wie belt u?", "en": "{name}: whom to call"},
    "answer_intro": {
        "nl": "Voor (mogelijke) slachtoffers van mensenhandel die in {name} verblijven.",
        "en": "For (possible) victims of human trafficking staying in {name}."},
    "answer_why_regional": {"nl": "Regionale zorgcoördinator", "en": "Regional care coordinator"},
    "answer_why_named_comensha": {"nl": "Het overzicht noemt CoMensha zelf",
                                  "en": "The overview itself names CoMensha"},
    "answer_why_fallback_no_coordinator": {
        "nl": "Geen regionale zorgcoördinator: CoMensha coördineert de zorg op afstand",
        "en": "No regional care coordinator: CoMensha coordinates care remotely"},
    "answer_why_fallback_uncovered_group": {
        "nl": "Geen regionale zorgcoördinator voor deze leeftijdsgroep: CoMensha",
        "en": "No regional care coordinator for this age group: CoMensha"},
    "answer_facts_heading": {"nl": "Regio en status", "en": "Region and status"},
    "answer_source_heading": {"nl": "Wat het overzicht zegt", "en": "What the overview says"},
    "answer_version_heading": {"nl": "Versie", "en": "Version"},
    "answer_version": {
        "nl": "Versie {number} van het register ({label}), gepubliceerd op {published}. "
              "Datum van het overzicht: {date}.",
        "en": "Version {number} of the register ({label}), published on {published}. "
              "Date of the overview: {date}."},
    "answer_version_undated": {
        "nl": "Versie {number} van het register ({label}), gepubliceerd op {published}. Het "
              "overzicht vermeldt geen datum.",
        "en": "Version {number} of the register ({label}), published on {published}. The "
              "overview gives no date."},
    "answer_dashboard_link": {"nl": "{name} op de kaart in het dashboard",
                              "en": "{name} on the map in the dashboard"},
    "answer_json_link": {"nl": "Dit antwoord als open data (JSON)",
                         "en": "This answer as open data (JSON)"},
    "answer_search_heading": {"nl": "Andere gemeente", "en": "Another municipality"},
    "answer_search_label": {"nl": "Gemeente, plaats of postcode",
                            "en": "Municipality, place or postcode"},
    "answer_search_button": {"nl": "Zoeken", "en": "Search"},
    "answer_other_language": {"nl": "English", "en": "Nederlands"},
    "answer_via_place": {"nl": "{place} ligt in de gemeente {name}.",
                         "en": "{place} lies in the municipality of {name}."},
    "answer_via_postcode": {"nl": "Postcode {postcode} ({places}) ligt in de gemeente {name}.",
                            "en": "Postcode {postcode} ({places}) lies in the municipality "
                                  "of {name}."},
    "answer_via_postcode_bare": {"nl": "Postcode {postcode} ligt in de gemeente {name}.",
                                 "en": "Postcode {postcode} lies in the municipality of "
                                       "{name}."},
    "answer_choices_title": {"nl": "Meer dan één gemeente", "en": "More than one municipality"},
    "answer_choices_intro": {"nl": "Dit past bij meer dan één gemeente. Kies er een:",
                             "en": "This fits more than one municipality. Choose one:"},
    "answer_choice_via": {"nl": "via {name}", "en": "through {name}"},
    "answer_not_found_title": {"nl": "Niet gevonden", "en": "Not found"},
    "answer_suggestions": {"nl": "Bedoelde u:", "en": "Did you mean:"},
    "answer_search_title": {"nl": "Zoek een gemeente", "en": "Find a municipality"},
    "answer_search_intro": {
        "nl": "Wie belt u voor (mogelijke) slachtoffers van mensenhandel? Zoek de gemeente "
              "waar het slachtoffer verblijft.",
        "en": "Whom do you call for (possible) victims of human trafficking? Find the "
              "municipality where the victim stays."},
    "answer_unavailable": {
        "nl": "Het register is nu niet bereikbaar en deze server heeft nog geen versie bewaard. "
              "Probeer het over een paar minuten opnieuw.",
        "en": "The register cannot be reached right now and this server has no version kept. "
              "Please try again in a few minutes."},
    "card_answer_link": {"nl": "Link naar dit antwoord", "en": "Link to this answer"},
    "feed_title": {"nl": "Wijzigingen in het register van zorgcoördinatoren mensenhandel",
                   "en": "Changes to the register of care coordinators for human trafficking"},
    "feed_entry_title": {"nl": "Versie {number}: {label}", "en": "Version {number}: {label}"},
    "feed_entry_by": {"nl": "Gepubliceerd op {when} door {by}.",
                      "en": "Published on {when} by {by}."},
    "feed_entry_comment": {"nl": "Toelichting: {comment}", "en": "Comment: {comment}"},
    "feed_entry_changed": {
        "nl": "Gemeenten met een andere status of ander contact dan in versie {before} "
              "({count}): {names}.",
        "en": "Municipalities whose status or contact changed since version {before} "
              "({count}): {names}."},
    "feed_entry_unchanged": {
        "nl": "Geen gemeente kreeg een andere status of ander contact dan in versie {before}.",
        "en": "No municipality's status or contact changed since version {before}."},
    "feed_entry_first": {"nl": "De eerste gepubliceerde versie.",
                         "en": "The first published version."},
    "feed_entry_link": {
        "nl": "De link opent het dashboard bij deze versie; de weergave ‘{view}’ vergelijkt "
              "haar met de vorige.",
        "en": "The link opens the dashboard at this version; the ‘{view}’ view compares it "
              "with the one before."},
    # Issue 18, parts 1, 2, 5, 6: last checked, the check as work, coverage over time,
    # availability and the national routes
    "card_checked_on": {"nl": "Gecontroleerd op {date} door {name}.",
                        "en": "Checked on {date} by {name}."},
    "card_not_checked": {"nl": "Nog niet gecontroleerd.", "en": "Not yet checked."},
    "card_due": {
        "nl": "Controle nodig: langer dan {months} maanden geleden of nooit gecontroleerd.",
        "en": "Due for a check: checked more than {months} months ago, or never."},
    "card_opening_hours": {"nl": "Bereikbaar", "en": "Opening hours"},
    "card_after_hours": {"nl": "Buiten kantoortijd", "en": "After hours"},
    "card_email": {"nl": "E-mail", "en": "E-mail"},
    "card_website": {"nl": "Website", "en": "Website"},
    "card_routes": {"nl": "Altijd, overal: {routes}.", "en": "Always, everywhere: {routes}."},
    "card_since": {"nl": "Deze status sinds versie {number} ({date}).",
                   "en": "This status since version {number} ({date})."},
    "stale_heading": {"nl": "Te controleren contacten", "en": "Contacts to check"},
    "stale_intro": {
        "nl": "Contacten die langer dan {months} maanden geleden of nooit zijn gecontroleerd, "
              "nooit gecontroleerde eerst. ‘Vandaag gecontroleerd’ maakt een concept waarin "
              "alleen de datum en uw naam veranderen; een publicist publiceert het.",
        "en": "Contacts checked more than {months} months ago or never, never-checked first. "
              "‘Checked today’ makes a draft whose only change is the date and your name; a "
              "publisher publishes it."},
    "stale_none": {"nl": "Geen contact is aan controle toe.",
                   "en": "No contact is due for a check."},
    "stale_line": {"nl": "{organisation} – {area} – {phones} – {checked} {count} gemeenten: "
                         "{municipalities}",
                   "en": "{organisation} – {area} – {phones} – {checked} {count} "
                         "municipalities: {municipalities}"},
    "stale_fallback_area": {"nl": "landelijk vangnet", "en": "national fallback"},
    "stale_fallback_note": {
        "nl": "Het landelijk vangnet (CoMensha) staat in het vangnetbestand; dat verandert niet "
              "met een concept.",
        "en": "The national fallback (CoMensha) lives in the fallback file; a draft does not "
              "change it."},
    "stale_checked_today": {"nl": "Vandaag gecontroleerd", "en": "Checked today"},
    "stale_comment": {"nl": "Contact gecontroleerd: {organisation} ({entry})",
                      "en": "Contact checked: {organisation} ({entry})"},
    "stale_draft_saved": {
        "nl": "Concept {number} opgeslagen: alleen de controledatum van dit contact verandert.",
        "en": "Draft {number} saved: only this contact's check date changes."},
    "overview_due": {
        "nl": "{due} van de {total} contacten zijn aan controle toe (langer dan {months} "
              "maanden geleden of nooit gecontroleerd).",
        "en": "{due} of {total} contacts are due for a check (checked more than {months} "
              "months ago, or never)."},
    "col_checked": {"nl": "Gecontroleerd", "en": "Checked"},
    "chart_history_title": {"nl": "Gemeenten per status, per versie",
                            "en": "Municipalities per status, per version"},
    "col_published_on": {"nl": "Gepubliceerd", "en": "Published"},
    "chart_history_text": {
        "nl": "Per versie, op datum van publicatie, het aantal gemeenten per status: {rows}.",
        "en": "Per version, by publication date, municipalities per status: {rows}."},
    "chart_history_version": {"nl": "versie {number} ({date})",
                              "en": "version {number} ({date})"},
    "checked_never": {"nl": "nog niet gecontroleerd", "en": "not yet checked"},
    "field_opening_hours": {"nl": "Bereikbaar (openingstijden)", "en": "Opening hours"},
    "field_after_hours_phone": {"nl": "Nummer buiten kantoortijd",
                                "en": "After-hours number"},
    "field_email": {"nl": "E-mailadres", "en": "E-mail address"},
    "field_website": {"nl": "Website (https://…)", "en": "Website (https://…)"},
    "checked_on_words": {"nl": "gecontroleerd op {date} door {name}",
                         "en": "checked on {date} by {name}"},
    "checked_due_words": {"nl": "controle nodig", "en": "due for a check"},
    # Issue 17: one language per page, nothing cut, a traceable report
    "choose_placeholder": {"nl": "Kies …", "en": "Choose …"},
    "version_newest_help": {
        "nl": "‘Nieuwste versie’ volgt nieuwe publicaties: een pagina die erop staat, toont een "
              "nieuw gepubliceerde versie binnen enkele seconden. Kies een nummer om één versie "
              "vast te houden (die komt in de link).",
        "en": "‘Newest version’ follows new publications: a page left on it shows a newly "
              "published version within seconds. Choose a number to keep one version (it goes "
              "into the link)."},
    "table_download_csv": {"nl": "Deze tabel als CSV", "en": "This table as CSV"},
    "gaps_table_caption": {"nl": "Hiaten per veiligheidsregio", "en": "Gaps per safety region"},
    "changes_caption": {"nl": "Wijzigingen van versie {before} naar versie {after}",
                        "en": "Changes from version {before} to version {after}"},
    "history_seeded": {"nl": "Eerste start: overgenomen uit de meegeleverde bestanden",
                       "en": "First start: taken from the files shipped with the app"},
    "history_seed_author": {"nl": "eerste start", "en": "first start"},
    "history_no_parent": {"nl": "geen", "en": "none"},
    "report_finding": {"nl": "{area} ({organisations}): {verdict}",
                       "en": "{area} ({organisations}): {verdict}"},
    "report_title_province": {"nl": "Provincie {name}", "en": "Province of {name}"},
    "report_title_police_unit": {"nl": "Politie-eenheid {name}", "en": "Police unit {name}"},
    "report_subtitle_regions": {"nl": "Veiligheidsregio's: {regions}",
                                "en": "Safety regions: {regions}"},
    "report_download_region": {"nl": "Rapport voor {region} (PDF)",
                               "en": "Report for {region} (PDF)"},
    "geojson_fields_note": {
        "nl": "De velden van de GeoJSON hebben vaste Engelse namen (code, name, status …), "
              "zodat programma's ze in elke taal lezen; hun betekenis staat in de README.",
        "en": "The GeoJSON's fields have fixed English names (code, name, status …), so "
              "programs read them in any language; the README explains them."},
    "col_share_without_percent": {
        "nl": "Aandeel inwoners zonder (volledige) regionale zorgcoördinator (%)",
        "en": "Share of inhabitants without (full) regional coordination (%)"},
    # --- issue 18, parts 3 and 4: corrections from readers; a publish that shows what changes
    "report_expander": {"nl": "Klopt dit nummer niet?", "en": "Is this number wrong?"},
    "report_intro": {
        "nl": "Laat het ons weten; u hebt geen account nodig. Uw melding gaat alleen naar de "
              "redactie en wordt nergens getoond.",
        "en": "Let us know; no account needed. Your report goes to the editors only and is "
              "never shown anywhere."},
    "report_text": {"nl": "Wat klopt er niet?", "en": "What is wrong?"},
    "report_contact": {"nl": "Hoe kunnen we u bereiken? (mag leeg blijven)",
                       "en": "How can we reach you? (optional)"},
    "report_submit": {"nl": "Melding versturen", "en": "Send report"},
    "report_thanks": {
        "nl": "Dank u. Uw melding over {name} is ontvangen; een redacteur bekijkt hem.",
        "en": "Thank you. Your report on {name} has been received; an editor will look at it."},
    "report_empty": {"nl": "Schrijf eerst wat er niet klopt.",
                     "en": "Please write what is wrong first."},
    "report_too_long": {"nl": "{field}: ten hoogste {limit} tekens.",
                        "en": "{field}: at most {limit} characters."},
    "report_invisible": {
        "nl": "{field}: bevat een onzichtbaar teken ({character}, teken {position}); haal het "
              "weg.",
        "en": "{field}: contains an invisible character ({character}, character {position}); "
              "remove it."},
    "report_limited_client": {
        "nl": "U hebt het afgelopen uur al {count} meldingen gestuurd; probeer het na {time} "
              "opnieuw.",
        "en": "You have sent {count} reports in the past hour; please try again after {time}."},
    "report_limited_everyone": {
        "nl": "Er komen nu veel meldingen binnen; probeer het na {time} opnieuw.",
        "en": "Many reports are coming in now; please try again after {time}."},
    "report_failed": {"nl": "De melding kon niet worden opgeslagen: {problem}",
                      "en": "The report could not be stored: {problem}"},
    "report_unreachable": {
        "nl": "De melding kon nu niet worden opgeslagen; probeer het later opnieuw.",
        "en": "The report could not be stored now; please try again later."},
    "reports_heading": {"nl": "Meldingen van lezers ({count} open)",
                        "en": "Reports from readers ({count} open)"},
    "reports_none": {"nl": "Geen open meldingen.", "en": "No open reports."},
    "report_line": {
        "nl": "Melding {number} over {name} ({code}), op versie {version}, ontvangen {time}",
        "en": "Report {number} on {name} ({code}), on version {version}, received {time}"},
    "report_reach": {"nl": "Bereikbaar via: {contact}", "en": "Reach the reader at: {contact}"},
    "report_no_contact": {"nl": "Geen contactgegevens gegeven.", "en": "No contact given."},
    "report_draft_made": {"nl": "Concept {number} is van deze melding gemaakt.",
                          "en": "Draft {number} was made from this report."},
    "report_make_draft": {"nl": "Maak er een concept van", "en": "Make a draft from it"},
    "report_close_reason": {"nl": "Reden van sluiten", "en": "Reason for closing"},
    "report_close": {"nl": "Sluiten", "en": "Close"},
    "report_closed": {"nl": "Melding {number} is gesloten.", "en": "Report {number} is closed."},
    "report_close_needs_reason": {"nl": "Geef een reden om melding {number} te sluiten.",
                                  "en": "Give a reason to close report {number}."},
    "report_not_open": {"nl": "Melding {number} is niet meer open.",
                        "en": "Report {number} is no longer open."},
    "report_beside": {"nl": "Concept bij melding {number}", "en": "Draft for report {number}"},
    "report_no_entry": {
        "nl": "{name} staat in geen enkel gebied van het overzicht (CoMensha is de terugval). "
              "Kies een gebied of voeg er een toe.",
        "en": "{name} is in no area of the overview (CoMensha is the fallback). Choose an area "
              "or add one."},
    "report_stop": {"nl": "Niet meer aan deze melding werken",
                    "en": "Stop working on this report"},
    "old_new_heading": {"nl": "Wat er verandert, oud → nieuw",
                        "en": "What changes, old → new"},
    "old_new_entry": {"nl": "Gebied {entry}: {kind}", "en": "Area {entry}: {kind}"},
    "old_new_contact": {"nl": "Contact {organisation}: {kind}",
                        "en": "Contact {organisation}: {kind}"},
    "old_new_kind_changed": {"nl": "gewijzigd", "en": "changed"},
    "old_new_kind_added": {"nl": "toegevoegd", "en": "added"},
    "old_new_kind_removed": {"nl": "verwijderd", "en": "removed"},
    "old_new_none": {"nl": "(geen)", "en": "(none)"},
    "old_new_no_organisation": {"nl": "zonder organisatie", "en": "without organisation"},
    "old_new_old": {"nl": "oud", "en": "old"},
    "old_new_new": {"nl": "nieuw", "en": "new"},
    "old_new_field": {"nl": "veld", "en": "field"},
    "old_new_answers": {"nl": "Het antwoord verandert in {count} gemeente(n): {names}",
                        "en": "The answer changes in {count} municipality(ies): {names}"},
    "old_new_no_answers": {"nl": "Het antwoord verandert in geen enkele gemeente.",
                           "en": "The answer changes in no municipality."},
    "old_new_field_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "old_new_field_inferred_organisation": {"nl": "Afgeleide organisatie",
                                            "en": "Inferred organisation"},
    "old_new_field_target_group": {"nl": "Doelgroep", "en": "Target group"},
    "old_new_field_target_group_wording": {"nl": "Doelgroep volgens de bron",
                                           "en": "Target group as the source says"},
    "old_new_field_phones": {"nl": "Telefoonnummers", "en": "Phone numbers"},
    "old_new_field_comensha": {"nl": "Is dit CoMensha?", "en": "Is this CoMensha?"},
    "old_new_field_area_wording": {"nl": "Gebied volgens de bron", "en": "Area as the source says"},
    "old_new_field_area": {"nl": "Gebied (eenheden)", "en": "Area (units)"},
    "old_new_field_note": {"nl": "Toelichting", "en": "Note"},
    "publish_confirm_question": {"nl": "Publiceren als versie {number}?",
                                 "en": "Publish as version {number}?"},
    "publish_confirm": {"nl": "Ja, publiceer concept {draft} als versie {number}",
                        "en": "Yes, publish draft {draft} as version {number}"},
    "publish_own_draft": {
        "nl": "Vier ogen: u hebt concept {number} zelf opgeslagen, dus een andere publicist "
              "moet het publiceren.",
        "en": "Four eyes: you saved draft {number} yourself, so another publisher must publish "
              "it."},
    # Issue 17, the phone path: the card's collapsed reading, the search's offers, the map
    "card_reading_summary": {"nl": "Gebied volgens het overzicht, lezing en toelichting",
                             "en": "Area in the overview, reading and note"},
    "search_offer_place": {"nl": "{name} — gemeente {municipality}",
                           "en": "{name} — municipality of {municipality}"},
    "search_offer_postcode": {"nl": "{name} — {municipality}", "en": "{name} — {municipality}"},
    "map_touch_hint": {"nl": "Gebruik twee vingers om de kaart te verschuiven",
                       "en": "Use two fingers to move the map"},
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
