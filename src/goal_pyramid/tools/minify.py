"""Minify the components' scripts and styles in a built site, in place.

The files in overrides/components/ are written to be read (a comment says why
where the code cannot); readers' browsers need none of that. `make build` (and
every build the tests and the benchmark serve) passes the built site through
here; `make serve` serves the files as written, for debugging.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_components(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Each file under site_dir/components/ by its path: (bytes before, bytes after)."""
    sizes = {}
    for path in sorted((site_dir / "components").rglob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify is None or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        smaller = minify(text).strip() + "\n"
        path.write_text(smaller, encoding="utf-8")
        sizes[path.relative_to(site_dir).as_posix()] = (len(text.encode()), len(smaller.encode()))
    return sizes
