"""Reading and writing the coordinator register: YAML files and the database of versions.

The edge beside `geodata/`: `coverage/` keeps the domain (schema, areas, status, rules) and
never touches files or databases; this package turns files and database rows into the domain's
`Snapshot` and `Fallback` and back.
"""
