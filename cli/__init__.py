"""The command line, `python -m coverage` (also `python -m cli`): look up whom to call, report
on the register, and keep its published versions, its accounts and its backups.

It renders what the domain (`coverage`) decides and calls the storage (`registry`) for what it
reads and writes; nothing below imports it. By job: `main` (the parser and the exit codes),
`lookup_commands` (lookup, stale), `report_commands` (history, violations, report, diff,
check), `whatif_command`, `version_commands` (versions, show, export, import, revert),
`account_commands` (user), `operator_commands` (backup, restore, doctor); `reading` (which
snapshot or version a command reads), `output`, `errors`, `words` (its words in English and
Dutch), and `start` with `lookup_cache` (a lookup answered from answers kept on disk, before
anything heavy is imported).

This file imports nothing, so that the cached lookup starts fast.
"""
