#!/usr/bin/env python3
"""Write quiz_data/schema.json from the pydantic models, for editors.

    python scripts/export_schema.py          # write it
    python scripts/export_schema.py --check  # exit 1 if the committed file is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from goal_pyramid.components import json_schema
from goal_pyramid.tools.generated import write_or_check

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "quiz_data" / "schema.json"


def rendered() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(SCHEMA_PATH, rendered(), "--check" in argv, str(SCHEMA_PATH), "make schema")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
