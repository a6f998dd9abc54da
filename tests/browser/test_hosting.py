"""Hosting under a sub-path, as a company wiki might: https://wiki.example.com/learning/goals/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts.site_server import built_site
from tests.browser.components import card, layer, verdict
from tests.browser.conftest import PageWatch
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def sub_path_site():
    with built_site(ROOT, prefix="learning/goals") as site:
        yield site


def test_built_for_a_sub_path_every_asset_and_link_stays_under_it(sub_path_site, browser):
    assert sub_path_site.url.endswith("/learning/goals/")
    context = browser.new_context()
    watch = PageWatch(sub_path_site.url)  # this site has its own host and port
    page = watch.attach(context.new_page())
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(sub_path_site.url + "examples/#reduce-latency")
    expect(card(page, "Reduce data pipeline latency")).to_have_js_property("open", True)
    expect(verdict(page, "reduce-latency")).to_be_visible()
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(link => link.href)")
    local = [h for h in hrefs if h.startswith(sub_path_site.url.split("/learning/")[0])]
    assert local and all("/learning/goals/" in h for h in local), local
    # Instant navigation under the prefix, then a deep link into the pyramid.
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="The goal pyramid").click()
    expect(page).to_have_url(re.compile(r"/learning/goals/pyramid/$"))
    assert page.evaluate("window.__sameDocument") is True
    layer(page, "Task").locator("summary").click()
    page.get_by_role("link", name="Why? Up to Delivery increment").click()
    expect(layer(page, "Delivery increment").locator("summary")).to_be_focused()
    assert failed == []
    assert watch.console == [] and watch.foreign == []
    context.close()
