"""Gate: every link and #anchor in the served site resolves, raw HTML and templates included.

MkDocs' own `validation:` (set to fail --strict) checks the Markdown; this
crawl also sees links in the components, the theme and overrides/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from goal_pyramid.tools.site_server import QuietHandler

CONFIG = Path(__file__).with_name("linkcheckerrc")


def linkcheck(url: str) -> subprocess.CompletedProcess:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    return subprocess.run(
        [str(linkchecker), "--config", str(CONFIG), "--no-status", "-o", "text", url],
        capture_output=True, text=True, check=False, timeout=300,
    )


def test_every_link_and_anchor_resolves(served_site):
    result = linkcheck(served_site.url)
    assert result.returncode == 0, result.stdout + result.stderr
    # A missing #anchor is only a warning to LinkChecker: we count it as a failure.
    assert "0 warnings found. 0 errors found." in result.stdout, result.stdout
    checked = int(result.stdout.split(" links in ")[0].rsplit("\n", 1)[-1].split()[-1])
    assert checked > 50, "the crawl stopped early"


def test_the_crawl_reaches_every_page_and_fails_on_a_dead_link(tmp_path):
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><a href="gone/">gone</a> '
        '<a href="other.html#nowhere">anchor</a></html>', encoding="utf-8")
    (tmp_path / "other.html").write_text(
        '<!doctype html><html lang="en"><title>o</title><p id="here">here</p></html>', encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = linkcheck(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1
    assert "gone/" in result.stdout
    assert "nowhere" in result.stdout and "not found" in result.stdout
