"""Embed pages: one component set in a wiki's <iframe>, with no site chrome, under a strict CSP."""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from goal_pyramid.tools.site_server import built_site
from tests.browser.components import card
from tests.browser.conftest import PageWatch
from tests.browser.test_quiz import answer, items
from tests.conftest import CASES, EMBED_PAGES, ROOT

# What a careful intranet sends: scripts and styles from this host only, nothing inline.
STRICT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *")

FULL_PAGES = {"embed/pyramid/": "pyramid/", "embed/examples/": "examples/",
              "embed/who-is-speaking/": "practice/who-is-speaking/",
              "embed/goal-or-decision/": "practice/goal-or-decision/",
              "embed/which-layer/": "practice/which-layer/", "embed/whats-wrong/": "practice/whats-wrong/",
              "embed/write-your-goal/": "write-your-goal/",
              **{f"embed/case-{case}/": f"cases/{case}/" for case in CASES}}

# Records every CSP violation the page reports, before any of its own script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.effectiveDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def csp_site():
    with built_site(ROOT, headers={"Content-Security-Policy": STRICT_CSP}) as site:
        yield site


@pytest.fixture
def csp_page(browser, csp_site):
    context = browser.new_context(base_url=csp_site.url, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_VIOLATIONS)
    watch = PageWatch(csp_site.url)
    page = watch.attach(context.new_page())
    yield page
    assert page.evaluate("window.__violations") == []
    assert watch.console == [] and watch.foreign == []
    context.close()


@pytest.mark.parametrize("path", EMBED_PAGES)
def test_an_embed_page_has_no_site_chrome_and_opens_the_full_page_in_the_top_window(csp_page, csp_site, path):
    response = csp_page.goto(path)
    assert response.headers["content-security-policy"] == STRICT_CSP
    for role in ("banner", "navigation", "contentinfo", "search"):
        expect(csp_page.get_by_role(role)).to_have_count(0)
    expect(csp_page.locator("[data-gp-module]")).to_have_attribute("data-gp-mounted", "")
    expect(csp_page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    full = csp_page.get_by_role("link", name="Open the full explainer")
    expect(full).to_have_attribute("target", "_top")
    expect(full).to_have_attribute("href", re.compile(re.escape(FULL_PAGES[path]) + "$"))


def test_a_full_site_page_runs_under_the_same_header_too(csp_page):
    """Material's inline scripts are files now (overrides/assets/javascripts/), so nothing is blocked.

    That the recorder can fail is shown in test_security_headers.py (an inline script injected).
    """
    csp_page.goto("examples/")
    expect(csp_page.get_by_role("banner")).to_be_visible()
    expect(csp_page.locator("[data-gp-module]")).to_have_attribute("data-gp-mounted", "")


def test_cards_work_in_an_embed_and_copy_link_points_at_the_full_page(csp_page, csp_site):
    csp_page.goto("embed/examples/")
    target = card(csp_page, "Reduce data pipeline latency")
    target.locator("summary").click()
    expect(target).to_have_js_property("open", True)
    target.get_by_role("button", name="Copy link to this card").click()
    expect(target.get_by_role("status")).to_have_text("Link copied.")
    assert csp_page.evaluate("navigator.clipboard.readText()") == csp_site.url + "examples/#reduce-latency"


def test_an_embed_keeps_its_own_progress(csp_page):
    csp_page.goto("embed/goal-or-decision/")
    item = answer(csp_page, 0, right=True)
    expect(item.locator("[data-gp-feedback]")).to_be_focused()
    keys = csp_page.evaluate("Object.keys(localStorage)")
    progress = [key for key in keys if "progress" in key]  # beside it: the reader's shuffle seed
    assert progress == ["goal-pyramid:embed-progress:v2:" + item.get_attribute("data-gp-item")]
    csp_page.reload()
    expect(items(csp_page).first.locator("[data-gp-feedback]")).to_be_visible()


def documented_snippet(site_url: str) -> str:
    """The plain HTML snippet from the "Embed in a wiki" page, pointed at this build."""
    text = (ROOT / "docs/embedding.md").read_text(encoding="utf-8")
    snippet = re.search(r"```html\n(<iframe src=\"https://learning\.example\.com/goals/embed/examples/\".*?)```",
                        text, re.DOTALL).group(1)
    return snippet.replace("https://learning.example.com/goals/", site_url)


def documented_resizer(site_url: str) -> str:
    """The lines under the plain HTML snippet that grow the frame to fit, pointed at this build."""
    text = (ROOT / "docs/embedding.md").read_text(encoding="utf-8")
    lines = re.search(r"```html\n(<script>.*?goal-pyramid:height.*?</script>)\n```", text, re.DOTALL).group(1)
    return lines.replace("https://learning.example.com/goals/", site_url)


class _Wiki(SimpleHTTPRequestHandler):
    """Another site (localhost, not 127.0.0.1): a wiki page that frames the embed with our snippet."""

    snippet = ""

    def do_GET(self):  # noqa: N802 (the standard library's name)
        body = (f'<!doctype html><html lang="en"><title>Team wiki</title><h1>Onboarding</h1>'
                f"{self.snippet}</html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def test_in_a_wiki_frame_from_another_site_the_documented_snippet_works(browser, csp_site):
    handler = type("Wiki", (_Wiki,), {"snippet": documented_snippet(csp_site.url)})
    wiki = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    threading.Thread(target=wiki.serve_forever, daemon=True).start()
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"http://localhost:{wiki.server_address[1]}/")
        frame = page.frame_locator("iframe[title='Goal statements to judge']")
        target = card(frame, "Migrate to a streaming platform")
        target.locator("summary").click()
        expect(target).to_have_js_property("open", True)
        # Copy link reaches the clipboard through the frame's allow="clipboard-write".
        target.get_by_role("button", name="Copy link to this card").click()
        expect(target.get_by_role("status")).to_have_text("Link copied.")
        assert page.evaluate("navigator.clipboard.readText()") == csp_site.url + "examples/#migrate-to-streaming"
        frame.get_by_role("link", name="Open the full explainer").click()
        expect(page).to_have_url(csp_site.url + "examples/")
        expect(page.get_by_role("banner")).to_be_visible()
    finally:
        context.close()
        wiki.shutdown()
        wiki.server_close()


def test_the_embed_pages_open_in_a_new_tab_from_the_site(page, base_url):
    """Never inside the full site's frame by instant navigation, which would mix the two."""
    page.goto("embedding/")
    with page.context.expect_page() as opened:
        page.get_by_role("table").get_by_role("link", name="Which layer?").click()
    embed = opened.value
    expect(embed).to_have_url(base_url + "embed/which-layer/")
    expect(embed.get_by_role("banner")).to_have_count(0)
    expect(page).to_have_url(base_url + "embedding/")


def test_an_embed_follows_the_readers_dark_preference(browser, csp_site):
    context = browser.new_context(base_url=csp_site.url, color_scheme="dark")
    page = context.new_page()
    page.goto("embed/pyramid/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    context.close()


FACILITATOR_TOOLS = ("Facilitator mode: show answers", "New order", "Print a handout")


def test_learners_in_an_embed_see_no_facilitator_tools(csp_page):
    csp_page.goto("embed/goal-or-decision/")
    expect(csp_page.locator("[data-gp-module=quiz]")).to_have_attribute("data-gp-mounted", "")
    for name in FACILITATOR_TOOLS:
        expect(csp_page.get_by_role("button", name=name)).to_have_count(0)
    expect(csp_page.get_by_role("group", name="Practice options")).to_have_count(0)
    expect(items(csp_page).first.get_by_role("button", name="Check")).to_be_visible()


def test_an_embed_address_can_ask_for_the_facilitator_tools(csp_page):
    csp_page.goto("embed/goal-or-decision/?facilitator-tools")
    for name in FACILITATOR_TOOLS:
        expect(csp_page.get_by_role("button", name=name)).to_be_visible()
    csp_page.get_by_role("button", name="Facilitator mode: show answers").click()
    expect(csp_page.get_by_text("Facilitator mode: answers are showing")).to_be_visible()


def test_in_a_wiki_that_runs_the_documented_lines_the_frame_grows_to_fit(browser, csp_site):
    """The embed reports its height by postMessage; the documented lines on another origin resize the frame."""
    handler = type("Wiki", (_Wiki,), {"snippet": documented_snippet(csp_site.url) + documented_resizer(csp_site.url)})
    wiki = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    threading.Thread(target=wiki.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    page = context.new_page()
    try:
        page.goto(f"http://localhost:{wiki.server_address[1]}/")
        frame_element = page.locator("iframe[title='Goal statements to judge']")
        frame = page.frame_locator("iframe[title='Goal statements to judge']")
        expect(frame.get_by_role("link", name="Open the full explainer")).to_be_visible()

        def fits() -> bool:
            inner = frame_element.element_handle().content_frame().evaluate(
                "[document.documentElement.scrollHeight, document.documentElement.clientHeight]")
            return inner[0] <= inner[1]

        page.wait_for_function("document.querySelector('iframe').style.height !== ''")
        closed = frame_element.bounding_box()["height"]
        assert fits()
        target = card(frame, "Migrate to a streaming platform")
        target.locator("summary").click()
        expect(target).to_have_js_property("open", True)
        page.wait_for_function(f"document.querySelector('iframe').getBoundingClientRect().height > {closed}")
        page.wait_for_timeout(200)
        assert fits(), "the frame scrolls inside"
        assert frame_element.bounding_box()["height"] > closed
    finally:
        context.close()
        wiki.shutdown()
        wiki.server_close()


def test_the_height_message_ignores_other_origins_and_other_frames(browser, csp_site):
    """A message from another origin, or not from the frame, leaves the frame's height alone."""
    handler = type("Wiki", (_Wiki,), {"snippet": documented_resizer(csp_site.url)
                                      + '<iframe title="x" srcdoc="<p>hi"></iframe>'})
    wiki = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    threading.Thread(target=wiki.serve_forever, daemon=True).start()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"http://localhost:{wiki.server_address[1]}/")
        page.evaluate("postMessage({type: 'goal-pyramid:height', height: 5000}, '*')")
        page.wait_for_timeout(200)
        assert page.evaluate("document.querySelector('iframe').style.height") == ""
    finally:
        context.close()
        wiki.shutdown()
        wiki.server_close()


def documented_listener(site_url: str) -> str:
    """The ten lines on the "Embed in a wiki" page that hear answers and completions, pointed at this build."""
    text = (ROOT / "docs/embedding.md").read_text(encoding="utf-8")
    lines = re.search(r"```html\n(<script>.*?goal-pyramid:complete.*?</script>)\n```", text, re.DOTALL).group(1)
    return lines.replace("https://learning.example.com/goals/", site_url)


# The test's own ear on the wiki page: every message that says it comes from Goal Pyramid.
RECORD_MESSAGES = ("<script>window.heard = []; addEventListener('message', function (event) {"
                   " if (event.data && event.data.source === 'goal-pyramid') {"
                   " window.heard.push({origin: event.origin, type: event.data.type, detail: event.data.detail}); }"
                   " });</script>")


def test_a_wiki_on_another_site_hears_each_answer_and_the_end_of_a_set(browser, csp_site):
    embed = csp_site.url + "embed/who-is-speaking/"
    snippet = f'<iframe src="{embed}" title="Who is speaking?" width="100%" height="900"></iframe>'
    handler = type("Wiki", (_Wiki,), {"snippet": RECORD_MESSAGES + snippet + documented_listener(csp_site.url)})
    wiki = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    threading.Thread(target=wiki.serve_forever, daemon=True).start()
    context = browser.new_context()
    page = context.new_page()
    logged = []
    page.on("console", lambda message: logged.append(message.text))
    try:
        page.goto(f"http://localhost:{wiki.server_address[1]}/")
        frame = page.frame_locator("iframe[title='Who is speaking?']")
        expect(frame.locator("[data-gp-module=quiz]")).to_have_attribute("data-gp-mounted", "")
        total = frame.locator("[data-gp-item]").count()
        answer(frame, 0, right=False)
        page.wait_for_function("window.heard.length === 1")
        first = page.evaluate("window.heard[0]")
        item = frame.locator("[data-gp-item]").first
        assert first["origin"] == csp_site.url.rstrip("/")
        assert first["type"] == "goal-pyramid:answer"
        assert first["detail"] == {"set": "who-is-speaking", "item": item.get_attribute("data-gp-item"),
                                   "answer": first["detail"]["answer"], "right": False,
                                   "answered": 1, "total": total, "score": 0}
        assert first["detail"]["answer"] != item.get_attribute("data-gp-correct")
        for index in range(1, total):
            answer(frame, index, right=True)
        page.wait_for_function(f"window.heard.length === {total + 1}")
        last = page.evaluate("window.heard[window.heard.length - 1]")
        score = round(100 * (total - 1) / total)
        assert last["type"] == "goal-pyramid:complete"
        assert last["detail"] == {"set": "who-is-speaking", "right": total - 1, "total": total, "score": score}
        assert f"Finished who-is-speaking with {score}%" in logged
    finally:
        context.close()
        wiki.shutdown()
        wiki.server_close()


def test_on_the_site_itself_answers_are_events_on_the_document_and_facilitator_mode_sends_none(page):
    page.goto("practice/which-layer/")
    expect(page.locator("[data-gp-module=quiz]")).to_have_attribute("data-gp-mounted", "")
    page.evaluate("window.heard = []; ['answer', 'complete'].forEach(function (type) {"
                  " document.addEventListener('goal-pyramid:' + type, function (event) {"
                  " window.heard.push([event.type, event.detail]); }); })")
    answer(page, 0, right=True)
    heard = page.evaluate("window.heard")
    item = items(page).first
    assert heard == [["goal-pyramid:answer", {"set": "which-layer", "item": item.get_attribute("data-gp-item"),
                                              "answer": item.get_attribute("data-gp-correct"), "right": True,
                                              "answered": 1, "total": items(page).count(),
                                              "score": round(100 / items(page).count())}]]
    page.get_by_role("button", name="Facilitator mode: show answers").click()
    # Facilitator mode shows the authored order: the question answered above may be anywhere in it.
    fresh = page.locator("[data-gp-item]:not([data-gp-answered])").first.get_attribute("data-gp-item")
    item = page.locator(f'[data-gp-item="{fresh}"]')
    item.get_by_role("radio").first.check()
    item.get_by_role("button", name="Check").click()
    expect(item.locator("[data-gp-feedback]")).to_be_visible()
    assert len(page.evaluate("window.heard")) == 1, "facilitator mode sent an event"
