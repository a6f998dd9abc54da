"""Cases in a real browser: sorting a voice by keyboard, by drag and by tap; feedback; the pick and its
hand-off to the workbench; progress; the host's events; facilitator mode; print; no JavaScript.

Nothing here names a case's content: the case is the first of the catalogue by id, and its voices,
places and the goal to pick are read from the model, so the tests hold for whichever cases exist."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from goal_pyramid import load_catalogue
from goal_pyramid.components.scenario import places
from tests.conftest import ROOT

CATALOGUE = load_catalogue(ROOT / "quiz_data")
CASES = CATALOGUE.sets["scenario"]
CASE = CASES[sorted(CASES)[0]]
PATH = f"cases/{CASE.id}/"
PLACES = dict(places(CATALOGUE.layer_names()))
BEST = next(candidate for candidate in CASE.candidates if candidate.best)
ITEM_KEY = "goal-pyramid:progress:v2:"
KEY_HEADING = "Answer key — for the facilitator, not for handing out"
TRAPPED = next(voice for voice in CASE.voices if voice.traps)
OTHERS = [voice for voice in CASE.voices if voice is not TRAPPED]
UNTRAPPED = OTHERS[0]
EVENTS = """
window.__events = [];
for (const type of ['answer', 'complete']) {
  document.addEventListener('goal-pyramid:' + type, (event) => window.__events.push({ type, ...event.detail }));
}
"""


def voice(page: Page, voice_id: str):
    return page.locator(f"li#{voice_id}")


def wrong_place(model, trapped: bool) -> str:
    """A wrong place for a voice: one of its traps, or one that is none of them."""
    if trapped:
        return model.traps[0].place
    traps = {trap.place for trap in model.traps}
    return next(place for place in PLACES if place != model.place and place not in traps)


def sort(page: Page, model, place: str, check: bool = True):
    item = voice(page, model.id)
    item.get_by_label("Where does it belong?").select_option(place)
    if check:
        item.get_by_role("button", name="Check").click()
    return item


def pick(page: Page, candidate, check: bool = True):
    form = page.locator(f"#{CASE.id}")
    form.get_by_label(candidate.goal, exact=True).check()
    if check:
        form.get_by_role("button", name="Check").click()
    return form


def saved(page: Page) -> dict:
    """What the store keeps of each answer (its time and review schedule aside: tests/browser/test_review.py)."""
    records = page.evaluate("""prefix => Object.fromEntries(Object.keys(localStorage)
        .filter(key => key.startsWith(prefix))
        .map(key => [key.slice(prefix.length), JSON.parse(localStorage.getItem(key))]))""", ITEM_KEY)
    return {item: {k: v for k, v in record.items() if k not in ("at", "review")} for item, record in records.items()}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_page_has_the_cases_title_and_four_sections(page):
    page.goto(PATH)
    expect(page.get_by_role("heading", level=1)).to_contain_text(CASE.title)
    for anchor, name in (("room", "The room"), ("sort", "Sort the voices"), ("pick", "Pick the project goal"),
                         ("worked", "The worked answer")):
        expect(page.get_by_role("heading", name=name, level=2)).to_have_attribute("id", f"{CASE.id}--{anchor}")
    room = page.locator(".gp-scenario__people > li")
    expect(room).to_have_count(len(CASE.voices))
    expect(room.first).to_contain_text(CASE.voices[0].person)


def test_sorting_by_keyboard_alone_right_then_feedback_that_explains(page):
    page.goto(PATH)
    model = UNTRAPPED
    item = voice(page, model.id)
    select = item.get_by_label("Where does it belong?")
    select.focus()
    for _ in range(list(PLACES).index(model.place) + 1):  # from "Choose a place" down to the answer
        page.keyboard.press("ArrowDown")
    expect(select).to_have_value(model.place)
    page.keyboard.press("Tab")
    expect(item.get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    feedback = item.locator("[data-gp-feedback]")
    expect(feedback).to_be_focused()
    expect(feedback.get_by_text("✓ Right")).to_be_visible()
    expect(feedback).to_contain_text(f"You chose “{PLACES[model.place]}”.")
    expect(feedback.locator(".gp-voice__why")).to_be_visible()
    expect(feedback.locator(".gp-voice__sits")).to_be_visible()
    expect(feedback.locator(".gp-voice__trap")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text("Right.")
    expect(select).to_be_disabled()
    expect(item.get_by_role("button", name="Try again")).to_be_visible()


def test_a_trapped_wrong_place_gets_its_why_not_and_try_again_clears_it(page):
    page.goto(PATH)
    model = TRAPPED
    item = sort(page, model, wrong_place(model, trapped=True))
    feedback = item.locator("[data-gp-feedback]")
    expect(feedback).to_be_focused()
    expect(feedback.get_by_text("✗ Not quite")).to_be_visible()
    expect(feedback).to_contain_text(
        f"You chose “{PLACES[model.traps[0].place]}”. The answer is “{PLACES[model.place]}”.")
    expect(feedback.locator(f'[data-gp-trap="{model.traps[0].place}"]')).to_contain_text(
        f"Why not {PLACES[model.traps[0].place]}?")
    expect(page.get_by_role("status")).to_have_text(f"Not quite. The answer is {PLACES[model.place]}.")
    assert saved(page)[model.id] == {"set": CASE.id, "answer": model.traps[0].place, "right": False}
    item.get_by_role("button", name="Try again").click()
    expect(feedback).to_be_hidden()
    select = item.get_by_label("Where does it belong?")
    expect(select).to_be_focused()
    expect(select).to_have_value("")
    assert model.id not in saved(page)


def test_a_wrong_place_that_is_no_trap_gets_a_line_of_its_own(page):
    page.goto(PATH)
    model = UNTRAPPED
    place = wrong_place(model, trapped=False)
    feedback = sort(page, model, place).locator("[data-gp-feedback]")
    expect(feedback.get_by_text("✗ Not quite")).to_be_visible()
    expect(feedback.locator(f'[data-gp-elsewhere-for="{place}"]')).to_contain_text(f"Why not {PLACES[place]}?")


def test_check_without_a_place_asks_for_one(page):
    page.goto(PATH)
    item = voice(page, CASE.voices[1].id)
    item.get_by_role("button", name="Check").click()
    expect(item.get_by_text("Pick a place first, then press Check.")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Pick a place first, then press Check.")
    expect(item.get_by_label("Where does it belong?")).to_be_focused()
    expect(item.locator("[data-gp-feedback]")).to_be_hidden()


def drag(page: Page, voice_id: str, target) -> None:
    """Drag a voice's chip with the mouse (Pointer Events) to the middle-left of target, or to (x, y)."""
    page.locator(".gp-board").evaluate("board => board.scrollIntoView({block: 'center'})")
    start = chip(page, voice_id).bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    if isinstance(target, tuple):
        page.mouse.move(*target, steps=6)
    else:
        end = target.bounding_box()
        page.mouse.move(end["x"] + 12, end["y"] + end["height"] / 2, steps=6)
    page.mouse.up()


def band(page: Page, place: str):
    return page.locator(f'.gp-board [data-gp-place="{place}"]')


def chip(page: Page, voice_id: str):
    return page.locator(f'.gp-board [data-gp-chip="{voice_id}"]')


def test_dragging_a_voice_onto_the_pyramid_only_sets_its_select(page):
    page.goto(PATH)
    model = CASE.voices[2]
    board = page.locator(".gp-board")
    expect(board).to_be_visible()
    expect(board).to_have_attribute("aria-hidden", "true")
    assert board.locator("a, button, input, select, textarea, [tabindex]").count() == 0
    drag(page, model.id, band(page, model.place))
    item = voice(page, model.id)
    expect(item.get_by_label("Where does it belong?")).to_have_value(model.place)
    expect(band(page, model.place).locator(f'[data-gp-chip="{model.id}"]')).to_have_count(1)
    expect(item.locator("[data-gp-feedback]")).to_be_hidden()  # the reader still presses Check
    assert saved(page) == {}
    item.get_by_role("button", name="Check").click()
    expect(item.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    expect(chip(page, model.id)).to_have_attribute("data-gp-state", "right")
    # A dropped chip outside any band changes nothing.
    other = CASE.voices[3]
    drag(page, other.id, (2, 2))
    expect(voice(page, other.id).get_by_label("Where does it belong?")).to_have_value("")


def test_a_select_moves_its_chip_and_a_checked_voice_cannot_be_dragged(page):
    page.goto(PATH)
    model = CASE.voices[0]
    sort(page, model, wrong_place(model, trapped=False), check=False)
    expect(band(page, wrong_place(model, trapped=False)).locator(f'[data-gp-chip="{model.id}"]')).to_have_count(1)
    sort(page, model, model.place)
    drag(page, model.id, band(page, "task" if model.place != "task" else "initiative"))
    expect(voice(page, model.id).get_by_label("Where does it belong?")).to_have_value(model.place)


def test_tap_a_voice_then_a_place_on_a_touch_screen(browser, base_url, watch):
    context = browser.new_context(base_url=base_url, has_touch=True, is_mobile=True,
                                  viewport={"width": 390, "height": 844})
    page = watch.attach(context.new_page())
    page.goto(PATH)
    model = CASE.voices[-1]
    chip(page, model.id).tap()
    expect(chip(page, model.id)).to_have_attribute("data-gp-picked", "")
    band(page, model.place).tap()
    item = voice(page, model.id)
    expect(item.get_by_label("Where does it belong?")).to_have_value(model.place)
    expect(chip(page, model.id)).not_to_have_attribute("data-gp-picked", "")
    item.get_by_role("button", name="Check").tap()
    expect(item.locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def candidate_order(page: Page) -> list[str]:
    return page.locator(f"#{CASE.id} [data-gp-option]").evaluate_all(
        "options => options.map(option => option.dataset.gpOption)")


def test_the_candidates_come_in_an_order_of_each_readers_own_and_one_per_room_seed(page):
    page.goto(PATH + "?seed=1")
    first = candidate_order(page)
    page.reload()
    assert candidate_order(page) == first
    orders = set()
    for seed in range(1, 13):
        page.goto(PATH + f"?seed={seed}")
        orders.add(tuple(candidate_order(page)))
    assert len(orders) > 1 and all(sorted(order) == sorted(c.id for c in CASE.candidates) for order in orders)
    # Without a room's seed, the reader's own seed is kept under the practice sets' key.
    page.goto(PATH)
    own = candidate_order(page)
    seed = page.evaluate("localStorage.getItem('goal-pyramid:shuffle-seed')")
    assert seed is not None and re.fullmatch(r"\d+", seed)
    page.reload()
    assert candidate_order(page) == own
    page.goto(PATH + f"?seed={seed}")
    assert candidate_order(page) == own


def test_picking_a_wrong_goal_explains_both_and_hands_the_pick_to_the_workbench(page):
    page.goto(PATH)
    wrong = next(candidate for candidate in CASE.candidates if not candidate.best)
    form = pick(page, wrong)
    feedback = page.locator(f"#{CASE.id} [data-gp-feedback]")
    expect(feedback).to_be_focused()
    expect(feedback.get_by_text("✗ Not quite")).to_be_visible()
    expect(feedback).to_contain_text(f"You chose “{wrong.goal}”. The one to pick is “{BEST.goal}”.")
    expect(feedback.locator("[data-gp-why] > li")).to_have_count(2)
    expect(form.locator(f'[data-gp-option="{BEST.id}"]')).to_have_attribute("data-gp-state", "correct")
    expect(form.locator(f'[data-gp-option="{wrong.id}"]')).to_have_attribute("data-gp-state", "wrong")
    link = feedback.get_by_role("link", name="Open it in the workbench")
    expect(link).to_have_count(1)
    draft = unquote(link.get_attribute("href").split("#draft=", 1)[1])
    assert json.loads(draft) == {"goal": wrong.goal}
    assert saved(page)[CASE.id] == {"set": CASE.id, "answer": wrong.id, "right": False}
    link.click()
    expect(page).to_have_url(re.compile(r"/write-your-goal/#draft="))
    expect(page.get_by_label("Your project goal")).to_have_value(wrong.goal)


def test_picking_the_best_goal(page):
    page.goto(PATH)
    pick(page, BEST)
    feedback = page.locator(f"#{CASE.id} [data-gp-feedback]")
    expect(feedback.get_by_text("✓ Right")).to_be_visible()
    expect(feedback.locator("[data-gp-why] > li")).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("Right.")
    assert json.loads(unquote(feedback.get_by_role("link").get_attribute("href").split("#draft=")[1])) == {
        "goal": BEST.goal}


def test_progress_is_kept_by_id_restored_on_load_and_followed_from_another_tab(page):
    page.goto(PATH + "?seed=5")
    first = OTHERS[0]
    sort(page, first, first.place)
    sort(page, TRAPPED, wrong_place(TRAPPED, trapped=True))
    pick(page, BEST)
    records = saved(page)
    assert records[first.id] == {"set": CASE.id, "answer": first.place, "right": True}
    assert records[CASE.id]["right"] is True
    page.goto(PATH + "?seed=9")  # another order of candidates: the pick follows its id
    expect(voice(page, first.id).locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    expect(voice(page, TRAPPED.id).locator("[data-gp-feedback]").get_by_text("✗ Not quite")).to_be_visible()
    expect(voice(page, TRAPPED.id).get_by_label("Where does it belong?")).to_have_value(TRAPPED.traps[0].place)
    expect(page.locator(f"#{CASE.id}").get_by_label(BEST.goal, exact=True)).to_be_checked()
    expect(chip(page, first.id)).to_have_attribute("data-gp-state", "right")
    # Another tab answers and retries: this one follows.
    other = page.context.new_page()
    other.goto(PATH)
    last = OTHERS[-1]
    sort(other, last, last.place)
    voice(other, TRAPPED.id).get_by_role("button", name="Try again").click()
    expect(voice(page, last.id).locator("[data-gp-feedback]").get_by_text("✓ Right")).to_be_visible()
    expect(voice(page, TRAPPED.id).locator("[data-gp-feedback]")).to_be_hidden()
    other.close()


def test_the_host_hears_each_answer_and_the_case_once_complete(page):
    page.add_init_script(EVENTS)
    page.goto(PATH)
    total = len(CASE.voices) + 1
    for index, model in enumerate(CASE.voices):
        sort(page, model, model.place if index else wrong_place(model, trapped=False))
    events = page.evaluate("window.__events")
    assert [event["type"] for event in events] == ["answer"] * len(CASE.voices)
    assert events[0] == {"type": "answer", "set": CASE.id, "item": CASE.voices[0].id,
                         "answer": wrong_place(CASE.voices[0], trapped=False), "right": False,
                         "answered": 1, "total": total, "score": 0}
    pick(page, BEST)
    events = page.evaluate("window.__events")
    right = total - 1
    assert events[-2] == {"type": "answer", "set": CASE.id, "item": CASE.id, "answer": BEST.id, "right": True,
                          "answered": total, "total": total, "score": round(100 * right / total)}
    assert events[-1] == {"type": "complete", "set": CASE.id, "right": right, "total": total,
                          "score": round(100 * right / total)}
    assert [event["type"] for event in events].count("complete") == 1


def test_two_presses_of_check_in_one_frame_record_one_answer(page):
    page.add_init_script(EVENTS)
    page.goto(PATH)
    model = CASE.voices[0]
    item = voice(page, model.id)
    expect(page.locator("[data-gp-module=scenario]")).to_have_attribute("data-gp-mounted", "")
    item.get_by_label("Where does it belong?").select_option(model.place)
    item.locator("form").evaluate("form => { form.requestSubmit(); form.requestSubmit(); }")
    expect(item).to_have_attribute("data-gp-answered", "right")
    assert [event["item"] for event in page.evaluate("window.__events")] == [model.id]


def test_facilitator_mode_shows_every_answer_in_the_authored_order_and_records_nothing(page):
    page.add_init_script(EVENTS)
    page.goto(PATH + "?facilitator")
    toggle = page.get_by_role("button", name="Facilitator mode: show answers")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("Facilitator mode: answers are showing and progress is not being saved.")).to_be_visible()
    expect(page.locator(".gp-scenario details:not([open])")).to_have_count(0)
    assert candidate_order(page) == [candidate.id for candidate in CASE.candidates]
    expect(page.locator(f'#{CASE.id} [data-gp-option="{BEST.id}"]')).to_have_attribute("data-gp-state", "correct")
    for model in CASE.voices:
        expect(band(page, model.place).locator(f'[data-gp-chip="{model.id}"]')).to_have_attribute(
            "data-gp-state", "right")
    sort(page, CASE.voices[0], CASE.voices[0].place)
    pick(page, BEST)
    assert saved(page) == {} and page.evaluate("window.__events") == []
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".gp-scenario details[open]")).to_have_count(0)
    expect(page.locator(".gp-scenario [data-gp-answered]")).to_have_count(0)
    expect(page.locator(".gp-board [data-gp-state]")).to_have_count(0)


def pdf_pages(page: Page) -> list[str]:
    pdf = page.pdf(format="A4")
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("how", ["button", "browser"])
def test_printed_the_room_a_blank_sheet_the_candidates_then_the_key_on_its_own_page(page, how):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    page.goto(PATH)
    sort(page, CASE.voices[0], CASE.voices[0].place)  # an answer on screen prints on no sheet
    if how == "button":
        page.get_by_role("button", name="Print for a classroom").click()
        assert page.evaluate("window.__printed") == 1
    pages = pdf_pages(page)
    key_from = next(n for n, text in enumerate(pages) if KEY_HEADING in text)
    sheet, key = " ".join(pages[:key_from]), " ".join(pages[key_from:])
    assert key_from >= 1 and KEY_HEADING not in sheet
    assert "Hand out the pages before the answer key" in pages[0]
    for model in CASE.voices:
        assert squash(model.says)[:40] in sheet
    assert sheet.count(PLACES["solution-idea"]) >= len(CASE.voices)  # a box per place for every voice
    for candidate in CASE.candidates:
        assert candidate.goal[:40] in sheet
    # (Feedback marks: "✓ Right" and "✗ Not quite"; a voice may well say "Right now".)
    for answer in ("Answer:", "the one to pick", "You chose", "✓", "✗", "Not quite", "The worked answer"):
        assert answer not in sheet, answer
    for tool in ("Check", "Try again", "Facilitator mode", "Print for a classroom", "Show where it belongs",
                 "Show which to pick", "Show the worked answer", "Drag a voice", "drag a voice"):
        assert tool not in " ".join(pages), tool
    for model in CASE.voices:
        assert f"Answer: {PLACES[model.place]}" in key
    assert f"The goal to pick: “{BEST.goal}" in key or BEST.goal[:40] in key
    assert "The worked answer" in key and CASE.chain.task[:40] in key
    # Printing leaves the page as the reader had it.
    expect(page.locator(".gp-scenario details[open]")).to_have_count(0)


def test_without_javascript_the_room_the_candidates_and_every_answer_read(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(PATH)
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    expect(page.get_by_role("button", name="Facilitator mode: show answers")).to_have_count(0)
    expect(page.locator(".gp-board")).to_be_hidden()
    expect(page.get_by_text("Without JavaScript there is no Check")).to_be_visible()
    expect(page.locator(".gp-scenario__people > li")).to_have_count(len(CASE.voices))
    item = voice(page, CASE.voices[0].id)
    expect(item.get_by_label("Where does it belong?")).to_be_visible()
    item.get_by_text("Show where it belongs").click()
    expect(item.get_by_text(f"Answer: {PLACES[CASE.voices[0].place]}")).to_be_visible()
    assert candidate_order(page) == [candidate.id for candidate in CASE.candidates]
    page.get_by_text("Show which to pick, and why").click()
    expect(page.locator("[data-gp-explains] a", has_text="Open it in the workbench")).to_have_count(
        len(CASE.candidates))
    page.get_by_text("Show the worked answer").click()
    expect(page.locator(".gp-scenario__chain")).to_contain_text(CASE.chain.initiative)
    context.close()


def test_reached_by_instant_navigation_it_starts_once(page):
    page.goto("cases/")
    page.evaluate("window.__sameDocument = true")
    page.locator(f'nav.md-nav--primary a[href$="{CASE.id}/"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(CASE.title)
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator("[data-gp-module=scenario][data-gp-mounted]")).to_have_count(1)
    sort(page, CASE.voices[0], CASE.voices[0].place)
    expect(voice(page, CASE.voices[0].id).locator("[data-gp-feedback]")).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("Right.")


def test_search_finds_the_room_and_the_candidates_never_the_answers(served_site):
    def words(text: str) -> str:
        return " ".join(re.findall(r"[A-Za-z0-9]+", re.sub(r"<[^>]+>", " ", text)))

    index = json.loads((served_site.directory / "search/search_index.json").read_text(encoding="utf-8"))
    found = words(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    for case in CASES.values():
        for model in case.voices:
            assert words(model.says) in found, model.id
            assert words(model.why)[:60] not in found, model.id
            for trap in model.traps:
                assert words(trap.why)[:60] not in found, (model.id, trap.place)
        for candidate in case.candidates:
            assert words(candidate.goal) in found, candidate.id
            assert words(candidate.why)[:60] not in found, candidate.id
        assert words(case.trade_off)[:60] not in found, case.id
    for template in ("You chose", "That layer holds", "voices numbered as in the room", "Tick one box for each voice",
                     "The one to pick is"):
        assert words(template) not in found, template


BROKEN = ('(window.goalPyramidModules = window.goalPyramidModules || {}).scenario = function () {'
          ' throw new Error("broken on purpose"); };'
          ' if (window.GoalPyramid) { window.GoalPyramid.mountAll(); }')


def test_a_case_whose_script_fails_says_so_and_stays_plain_html(page, watch):
    page.route("**/components/scenario/scenario.js",
               lambda route: route.fulfill(body=BROKEN, content_type="text/javascript"))
    page.goto(PATH)
    expect(page.locator('[data-gp-module="scenario"][data-gp-failed="broken on purpose"]')).to_have_count(1)
    assert any("the scenario component did not start" in line for line in watch.console), watch.console
    watch.console.clear()  # the one error this test causes on purpose
    expect(page.locator(".gp-board")).to_be_hidden()
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    item = voice(page, CASE.voices[0].id)
    item.get_by_text("Show where it belongs").click()
    expect(item.get_by_text(f"Answer: {PLACES[CASE.voices[0].place]}")).to_be_visible()


def test_a_touch_drag_then_a_tap_still_places_the_voice(browser, base_url, watch):
    """A drag by touch fires no click afterwards: the next tap still picks a voice, then a place."""
    context = browser.new_context(base_url=base_url, has_touch=True, is_mobile=True,
                                  viewport={"width": 390, "height": 844})
    page = watch.attach(context.new_page())
    page.goto(PATH)
    first, second = OTHERS[0], OTHERS[1]
    page.locator(".gp-board").evaluate("board => board.scrollIntoView({block: 'center'})")
    start, end = chip(page, first.id).bounding_box(), band(page, first.place).bounding_box()
    cdp = context.new_cdp_session(page)

    def touch(kind, x, y):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", start["x"] + 8, start["y"] + start["height"] / 2)
    for step in range(1, 7):
        touch("touchMove", start["x"] + 8 + (end["x"] + 12 - start["x"] - 8) * step / 6,
              start["y"] + start["height"] / 2 + (end["y"] + end["height"] / 2 - start["y"] - start["height"] / 2)
              * step / 6)
    touch("touchEnd", 0, 0)
    expect(voice(page, first.id).get_by_label("Where does it belong?")).to_have_value(first.place)
    chip(page, second.id).tap()
    band(page, second.place).tap()
    expect(voice(page, second.id).get_by_label("Where does it belong?")).to_have_value(second.place)
    context.close()


def test_tapping_a_voice_already_on_a_band_places_the_picked_one_there(page):
    page.goto(PATH)
    first, second = OTHERS[0], OTHERS[1]
    sort(page, first, first.place, check=False)
    chip(page, second.id).click()
    expect(chip(page, second.id)).to_have_attribute("data-gp-picked", "")
    band(page, first.place).locator(f'[data-gp-chip="{first.id}"]').click()
    expect(voice(page, second.id).get_by_label("Where does it belong?")).to_have_value(first.place)
    expect(voice(page, first.id).get_by_label("Where does it belong?")).to_have_value(first.place)
    expect(page.locator(".gp-board [data-gp-picked]")).to_have_count(0)
    # A tap on the picked voice again puts it down.
    chip(page, first.id).click()
    chip(page, first.id).click()
    expect(page.locator(".gp-board [data-gp-picked]")).to_have_count(0)
