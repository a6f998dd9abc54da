"""Build the site once, serve it on a free port, and watch every page for trouble.

The server binds first and the site is built with that address as site_url:
Material's instant navigation falls back to full reloads when the two differ.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest


@pytest.fixture(scope="session")
def base_url(served_site):
    return served_site.url


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


@pytest.fixture(scope="session")
def case_site(tmp_path_factory):
    """The site built with one small case in a company's extra data folder (tests/browser/demo_case.py)."""
    import yaml

    from goal_pyramid.tools.site_server import built_site
    from tests.browser.demo_case import DEMO_CASE
    from tests.conftest import ROOT

    extra = tmp_path_factory.mktemp("extra-data")
    (extra / "demo-case.yml").write_text(yaml.safe_dump(DEMO_CASE, allow_unicode=True), encoding="utf-8")
    with built_site(ROOT, env_vars={"GOAL_PYRAMID_EXTRA_DATA": str(extra)}) as site:
        yield site
