"""The proposal page: a coordinator area drawn by clicks or names, its verdict on the border
rule, its address (`url`) and its hand-over to a draft.
"""
