"""User-interface helpers for the Streamlit dashboard."""
