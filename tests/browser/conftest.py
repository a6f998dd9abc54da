"""Build the site once, serve it on a free port, and watch every page for trouble.

The server binds first and the site is built with that address as site_url:
Material's instant navigation falls back to full reloads when the two differ.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
        pass


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GOAL_PYRAMID_SITE_URL=address)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield address
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_server):
    return site_server


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


class PageWatch:
    """Console errors and warnings, uncaught errors, and requests to any other host."""

    def __init__(self, base_url: str):
        self.host = urlsplit(base_url).netloc
        self.console: list[str] = []
        self.foreign: list[str] = []

    def attach(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        page.on("request", self._on_request)
        return page

    def _on_console(self, message):
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def _on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.host:
            self.foreign.append(request.url)


@pytest.fixture
def watch(base_url):
    return PageWatch(base_url)


@pytest.fixture(autouse=True)
def _every_page_is_quiet_and_local(request, watch):
    """Any test that uses `page` also proves: no console errors, nothing fetched from elsewhere."""
    if "page" in request.fixturenames:
        watch.attach(request.getfixturevalue("page"))
    yield
    assert watch.console == [], f"console errors or warnings: {watch.console}"
    assert watch.foreign == [], f"requests to another host: {watch.foreign}"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
