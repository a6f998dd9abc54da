"""Files the project generates and commits (the JSON Schema, the README's budget table): write, or check."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, check: bool, what: str, command: str) -> int:
    """With check: exit status 1 and say how to mend it if `path` does not hold `text`; else write it.

    what names the generated part in messages (e.g. "README.md's budget table"); command regenerates it.
    """
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{what} is stale: run `{command}`", file=sys.stderr)
            return 1
        print(f"{what} is current")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {what}")
    return 0
