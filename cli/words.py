"""Every word the command line prints itself, in English (its default) and Dutch.

The table has the shape of the app's (`ui.text.i18n`): key → {"nl": …, "en": …}, with
`{fields}` filled in by `Words(language)(key, **fields)`. The CLI keeps its own table rather
than importing `ui` (a sibling package).

Which language: one per run.

- `lookup` has `--lang en|nl`: it chooses the language of everything that command prints (the
  answer, and its messages and errors).
- Everything else (the other commands, `lookup` without `--lang`, and the help texts, which
  argparse prints while the options are still being read) follows the environment variable
  `COVERAGE_LANG`: `nl` or `en` (any case). Unset, empty or any other value means English, the
  command line's language since its first version, so scripts that read its output see no
  change.

Not in this table, and therefore English in either language: JSON (keys and values), data
(names, codes, status and kind keys such as `coordinator` or `cuts_border`, register wording),
the answer's own text (`coverage.lookup_text`, which has both languages already), argparse's
own messages (`usage:`, `invalid choice`), and messages made below the command line (the
review of an import, `registry.review`; doctor's checks, `registry.doctor`; a database's
failure; the register's validation errors).

This module uses the standard library alone: the cached lookup (`cli.lookup_cache`) reads the
language without importing anything else.

>>> Words("nl")("error", message="x")
'fout: x'
>>> Words()("published", number=4, base=3)
'Published version 4 (based on version 3).'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"
LANGUAGE_VARIABLE = "COVERAGE_LANG"
"""Environment variable with the command line's language: `nl` or `en` (default)."""


def environment_language(environ: Mapping[str, str]) -> str:
    """The language `environ`'s `COVERAGE_LANG` asks for; English unless it says `nl` or `en`.

    >>> environment_language({"COVERAGE_LANG": " NL "})
    'nl'
    >>> environment_language({}), environment_language({"COVERAGE_LANG": "de"})
    ('en', 'en')
    """
    value = environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


WORDS: dict[str, dict[str, str]] = {
    # --- the parser and the errors (cli.main) ----------------------------------------------
    "description": {
        "en": "Look up a municipality, list rule breaks, report figures, diff snapshots, and "
              "keep the published versions of the register and the accounts that edit and "
              "publish it.",
        "nl": "Zoek een gemeente op, toon breuken van de grensregel, rapporteer cijfers, "
              "vergelijk versies, en beheer de gepubliceerde versies van het register en de "
              "accounts die het bewerken en publiceren."},
    "help_data": {
        "en": "read this folder of YAML files instead of the published versions",
        "nl": "lees deze map met YAML-bestanden in plaats van de gepubliceerde versies"},
    "error": {"en": "error: {message}", "nl": "fout: {message}"},
    # --- what a command reads (cli.reading) -----------------------------------------------
    "help_snapshot": {
        "en": "version number or label (default: current, the newest; with --data: a snapshot "
              "id)",
        "nl": "versienummer of label (standaard: current, de nieuwste; met --data: de id van "
              "een snapshot)"},
    "unknown_snapshot": {"en": "unknown snapshot '{snapshot}'; choose from {choices}",
                         "nl": "onbekende snapshot '{snapshot}'; kies uit {choices}"},
    "months_invalid": {
        "en": "the age of a check must be a whole number of months from 1 to {maximum}",
        "nl": "de leeftijd van een controle moet een heel aantal maanden zijn, van 1 tot en met "
              "{maximum}"},
    "months_variable_invalid": {
        "en": "{variable}: the age of a check must be a whole number of months from 1 to "
              "{maximum}",
        "nl": "{variable}: de leeftijd van een controle moet een heel aantal maanden zijn, van "
              "1 tot en met {maximum}"},
    # --- lookup and stale (cli.lookup_commands) -------------------------------------------
    "help_lookup": {"en": "who to call for a municipality",
                    "nl": "wie u belt voor een gemeente"},
    "help_lookup_name": {
        "en": "CBS code, official or common name, place or postcode (any case, no accents)",
        "nl": "CBS-code, officiële of gangbare naam, plaats of postcode (hoofdletters en "
              "accenten doen er niet toe)"},
    "help_lang": {
        "en": "language of the output and the register's notes (default: ${variable} or en)",
        "nl": "taal van de uitvoer en van de notities in het register (standaard: ${variable} "
              "of en)"},
    "help_lookup_months": {
        "en": "a contact checked longer ago is due for a check (default: ${variable} or 12)",
        "nl": "een contact dat langer geleden is gecontroleerd, moet opnieuw worden "
              "gecontroleerd (standaard: ${variable} of 12)"},
    "via_place": {"en": "place", "nl": "plaats"},
    "via_alias": {"en": "alias", "nl": "andere naam"},
    "via_postcode": {"en": "postcode", "nl": "postcode"},
    "ambiguous": {"en": "'{name}' is ambiguous: {names}",
                  "nl": "'{name}' is niet eenduidig: {names}"},
    "not_found": {"en": "no municipality, place or postcode '{name}'{hint}",
                  "nl": "geen gemeente, plaats of postcode '{name}'{hint}"},
    "did_you_mean": {"en": "; did you mean {suggestions}?", "nl": "; bedoelt u {suggestions}?"},
    "help_stale": {
        "en": "contacts due for a check, never checked first, then the oldest",
        "nl": "contacten die een controle nodig hebben, nooit gecontroleerde eerst, dan de "
              "oudste"},
    "help_stale_months": {
        "en": "checked longer ago than this is due (default: ${variable} or 12)",
        "nl": "langer geleden gecontroleerd betekent: controle nodig (standaard: ${variable} "
              "of 12)"},
    "help_stale_all": {"en": "list every contact, due or not",
                       "nl": "toon elk contact, met of zonder controle nodig"},
    "stale_heading_due": {
        "en": "Contacts due for a check on {date} (checked more than {months} months ago or "
              "never): {count}",
        "nl": "Contacten die een controle nodig hebben op {date} (meer dan {months} maanden "
              "geleden of nooit gecontroleerd): {count}"},
    "stale_heading_all": {
        "en": "Contacts on {date} (checked more than {months} months ago or never): {count}",
        "nl": "Contacten op {date} (controle nodig: meer dan {months} maanden geleden of nooit "
              "gecontroleerd): {count}"},
    "national_fallback": {"en": "national fallback", "nl": "landelijk vangnet"},
    "entry_contact": {"en": "{entry}, contact {number}", "nl": "{entry}, contact {number}"},
    "no_organisation": {"en": "(no organisation named)", "nl": "(geen organisatie genoemd)"},
    "due_mark": {"en": "; due", "nl": "; controle nodig"},
    "stale_area": {"en": "  area: {area}", "nl": "  gebied: {area}"},
    "stale_phones": {"en": "  phones: {phones}", "nl": "  telefoon: {phones}"},
    "stale_serves": {"en": "  serves {count} municipalities: {names}",
                     "nl": "  bedient {count} gemeenten: {names}"},
    # --- history, violations, report, diff, check (cli.report_commands) -------------------
    "help_history": {"en": "per published version: municipalities and inhabitants per status",
                     "nl": "per gepubliceerde versie: gemeenten en inwoners per status"},
    "history_without_data": {
        "en": "history reads the published versions; leave out --data",
        "nl": "history leest de gepubliceerde versies; laat --data weg"},
    "history_heading": {
        "en": "version  label        published (UTC)   by           ",
        "nl": "versie   label        gepubl. (UTC)     door         "},
    "history_people": {"en": "   inhabitants per status", "nl": "   inwoners per status"},
    "help_violations": {"en": "areas that break the border rule",
                        "nl": "gebieden die de grensregel breken"},
    "help_violations_all": {"en": "also list areas within one region",
                            "nl": "toon ook gebieden binnen één regio"},
    "whole": {"en": "whole", "nl": "geheel"},
    "part_of_region": {"en": "{inside} of {total} municipalities",
                       "nl": "{inside} van {total} gemeenten"},
    "help_report": {"en": "coverage figures", "nl": "dekkingscijfers"},
    "help_diff": {"en": "changes per municipality between two versions",
                  "nl": "wijzigingen per gemeente tussen twee versies"},
    "help_diff_from": {"en": "version (default: the one before --to; with --data: earlier)",
                       "nl": "versie (standaard: die vóór --to; met --data: earlier)"},
    "help_diff_to": {"en": "version (default: the newest; with --data: current)",
                     "nl": "versie (standaard: de nieuwste; met --data: current)"},
    "diff_first": {
        "en": "version {number} is the first: nothing before it to compare with",
        "nl": "versie {number} is de eerste: er is geen eerdere om mee te vergelijken"},
    "help_check": {"en": "validate the register and the boundaries",
                   "nl": "controleer het register en de grenzen"},
    "help_check_snapshot": {"en": "only this version (default: every version)",
                            "nl": "alleen deze versie (standaard: elke versie)"},
    "check_snapshot": {"en": "{snapshot}: {count} entries OK",
                       "nl": "{snapshot}: {count} vermeldingen OK"},
    "check_version": {"en": "{label}: {count} entries OK (version {number})",
                      "nl": "{label}: {count} vermeldingen OK (versie {number})"},
    "check_boundaries": {
        "en": "boundaries: {municipalities} municipalities, {regions} safety regions OK",
        "nl": "grenzen: {municipalities} gemeenten, {regions} veiligheidsregio's OK"},
    # --- whatif (cli.whatif_command) ------------------------------------------------------
    "help_whatif": {"en": "a proposed coordinator area: verdict, gain and overlaps",
                    "nl": "een voorgesteld coördinatiegebied: oordeel, winst en overlap"},
    "help_whatif_municipalities": {"en": "CBS codes (or names) of municipalities",
                                   "nl": "CBS-codes (of namen) van gemeenten"},
    "help_whatif_units": {
        "en": "whole units, KIND safety_region, province, police_unit or municipality (e.g. "
              "safety_region:VR17, province:Utrecht)",
        "nl": "hele eenheden, KIND safety_region, province, police_unit of municipality "
              "(bijv. safety_region:VR17, province:Utrecht)"},
    "help_whatif_entry": {"en": "start from the area of existing entries",
                          "nl": "begin bij het gebied van bestaande vermeldingen"},
    "help_whatif_name": {"en": "the proposal's name", "nl": "de naam van het voorstel"},
    "help_whatif_organisation": {"en": "the organisation (default: to be decided)",
                                 "nl": "de organisatie (standaard: nog te bepalen)"},
    "unknown_municipality": {
        "en": "unknown municipality {names} (give a CBS code such as GM0599 or a name)",
        "nl": "onbekende gemeente {names} (geef een CBS-code zoals GM0599 of een naam)"},
    "no_municipality_given": {
        "en": "give at least one municipality with --municipalities, --units or --entry",
        "nl": "geef ten minste één gemeente met --municipalities, --units of --entry"},
    "to_be_decided": {"en": "to be decided", "nl": "nog te bepalen"},
    "proposal": {
        "en": "Proposal '{name}' ({organisation}), target group {group}: {count} "
              "municipalities",
        "nl": "Voorstel '{name}' ({organisation}), doelgroep {group}: {count} gemeenten"},
    "border_rule": {"en": "Border rule: {verdict} ({kind})",
                    "nl": "Grensregel: {verdict} ({kind})"},
    "part_of_region_short": {"en": "{inside} of {total}", "nl": "{inside} van {total}"},
    "inside": {"en": "    inside: {names}", "nl": "    binnen: {names}"},
    "outside": {"en": "    outside: {names}", "nl": "    buiten: {names}"},
    "gained_one": {"en": "Gained: {count} municipality, {population} inhabitants",
                   "nl": "Erbij: {count} gemeente, {population} inwoners"},
    "gained_many": {"en": "Gained: {count} municipalities, {population} inhabitants",
                    "nl": "Erbij: {count} gemeenten, {population} inwoners"},
    "per_status": {"en": "Per status, municipalities (inhabitants), before -> after:",
                   "nl": "Per status, gemeenten (inwoners), voor -> na:"},
    "overlaps": {"en": "Overlaps with existing regional coordinators: {count}",
                 "nl": "Overlap met bestaande regionale coördinatoren: {count}"},
    # --- versions, show, export, import, revert (cli.version_commands) --------------------
    "help_versions": {"en": "list the published versions",
                      "nl": "toon de gepubliceerde versies"},
    "versions_row": {
        "en": "{number:>4}  {label:12} {published_at:%Y-%m-%d %H:%M} UTC  {by}: {comment}"
              "{newest}",
        "nl": "{number:>4}  {label:12} {published_at:%Y-%m-%d %H:%M} UTC  {by}: {comment}"
              "{newest}"},
    "newest_mark": {"en": " (newest)", "nl": " (nieuwste)"},
    "help_show": {"en": "one published version", "nl": "één gepubliceerde versie"},
    "help_version_current": {"en": "number or label (current: the newest)",
                             "nl": "nummer of label (current: de nieuwste)"},
    "show_version": {
        "en": "Version {number} ({label}), published {published_at:%Y-%m-%d %H:%M} UTC by {by}",
        "nl": "Versie {number} ({label}), gepubliceerd {published_at:%Y-%m-%d %H:%M} UTC door "
              "{by}"},
    "show_comment": {"en": "Comment: {comment}", "nl": "Toelichting: {comment}"},
    "show_based_on": {"en": "Based on: {base}", "nl": "Gebaseerd op: {base}"},
    "show_parent": {"en": "version {number}", "nl": "versie {number}"},
    "show_first": {"en": "nothing (the first)", "nl": "niets (de eerste)"},
    "show_source": {"en": "Source: {source} (date: {date})",
                    "nl": "Bron: {source} (datum: {date})"},
    "show_no_date": {"en": "not given", "nl": "niet opgegeven"},
    "show_hash": {"en": "Content hash: {hash}", "nl": "Inhoudshash: {hash}"},
    "show_entries": {"en": "Entries ({count}):", "nl": "Vermeldingen ({count}):"},
    "help_export": {"en": "a version as YAML (import reads it back)",
                    "nl": "een versie als YAML (import leest die weer in)"},
    "help_export_output": {"en": "write to this file, not stdout",
                           "nl": "schrijf naar dit bestand, niet naar stdout"},
    "help_import": {"en": "review a new overview (YAML) and publish it with --yes",
                    "nl": "bekijk een nieuw overzicht (YAML) en publiceer het met --yes"},
    "help_import_comment": {"en": "why: shown in the history (default: the file name)",
                            "nl": "waarom: staat in de geschiedenis (standaard: de "
                                  "bestandsnaam)"},
    "help_import_base": {"en": "refuse (exit 3) unless this is still the newest version",
                         "nl": "weiger (exitcode 3) tenzij dit nog de nieuwste versie is"},
    "help_import_yes": {"en": "publish (default: review only)",
                        "nl": "publiceer (standaard: alleen bekijken)"},
    "help_import_removals": {"en": "accept a version that removes entries",
                             "nl": "accepteer een versie die vermeldingen verwijdert"},
    "help_author": {"en": "who publishes (default: the login name)",
                    "nl": "wie publiceert (standaard: de inlognaam)"},
    "imported_from": {"en": "Imported from {file}", "nl": "Geïmporteerd uit {file}"},
    "nothing_to_publish": {"en": "Nothing to publish.", "nl": "Niets te publiceren."},
    "removals_refused": {
        "en": "the new version would remove {count} entries ({names}); nothing was published. "
              "A file cut short loses entries: check it, and if the removal is intended run "
              "again with --allow-removals",
        "nl": "de nieuwe versie zou {count} vermeldingen verwijderen ({names}); er is niets "
              "gepubliceerd. Een afgebroken bestand verliest vermeldingen: controleer het, en "
              "als het verwijderen de bedoeling is, voer het opnieuw uit met --allow-removals"},
    "not_published": {
        "en": "Not published. To publish, run again with --yes (and --base {base} to make sure "
              "nobody published in between).",
        "nl": "Niet gepubliceerd. Om te publiceren: voer het opnieuw uit met --yes (en --base "
              "{base} om zeker te weten dat niemand intussen publiceerde)."},
    "published": {"en": "Published version {number} (based on version {base}).",
                  "nl": "Versie {number} gepubliceerd (gebaseerd op versie {base})."},
    "help_revert": {"en": "publish an earlier version's content anew",
                    "nl": "publiceer de inhoud van een eerdere versie opnieuw"},
    "help_version": {"en": "number or label", "nl": "nummer of label"},
    "help_revert_comment": {"en": "why: shown in the history",
                            "nl": "waarom: staat in de geschiedenis"},
    "nothing_published_yet": {"en": "no version has been published",
                              "nl": "er is nog geen versie gepubliceerd"},
    # --- user (cli.account_commands) ------------------------------------------------------
    "no_terminal": {
        "en": "no terminal to ask the password on; give it on standard input with "
              "--password-stdin",
        "nl": "geen terminal om het wachtwoord op te vragen; geef het op standaardinvoer met "
              "--password-stdin"},
    "password_prompt": {"en": "Password: ", "nl": "Wachtwoord: "},
    "password_again_prompt": {"en": "Password again: ", "nl": "Wachtwoord nogmaals: "},
    "no_password": {"en": "no password given; nothing was changed",
                    "nl": "geen wachtwoord gegeven; er is niets veranderd"},
    "passwords_differ": {"en": "the passwords differ; nothing was changed",
                         "nl": "de wachtwoorden verschillen; er is niets veranderd"},
    "account_added": {"en": "Added {role} '{name}'", "nl": "{role} '{name}' toegevoegd"},
    "account_removed": {"en": "Removed '{name}' (drafts stay; sessions ended)",
                        "nl": "'{name}' verwijderd (concepten blijven; sessies beëindigd)"},
    "client_unlocked": {
        "en": "Unlocked client {client} ({count} attempts no longer count)",
        "nl": "Client {client} ontgrendeld ({count} pogingen tellen niet meer mee)"},
    "account_unlocked": {"en": "Unlocked '{name}' ({count} attempts no longer count)",
                         "nl": "'{name}' ontgrendeld ({count} pogingen tellen niet meer mee)"},
    "password_set": {
        "en": "New password for '{name}' (sessions ended, sign-in lock cleared)",
        "nl": "Nieuw wachtwoord voor '{name}' (sessies beëindigd, aanmeldblokkade opgeheven)"},
    "unlock_what": {"en": "give either a NAME or --client ADDRESS to unlock",
                    "nl": "geef een NAME of --client ADDRESS om te ontgrendelen"},
    "database_unusable": {"en": "the database {url} cannot be used: {reason}",
                          "nl": "de database {url} is niet te gebruiken: {reason}"},
    "done_in_database": {"en": "{done} (database: {database}).",
                         "nl": "{done} (database: {database})."},
    "in_database": {"en": "(database: {database})", "nl": "(database: {database})"},
    "help_user": {"en": "accounts that may edit (editor) or publish (publisher) in the app",
                  "nl": "accounts die in de app mogen bewerken (editor) of publiceren "
                        "(publisher)"},
    "help_user_add": {"en": "add an account", "nl": "voeg een account toe"},
    "help_user_remove": {"en": "remove an account", "nl": "verwijder een account"},
    "help_user_passwd": {"en": "set an account's password (clears its lock)",
                         "nl": "stel het wachtwoord van een account in (heft de blokkade op)"},
    "help_password_stdin": {"en": "read the password from the first line of standard input",
                            "nl": "lees het wachtwoord van de eerste regel van standaardinvoer"},
    "help_user_unlock": {
        "en": "let a name (or a client address) sign in again at once after too many attempts",
        "nl": "laat een naam (of een clientadres) na te veel pogingen meteen weer aanmelden"},
    "help_user_client": {"en": "unlock a client address instead",
                         "nl": "ontgrendel in plaats daarvan een clientadres"},
    "help_user_list": {"en": "every account and its role", "nl": "elk account en zijn rol"},
    # --- backup, restore, doctor (cli.operator_commands) ----------------------------------
    "size_kb": {"en": "{size} KB", "nl": "{size} KB"},
    "size_mb": {"en": "{size} MB", "nl": "{size} MB"},
    "neither_sqlite_nor_postgresql": {
        "en": "the database {url} is neither SQLite nor PostgreSQL, the two the register is "
              "made for; nothing was done",
        "nl": "de database {url} is SQLite noch PostgreSQL, de twee waarvoor het register "
              "gemaakt is; er is niets gedaan"},
    "no_database_file": {
        "en": "no database at {path}: nothing to back up (set COVERAGE_DATABASE_URL to name "
              "the register's database)",
        "nl": "geen database op {path}: niets om een back-up van te maken (zet "
              "COVERAGE_DATABASE_URL op de database van het register)"},
    "refused_in_database": {"en": "{error} (database: {url})",
                            "nl": "{error} (database: {url})"},
    "nothing_backed_up": {"en": "nothing was backed up", "nl": "er is geen back-up gemaakt"},
    "nothing_restored": {"en": "nothing was restored", "nl": "er is niets teruggezet"},
    "database_unusable_nothing": {
        "en": "the database {url} cannot be used: {reason}; {nothing}",
        "nl": "de database {url} is niet te gebruiken: {reason}; {nothing}"},
    "the_file": {"en": "the file", "nl": "het bestand"},
    "file_failed": {"en": "{file}: {reason}; {nothing}", "nl": "{file}: {reason}; {nothing}"},
    "no_backup_folder": {"en": "no folder {folder} for the backup; nothing was backed up",
                         "nl": "geen map {folder} voor de back-up; er is geen back-up gemaakt"},
    "backed_up": {
        "en": "Backed up {summary} from the database {url} to {file} ({size}, schema revision "
              "{revision}, {seconds} s).",
        "nl": "Back-up gemaakt van {summary} uit de database {url} naar {file} ({size}, "
              "schemarevisie {revision}, {seconds} s)."},
    "restored": {
        "en": "Restored {summary} from {file} into the database {url} (backup at schema "
              "revision {revision}, migrated to the newest; {seconds} s). Sign-in sessions are "
              "not restored: everyone signs in again.",
        "nl": "{summary} teruggezet uit {file} in de database {url} (back-up op schemarevisie "
              "{revision}, gemigreerd naar de nieuwste; {seconds} s). Aanmeldsessies worden "
              "niet teruggezet: iedereen meldt zich opnieuw aan."},
    "help_backup": {
        "en": "back up the register's database (versions, accounts, drafts) to FILE",
        "nl": "maak een back-up van de database van het register (versies, accounts, "
              "concepten) in FILE"},
    "help_backup_file": {"en": "the backup file (gzip when it ends in .gz)",
                         "nl": "het back-upbestand (gzip als de naam op .gz eindigt)"},
    "help_restore": {
        "en": "restore a backup into an empty database (migrated to the newest)",
        "nl": "zet een back-up terug in een lege database (gemigreerd naar de nieuwste versie)"},
    "help_restore_file": {"en": "a file made by `backup`",
                          "nl": "een bestand gemaakt met `backup`"},
    "help_doctor": {"en": "check the installation and print what to fix",
                    "nl": "controleer de installatie en toon wat er te herstellen is"},
}


@dataclass(frozen=True)
class Words:
    """The command line's words in one language."""

    language: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, **fields: object) -> str:
        """The words of `key`, with `{fields}` filled in."""
        text = WORDS[key][self.language]
        return text.format(**fields) if fields else text

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with the language's separators: `12,345.6` in English, `12.345,6` in Dutch.

        >>> Words("en").number(17590672), Words("nl").number(35.04, 1)
        ('17,590,672', '35,0')
        """
        text = f"{value:,.{decimals}f}"
        if self.language == "nl":
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text
