"""Build the offline copy: a zip of the site that works opened from the file system.

    python scripts/make_offline.py [--out dist/goal-pyramid-offline.zip]

Unzip it anywhere and open goal-pyramid/index.html: every page, every
component and search work from file://, and nothing is fetched from anywhere.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import REPO

SHIM = "node_modules/iframe-worker/shim/index.js"  # in the checkout, from package.json's pin
SHIM_TARGET = "assets/javascripts/iframe-worker/shim.js"  # as named in mkdocs.offline.yml
FOLDER = "goal-pyramid"  # the folder the zip unpacks to

# An address a page would load from elsewhere: src= or a stylesheet's href=.
_FETCHED = re.compile(r'''(?:src|srcset|href)=["'][^"']*?(?:https?:)?//[^"']+["'][^>]*''')


def build(site_dir: Path, project: Path, config: str = "mkdocs.offline.yml") -> None:
    """Build the checkout with config (the offline copy's, or one that INHERITs it) into site_dir."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config,
         "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{result.stdout}{result.stderr}The {config} build failed: the zip is unchanged.")


def add_search_shim(site_dir: Path, project: Path) -> None:
    """Put iframe-worker (search from file://, named in mkdocs.offline.yml) and its licence in the site."""
    shim = project / SHIM
    target = site_dir / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, target)
    shutil.copyfile(shim.parent.parent / "LICENSE", target.with_name("LICENSE"))


# A stylesheet's url(...) or @import of another host.
_CSS_FETCHED = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])(?:https?:)?//[^"')\s]+""")


def fetched_from_elsewhere(site_dir: Path) -> list[str]:
    """Scripts, styles, images and frames that would come from another host.

    Pages' tags (src, srcset, a stylesheet's href) and stylesheets' url() and
    @import are checked; links to read on, such as the article's, are fine.
    """
    found = []
    for page in site_dir.rglob("*.html"):
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>",
                              page.read_text(encoding="utf-8")):
            if _FETCHED.search(tag) and not re.search(r'rel="(?:canonical|alternate)"', tag):
                found.append(f"{page.relative_to(site_dir)}: {tag}")
    for sheet in site_dir.rglob("*.css"):
        found += [f"{sheet.relative_to(site_dir)}: {hit}" for hit in _CSS_FETCHED.findall(
            sheet.read_text(encoding="utf-8"))]
    return found


def main(argv: list[str], project: Path = REPO) -> int:
    """scripts/make_offline.py: build the checkout `project` for file:// and zip it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=project / "dist/goal-pyramid-offline.zip")
    args = parser.parse_args(argv[1:])
    shim = project / SHIM
    if not shim.is_file():
        print(f"missing {SHIM}: run `npm install` (make offline does)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = Path(scratch) / FOLDER
        build(site_dir, project)
        add_search_shim(site_dir, project)
        outside = fetched_from_elsewhere(site_dir)
        if outside:
            print("the offline copy would fetch from other hosts:\n  " + "\n  ".join(outside), file=sys.stderr)
            return 1
        args.out.parent.mkdir(parents=True, exist_ok=True)
        # Written under another name and renamed, so a good zip is never half-overwritten.
        part = args.out.with_name(f".{args.out.name}.part")
        try:
            with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(site_dir.rglob("*")):
                    archive.write(path, path.relative_to(site_dir.parent).as_posix())
            os.replace(part, args.out)
        finally:
            part.unlink(missing_ok=True)
        files = sum(1 for p in site_dir.rglob("*") if p.is_file())
    size = args.out.stat().st_size / 1024
    print(f"wrote {args.out} ({files} files, {size:.0f} KB): unzip it and open {FOLDER}/index.html")
    return 0

