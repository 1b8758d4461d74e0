"""Text: the translations (`i18n`), the one way outside text reaches the page (`plain_text`),
and the wording shared by several rooms (dates, areas, verdicts, citations, answers).
"""
