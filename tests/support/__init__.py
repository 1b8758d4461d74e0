"""Helpers shared by the tests, `bench/` and `scripts/`; plain functions, no fixtures (those
are in the `conftest.py` files, built on these)."""
