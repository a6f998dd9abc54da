"""Practice sets: guess, Check, feedback that explains; score, progress, shuffle, facilitator, handout."""

from __future__ import annotations

import io
import re

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


def test_shuffle_with_a_seed_is_repeatable(page):
    page.goto(ONE_OF_MANY)
    original = order_of(page)
    page.goto(ONE_OF_MANY + "?shuffle&seed=42")
    first = order_of(page)
    options = items(page).first.locator("[data-gp-option]").evaluate_all(
        "options => options.map(option => option.dataset.gpOption)")
    page.goto(ONE_OF_MANY + "?shuffle&seed=42")
    assert order_of(page) == first
    assert items(page).first.locator("[data-gp-option]").evaluate_all(
        "options => options.map(option => option.dataset.gpOption)") == options
    assert first != original and sorted(first) == sorted(original)
    expect(items(page).first.locator(".gp-quiz-item__number")).to_have_text(f"Question 1 of {len(original)}")
    page.goto(ONE_OF_MANY + "?shuffle&seed=7")
    assert order_of(page) != first
    shuffle = page.get_by_role("button", name="Shuffle questions")
    expect(shuffle).to_have_attribute("aria-pressed", "true")
    shuffle.click()
    assert order_of(page) == original


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


def test_handout_prints_questions_first_and_the_key_at_the_end(page):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    page.goto(TWO_WAY)
    page.get_by_role("button", name="Print a handout").click()
    assert page.evaluate("window.__printed") == 1
    pdf = page.pdf(format="A4")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    statements = items(page).locator(".gp-quiz-item__statement").all_inner_texts()
    key_at = text.index("Answer key")
    for statement in statements:
        assert re.sub(r"\s+", " ", statement)[:30] in text[:key_at]
    assert "Show the answer" not in text and "Remember:" not in text[:key_at]
    assert "Facilitator mode" not in text and "Check" not in text
    assert text.count("A decision") >= 1 and "A decision" in text[key_at:]


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
