"""Build the site for an address, then serve it there: for tests, screenshots and benchmarks.

The server binds first and the site is built with that address as site_url:
Material's instant navigation falls back to full reloads when the two differ.

    with built_site(ROOT) as site:
        site.url        # "http://127.0.0.1:PORT/"
        site.directory  # the built files
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, no access log; gzip for text when the server is asked to."""

    gzip_enabled = False
    extra_headers: dict[str, str] = {}

    def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        if not (self.gzip_enabled and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@dataclass
class BuiltSite:
    url: str
    directory: Path


def build(project: Path, site_dir: Path, site_url: str, config: str = "mkdocs.yml",
          env_vars: dict[str, str] | None = None) -> float:
    """mkdocs build --strict for site_url; returns the wall-clock seconds it took.

    env_vars set more of the build's environment, e.g. a company's brand.
    """
    import time

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GOAL_PYRAMID_SITE_URL=site_url, **(env_vars or {}))
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config, "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed


@contextlib.contextmanager
def built_site(project: Path, *, config: str = "mkdocs.yml", gzip_enabled: bool = False,
               prefix: str = "", headers: dict[str, str] | None = None,
               env_vars: dict[str, str] | None = None):
    """Yield a BuiltSite served on 127.0.0.1 (optionally under a sub-path prefix)."""
    with tempfile.TemporaryDirectory() as root:
        root_dir = Path(root)
        site_dir = root_dir / prefix.strip("/") if prefix.strip("/") else root_dir
        handler = type("Handler", (QuietHandler,), {"gzip_enabled": gzip_enabled, "extra_headers": headers or {}})
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root_dir)))
        path = f"/{prefix.strip('/')}/" if prefix.strip("/") else "/"
        url = f"http://127.0.0.1:{server.server_address[1]}{path}"
        build(project, site_dir, url, config, env_vars)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield BuiltSite(url=url, directory=site_dir)
        finally:
            server.shutdown()
            server.server_close()
