"""The page shell: how a run goes (`pages`, `prelude`), the shared sidebar, the guard that turns
an error into a short message (`guard`), the page's language, the outage line and the
keyboard path.
"""
