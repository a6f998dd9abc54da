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

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "quiz_data" / "schema.json"


def rendered() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    text = rendered()
    if "--check" in argv:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != text:
            print(f"{SCHEMA_PATH} is stale: run `make schema`", file=sys.stderr)
            return 1
        print(f"{SCHEMA_PATH} is current")
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
