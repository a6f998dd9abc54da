"""The goal workbench in a real browser: typing, each check, the swap test, the chain,
keeping (Markdown, print, #draft link, drafts), blocked storage, hostile text, Rewrite it."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.test_gates import pdf_text

PAGE = "write-your-goal/"
DRAFTS_KEY = "goal-pyramid:workbench:drafts:v1"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def box(page: Page):
    return page.get_by_role("textbox", name="Your project goal")


def check_row(page: Page, question: str):
    return page.locator("[data-gp-check]").filter(has_text=question)


def status(page: Page):
    return page.locator("[data-gp-wb-status]")


def write(page: Page, text: str):
    """Type-free: fill the box, then leave it (the change event checks at once)."""
    box(page).fill(text)
    box(page).dispatch_event("change")


def draft_url(values: dict) -> str:
    return PAGE + "#draft=" + quote(json.dumps(values), safe="")


def test_feedback_waits_for_a_pause_is_announced_once_and_keeps_focus(page: Page):
    page.clock.install()
    page.goto(PAGE)
    box(page).click()
    box(page).press_sequentially("Migrate to a streaming")
    page.clock.run_for(300)
    expect(status(page)).to_have_text("")
    box(page).press_sequentially(" platform")
    page.clock.run_for(300)
    expect(status(page)).to_have_text("")  # still typing: the pause starts again at each key
    page.clock.run_for(400)
    expect(status(page)).to_contain_text("checks have something to say")
    expect(status(page)).to_contain_text("Does it name a technology")
    expect(box(page)).to_be_focused()
    expect(check_row(page, "Does it name a technology")).to_contain_text("“Migrate”")
    # The same summary is not announced again on leaving the box.
    page.evaluate("""() => { window.__said = 0; new MutationObserver(() => window.__said++)
        .observe(document.querySelector('[data-gp-wb-status]'),
                 {childList: true, characterData: true, subtree: true}); }""")
    box(page).dispatch_event("change")
    assert page.evaluate("window.__said") == 0


@pytest.mark.parametrize("statement, fires, quiet", [
    ("Migrate to a streaming platform", ["Does it name a technology"], []),
    ("Reduce data pipeline latency", ["Does it say who gains", "Can you tell when it is done"],
     ["Does it name a technology"]),
    ("Ensure the platform meets enterprise security standards, supports multi-tenancy, and maintains 99.9% uptime",
     ["Is it a list of constraints"], []),
    ("Ensure models run on data under one hour old so operations can act before deals go cold", [],
     ["Does it name a technology", "Does it say who gains", "Can you tell when it is done",
      "Is it a list of constraints"]),
])
def test_each_check_says_what_it_found_and_what_to_try(page: Page, statement, fires, quiet):
    page.goto(PAGE)
    write(page, statement)
    for question in fires:
        row = check_row(page, question)
        expect(row.get_by_text(re.compile(r"^Try: "))).to_be_visible()
        expect(row).to_have_attribute("data-gp-state", "fires")
    for question in quiet:
        row = check_row(page, question)
        expect(row).to_have_attribute("data-gp-state", "quiet")
        expect(row.get_by_text(re.compile(r"^Try: "))).to_be_hidden()


def test_a_learning_goal_is_good_news_and_the_hint_is_a_hint(page: Page):
    page.goto(PAGE)
    write(page, "Validate whether sub-minute data freshness justifies the infrastructure investment for a pilot")
    row = check_row(page, "Is it a learning goal")
    expect(row).to_have_attribute("data-gp-state", "good")
    expect(row).to_contain_text("that is a fine goal")
    expect(page.get_by_text("Hint, not a verdict:")).to_be_visible()
    write(page, "Grow revenue from repeat customers by 20% next year")
    expect(page.locator("[data-gp-hint]")).to_contain_text("this may sit at the Business goal layer.")


def test_the_swap_question_is_answered_by_the_reader(page: Page):
    page.goto(PAGE)
    write(page, "Halve the time a refund takes by March, so that customers stop calling us")
    page.get_by_role("radio", name="No, it would not").check()
    expect(page.get_by_text("Then the sentence is about the tool.")).to_be_visible()
    page.get_by_role("radio", name="Yes, it would").check()
    expect(page.get_by_text("Good: the goal outlives the tool")).to_be_visible()
    expect(page.get_by_text("Then the sentence is about the tool.")).to_be_hidden()


def test_chain_and_markdown_copy(browser, base_url, watch):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = watch.attach(context.new_page())
    page.goto(PAGE)
    write(page, "Halve the time a refund takes by March")
    page.get_by_role("textbox", name="Why does this matter?").fill("Refunds are the first thing people complain about")
    page.get_by_role("textbox", name="How might we get there?").fill("Let agents approve refunds under 50 dollars")
    page.get_by_role("radio", name="Yes, it would").check()
    page.get_by_role("button", name="Copy as Markdown").click()
    expect(page.locator("[data-gp-wb-done]")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == ("## Our project goal\n\n> Halve the time a refund takes by March\n\n"
                      "**Why it matters:** Refunds are the first thing people complain about\n\n"
                      "**First bets:** Let agents approve refunds under 50 dollars\n\n"
                      "**Survives a change of technology:** yes\n")
    context.close()


def test_copy_falls_back_to_selected_text_when_refused(page: Page):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(PAGE)
    write(page, "Halve the time a refund takes by March")
    page.get_by_role("button", name="Copy a link to this draft").click()
    field = page.get_by_role("textbox", name="Link to this draft")
    expect(field).to_be_focused()
    expect(field).to_have_value(re.compile(r"#draft="))


def test_print_a_goal_card_prints_the_card_alone(page: Page):
    page.goto(PAGE)
    page.evaluate("window.print = () => {}")
    write(page, "Halve the time a refund takes by March")
    page.get_by_role("textbox", name="Why does this matter?").fill("Refund complaints fill the inbox")
    page.get_by_role("button", name="Print a goal card").click()
    pages = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False))).pages
    assert len(pages) == 1
    text = re.sub(r"\s+", " ", " ".join(printed.extract_text() for printed in pages))
    assert "OUR PROJECT GOAL" in text.upper()
    assert "Halve the time a refund takes by March" in text
    assert "Refund complaints fill the inbox" in text
    for chrome in ("Check it", "Does it name", "Keep it", "Skip to content"):
        assert chrome not in text, chrome


def test_a_draft_link_opens_the_same_draft(browser, base_url, watch):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = watch.attach(context.new_page())
    page.goto(PAGE)
    write(page, "Halve the time a refund takes by March")
    page.get_by_role("textbox", name="How might we get there?").fill("Approve small refunds at once")
    page.get_by_role("button", name="Copy a link to this draft").click()
    expect(page.locator("[data-gp-wb-done]")).to_have_text("Copied.")
    link = page.evaluate("navigator.clipboard.readText()")
    other = watch.attach(context.new_page())
    other.goto(link)
    expect(box(other)).to_have_value("Halve the time a refund takes by March")
    expect(other.get_by_role("textbox", name="How might we get there?")).to_have_value("Approve small refunds at once")
    expect(status(other)).to_have_text("The draft from the link is in the box.")
    context.close()


def test_a_draft_link_that_is_too_long_is_refused(page: Page):
    page.goto(draft_url({"goal": "x" * 5000}))
    expect(status(page)).to_contain_text("longer than 4,000 characters")
    expect(box(page)).to_have_value("")


def test_hostile_text_is_shown_as_text(page: Page):
    hostile = "<img src=x onerror=alert(1)> Migrate to <b>Kubernetes</b>"
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.goto(draft_url({"goal": hostile, "why": "<script>alert(2)</script>"}))
    expect(box(page)).to_have_value(hostile)
    expect(check_row(page, "Does it name a technology")).to_contain_text("“Kubernetes”")
    expect(page.locator("[data-gp-card-goal]")).to_have_text(hostile)
    assert page.locator(".gp-workbench img, .gp-workbench b, .gp-workbench__card script").count() == 0
    page.get_by_role("button", name="Keep this draft").click()
    expect(page.locator("[data-gp-drafts]").get_by_role("button", name="Untitled draft", exact=True)).to_be_visible()


def test_drafts_are_kept_named_opened_and_deleted(page: Page):
    page.goto(PAGE)
    write(page, "First goal")
    page.get_by_role("textbox", name="Name this draft").fill("Refunds")
    page.get_by_role("button", name="Keep this draft").click()
    write(page, "Second goal")
    page.get_by_role("textbox", name="Name this draft").fill("<i>Payroll</i>")
    page.get_by_role("button", name="Keep this draft").click()
    page.reload()
    drafts = page.get_by_role("list", name="Kept drafts")
    expect(drafts.get_by_role("listitem")).to_have_count(2)
    drafts.get_by_role("button", name="Refunds", exact=True).click()
    expect(box(page)).to_have_value("First goal")
    drafts.get_by_role("button", name="Delete <i>Payroll</i>").click()
    expect(drafts.get_by_role("listitem")).to_have_count(1)
    page.get_by_role("button", name="Delete all drafts").click()
    expect(drafts.get_by_role("listitem")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem('{DRAFTS_KEY}')") is None


def test_blocked_storage_changes_only_the_keeping(page: Page):
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {get() {
        throw new DOMException('blocked', 'SecurityError'); }})""")
    page.goto(PAGE)
    expect(page.get_by_text("This browser is not keeping drafts")).to_be_visible()
    write(page, "Migrate to a streaming platform")
    expect(check_row(page, "Does it name a technology")).to_have_attribute("data-gp-state", "fires")
    page.get_by_role("button", name="Keep this draft").click()
    expect(page.get_by_role("list", name="Kept drafts").get_by_role("listitem")).to_have_count(1)


def test_full_storage_changes_only_the_keeping(page: Page):
    page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }""")
    page.goto(PAGE)
    write(page, "Halve the time a refund takes by March")
    page.get_by_role("button", name="Keep this draft").click()
    expect(page.get_by_text("This browser is not keeping drafts")).to_be_visible()
    expect(page.get_by_role("list", name="Kept drafts").get_by_role("listitem")).to_have_count(1)


def test_rewrite_it_opens_the_statement_in_the_workbench(page: Page):
    page.goto("examples/")
    page.get_by_text("“Migrate to a streaming platform”").click()
    page.get_by_role("link", name="Rewrite it in the workbench").first.click()
    expect(page).to_have_url(re.compile(r"/write-your-goal/#draft="))
    expect(box(page)).to_have_value("Migrate to a streaming platform")
    expect(check_row(page, "Does it name a technology")).to_have_attribute("data-gp-state", "fires")


def test_good_cards_have_no_rewrite_link(page: Page):
    page.goto("examples/")
    page.get_by_role("button", name="Reveal all").click()
    expect(page.get_by_role("link", name="Rewrite it in the workbench")).to_have_count(3)


def test_without_javascript_the_checklist_and_box_remain(browser, base_url, watch):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = watch.attach(context.new_page())
    page.goto(PAGE)
    expect(box(page)).to_be_visible()
    for question in ("Does it name a technology", "Does it say who gains", "Can you tell when it is done",
                     "Is it a list of constraints", "Is it a learning goal", "completely different technology"):
        expect(page.get_by_text(question)).to_be_visible()
    expect(page.get_by_role("button", name="Copy as Markdown")).to_be_hidden()
    text = re.sub(r"\s+", " ", pdf_text(page))
    assert "Does it say who gains" in text and "Your project goal" in text
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_clean_with_every_state_shown(browser, base_url, watch, scheme):
    context = browser.new_context(color_scheme=scheme, base_url=base_url)
    page = watch.attach(context.new_page())
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(PAGE)
    write(page, "Validate whether a chatbot on Salesforce must halve calls")
    page.get_by_role("radio", name="No, it would not").check()
    page.get_by_role("button", name="Keep this draft").click()
    page.get_by_role("button", name="Copy a link to this draft").click()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_typing_200_characters_at_4x_throttle_makes_no_long_task(page: Page):
    """Bench figure: typing 200 characters with the CPU slowed 4 times.

    Long tasks (over 50 ms) are printed as measured; on shared test machines others'
    work shows up there too, so the pass mark is the long animation frames whose time
    went to the workbench's own scripts (Chromium's script attribution): none.
    """
    page.goto(PAGE, wait_until="networkidle")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    # Measured from when the page has settled: loading Material's bundle is not typing.
    page.evaluate("new Promise(done => requestIdleCallback(done, {timeout: 5000}))")
    page.evaluate("""() => { window.__long = []; window.__ours = []; window.__typingFrom = performance.now();
        new PerformanceObserver(list => { for (const entry of list.getEntries()) window.__long.push(
            [Math.round(entry.startTime - window.__typingFrom), Math.round(entry.duration)]); })
        .observe({type: 'longtask'});
        new PerformanceObserver(list => { for (const frame of list.getEntries()) for (const script of frame.scripts)
            if (script.sourceURL.includes('/components/workbench/') && script.duration > 50)
              window.__ours.push([script.sourceURL.split('/').pop(), Math.round(script.duration)]); })
        .observe({type: 'long-animation-frame'}); }""")
    box(page).click()
    text = ("Every customer who asks a billing question at night gets a correct answer within ten minutes, "
            "so that nobody waits until our agents start work at eight in the morning. ")[:200]
    page.keyboard.type(text, delay=15)
    page.wait_for_function("document.querySelector('[data-gp-wb-status]').textContent.length > 0")
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 100)))")
    long_tasks, ours = page.evaluate("[window.__long, window.__ours]")
    print(f"workbench: long tasks typing 200 characters at 4x CPU ([ms after typing began, ms]): {long_tasks};"
          f" of them in the workbench's scripts: {ours}")
    assert ours == []


def test_rewrite_it_from_a_practice_answer(page: Page):
    page.goto("practice/goal-or-decision/")
    first = page.locator('[data-gp-item="gd-kubernetes-move"]')  # a decision: it needs work
    first.get_by_text("Show the answer").click()
    statement = first.locator(".gp-quiz-item__statement").inner_text().strip("“”")
    first.get_by_role("link", name="Rewrite it in the workbench").click()
    expect(box(page)).to_have_value(statement)


def test_reached_by_the_navigation_it_mounts_and_checks(page: Page):
    """Instant navigation inserts the page's scripts in no fixed order: the checks still start."""
    page.goto("")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Write your goal").click()
    expect(page).to_have_url(re.compile(r"/write-your-goal/$"))
    write(page, "Migrate to a streaming platform")
    expect(check_row(page, "Does it name a technology")).to_have_attribute("data-gp-state", "fires")
    assert page.evaluate("window.__sameDocument") is True


def test_the_embed_pages_links_lead_to_the_full_site_one_folder_up(page: Page):
    """The embed is one folder deeper: its links are built from its own place, and open in the top window."""
    page.goto("embed/write-your-goal/")
    link = page.get_by_role("link", name="The “so that” rule")
    expect(link).to_have_attribute("href", "../../pyramid/#the-so-that-rule")
    expect(link).to_have_attribute("target", "_top")
