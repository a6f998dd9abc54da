"""The SCORM 1.2 package in a real runtime: scorm-again's Scorm12API as the learning platform.

`make scorm`'s zip (built with a mastery score of 50) is unpacked and served with a test
launcher page (tests/browser/scorm/), which sets window.API = new Scorm12API(...) and opens
the package's index.html in a frame, all on 127.0.0.1 from one server. The launcher keeps
what a platform stores between launches when the SCO calls LMSFinish, and loads it into the
next launch's API (loadFromFlattenedJSON).
"""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import os
import re
import shutil
import sys
import threading
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from goal_pyramid.tools import scorm as make_scorm
from tests.browser.conftest import PageWatch
from tests.conftest import ROOT

MASTERY = 50  # the package's own mastery score, for these tests
LIMIT = 4096
LAUNCHER = Path(__file__).parent / "scorm"
RUNTIME = ROOT / "node_modules/scorm-again/dist/scorm12.js"
SITE_FRAME = 'iframe[name="goal-pyramid"]'


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The unzipped package, the launcher and scorm-again, served on 127.0.0.1: yields the base address."""
    root = tmp_path_factory.mktemp("lms")
    archive = root / "goal-pyramid-scorm12.zip"
    with mock.patch.dict(os.environ, {"GOAL_PYRAMID_MASTERY_SCORE": str(MASTERY)}):
        assert make_scorm.main([sys.argv[0], "--out", str(archive)]) == 0
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "package")
    for name in ("launcher.html", "launcher.js"):
        shutil.copyfile(LAUNCHER / name, root / name)
    (root / "scorm-again").mkdir()
    shutil.copyfile(RUNTIME, root / "scorm-again/scorm12.js")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def catalogue(lms, tmp_path_factory) -> dict:
    """What the package's launch page tells the adapter: every item, with its code and options."""
    import urllib.request

    with urllib.request.urlopen(lms + "package/index.html") as response:
        launch_page = response.read().decode("utf-8")
    found = re.search(r'<script type="application/json" id="gp-scorm-catalogue">(.*?)</script>', launch_page, re.S)
    return json.loads(found.group(1))


@pytest.fixture
def learner(browser, lms):
    """A fresh browser (storage included) that fails the test on console errors or requests elsewhere."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    watch = PageWatch(lms)
    context.on("page", watch.attach)  # windows the package opens are watched too
    opened = context.new_page()
    yield opened
    assert watch.console == [], f"console errors or warnings: {watch.console}"
    assert watch.foreign == [], f"requests to another host: {watch.foreign}"
    context.close()


def site(page):
    """The site, in the launch page's frame, in the launcher's frame."""
    return page.frame_locator("#sco").frame_locator(SITE_FRAME)


def until(page, expression: str, expected, timeout: float = 5000):
    """Wait until a JavaScript expression in the launcher equals expected (web-first: no sleeps)."""
    try:
        page.wait_for_function(f"expected => JSON.stringify(({expression})) === JSON.stringify(expected)",
                               arg=expected, timeout=timeout)
    except PlaywrightError:
        actual = page.evaluate(f"() => {{ try {{ return {expression}; }} catch (e) {{ return String(e); }} }}")
        raise AssertionError(f"{expression} is {actual!r}, not {expected!r}") from None


SITE_PAGE = "document.getElementById('sco').contentWindow.frames[0].location.pathname"


def launch(page, lms, query: str = ""):
    page.goto(lms + "launcher.html" + query)
    expect(site(page).get_by_role("navigation", name="Navigation").first).to_be_attached()
    page.frame(name="goal-pyramid").wait_for_load_state("load")  # every script of the page has run


def close_and_launch_again(page):
    """The platform closes the SCO (its frame goes: pagehide, LMSFinish), then the learner comes back."""
    finished = page.evaluate("lms.finishes")
    page.evaluate("document.getElementById('sco').remove()")
    until(page, "lms.finishes", finished + 1)
    page.reload()
    expect(site(page).get_by_role("navigation", name="Navigation").first).to_be_attached()


def go_to(page, title: str):
    site(page).get_by_role("navigation", name="Navigation").get_by_role("link", name=title).click()


def question(page, which: int | str):
    """A question of the page in the frame: by its place on the page, or by its id."""
    questions = site(page).locator("[data-gp-item]")
    return questions.nth(which) if isinstance(which, int) else site(page).locator(f'[data-gp-item="{which}"]')


def mounted(frame):
    """Wait until the page's practice sets have started (each puts its questions in the reader's order)."""
    expect(frame.locator('[data-gp-module="quiz"]').first).to_have_attribute("data-gp-mounted", "")


def answer(page, which: int | str, right: bool):
    """Pick the right (or a wrong) option of a question of the page in the frame, then Check."""
    mounted(site(page))
    item = question(page, question(page, which).get_attribute("id"))
    expect(item).to_be_visible()
    correct = item.get_attribute("data-gp-correct")
    options = item.locator("[data-gp-option]")
    for position in range(options.count()):
        option = options.nth(position)
        if (option.get_attribute("data-gp-option") == correct) == right:
            item.get_by_label(option.locator("label").inner_text(), exact=True).check()
            break
    item.get_by_role("button", name="Check").click()
    expect(item).to_have_attribute("data-gp-answered", "right" if right else "wrong")
    return item


def report_every_item(page, catalogue: dict, right_share: float, leave_out: int = 0) -> int:
    """Answer every item (but the last leave_out) through GoalPyramid.report, as the components do."""
    items = catalogue["items"][:len(catalogue["items"]) - leave_out]
    right_count = round(right_share * len(catalogue["items"]))
    details = [{"set": item["set"], "item": item["id"], "answer": item["options"][0 if n < right_count else 1],
                "right": n < right_count} for n, item in enumerate(items)]
    go_to(page, "Goal or decision?")
    until(page, SITE_PAGE, "/package/goal-pyramid/practice/goal-or-decision.html")
    expect(site(page).locator("[data-gp-item]").first).to_be_visible()
    page.frame(name="goal-pyramid").wait_for_function("() => window.GoalPyramid && window.GoalPyramid.progress")
    page.frame(name="goal-pyramid").evaluate("""details => details.forEach(detail =>
        window.GoalPyramid.report("answer", Object.assign({ answered: 1, total: 1, score: 0 }, detail)))""",
                                             details)
    return right_count


RESPONSE = "0123456789abcdefghijklmnopqrstuvwxyz"  # SCORM 1.2's characters for a choice


def interactions(page) -> list[dict]:
    """What the platform recorded (write-only to the SCO: read as the platform does, as JSON)."""
    return page.evaluate("JSON.parse(JSON.stringify(API.cmi.interactions.childArray))")


def test_first_launch_initialises_sets_incomplete_and_opens_the_home_page(learner, lms):
    page = learner
    launch(page, lms)
    until(page, "lms.initializes", 1)
    until(page, "API.cmi.core.lesson_status", "incomplete")
    until(page, SITE_PAGE, "/package/goal-pyramid/index.html")
    expect(site(page).get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("[API.cmi.core.score.min, API.cmi.core.score.max]") == ["0", "100"]
    go_to(page, "The goal pyramid")
    until(page, "API.cmi.core.lesson_location", "pyramid.html")
    until(page, "lms.commits > 0", True)
    assert page.evaluate("lms.initializes") == 1  # the session outlives a page of the site
    expect(page.frame_locator("#sco").locator("iframe")).to_have_attribute("title", "Goal Pyramid")


def test_answers_are_interactions_and_the_score_is_the_share_of_every_item_right(learner, lms, catalogue):
    page = learner
    launch(page, lms)
    go_to(page, "Goal or decision?")
    first = answer(page, 0, right=True)
    second = answer(page, 1, right=False)
    until(page, "API.cmi.interactions.childArray.length", 2)
    recorded = interactions(page)
    assert [(one["id"], one["type"], one["result"]) for one in recorded] == [
        (first.get_attribute("id"), "choice", "correct"), (second.get_attribute("id"), "choice", "wrong")]
    # A choice is one character, 0-9 or a-z, in SCORM 1.2: the option's place in the item's catalogue entry.
    for entry, element in zip(recorded, (first, second), strict=True):
        options = next(item["options"] for item in catalogue["items"] if item["id"] == element.get_attribute("id"))
        chosen = element.locator("input[type=radio]:checked").get_attribute("value")
        assert entry["student_response"] == RESPONSE[options.index(chosen)]
    assert all(len(entry["student_response"]) == 1 for entry in recorded)
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", one["time"]) for one in recorded)
    total = len(catalogue["items"])
    until(page, "API.cmi.core.score.raw", str(round(100 / total)))  # one right of every item in the package
    until(page, "API.cmi.core.lesson_status", "incomplete")
    until(page, "API.cmi.suspend_data.length", len("GP1:") + 2 * 5)
    until(page, "lms.commits > 0", True)


def test_changes_close_together_share_a_commit_and_none_waits_past_its_page(learner, lms):
    """The clock stands still: only a page closing can send the commit an answer scheduled."""
    page = learner
    page.clock.install()
    launch(page, lms)
    go_to(page, "Goal or decision?")
    until(page, "API.cmi.core.lesson_location", "practice/goal-or-decision.html")
    page.clock.pause_at(datetime.datetime.now() + datetime.timedelta(seconds=10))
    before = page.evaluate("lms.commits")
    answer(page, 0, right=True)
    answer(page, 1, right=False)
    until(page, "API.cmi.interactions.childArray.length", 2)
    assert page.evaluate("lms.commits") == before  # waiting for its half second
    go_to(page, "Which layer?")
    until(page, "lms.commits", before + 1)  # sent as the quiz page closed
    until(page, "API.cmi.core.lesson_location", "practice/which-layer.html")
    page.clock.run_for(1000)
    until(page, "lms.commits", before + 2)  # the new page's location


def test_resume_after_a_reload_restores_the_answers_and_the_page(learner, lms):
    page = learner
    launch(page, lms)
    go_to(page, "Goal or decision?")
    right = answer(page, 0, right=True).get_attribute("id")
    wrong = answer(page, 1, right=False).get_attribute("id")
    untouched = question(page, 2).get_attribute("id")
    go_to(page, "Which layer?")
    until(page, "API.cmi.core.lesson_location", "practice/which-layer.html")
    # This browser forgets; the platform remembers.
    page.frame(name="goal-pyramid").evaluate("localStorage.clear()")
    close_and_launch_again(page)
    until(page, "lms.launches", 2)
    until(page, "lms.previous && lms.previous.exit", "suspend")  # LMSFinish came on pagehide
    assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", page.evaluate("lms.previous.session_time"))
    until(page, SITE_PAGE, "/package/goal-pyramid/practice/which-layer.html")  # the lesson location
    until(page, "API.cmi.core.lesson_status", "incomplete")
    go_to(page, "Goal or decision?")
    expect(question(page, right)).to_have_attribute("data-gp-answered", "right")
    expect(question(page, wrong)).to_have_attribute("data-gp-answered", "wrong")
    expect(question(page, untouched)).not_to_have_attribute("data-gp-answered", re.compile("."))


def test_every_item_answered_passes_at_the_mastery_score_and_suspend_data_stays_within_its_limit(
        learner, lms, catalogue):
    page = learner
    launch(page, lms)
    total = len(catalogue["items"])
    report_every_item(page, catalogue, right_share=0.6, leave_out=1)
    until(page, "API.cmi.interactions.childArray.length", total - 1)
    until(page, "API.cmi.core.lesson_status", "incomplete")  # not every set is done yet
    last = catalogue["items"][-1]
    page.frame(name="goal-pyramid").evaluate("""item => window.GoalPyramid.report("answer",
        { set: item.set, item: item.id, answer: item.options[1], right: false, answered: 1, total: 1, score: 0 })""",
                                             last)
    score = round(100 * round(0.6 * total) / total)
    assert MASTERY <= score < 80  # passes at the package's 50, would fail at the default 80
    until(page, "API.cmi.core.score.raw", str(score))
    until(page, "API.cmi.core.lesson_status", "passed")
    size = page.evaluate("API.cmi.suspend_data.length")
    assert size == len("GP1:") + 5 * total
    assert size <= LIMIT
    print(f"\nsuspend_data with all {total} items answered: {size} of {LIMIT} characters")
    # Everything comes back on the next launch, into a browser that forgot.
    page.frame(name="goal-pyramid").evaluate("localStorage.clear()")
    close_and_launch_again(page)
    until(page, "lms.launches", 2)
    until(page, "lms.previous.exit", "suspend")  # kept open, passed or not: the learner may come back
    until(page, "Object.keys(localStorage).filter(key => key.startsWith('goal-pyramid:progress:v2:')).length",
          total)
    until(page, "API.cmi.core.lesson_status", "passed")


def test_a_pass_stays_a_pass_when_a_later_answer_is_wrong(learner, lms, catalogue):
    page = learner
    launch(page, lms)
    report_every_item(page, catalogue, right_share=0.9)
    until(page, "API.cmi.core.lesson_status", "passed")
    first = catalogue["items"][0]
    page.frame(name="goal-pyramid").evaluate("""item => window.GoalPyramid.report("answer",
        { set: item.set, item: item.id, answer: item.options[1], right: false, answered: 1, total: 1, score: 0 })""",
                                             first)
    until(page, "API.cmi.interactions.childArray.length", len(catalogue["items"]) + 1)
    assert page.evaluate("API.cmi.core.lesson_status") == "passed"


def test_the_attempt_is_suspended_from_the_start_and_links_to_the_top_window_stay_in_the_package(learner, lms):
    page = learner
    launch(page, lms)
    # Before any page closes (write-only to the SCO: read as the platform does, as JSON).
    until(page, "JSON.parse(JSON.stringify(API.cmi.core)).exit", "suspend")
    go_to(page, "Write your goal")
    until(page, SITE_PAGE, "/package/goal-pyramid/write-your-goal.html")
    go_to(page, "Spot a good goal")
    frame = site(page)
    frame.get_by_text("Migrate to a streaming platform").first.click()
    frame.get_by_role("link", name="Rewrite it in the workbench").first.click()
    until(page, SITE_PAGE, "/package/goal-pyramid/write-your-goal.html")
    assert page.evaluate("lms.finishes") == 0, "the platform's player was left"


def test_every_item_answered_below_the_mastery_score_fails(learner, lms, catalogue):
    page = learner
    launch(page, lms)
    report_every_item(page, catalogue, right_share=0.4)
    total = len(catalogue["items"])
    until(page, "API.cmi.core.score.raw", str(round(100 * round(0.4 * total) / total)))
    until(page, "API.cmi.core.lesson_status", "failed")


def test_the_platforms_own_mastery_score_wins_over_the_packages(learner, lms, catalogue):
    page = learner
    launch(page, lms, "?mastery=70")
    report_every_item(page, catalogue, right_share=0.6)  # 60: over the package's 50, under the platform's 70
    until(page, "API.cmi.core.lesson_status", "failed")


def test_review_mode_records_nothing(learner, lms):
    page = learner
    launch(page, lms, "?mode=review")
    go_to(page, "Goal or decision?")
    answer(page, 0, right=True)
    go_to(page, "Which layer?")
    until(page, SITE_PAGE, "/package/goal-pyramid/practice/which-layer.html")
    assert page.evaluate("""[API.cmi.core.lesson_status, API.cmi.suspend_data, API.cmi.core.lesson_location,
                             API.cmi.interactions.childArray.length]""") == ["not attempted", "", "", 0]


def test_broken_or_foreign_suspend_data_and_gone_ids_are_ignored_item_by_item(learner, lms, catalogue):
    page = learner
    first, second, third = catalogue["items"][:3]
    alphabet = catalogue["alphabet"]
    kept = first["code"] + alphabet[2 * first["options"].index(first["options"][0]) + 1]  # first: right
    out_of_range = second["code"] + "z"  # an option the item does not have
    gone = "Zz9_" + "B"  # an item the package no longer has
    broken = "!!!!!"
    suspend = "GP1:" + gone + out_of_range + broken + kept + "xy"  # and a cut-off end
    # This browser remembers an answer to the third item, which the platform does not have.
    page.goto(lms + "package/goal-pyramid/index.html")
    page.evaluate("""item => localStorage.setItem("goal-pyramid:progress:v2:" + item.id,
        JSON.stringify({ set: item.set, answer: item.options[0], right: true }))""", third)
    launch(page, lms, "?suspend_data=" + re.sub(r"[^A-Za-z0-9]", lambda m: f"%{ord(m.group()):02X}", suspend))
    go_to(page, "Goal or decision?")
    expect(question(page, first["id"])).to_have_attribute("data-gp-answered", re.compile("."))
    stored = page.frame(name="goal-pyramid").evaluate("id => localStorage.getItem('goal-pyramid:progress:v2:' + id)",
                                                      first["id"])
    restored = {key: value for key, value in json.loads(stored).items() if key != "at"}  # the store stamps the time
    assert restored == {"set": first["set"], "answer": first["options"][0], "right": True}
    expect(question(page, second["id"])).not_to_have_attribute("data-gp-answered", re.compile("."))
    expect(question(page, third["id"])).not_to_have_attribute("data-gp-answered", re.compile("."))
    answer(page, third["id"], right=True)  # and the page works
    until(page, "API.cmi.suspend_data.length", len("GP1:") + 2 * 5)


def test_foreign_suspend_data_is_ignored_and_replaced_by_the_packages_own(learner, lms):
    page = learner
    launch(page, lms, "?suspend_data=viewed%3D1%2C2%2C3%7Clastslide%3D4")
    go_to(page, "Goal or decision?")
    expect(site(page).locator("[data-gp-item]").nth(0)).not_to_have_attribute("data-gp-answered", re.compile("."))
    answer(page, 0, right=False)
    until(page, "API.cmi.suspend_data.slice(0, 4)", "GP1:")


def test_without_a_platform_the_package_opens_the_site_and_works(learner, lms):
    page = learner
    page.goto(lms + "package/index.html")
    expect(page).to_have_url(lms + "package/goal-pyramid/index.html")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Goal or decision?").click()
    mounted(page)
    item = page.locator(f'[data-gp-item="{page.locator("[data-gp-item]").first.get_attribute("id")}"]')
    correct = item.get_attribute("data-gp-correct")
    item.locator(f'[data-gp-option="{correct}"] input').check()
    item.get_by_role("button", name="Check").click()
    expect(item).to_have_attribute("data-gp-answered", "right")


def test_in_a_frame_without_a_platform_the_site_takes_the_frame_and_works(learner, lms):
    page = learner
    page.goto(lms + "launcher.html?noapi")
    course = page.frame_locator("#sco")
    course.get_by_role("navigation", name="Navigation").get_by_role("link", name="Goal or decision?").click()
    mounted(course)
    item = course.locator(f'[data-gp-item="{course.locator("[data-gp-item]").first.get_attribute("id")}"]')
    correct = item.get_attribute("data-gp-correct")
    item.locator(f'[data-gp-option="{correct}"] input').check()
    item.get_by_role("button", name="Check").click()
    expect(item).to_have_attribute("data-gp-answered", "right")
    assert page.evaluate("typeof window.API") == "undefined"


def test_search_works_inside_the_package(learner, lms):
    page = learner
    launch(page, lms)
    meta = site(page).locator(".md-search-result__meta")
    expect(meta).to_have_text("Type to start searching")  # the index is loaded ("Initializing search" before)
    # Typed, as a reader does: Material reads the query on keyup (fill() sends none).
    site(page).get_by_role("search").get_by_role("textbox").press_sequentially("sweet spot")
    expect(meta).to_have_text(re.compile(r"\d+ matching documents?"))
    hit = site(page).locator(".md-search-result").get_by_role("link").first
    expect(hit).to_have_attribute("href", re.compile(r"pyramid\.html\?h=sweet\+spot"))
    hit.click()
    until(page, "API.cmi.core.lesson_location", "pyramid.html")


def test_in_a_window_of_its_own_the_package_finds_the_platform_through_its_opener(learner, lms):
    page = learner
    page.goto(lms + "launcher.html")  # the launcher's own frame makes a first session: finish it
    until(page, "lms.initializes", 1)
    page.evaluate("document.getElementById('sco').remove()")
    until(page, "lms.finishes", 1)
    page.evaluate("""() => { window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 4 });
                             API.on("LMSInitialize", () => { lms.initializes += 1; }); }""")
    with page.expect_popup() as opened:
        page.evaluate("window.open('package/index.html', 'course')")
    course = opened.value
    course.frame_locator(SITE_FRAME).get_by_role("navigation", name="Navigation").get_by_role(
        "link", name="The goal pyramid").click()
    until(page, "API.cmi.core.lesson_location", "pyramid.html")
    until(page, "[lms.initializes, API.cmi.core.lesson_status]", [2, "incomplete"])
