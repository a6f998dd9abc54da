"""Practice sets: guess, Check, feedback that explains; score, progress, shuffle, facilitator, handout."""

from __future__ import annotations

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader

TWO_WAY = "practice/goal-or-decision/"
ONE_OF_MANY = "practice/which-layer/"
ITEM_KEY = "goal-pyramid:progress:v2:"  # one key per item: tabs answering at once lose nothing


def items(page: Page):
    return page.locator("[data-gp-item]")


def answer(page: Page, index: int, right: bool, check: bool = True):
    """Pick the right (or a wrong) option of question `index`, as a reader would, then Check."""
    item = items(page).nth(index)
    correct = item.get_attribute("data-gp-correct")
    options = item.locator("[data-gp-option]")
    for position in range(options.count()):
        option = options.nth(position)
        if (option.get_attribute("data-gp-option") == correct) == right:
            label = option.locator("label").inner_text()
            item.get_by_label(label, exact=True).check()
            break
    if check:
        item.get_by_role("button", name="Check").click()
    return item


def saved(page: Page) -> dict:
    """The stored progress records, by item id."""
    return page.evaluate("""prefix => Object.fromEntries(Object.keys(localStorage)
        .filter(key => key.startsWith(prefix))
        .map(key => [key.slice(prefix.length), JSON.parse(localStorage.getItem(key))]))""", ITEM_KEY)


def test_two_way_answer_check_and_explained_feedback(page):
    page.goto(TWO_WAY)
    item = answer(page, 0, right=False)
    feedback = item.locator("[data-gp-feedback]")
    expect(feedback).to_be_focused()
    expect(feedback.get_by_text("Not quite")).to_be_visible()
    expect(feedback.get_by_text("✗")).to_be_visible()
    correct_label = item.locator(f'[data-gp-option="{item.get_attribute("data-gp-correct")}"] label').inner_text()
    expect(feedback).to_contain_text(f"The answer is “{correct_label}”")
    expect(feedback.locator("[data-gp-why] > li")).to_have_count(2)  # the chosen and the correct one
    expect(feedback.get_by_text("Remember:")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Not quite")).to_have_text(
        f"Not quite. The answer is {correct_label}.")
    expect(item.get_by_role("button", name="Check")).to_be_hidden()
    expect(item.get_by_role("button", name="Try again")).to_be_visible()


def test_one_of_many_right_answer(page):
    page.goto(ONE_OF_MANY)
    item = answer(page, 0, right=True)
    assert item.locator("[data-gp-option]").count() >= 3
    feedback = item.locator("[data-gp-feedback]")
    expect(feedback.get_by_text("✓ Right")).to_be_visible()
    expect(feedback.locator("[data-gp-why] > li")).to_have_count(1)
    expect(feedback).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="Right.")).to_have_text("Right.")


def test_arrow_keys_move_the_choice_but_never_submit(page):
    page.goto(ONE_OF_MANY)
    item = items(page).first
    first = item.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")
    for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowRight"):
        page.keyboard.press(key)
    expect(item.locator("input[type=radio]:checked")).to_have_count(1)
    expect(item.locator("[data-gp-feedback]")).to_be_hidden()
    expect(item.get_by_role("button", name="Check")).to_be_visible()
    assert saved(page) == {}


def test_check_without_an_answer_asks_for_one(page):
    page.goto(TWO_WAY)
    item = items(page).first
    item.get_by_role("button", name="Check").click()
    expect(item.get_by_text("Pick an answer first")).to_be_visible()
    expect(item.locator("[data-gp-feedback]")).to_be_hidden()
    expect(item.locator("input[type=radio]").first).to_be_focused()


def test_score_and_missed_items_then_try_the_set_again(page):
    page.goto(TWO_WAY)
    total = items(page).count()
    for index in range(total):
        answer(page, index, right=index != 1)
    summary = page.locator("[data-gp-summary]")
    expect(summary.get_by_text(f"Your score: {total - 1} of {total}.")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Your score")).to_contain_text(
        f"Your score: {total - 1} of {total}.")
    missed = summary.locator("[data-gp-missed] a")
    expect(missed).to_have_count(1)
    second = items(page).nth(1)
    assert missed.get_attribute("href") == "#" + second.get_attribute("id")
    summary.get_by_role("button", name="Try the whole set again").click()
    expect(summary).to_be_hidden()
    expect(page.locator("[data-gp-answered]")).to_have_count(0)
    assert saved(page) == {}


def test_try_again_on_one_item(page):
    page.goto(TWO_WAY)
    item = answer(page, 2, right=False)
    item.get_by_role("button", name="Try again").click()
    expect(item.locator("[data-gp-feedback]")).to_be_hidden()
    expect(item.locator("input[type=radio]:checked")).to_have_count(0)
    expect(item.locator("input[type=radio]").first).to_be_focused()
    answer(page, 2, right=True)
    expect(item.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()


def test_progress_survives_reload_and_instant_navigation_and_can_be_forgotten(page):
    page.goto(TWO_WAY)
    first_id = answer(page, 0, right=True).get_attribute("id")
    second_id = answer(page, 1, right=False).get_attribute("id")
    assert saved(page)[first_id]["right"] is True and saved(page)[second_id]["right"] is False
    page.reload()
    expect(page.locator(f"#{first_id} [data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    expect(page.locator(f"#{second_id} [data-gp-feedback]").get_by_text("✗ Not quite")).to_be_visible()
    # Reordered questions and options: answers follow their item ids, not positions.
    page.goto(TWO_WAY + "?shuffle&seed=3")
    assert order_of(page)[:2] != [first_id, second_id]
    expect(page.locator(f"#{first_id} [data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    expect(page.locator(f"#{second_id} [data-gp-feedback]").get_by_text("✗ Not quite")).to_be_visible()
    page.goto(TWO_WAY)

    page.evaluate("window.__sameDocument = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    row = page.get_by_role("row", name=re.compile("Goal or decision"))
    expect(row).to_contain_text("2 of")
    expect(row.locator("[data-gp-right]")).to_have_text("1")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Goal or decision?").click()
    expect(page.locator(f"#{first_id} [data-gp-feedback]")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True

    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    page.get_by_role("button", name="Forget my progress").click()
    expect(page.get_by_role("status").filter(has_text="forgotten")).to_have_text(
        "Your progress has been forgotten.")
    expect(row.locator("[data-gp-right]")).to_have_text("0")
    assert saved(page) == {}


def test_everything_works_when_storage_throws(browser, base_url, watch):
    context = browser.new_context(base_url=base_url)
    # Refuse our keys only (storage blocked outright: test_progress_store.py).
    context.add_init_script("""
        for (const name of ['getItem', 'setItem', 'removeItem']) {
          const real = Storage.prototype[name];
          Storage.prototype[name] = function (key, ...rest) {
            if (String(key).startsWith('goal-pyramid')) {
              throw new DOMException(name === 'setItem' ? 'full' : 'blocked',
                                     name === 'setItem' ? 'QuotaExceededError' : 'SecurityError');
            }
            return real.call(this, key, ...rest);
          };
        }
    """)
    page = watch.attach(context.new_page())
    page.goto(TWO_WAY)
    item = answer(page, 0, right=True)
    expect(item.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    expect(page.get_by_text("not letting the site remember anything")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Goal or decision")).locator("[data-gp-right]")).to_have_text("1")
    page.get_by_role("button", name="Forget my progress").click()
    expect(page.get_by_role("row", name=re.compile("Goal or decision")).locator("[data-gp-right]")).to_have_text("0")
    context.close()


def order_of(page: Page) -> list[str]:
    return page.locator("[data-gp-item]").evaluate_all("items => items.map(item => item.id)")


def test_a_seed_in_the_address_is_repeatable_and_the_old_shuffle_address_still_works(page):
    """Readers get their own order (tests/browser/test_order.py); ?seed=N is one order for a room."""
    page.goto(ONE_OF_MANY + "?seed=42")
    first = order_of(page)
    options = items(page).first.locator("[data-gp-option]").evaluate_all(
        "options => options.map(option => option.dataset.gpOption)")
    page.goto(ONE_OF_MANY + "?shuffle&seed=42")
    assert order_of(page) == first
    assert items(page).first.locator("[data-gp-option]").evaluate_all(
        "options => options.map(option => option.dataset.gpOption)") == options
    expect(items(page).first.locator(".gp-quiz-item__number")).to_have_text(f"Question 1 of {len(first)}")
    page.goto(ONE_OF_MANY + "?seed=7")
    assert order_of(page) != first and sorted(order_of(page)) == sorted(first)


def test_facilitator_mode_shows_answers_and_records_nothing(page):
    page.goto(TWO_WAY + "?facilitator")
    toggle = page.get_by_role("button", name="Facilitator mode: show answers")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("Facilitator mode: answers are showing")).to_be_visible()
    for index in range(items(page).count()):
        expect(items(page).nth(index).locator("[data-gp-answer]")).to_have_js_property("open", True)
    answer(page, 0, right=True)
    assert saved(page) == {}
    toggle.click()
    expect(items(page).nth(3).locator("[data-gp-answer]")).to_have_js_property("open", False)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def printed_handout(page: Page) -> list[str]:
    """Press "Print a handout" (the print dialog stubbed), then print to PDF: the text of each page."""
    page.get_by_role("button", name="Print a handout").click()
    assert page.evaluate("window.__printed") == 1
    pdf = page.pdf(format="A4")
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


KEY_HEADING = "Answer key — for the facilitator, not for handing out"


def key_entries(page: Page) -> list[dict]:
    """The key's entries as the page holds them, in the order they print."""
    return page.locator("[data-gp-module=quiz] [data-gp-key-for]").evaluate_all("""entries => entries.map(e => ({
        id: e.dataset.gpKeyFor,
        statement: e.querySelector('.gp-quiz__key-statement').textContent,
        answer: e.querySelector('.gp-quiz__key-answer').textContent,
        why: e.querySelector('.gp-quiz__key-why').textContent}))""")


@pytest.mark.parametrize("address", [TWO_WAY, ONE_OF_MANY + "?seed=42", TWO_WAY + "?facilitator"])
def test_handout_prints_compact_questions_then_a_key_that_follows_the_screen(page, address):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    page.goto(address)
    on_screen = order_of(page)
    pages = printed_handout(page)
    key_from = next(n for n, text in enumerate(pages) if KEY_HEADING in text)
    questions, key = pages[:key_from], pages[key_from:]
    assert key_from >= 1 and KEY_HEADING not in " ".join(questions)
    # Page 1: which pages to hand out, no on-screen note or tools, and several questions.
    assert "Hand out the pages before the answer key" in pages[0]
    assert "Facilitator mode" not in pages[0] and "answers are showing" not in " ".join(pages)
    for tool in ("New order", "Print a handout", "Check", "Show the answer", "Try again"):
        assert tool not in " ".join(pages), tool
    assert len(re.findall(r"Question \d+ of \d+", pages[0])) >= 4
    # The questions, numbered in the order on screen, before the key; no answers among them.
    statements = [squash(s) for s in items(page).locator(".gp-quiz-item__statement").all_inner_texts()]
    question_text = " ".join(questions)
    for number, statement in enumerate(statements, 1):
        assert f"Question {number} of {len(statements)}" in question_text
        assert statement[:30] in question_text
    assert "Answer:" not in question_text and "Remember:" not in question_text
    # The key: number, statement, answer and why, each entry on one page, in the order on screen.
    entries = key_entries(page)
    assert [entry["id"] for entry in entries] == on_screen
    key_text = " ".join(key)
    positions = []
    for number, entry in enumerate(entries, 1):
        statement, answer_line, why = squash(entry["statement"]), squash(entry["answer"]), squash(entry["why"])
        assert statement.startswith(f"{number}. ")
        holding = [text for text in key if statement[:40] in text]
        assert len(holding) == 1, f"entry {number} is not on exactly one page"
        assert answer_line in holding[0] and why[:40] in holding[0] and why[-25:] in holding[0], number
        positions.append(key_text.index(statement[:40]))
    assert positions == sorted(positions)


def test_without_javascript_questions_and_explained_answers_read(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(ONE_OF_MANY)
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    item = items(page).first
    expect(item.locator("input[type=radio]").first).to_be_visible()
    item.get_by_text("Show the answer").click()
    expect(item.get_by_text("Answer:")).to_be_visible()
    expect(item.locator(".gp-quiz-explanation--correct")).to_be_visible()
    expect(item.get_by_text("Remember:")).to_be_visible()
    page.goto("practice/progress/")
    expect(page.get_by_text("only when JavaScript runs")).to_be_visible()
    context.close()


def test_axe_clean_with_feedback_shown(browser, base_url, watch):
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, base_url=base_url)
        page = watch.attach(context.new_page())
        page.goto(ONE_OF_MANY)
        answer(page, 0, right=False)
        answer(page, 1, right=True)
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]}})
        assert results.violations_count == 0, results.generate_report()
        context.close()
