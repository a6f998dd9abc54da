"""The offline copy: `make offline`'s zip, unpacked and opened from the file system."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from goal_pyramid.tools import offline as make_offline
from tests.browser.components import card, layer, verdict
from tests.browser.conftest import PageWatch
from tests.browser.test_quiz import answer


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """The zip as a reader gets it, unpacked: returns the folder with index.html."""
    scratch = tmp_path_factory.mktemp("offline")
    archive = scratch / "goal-pyramid-offline.zip"
    assert make_offline.main([sys.argv[0], "--out", str(archive)]) == 0
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(scratch / "unpacked")
    return scratch / "unpacked" / make_offline.FOLDER


@pytest.fixture
def file_page(browser, offline_copy):
    context = browser.new_context()
    watch = PageWatch("file:///")  # anything with a host is another host
    page = watch.attach(context.new_page())
    yield page
    assert watch.console == [] and watch.foreign == []
    context.close()


def test_from_file_a_reader_walks_to_the_examples_and_reveals_a_card(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "index.html").as_uri())
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Spot a good goal").click()
    expect(page).to_have_url((offline_copy / "examples.html").as_uri())
    target = card(page, "Reduce data pipeline latency")
    target.locator("summary").click()
    expect(target).to_have_js_property("open", True)
    expect(verdict(page, "reduce-latency")).to_be_visible()


def test_from_file_a_deep_link_opens_its_card_and_the_pyramid_steps(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "examples.html").as_uri() + "#migrate-to-streaming")
    expect(card(page, "Migrate to a streaming platform")).to_have_js_property("open", True)
    page.goto((offline_copy / "pyramid.html").as_uri())
    layer(page, "Task").locator("summary").click()
    page.get_by_role("link", name="Why? Up to Delivery increment").click()
    expect(layer(page, "Delivery increment").locator("summary")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/pyramid\.html#delivery-increment$"))


def test_from_file_practice_keeps_progress_between_pages(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "practice/goal-or-decision.html").as_uri())
    item = answer(page, 0, right=True)
    expect(item.locator("[data-gp-feedback]")).to_be_focused()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    expect(page).to_have_url(re.compile(r"/practice/progress\.html$"))
    row = page.get_by_role("row", name=re.compile("Goal or decision"))
    expect(row.locator("[data-gp-right]")).to_have_text("1")


def test_from_file_a_layers_review_link_opens_review_for_that_layer(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "practice/progress.html").as_uri())
    page.get_by_role("link", name="Review Task items").click()
    expect(page).to_have_url(re.compile(r"/practice/review\.html\?layer=task$"))
    expect(page.get_by_text("Only items whose answer is Task")).to_be_visible()
    item = page.locator("[data-gp-review-items] > [data-gp-item]").first
    assert item.get_attribute("data-gp-layer") == "task"
    item.locator("input[type=radio]").first.check()
    item.get_by_role("button", name="Check").click()
    expect(item.locator("[data-gp-feedback]")).to_be_visible()


def test_from_file_search_finds_a_page(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "index.html").as_uri())
    page.get_by_role("search").get_by_role("textbox").fill("sweet spot")  # the search form's field
    hit = page.get_by_role("dialog", name="Search").get_by_role("link").first
    expect(hit).to_have_attribute("href", re.compile(r"^file:.*/pyramid\.html\?h=sweet\+spot"))
    hit.click()
    expect(page).to_have_url(re.compile(r"^file:.*/pyramid\.html"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("The goal pyramid")


def test_the_offline_check_catches_a_script_from_another_host(tmp_path):
    (tmp_path / "index.html").write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>'
                                         '<link rel="canonical" href="https://example.com/">'
                                         '<a href="https://example.com/">a link to read on</a>', encoding="utf-8")
    (tmp_path / "extra.css").write_text('a { background: url("https://cdn.example.com/x.png") }'
                                        ' b { background: url(data:image/png;base64,AAAA) }', encoding="utf-8")
    (tmp_path / "more.html").write_text('<img srcset="a.png 1x, https://cdn.example.com/b.png 2x">'
                                        '<img src="assets/c.png">', encoding="utf-8")
    found = sorted(make_offline.fetched_from_elsewhere(tmp_path))
    assert len(found) == 3, found
    assert "cdn.example.com/x.png" in found[0] and "unpkg.com" in found[1] and "b.png 2x" in found[2]


def test_from_file_a_case_sorts_a_voice_and_counts_it_on_your_progress(file_page, offline_copy):
    from tests.browser.test_scenario import CASE, sort

    page = file_page
    page.goto((offline_copy / "index.html").as_uri())
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name=CASE.title).click()
    expect(page).to_have_url((offline_copy / f"cases/{CASE.id}.html").as_uri())
    first = CASE.voices[0]
    item = sort(page, first, first.place)
    expect(item).to_have_attribute("data-gp-answered", "right")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Your progress").click()
    row = page.get_by_role("row", name=re.compile(re.escape(CASE.title)))
    expect(row.locator("[data-gp-right]")).to_have_text("1")
