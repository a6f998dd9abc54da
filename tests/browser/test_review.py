"""Review what you missed: the schedule (1, 3, 7 days, wrong back to the start) under Playwright's
clock, never by waiting; never-answered items; at most ten; ?layer=; voices; no JavaScript."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from goal_pyramid import load_catalogue
from tests.browser.conftest import PageWatch
from tests.browser.demo_case import CASE_ID
from tests.browser.test_quiz import ITEM_KEY, saved
from tests.browser.test_quiz import answer as answer_in_set
from tests.conftest import ROOT

REVIEW = "practice/review/"
TWO_WAY = "practice/goal-or-decision/"
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
START_MS = int(START.timestamp() * 1000)
DAY = 24 * 60 * 60 * 1000
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def shown(page: Page):
    """This round's questions, in the order on the page."""
    return page.locator("[data-gp-review-items] > [data-gp-item]")


def shown_ids(page: Page) -> list[str]:
    expect(shown(page).first).to_be_visible()
    return shown(page).evaluate_all("items => items.map(item => item.id)")


def answer(item, right: bool, place: str | None = None):
    """Pick the right answer, a wrong one, or the option `place`, as a reader would, then Check."""
    correct = item.get_attribute("data-gp-correct")
    options = item.locator("[data-gp-option]")
    for position in range(options.count()):
        option = options.nth(position)
        option_id = option.get_attribute("data-gp-option")
        if option_id == place if place else (option_id == correct) == right:
            item.get_by_label(option.locator("label").inner_text(), exact=True).check()
            break
    item.get_by_role("button", name="Check").click()
    expect(item.locator("[data-gp-feedback]")).to_be_visible()


def later(page: Page, ms: int):
    """Move the page's clock on, then open Review again (as a reader coming back would)."""
    page.clock.fast_forward(ms)
    page.goto(REVIEW)
    expect(page.locator("[data-gp-review-count]")).to_be_visible()


def all_ids() -> list[str]:
    catalogue = load_catalogue(ROOT / "quiz_data")
    ids = []
    for quiz in catalogue.sets["quiz"].values():
        ids += [item.id for item in quiz.items if item.id not in ids]
    return ids + [voice.id for case in catalogue.sets["scenario"].values() for voice in case.voices]


def due_record(set_id: str, due_ms: int, step: int = 1) -> str:
    return json.dumps({"set": set_id, "answer": "nope", "right": False, "at": due_ms - DAY,
                       "review": {"step": step, "due": due_ms}})


def test_a_wrong_answer_comes_back_after_1_then_3_then_7_days_then_leaves_review(page):
    page.clock.install(time=START)
    page.goto(REVIEW)
    first = shown(page).first
    item_id = first.get_attribute("data-gp-item")
    answer(first, right=False)
    expect(first.get_by_text("Not quite")).to_be_visible()
    record = saved(page)[item_id]
    assert record["right"] is False and record["review"]["step"] == 1
    assert record["review"]["due"] - record["at"] == DAY and record["at"] >= START_MS

    page.goto(REVIEW)  # not due today: the round is ten never-answered others
    assert item_id not in shown_ids(page)
    later(page, DAY - 60_000)
    assert item_id not in shown_ids(page)
    later(page, 60_000)
    assert shown_ids(page)[0] == item_id, "due items come first"
    expect(page.locator("[data-gp-review-count]")).to_have_text("1 due for review, 9 never answered.")

    for step, days in ((2, 3), (3, 7)):
        answer(page.locator(f"#{item_id}"), right=True)
        record = saved(page)[item_id]
        assert record["review"]["step"] == step and record["review"]["due"] - record["at"] == days * DAY
        later(page, days * DAY - 60_000)
        assert item_id not in shown_ids(page)
        later(page, 60_000)
        assert shown_ids(page)[0] == item_id

    answer(page.locator(f"#{item_id}"), right=True)
    assert "review" not in saved(page)[item_id], "right three times when due: it leaves review"
    later(page, 60 * DAY)
    assert item_id not in shown_ids(page)


def test_wrong_at_step_2_goes_back_to_one_day(page):
    page.clock.install(time=START)
    page.goto(REVIEW)
    item_id = shown(page).first.get_attribute("data-gp-item")
    answer(shown(page).first, right=False)
    later(page, DAY)
    answer(page.locator(f"#{item_id}"), right=True)
    assert saved(page)[item_id]["review"]["step"] == 2
    later(page, 3 * DAY)
    answer(page.locator(f"#{item_id}"), right=False)
    record = saved(page)[item_id]
    assert record["review"] == {"step": 1, "due": record["at"] + DAY}
    later(page, DAY)
    assert shown_ids(page)[0] == item_id


def test_an_answer_in_a_practice_set_is_scheduled_too(page):
    page.clock.install(time=START)
    page.goto(TWO_WAY)
    item_id = answer_in_set(page, 0, right=False).get_attribute("data-gp-item")
    assert saved(page)[item_id]["review"]["step"] == 1
    page.goto(REVIEW)
    assert item_id not in shown_ids(page)
    later(page, DAY)
    assert shown_ids(page)[0] == item_id


def test_try_again_in_a_practice_set_does_not_let_a_wrong_answer_escape_review(page):
    page.clock.install(time=START)
    page.goto(TWO_WAY)
    item = answer_in_set(page, 0, right=False)
    item_id = item.get_attribute("data-gp-item")
    item.get_by_role("button", name="Try again").click()
    assert item_id not in saved(page)
    answer_in_set(page, 0, right=True)
    assert saved(page)[item_id]["review"]["step"] == 1
    page.clock.fast_forward(DAY)
    page.goto(REVIEW)
    assert shown_ids(page)[0] == item_id


def test_never_answered_items_are_offered_ten_at_a_time_in_order(page):
    page.goto(REVIEW)
    expect(page.get_by_text("Review needs JavaScript")).to_be_hidden()
    assert shown_ids(page) == all_ids()[:10]
    expect(page.locator("[data-gp-review-count]")).to_have_text("0 due for review, 10 never answered.")
    expect(shown(page).first.get_by_text("Question 1 of 10")).to_be_visible()
    expect(page.get_by_role("button", name="Check")).to_have_count(10)
    # The round answered: the next ten.
    for index in range(10):
        answer(shown(page).nth(index), right=index % 2 == 0)
    expect(page.locator("[data-gp-review-more]")).to_be_visible()
    page.get_by_role("button", name="Review the next ones").click()
    expect(shown(page).first.get_by_role("radio").first).to_be_focused()
    assert shown_ids(page) == all_ids()[10:20]


def test_at_most_ten_due_ones_oldest_first_and_stored_progress_for_gone_ids_is_ignored(page):
    page.clock.install(time=START)
    page.goto(REVIEW)
    ids = all_ids()[20:32]  # twelve due items, the last one due longest ago
    records = {ITEM_KEY + item_id: due_record("goal-or-decision", START_MS - (index + 1) * 60_000)
               for index, item_id in enumerate(ids)}
    records[ITEM_KEY + "a-question-that-was-removed"] = due_record("gone-set", 0)
    records[ITEM_KEY + "constructor"] = due_record("gone-set", 0)
    page.evaluate("values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }", records)
    page.reload()
    assert shown_ids(page) == list(reversed(ids))[:10]
    expect(page.locator("[data-gp-review-count]")).to_have_text("10 due for review, 0 never answered.")


def test_layer_limits_review_to_that_layers_items(page):
    page.goto(REVIEW + "?layer=delivery-increment")
    expect(page.get_by_text("Only items whose answer is Delivery increment")).to_be_visible()
    layers = shown(page).evaluate_all("items => items.map(item => item.dataset.gpLayer)")
    assert layers and set(layers) == {"delivery-increment"}
    page.get_by_role("link", name="Review every layer").click()
    expect(page.locator("[data-gp-review-scope]")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"practice/review/$"))
    assert len(shown_ids(page)) == 10
    page.goto(REVIEW + "?layer=no-such-layer")  # an unknown layer reviews everything
    assert len(shown_ids(page)) == 10
    page.goto(REVIEW + "?layer=learning-goal")  # a kind of statement that is not on the pyramid either
    expect(page.get_by_text("Only items whose answer is A learning goal")).to_be_visible()
    assert set(shown(page).evaluate_all("items => items.map(item => item.dataset.gpLayer)")) == {"learning-goal"}


def test_without_javascript_review_says_it_needs_it_and_links_to_the_practice_sets(browser, base_url, watch):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = watch.attach(context.new_page())
    page.goto(REVIEW)
    note = page.get_by_text("Review needs JavaScript")
    expect(note).to_be_visible()
    expect(note).to_contain_text("reads what this browser remembers")
    expect(page.locator("article").get_by_role("radio")).to_have_count(0)
    page.get_by_role("region", name="Review").get_by_role("link", name="practice sets").click()
    expect(page).to_have_url(re.compile(r"/practice/$"))
    context.close()


def test_review_with_storage_blocked_says_so_and_still_works(browser, base_url, watch):
    from tests.browser.test_progress_store import BLOCK_STORAGE

    context = browser.new_context(base_url=base_url)
    context.add_init_script(BLOCK_STORAGE)
    page = watch.attach(context.new_page())
    page.goto(REVIEW)
    expect(page.get_by_text("not letting the site remember anything")).to_be_visible()
    answer(shown(page).first, right=True)
    expect(shown(page).first.get_by_text("Right", exact=False).first).to_be_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_review_passes_axe_in_every_state(browser, base_url, watch, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = watch.attach(context.new_page())
    page.clock.install(time=START)
    page.goto(REVIEW + "?layer=requirement")
    expect(page.get_by_text("Only items whose answer is Not a goal: a requirement")).to_be_visible()
    answer(shown(page).nth(0), right=False)
    answer(shown(page).nth(1), right=True)
    shown(page).nth(2).get_by_role("button", name="Check").click()  # the hint
    shown(page).nth(3).get_by_text("Show the answer").click()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert results.violations_count == 0, results.generate_report()
    # Nothing due: every item answered.
    page.evaluate("""([prefix, ids]) => { for (const id of ids)
        localStorage.setItem(prefix + id, JSON.stringify({answer: 'x', right: true})); }""", [ITEM_KEY, all_ids()])
    page.goto(REVIEW)
    expect(page.get_by_text("Nothing is due for review now")).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_a_case_voice_is_reviewed_with_the_ten_places_and_its_own_explanations(case_site, browser):
    context = browser.new_context(base_url=case_site.url)
    watch = PageWatch(case_site.url)
    page = watch.attach(context.new_page())
    page.clock.install(time=START)
    page.goto(REVIEW)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [ITEM_KEY + "demo-cfo", due_record(CASE_ID, START_MS - DAY)])
    page.goto(REVIEW + "?layer=business-goal")
    voice = page.locator("#demo-cfo")
    assert shown_ids(page)[0] == "demo-cfo"
    expect(voice.get_by_text("The finance lead:")).to_be_visible()
    expect(voice.get_by_text("Where does this belong?")).to_be_visible()
    labels = voice.locator("label").all_inner_texts()
    assert labels == ["Company strategy", "Business goal", "Operational goal", "Technical goal", "Initiative",
                      "Delivery increment", "Task", "Not a goal: a requirement", "Not a goal: a constraint",
                      "Not a goal: a solution idea"]
    answer(voice, right=False, place="operational-goal")  # the trap
    why = voice.locator("[data-gp-why]")
    expect(why).to_contain_text("Nothing in it says what must change day to day.")
    expect(why).to_contain_text("An outcome the board tracks.")
    record = saved(page)["demo-cfo"]
    assert (record["set"], record["answer"], record["right"]) == (CASE_ID, "operational-goal", False)
    assert record["review"]["step"] == 1
    # A place no trap names: one line from its layer's guiding question.
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [ITEM_KEY + "demo-eng", due_record(CASE_ID, START_MS - DAY)])
    page.goto(REVIEW + "?layer=technical-goal")
    engineer = page.locator("#demo-eng")
    answer(engineer, right=False, place="task")
    expect(engineer.locator("[data-gp-why]")).to_contain_text("The task layer answers “")
    expect(engineer.locator("[data-gp-why]")).to_contain_text("A system property that serves the change.")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert results.violations_count == 0, results.generate_report()
    context.close()
    assert watch.console == [] and watch.foreign == []


def test_at_320_px_answered_questions_and_their_answers_do_not_scroll_sideways(browser, base_url, watch):
    from tests.browser.test_gates import CUT_OFF

    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 800})
    page = watch.attach(context.new_page())
    page.goto(REVIEW)
    answer(shown(page).nth(0), right=False)
    answer(shown(page).nth(1), right=True)
    shown(page).nth(2).get_by_text("Show the answer").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate(CUT_OFF) == []
    context.close()


def test_facilitator_mode_turned_on_in_a_practice_set_records_nothing_in_review_either(page):
    page.goto(TWO_WAY + "?facilitator")
    expect(page.get_by_role("button", name="Facilitator mode: show answers")).to_have_attribute("aria-pressed", "true")
    page.evaluate("window.heard = []; document.addEventListener('goal-pyramid:answer', e => window.heard.push(e))")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Review what you missed").click()
    expect(page).to_have_url(re.compile(REVIEW + "$"))
    answer(shown(page).first, right=False)
    expect(shown(page).first.locator("[data-gp-feedback]")).to_be_visible()
    stored = page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('goal-pyramid:progress'))")
    assert stored == [] and page.evaluate("window.heard.length") == 0
