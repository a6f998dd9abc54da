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
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import REPO

BUILD_SITE = REPO / "scripts" / "build_site.py"
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


class HeadersFileHandler(QuietHandler):
    """Sends, for each address, exactly the headers the site's own _headers file gives it."""

    rules: list[tuple[str, dict[str, str]]] = []

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?")[0].split("#")[0]).items():
            self.send_header(name, value)
        super().end_headers()


def read_headers_file(path: Path) -> list[tuple[str, dict[str, str]]]:
    """The rules of a _headers file (Netlify's format): an address pattern, then indented `Name: value`s."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], url_path: str) -> dict[str, str]:
    """Every rule whose pattern matches (a `*` matches anything), in the file's order."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), url_path):
            found.update(headers)
    return found

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
          env_vars: dict[str, str] | None = None, mkdocs_only: bool = False) -> float:
    """scripts/build_site.py (mkdocs build --strict) for site_url; returns the wall-clock seconds it took.

    env_vars set more of the build's environment, e.g. a company's brand.
    mkdocs_only: `mkdocs build` alone, no header files, as the benchmark times ours and its control.
    """
    import time

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GOAL_PYRAMID_SITE_URL=site_url, **(env_vars or {}))
    started = time.perf_counter()
    # The same path as `make build`: built beside, swapped in, with the header files (_headers, web.config).
    command = [sys.executable, str(BUILD_SITE), "--config", config, "--site-dir", str(site_dir)]
    if mkdocs_only:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config,
                   "--site-dir", str(site_dir)]
    result = subprocess.run(
        command,
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed


@contextlib.contextmanager
def built_site(project: Path, *, config: str = "mkdocs.yml", gzip_enabled: bool = False,
               prefix: str = "", headers: dict[str, str] | None = None,
               env_vars: dict[str, str] | None = None, headers_file: bool = False):
    """Yield a BuiltSite served on 127.0.0.1 (optionally under a sub-path prefix).

    headers_file: send each page the headers the build's own _headers file gives it.
    """
    with tempfile.TemporaryDirectory() as root:
        root_dir = Path(root)
        site_dir = root_dir / prefix.strip("/") if prefix.strip("/") else root_dir
        handler = type("Handler", (HeadersFileHandler if headers_file else QuietHandler,),
                       {"gzip_enabled": gzip_enabled, "extra_headers": headers or {}, "rules": []})
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root_dir)))
        path = f"/{prefix.strip('/')}/" if prefix.strip("/") else "/"
        url = f"http://127.0.0.1:{server.server_address[1]}{path}"
        build(project, site_dir, url, config, env_vars)
        if headers_file:
            handler.rules = read_headers_file(site_dir / "_headers")
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield BuiltSite(url=url, directory=site_dir)
        finally:
            server.shutdown()
            server.server_close()


def preview(site_dir: Path, port: int) -> None:
    """Serve a built site/ as built: under the path of the site_url it was built for, with its _headers."""
    import xml.etree.ElementTree as ElementTree
    from urllib.parse import urlsplit

    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"{site_dir}/ holds no built site: run `make build` first")
    home = ElementTree.parse(site_dir / "sitemap.xml").getroot()[0][0].text or "/"
    prefix = "/" + urlsplit(home).path.strip("/")
    with tempfile.TemporaryDirectory() as root:
        directory = site_dir.resolve()
        if prefix != "/":  # the site appears under its path, as on the host it was built for
            mount = Path(root, prefix.strip("/"))
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(directory, target_is_directory=True)
            directory = Path(root)
        rules = read_headers_file(site_dir / "_headers") if (site_dir / "_headers").is_file() else []
        handler = type("Preview", (HeadersFileHandler,), {"rules": rules})
        server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
        path = prefix.rstrip("/") + "/"
        print(f"Serving {site_dir}/ as built at http://127.0.0.1:{port}{path} (built for {home});"
              " Ctrl-C stops it.", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def main(argv: list[str] | None = None) -> None:
    """`make preview`: python scripts/site_server.py [SITE_DIR] [--port 8000]."""
    import argparse

    parser = argparse.ArgumentParser(description="Serve a built site/ as built, on 127.0.0.1.")
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args(argv)
    preview(arguments.site_dir, arguments.port)
