"""The dashboard page: the contact card, the search and selection, the views below the map
(national picture, gaps, border rule, coordinators, changes, downloads, history), their tables,
charts, exports and the printable region report.
"""
