"""A company's own copy: name, logo, colour and feedback link, each set in one place."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from goal_pyramid.tools.site_server import built_site
from tests.browser.conftest import PageWatch
from tests.builds.test_builds import project_copy

BRAND = {
    "GOAL_PYRAMID_SITE_NAME": "Acme goals",
    "GOAL_PYRAMID_LOGO": "assets/images/acme.svg",
    "GOAL_PYRAMID_PRIMARY_COLOUR": "#0b5d3b",
    "GOAL_PYRAMID_FEEDBACK": "mailto:learning@example.com?subject=Goal%20Pyramid",
}

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<rect width="24" height="24" rx="4" fill="#fff"/></svg>')


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("branded"))
    (project / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (project / "docs/assets/images/acme.svg").write_text(LOGO, encoding="utf-8")
    with built_site(project, env_vars=BRAND) as site:
        yield site


def test_a_company_sets_name_logo_colour_and_feedback_by_environment(branded_site, browser):
    context = browser.new_context()
    watch = PageWatch(branded_site.url)
    page = watch.attach(context.new_page())
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(branded_site.url + "examples/")
    expect(page).to_have_title("Spot a good goal - Acme goals")
    header = page.locator("header.md-header")
    expect(header).to_contain_text("Acme goals")
    logo = header.locator("a.md-logo img")
    expect(logo).to_have_attribute("src", re.compile(r"/assets/images/acme\.svg$"))
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(header).to_have_css("background-color", "rgb(11, 93, 59)")
    note = page.get_by_role("contentinfo").get_by_role("link", name="Send a note")
    expect(note).to_have_attribute("href", BRAND["GOAL_PYRAMID_FEEDBACK"])
    assert failed == [] and watch.console == [] and watch.foreign == []
    context.close()


def test_the_default_copy_has_no_feedback_link_and_no_brand_stylesheet(page, base_url):
    page.goto(base_url + "examples/")
    expect(page.get_by_role("link", name="Send a note")).to_have_count(0)
    expect(page.locator('link[href$="brand.css"]')).to_have_count(0)
    expect(page.locator("header.md-header")).to_have_css("background-color", "rgb(64, 81, 181)")
