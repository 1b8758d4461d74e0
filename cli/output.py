"""How the command line prints JSON (`--json`): indented, with the text as written."""

from __future__ import annotations

import json
from typing import Any


def json_text(value: Any) -> str:
    """JSON as every command prints it (accents as written, not escaped).

    >>> print(json_text({"name": "Súdwest-Fryslân"}))
    {
      "name": "Súdwest-Fryslân"
    }
    """
    return json.dumps(value, ensure_ascii=False, indent=2)


def print_json(value: Any) -> None:
    """Print `value` as JSON."""
    print(json_text(value))
