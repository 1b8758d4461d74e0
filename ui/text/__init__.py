"""Text: the translations (`i18n`), the one way outside text reaches the page (`plain_text`),
the wording shared by several rooms (dates, areas, verdicts, citations, answers), and the
project's browser code from `static/js/` with its configuration as data (`browser_code`).
"""
