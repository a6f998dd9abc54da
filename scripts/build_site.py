#!/usr/bin/env python3
"""Build the site beside the served one and swap it in only when the build succeeds.

    python scripts/build_site.py [--config mkdocs.yml] [--site-dir site] [--headers-dir dist/headers]

`mkdocs build --clean` empties site/ before it reads the data, so a typo would
leave a server with nothing to serve. Here the build goes to a new folder next
to site/; the components' scripts and styles are minified (tools/minify.py);
the header files (scripts/security_headers.py) are written into it;
only then is site/ replaced, by a rename. When anything fails, the build's own
messages are printed, then one line, and site/ is as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goal_pyramid.tools import security_headers  # noqa: E402 (after the path is set)
from goal_pyramid.tools.minify import minify_components  # noqa: E402


def swap_in(new: Path, target: Path) -> None:
    """Put new where target is; the old copy stays until the new one is in place."""
    old = None
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
        os.replace(target, old / target.name)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(config: str, site_dir: Path, headers_dir: Path | None) -> str | None:
    """Build into site_dir (and the header files into headers_dir); the reason it failed, or None."""
    try:
        headers = security_headers.from_config(config)  # a bad setting stops us before anything is built
    except security_headers.SecurityError as error:
        print(f"ERROR - {error}", file=sys.stderr)
        return "a setting is wrong"
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=site_dir.parent, prefix=f".{site_dir.name}.new-"))
    try:
        new_site = scratch / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config,
             "--site-dir", str(new_site)],
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=False,
        )
        if result.returncode != 0 or not (new_site / "index.html").is_file():
            return "mkdocs build failed"
        minify_components(new_site)
        new_headers = scratch / "headers" if headers_dir is not None else None
        security_headers.write(headers, new_site, new_headers)
        if headers_dir is not None:
            swap_in(new_headers, headers_dir.resolve())
        swap_in(new_site, site_dir)
        return None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--headers-dir", type=Path, default=None,
                        help="also write nginx.conf, apache.conf, web.config and _headers here")
    args = parser.parse_args(argv[1:])
    failed = build(args.config, args.site_dir, args.headers_dir)
    if failed:
        print(f"The build failed ({failed}): {args.site_dir}/ is unchanged.", file=sys.stderr)
        return 1
    where = f" and {args.headers_dir}/" if args.headers_dir else ""
    print(f"Built {args.site_dir}/ (with _headers and web.config){where}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
