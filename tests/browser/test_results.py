"""'Your progress': a row per case, right on the last try per pyramid layer with a link to review it,
and 'Download my results' (a CSV made in the browser, parsed back here)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from goal_pyramid import load_catalogue
from tests.browser.conftest import PageWatch
from tests.browser.demo_case import CASE_ID, CASE_TITLE
from tests.browser.test_progress_store import row, store
from tests.browser.test_quiz import ITEM_KEY, answer
from tests.conftest import ROOT

PROGRESS = "practice/progress/"
TWO_WAY = "practice/goal-or-decision/"
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def items_of(place: str) -> list[tuple[str, str]]:
    """(set id, item id) of every practice item and case voice whose answer sits at `place`
    (a case's pick of a project goal counts as an operational goal)."""
    catalogue = load_catalogue(ROOT / "quiz_data")
    cases = catalogue.sets["scenario"].values()
    return ([(quiz.id, item.id) for quiz in catalogue.sets["quiz"].values() for item in quiz.items
             if (item.layer or item.what_it_is) == place]
            + [(case.id, voice.id) for case in cases for voice in case.voices if voice.place == place]
            + [(case.id, case.id) for case in cases if place == "operational-goal"])


def record(set_id: str, answer_id: str, right: bool, **more) -> str:
    return json.dumps({"set": set_id, "answer": answer_id, "right": right, **more})


def layer_row(page: Page, name: str):
    return page.get_by_role("table").nth(1).get_by_role("row", name=re.compile("^" + re.escape(name)))


def download(page: Page) -> list[dict]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results").click()
    assert info.value.suggested_filename == "goal-pyramid-results.csv"
    with open(info.value.path(), encoding="utf-8-sig", newline="") as file:
        text = file.read()
    assert text.endswith("\r\n") and text.splitlines()[0] == "item,set,layer,answer,right,date"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_mastery_per_layer_counts_right_on_the_last_try_and_links_to_review_that_layer(page):
    increments = items_of("delivery-increment")
    assert len(increments) >= 3
    page.goto(PROGRESS)
    store(page, {ITEM_KEY + increments[0][1]: record(increments[0][0], "x", True),
                 ITEM_KEY + increments[1][1]: record(increments[1][0], "x", False),
                 ITEM_KEY + increments[2][1]: record(increments[2][0], "x", True)})
    page.reload()
    cells = layer_row(page, "Delivery increment").get_by_role("cell")
    expect(cells.nth(0)).to_have_text(f"2 of {len(increments)}")
    expect(layer_row(page, "Task").get_by_role("cell").nth(0)).to_have_text(re.compile(r"^0 of \d+$"))
    expect(layer_row(page, "Not a goal: a requirement")).to_be_visible()
    link = layer_row(page, "Delivery increment").get_by_role("link", name="Review Delivery increment items")
    link.click()
    expect(page).to_have_url(re.compile(r"practice/review/\?layer=delivery-increment$"))
    expect(page.get_by_text("Only items whose answer is Delivery increment")).to_be_visible()


def test_download_my_results_is_a_csv_of_current_ids_quoted_and_safe_in_a_spreadsheet(page):
    page.clock.install(time=START)
    page.goto(TWO_WAY)
    first = answer(page, 0, right=True).get_attribute("data-gp-item")
    second = answer(page, 1, right=False).get_attribute("data-gp-item")
    (set_id, odd), (_, formula) = items_of("requirement")[:2]
    store(page, {
        ITEM_KEY + "a-question-that-was-removed": record("goal-or-decision", "goal", True),
        ITEM_KEY + odd: record(set_id, 'say "no", then\nstop', False),
        ITEM_KEY + formula: record(set_id, "=HYPERLINK(\"http://example.com\")", True, at=0),
    })
    page.goto(PROGRESS)
    rows = {entry["item"]: entry for entry in download(page)}
    expect(page.get_by_role("status")).to_have_text("Your results are in goal-pyramid-results.csv, in your downloads.")
    assert set(rows) == {first, second, odd, formula}, "only current ids"
    assert rows[first]["set"] == "goal-or-decision" and rows[first]["right"] == "yes"
    assert rows[second]["right"] == "no"
    assert rows[first]["layer"] and rows[first]["answer"]
    assert rows[first]["date"].startswith("2026-12-01T09:")
    assert rows[odd]["answer"] == 'say "no", then\nstop' and rows[odd]["date"] == ""
    assert rows[odd]["layer"] == "requirement"
    assert rows[formula]["answer"] == "'=HYPERLINK(\"http://example.com\")"
    assert rows[formula]["date"] == "1970-01-01T00:00:00.000Z"


def test_download_with_nothing_answered_is_the_header_alone(page):
    page.goto(PROGRESS)
    assert download(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_progress_passes_axe_with_answers_and_after_a_download(browser, base_url, watch, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = watch.attach(context.new_page())
    page.goto(TWO_WAY)
    answer(page, 0, right=False)
    page.goto(PROGRESS)
    download(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_a_case_has_its_row_and_its_voices_and_pick_count_by_layer_and_in_the_csv(case_site, browser):
    context = browser.new_context(base_url=case_site.url)
    watch = PageWatch(case_site.url)
    page = watch.attach(context.new_page())
    page.goto(PROGRESS)
    case_row = row(page, f"Case: {CASE_TITLE}")
    expect(case_row.locator("[data-gp-answered]")).to_have_text("0")
    expect(case_row).to_contain_text("of 7")  # six voices and the pick
    operational = layer_row(page, "Operational goal").get_by_role("cell").nth(0)
    before = int(operational.inner_text().split(" of ")[1])
    store(page, {ITEM_KEY + "demo-cfo": record(CASE_ID, "business-goal", True),
                 ITEM_KEY + "demo-spec": record(CASE_ID, "constraint", False),
                 ITEM_KEY + CASE_ID: record(CASE_ID, "demo-a", True)})
    page.reload()
    expect(case_row.locator("[data-gp-answered]")).to_have_text("3")
    expect(case_row.locator("[data-gp-right]")).to_have_text("2")
    expect(operational).to_have_text(f"1 of {before}")  # the pick is an operational-goal item
    rows = {entry["item"]: entry for entry in download(page)}
    assert rows[CASE_ID]["set"] == CASE_ID and rows[CASE_ID]["layer"] == "operational-goal"
    assert rows["demo-spec"]["layer"] == "requirement" and rows["demo-spec"]["answer"] == "constraint"
    context.close()
    assert watch.console == [] and watch.foreign == []
