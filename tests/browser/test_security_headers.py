"""Every page under the header set the build writes: a strict CSP, and nothing the site does is blocked.

The server sends each address exactly what the build's own `_headers` file
gives it (scripts/site_server.py reads it), so these tests prove that file,
not a copy of the policy kept here.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from goal_pyramid.tools import security_headers
from goal_pyramid.tools.site_server import built_site, headers_for, read_headers_file
from tests.browser.components import card, layer, verdict
from tests.browser.conftest import PageWatch
from tests.browser.test_embeds import RECORD_VIOLATIONS
from tests.browser.test_quiz import answer
from tests.conftest import PAGES, ROOT


@pytest.fixture(scope="module")
def strict_site():
    with built_site(ROOT, headers_file=True) as site:
        yield site


@pytest.fixture
def strict_page(browser, strict_site):
    context = browser.new_context(base_url=strict_site.url)
    context.add_init_script(RECORD_VIOLATIONS)
    watch = PageWatch(strict_site.url)
    page = watch.attach(context.new_page())
    yield page
    assert page.evaluate("window.__violations") == [], "the page broke its own Content-Security-Policy"
    assert watch.console == [] and watch.foreign == []
    context.close()


def test_the_headers_file_gives_every_page_the_strict_policy(strict_site):
    rules = read_headers_file(strict_site.directory / "_headers")
    for path in PAGES:
        headers = headers_for(rules, "/" + path)
        csp = headers["Content-Security-Policy"]
        assert csp.startswith(security_headers.POLICY), path
        ancestors = "frame-ancestors 'self'"
        assert csp.endswith(ancestors), (path, csp)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    for directive in ("script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'"):
        assert directive + ";" in security_headers.POLICY


@pytest.mark.parametrize("path", PAGES)
def test_every_page_runs_under_the_generated_headers_with_no_violation(strict_page, strict_site, path):
    response = strict_page.goto(path)
    expected = headers_for(read_headers_file(strict_site.directory / "_headers"), "/" + path)
    assert response.headers["content-security-policy"] == expected["Content-Security-Policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    if "embed/" not in path and path != "404.html":
        expect(strict_page.get_by_role("banner")).to_be_visible()
    for module in strict_page.locator("[data-gp-module]").all():
        expect(module).to_have_attribute("data-gp-mounted", "")
    # Everything the page loads has run: Material's bundle (full pages) has set up its components.
    if "embed/" not in path:
        strict_page.wait_for_function("typeof window.document$ !== 'undefined'")


def test_search_finds_a_page(strict_page):
    strict_page.goto("")
    strict_page.get_by_role("search").get_by_role("textbox").fill("sweet spot")
    hit = strict_page.get_by_role("dialog", name="Search").get_by_role("link").first
    # The index is built in a worker: on a busy two-core machine that takes longer than expect's 5 s.
    expect(hit).to_have_attribute("href", re.compile(r"pyramid/\?h=sweet\+spot"), timeout=30_000)


def test_the_palette_toggle_switches_the_scheme_and_it_is_kept(strict_page):
    strict_page.goto("")
    body = strict_page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    strict_page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    strict_page.reload()  # Material's palette script, now a file, restores the choice before first paint
    expect(body).to_have_attribute("data-md-color-scheme", "slate")


def test_instant_navigation_and_every_component_work(strict_page):
    strict_page.goto("")
    strict_page.evaluate("window.__sameDocument = true")
    nav = strict_page.get_by_role("navigation", name="Navigation")
    nav.get_by_role("link", name="Spot a good goal").click()
    expect(strict_page).to_have_url(re.compile(r"/examples/$"))
    latency = card(strict_page, "Reduce data pipeline latency")
    latency.locator("summary").click()
    expect(verdict(strict_page, "reduce-latency")).to_be_visible()
    nav.get_by_role("link", name="The goal pyramid").click()
    layer(strict_page, "Task").locator("summary").click()
    strict_page.get_by_role("link", name="Why? Up to Delivery increment").click()
    expect(layer(strict_page, "Delivery increment").locator("summary")).to_be_focused()
    nav.get_by_role("link", name="Goal or decision?").click()
    expect(strict_page).to_have_url(re.compile(r"/practice/goal-or-decision/$"))
    expect(strict_page.locator("[data-gp-module=quiz]")).to_have_attribute("data-gp-mounted", "")
    item = answer(strict_page, 0, right=True)
    expect(item.locator("[data-gp-feedback]")).to_be_focused()
    strict_page.wait_for_function("Object.keys(localStorage).some(key => key.startsWith('goal-pyramid:progress:'))")
    nav.get_by_role("link", name="Your progress").click()
    expect(strict_page).to_have_url(re.compile(r"/practice/progress/$"))
    row = strict_page.get_by_role("row", name=re.compile("Goal or decision"))
    expect(row.locator("[data-gp-right]")).to_have_text("1")
    assert strict_page.evaluate("window.__sameDocument") is True, "instant navigation fell back to a full load"


@pytest.mark.parametrize("injected", ['<script>window.__ran = true</script>', '<p style="color: red">styled</p>'])
def test_the_check_can_fail_an_inline_script_or_style_in_a_page_is_caught(browser, strict_site, injected):
    """The served page, its headers untouched, with one inline script or style added: the recorder sees it."""
    context = browser.new_context(base_url=strict_site.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()

    def inject(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</article>", injected + "</article>", 1))

    page.route(re.compile(r"/examples/$"), inject)
    response = page.goto("examples/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    directive = "script-src-elem" if "<script>" in injected else "style-src-attr"
    page.wait_for_function(f"window.__violations.some(v => v.startsWith('{directive} inline'))")
    assert page.evaluate("window.__ran") is None
    context.close()


def test_review_and_download_my_results_work_under_the_strict_policy(strict_page):
    strict_page.goto("practice/review/")
    item = strict_page.locator("[data-gp-review-items] > [data-gp-item]").first
    item.locator("input[type=radio]").first.check()
    item.get_by_role("button", name="Check").click()
    expect(item.locator("[data-gp-feedback]")).to_be_visible()
    strict_page.goto("practice/progress/")
    with strict_page.expect_download() as info:
        strict_page.get_by_role("button", name="Download my results").click()
    with open(info.value.path(), encoding="utf-8-sig") as file:
        assert file.read().count("\n") == 2  # the header and the one answer
