"""The coverage engine: the coordinator register joined with the CBS boundaries.

Pure functions over plain data, free of Streamlit: resolve each entry's area to municipalities,
give every municipality a status, check the border rule, and compute figures and changes.
"""
