"""Practice progress that survives bad stored data, full or blocked storage, many tabs and odd ids.

Every test here also proves (the autouse check in conftest.py) that no page logs an error.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from goal_pyramid import load_catalogue
from tests.browser.test_quiz import answer, items

TWO_WAY = "practice/goal-or-decision/"
PROGRESS = "practice/progress/"
SETS = {"practice/who-is-speaking/": "Who is speaking at which level?",
        "practice/goal-or-decision/": "Goal or decision?",
        "practice/which-layer/": "Which layer?", "practice/whats-wrong/": "What is wrong with it?"}
ROOT = Path(__file__).resolve().parents[2]
ITEM_KEY = "goal-pyramid:progress:v2:"
OLD_KEY = "goal-pyramid:progress:v1"

# What a browser that blocks site data does: touching either storage throws.
BLOCK_STORAGE = """
for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException('The access is denied for this document.', 'SecurityError'); }
  });
}
"""

# A full quota: reading and removing work, every write of ours is refused.
FULL_QUOTA = """
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith('goal-pyramid:')) {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  return realSetItem.call(this, key, value);
};
"""


def stored(page: Page) -> dict:
    """Everything in localStorage, as raw strings."""
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def store(page: Page, values: dict):
    page.evaluate("values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }",
                  values)


def row(page: Page, title: str):
    return page.get_by_role("row", name=re.compile(re.escape(title)))


def ids_of(page: Page) -> list[str]:
    return items(page).evaluate_all("items => items.map(item => item.id)")


def record(answer_id: str, right: bool) -> str:
    return json.dumps({"set": "goal-or-decision", "answer": answer_id, "right": right})


def test_corrupted_progress_is_dropped_and_saving_goes_on(page):
    page.goto(TWO_WAY)
    first, second, third = ids_of(page)[:3]
    store(page, {OLD_KEY: "{not json", ITEM_KEY + second: "{not json",
                 ITEM_KEY + third: json.dumps({"answer": 3})})
    page.reload()
    expect(page.get_by_role("button", name="Check")).to_have_count(items(page).count())
    answer(page, 0, right=True)
    page.goto(PROGRESS)
    expect(page.get_by_text("not letting the site remember anything")).to_be_hidden()
    expect(row(page, "Goal or decision").locator("[data-gp-answered]")).to_have_text("1")
    keys = set(stored(page))
    assert ITEM_KEY + first in keys
    assert not {OLD_KEY, ITEM_KEY + second, ITEM_KEY + third} & keys, keys
    page.reload()  # kept for next time, not only in memory
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("1")


def test_readable_old_progress_moves_to_one_key_per_item(page):
    page.goto(TWO_WAY)
    first, second = ids_of(page)[:2]
    old = {first: {"set": "goal-or-decision", "answer": "decision", "right": True},
           second: "not a record", "constructor": 7}
    store(page, {OLD_KEY: json.dumps(old)})
    page.goto(PROGRESS)
    expect(row(page, "Goal or decision").locator("[data-gp-answered]")).to_have_text("1")
    keys = set(stored(page))
    assert OLD_KEY not in keys and ITEM_KEY + first in keys and ITEM_KEY + second not in keys, keys
    assert ITEM_KEY + "constructor" not in keys


def test_forget_removes_everything_the_site_stored(page):
    page.goto(PROGRESS)
    page.get_by_title("Switch to dark mode").click()  # Material keeps this choice
    store(page, {OLD_KEY: "{not json", "goal-pyramid:embed-progress:v2:gd-x": "{}",
                 "goal-pyramid:shuffle-seed": "42", "another-site's-key": "kept"})
    assert any(key.endswith(".__palette") for key in stored(page))
    expect(page.get_by_text("also forgets the colour scheme you picked")).to_be_visible()
    page.get_by_role("button", name="Forget my progress").click()
    expect(page.get_by_role("status").filter(has_text="forgotten")).to_have_text(
        "Your progress has been forgotten.")
    assert stored(page) == {"another-site's-key": "kept"}


def test_a_stored_answer_with_a_quote_does_not_stop_the_set(page):
    page.goto(TWO_WAY)
    first = ids_of(page)[0]
    bad = json.dumps({"set": "goal-or-decision", "answer": 'decision"]', "right": True})
    store(page, {ITEM_KEY + first: bad, OLD_KEY: json.dumps({first: json.loads(bad)})})
    page.reload()
    expect(page.get_by_role("button", name="Check")).to_have_count(items(page).count())
    expect(items(page).first.locator("[data-gp-feedback]")).to_be_hidden()
    answer(page, 0, right=True)
    expect(items(page).first.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()


def test_a_full_quota_is_said_where_progress_is_shown(browser, base_url, watch):
    context = browser.new_context(base_url=base_url)
    context.add_init_script(FULL_QUOTA)
    page = watch.attach(context.new_page())
    page.goto(PROGRESS)
    expect(page.get_by_text("storage is full")).to_be_hidden()
    page.goto(TWO_WAY)
    item = answer(page, 0, right=True)
    expect(item.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    expect(page.get_by_text(
        "This browser's storage for this site is full, so new answers are not being kept for next time."
    )).to_be_visible()
    expect(page.get_by_text("not letting the site remember anything")).to_be_hidden()
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("1")  # kept for the visit
    page.reload()  # a fresh page finds out too
    expect(page.get_by_text("storage for this site is full")).to_be_visible()
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("0")
    context.close()


def test_progress_for_ids_that_no_longer_exist_is_not_counted(page):
    page.goto(TWO_WAY)
    first, second = ids_of(page)[:2]
    gone = "gd-a-question-since-removed"
    records = {first: record("decision", True), second: record("goal", False), gone: record("goal", True)}
    store(page, {ITEM_KEY + key: value for key, value in records.items()})
    store(page, {OLD_KEY: json.dumps({key: json.loads(value) for key, value in records.items()})})
    page.goto(PROGRESS)
    expect(row(page, "Goal or decision").locator("[data-gp-answered]")).to_have_text("2")


def test_an_item_id_like_constructor_counts_only_its_own_progress(page):
    # A set whose first item is called "constructor" (a valid slug): nothing is stored for it.
    def rename_first_item(route):
        response = route.fetch()
        body = re.sub(r'(data-gp-progress-set="goal-or-decision" data-gp-items=")[^ "]+',
                      r"\1constructor", response.text(), count=1)
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/practice/progress/$"), rename_first_item)
    page.goto(PROGRESS)
    expect(row(page, "Goal or decision").locator("[data-gp-answered]")).to_have_text("0")
    assert page.evaluate("""() => {
        const progress = window.GoalPyramid.progress;
        const before = [progress.get("constructor"), progress.get("__proto__"), progress.get("toString"),
                        "constructor" in progress.all(), "toString" in progress.all()];
        progress.set("constructor", {set: "goal-or-decision", answer: "goal", right: true});
        const after = progress.get("constructor").right && Object.keys(progress.all()).includes("constructor");
        progress.remove("constructor");
        return [...before, after, progress.get("constructor")];
    }""") == [None, None, None, False, False, True, None]


# Each tab clicks all its checked questions' Check buttons at once when told to start.
CHECK_ON_GO = """() => {
  new BroadcastChannel("gp-test-go").onmessage = () => {
    const buttons = [...document.querySelectorAll("[data-gp-item]")]
      .filter(item => item.querySelector("input:checked"))
      .map(item => item.querySelector('[data-gp-quiz-action="check"]'));
    buttons.forEach(button => button.click());
  };
}"""


def test_eight_tabs_answering_at_once_keep_every_answer(context, watch):
    tabs = []
    for path in SETS:
        for half in (0, 1):
            tab = watch.attach(context.new_page())
            tab.goto(path)
            tabs.append((tab, list(range(half, items(tab).count(), 2))))
    per_set = [len(tabs[i][1]) + len(tabs[i + 1][1]) for i in range(0, 8, 2)]
    sets = load_catalogue(ROOT / "quiz_data").quizzes
    assert sum(per_set) == sum(len(sets[path.strip("/").split("/")[-1]].items) for path in SETS)
    for tab, indexes in tabs:
        tab.bring_to_front()  # a tab in the background draws no frames, and check() waits for them
        for index in indexes:
            answer(tab, index, right=index % 3 != 0, check=False)
        tab.evaluate(CHECK_ON_GO)
    tabs[0][0].evaluate('new BroadcastChannel("gp-test-go").postMessage("go")')  # all eight start together
    for number, (tab, _) in enumerate(tabs):  # each tab shows its set's answers from both tabs
        expect(tab.locator("[data-gp-item][data-gp-answered]")).to_have_count(per_set[number // 2])
    summary = tabs[0][0]
    summary.goto(PROGRESS)
    for title, count in zip(SETS.values(), per_set, strict=True):
        expect(row(summary, title).locator("[data-gp-answered]")).to_have_text(str(count))


def test_an_open_progress_page_and_other_tabs_follow_changes(context, page, watch):
    page.goto(PROGRESS)
    quiz = watch.attach(context.new_page())
    quiz.goto(TWO_WAY)
    other = watch.attach(context.new_page())
    other.goto(TWO_WAY)
    answered = answer(quiz, 0, right=True)
    item_id = answered.get_attribute("id")
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("1")
    expect(other.locator(f"#{item_id} [data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    page.get_by_role("button", name="Forget my progress").click()
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("0")
    for tab in (quiz, other):
        expect(tab.locator(f"#{item_id}").get_by_role("button", name="Check")).to_be_visible()
        expect(tab.locator(f"#{item_id} [data-gp-feedback]")).to_be_hidden()


def test_a_malformed_address_fragment_throws_nothing(page):
    page.goto(TWO_WAY + "#%")
    expect(page.get_by_role("button", name="Check")).to_have_count(items(page).count())
    page.evaluate("location.hash = '#%E0%A4%A'")
    page.goto("pyramid/#%zz")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_page_with_blocked_storage_logs_nothing(browser, base_url, watch):
    context = browser.new_context(base_url=base_url)
    context.add_init_script(BLOCK_STORAGE)
    page = watch.attach(context.new_page())
    page.goto("")
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(TWO_WAY)
    item = answer(page, 0, right=True)
    expect(item.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    expect(page.get_by_text("not letting the site remember anything")).to_be_visible()
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("1")
    page.get_by_role("button", name="Forget my progress").click()
    expect(row(page, "Goal or decision").locator("[data-gp-right]")).to_have_text("0")
    page.goto("embed/goal-or-decision/")
    answer(page, 0, right=False)
    expect(items(page).first.locator("[data-gp-feedback]")).to_be_visible()
    context.close()
