"""The edit page: sign-in, the entry form and its area picker, drafts and their review and
publishing (`publish`), the old/new comparison, correction reports and stale contacts.
"""
