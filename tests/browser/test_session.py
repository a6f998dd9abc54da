"""The facilitator's kit: "Run a session" with its check, its ten questions in a fixed
order, discussion notes for the facilitator, and role cards that print one to a page."""

from __future__ import annotations

import io
import re

import yaml
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.test_order import LIMIT, SEED_KEY, giveaway, order, rows
from tests.browser.test_quiz import KEY_HEADING, answer, saved, squash
from tests.conftest import ROOT

SESSION = "practice/run-a-session/"
TEN = "#session-ten"
CHECK = "[data-gp-set=session-check]"
TOOLS = ("New order", "Print a handout", "Facilitator mode: show answers", "Try again", "Show the answer",
         "Try the whole set again", "Pick an answer first")


def listed_ids() -> list[str]:
    """The ten ids as the page lists them, in its one gp-quiz selection marker."""
    text = (ROOT / "docs/practice/run-a-session.md").read_text(encoding="utf-8")
    marker = re.search(r"```gp-quiz\n(id: session-ten\n.*?)```", text, re.DOTALL).group(1)
    return yaml.safe_load(marker)["items"]


def pdf_pages(page: Page) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


def test_the_page_is_in_the_navigation_and_the_ten_questions_have_their_own_link(page, base_url):
    page.goto("practice/")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Run a session").click()
    expect(page).to_have_url(base_url + SESSION)
    page.goto(SESSION + TEN)
    ten = page.locator(TEN)
    expect(ten).to_have_attribute("data-gp-set", "session-ten")
    expect(ten).to_have_attribute("aria-label", "Ten questions for a session")
    expect(ten).to_be_in_viewport()
    assert len(listed_ids()) == 10
    expect(page.locator("article").get_by_role("link", name="Your progress")).to_have_count(1)


def test_the_ten_questions_keep_the_listed_order_for_every_reader(browser, base_url, watch):
    ids = listed_ids()
    seen = []
    for address, seed in ((SESSION, 1111), (SESSION, 2222), (SESSION + "?seed=5", 1111),
                          (SESSION + "?facilitator", 2222)):
        context = browser.new_context(base_url=base_url)
        context.add_init_script(f"localStorage.setItem('{SEED_KEY}', '{seed}')")
        page = watch.attach(context.new_page())
        page.goto(address)
        seen.append(order(page, TEN))
        assert [item_id for item_id, _ in seen[-1]] == ids
        expect(page.locator(TEN).get_by_role("button", name="New order")).to_have_count(0)
        expect(page.locator(TEN + " [data-gp-item]").first.locator(".gp-quiz-item__number")).to_have_text(
            "Question 1 of 10")
        context.close()
    assert all(one == seen[0] for one in seen), "options keep their order too"


def test_the_fixed_order_gives_nothing_away(page):
    page.goto(SESSION)
    worst = {name: round(excess, 3) for name, excess in giveaway(rows(page, TEN)).items() if excess > LIMIT + 1e-9}
    assert worst == {}, f"the ten questions, in their listed order: {worst}"


def test_answers_in_the_selection_are_progress_of_the_items_own_sets(page):
    page.goto(SESSION)
    item = page.locator(TEN + " [data-gp-item]").first
    item_id = item.get_attribute("id")
    answer(page.locator(TEN), 0, right=True)
    assert saved(page)[item_id]["right"] is True
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    row = page.get_by_role("row", name=re.compile("Who is speaking"))
    expect(row.locator("[data-gp-right]")).to_have_text("1")


def test_the_check_has_three_questions_in_each_readers_order(page):
    page.goto(SESSION)
    expect(page.locator(CHECK + " [data-gp-item]")).to_have_count(3)
    ids = [item_id for item_id, _ in order(page, CHECK)]
    assert sorted(ids) == ["sc-laptop-first-day", "sc-penetration-test", "sc-ticket-tool-move"]


def test_discussion_notes_show_in_facilitator_mode_only(page):
    page.goto(SESSION)
    item = page.locator("#sc-penetration-test")
    note = item.get_by_text("For discussion")
    item.get_by_text("Show the answer").click()
    expect(item.get_by_text("Answer:")).to_be_visible()
    expect(note).to_be_hidden()
    answer(page.locator(CHECK), [i for i, _ in order(page, CHECK)].index("sc-penetration-test"), right=False)
    expect(note).to_be_hidden()
    page.locator(CHECK).get_by_role("button", name="Facilitator mode: show answers").click()
    expect(note).to_be_visible()
    expect(item.get_by_text("Ask what the sentence limits")).to_be_visible()
    # One button reaches every set on the page.
    expect(page.locator(TEN).get_by_role("button", name="Facilitator mode: show answers")).to_have_attribute(
        "aria-pressed", "true")


def test_the_page_prints_cleanly_with_one_role_card_per_page(page):
    page.goto(SESSION)
    pages = pdf_pages(page)
    cards = [n for n, text in enumerate(pages) if "Role card" in text and re.search(r"Role card \d of 7", text)]
    assert len(cards) == 7
    for number in range(1, 8):
        holding = [n for n, text in enumerate(pages) if f"Role card {number} of 7" in text]
        assert len(holding) == 1, f"card {number} is on pages {holding}"
        card_page = pages[holding[0]]
        assert len(re.findall(r"Role card \d of 7", card_page)) == 1
        for part in ("Who you are:", "What you say:", "What you care about:", "Prompt for the group:"):
            assert part in card_page, (number, part)
    text = " ".join(pages)
    assert "answers are showing" not in text and "Forget my progress" not in text
    # Tool labels print only where the page's prose names them, never as buttons.
    prose = page.locator("article").evaluate("""article => {
        const copy = article.cloneNode(true);
        copy.querySelectorAll('[data-gp-module]').forEach(module => module.remove());
        return copy.textContent.replace(/\\s+/g, ' ');
    }""")
    for tool in TOOLS:
        assert text.count(tool) == prose.count(tool), tool


def test_the_handout_of_the_ten_questions_prints_them_alone_in_the_listed_order(page):
    page.add_init_script("window.print = () => { window.__printed = true; }")
    page.goto(SESSION)
    page.locator(TEN).get_by_role("button", name="Print a handout").click()
    pages = pdf_pages(page)
    key_from = next(n for n, text in enumerate(pages) if KEY_HEADING in text)
    questions, key = " ".join(pages[:key_from]), " ".join(pages[key_from:])
    assert "Hand out the pages before the answer key" in pages[0]
    assert len(re.findall(r"Question \d+ of 10", pages[0])) >= 4
    assert "Role card" not in " ".join(pages) and "of 3" not in questions
    statements = [squash(s)[:40] for s in page.locator(TEN + " .gp-quiz__key-statement").all_text_contents()]
    assert [s.split(". ", 1)[0] for s in statements] == [str(n) for n in range(1, 11)]
    positions = [key.index(s) for s in statements]
    assert positions == sorted(positions)
