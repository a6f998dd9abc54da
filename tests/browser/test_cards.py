"""The six example cards: every way of revealing a verdict, and the facilitator's buttons."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.components import STATEMENTS, card, verdict


@pytest.fixture
def examples(page):
    page.goto("examples/")
    return page


def test_verdict_is_hidden_until_the_reader_asks(examples):
    for card_id in STATEMENTS:
        expect(verdict(examples, card_id)).to_be_hidden()


def test_click_reveals_and_hides(examples):
    migrate = card(examples, "Migrate to a streaming platform")
    expect(migrate).to_have_js_property("open", False)
    migrate.locator("summary").click()
    expect(migrate).to_have_js_property("open", True)
    expect(verdict(examples, "migrate-to-streaming")).to_be_visible()
    expect(migrate.get_by_text("Needs work")).to_be_visible()
    expect(migrate.get_by_text("Hide verdict")).to_be_visible()
    migrate.locator("summary").click()
    expect(migrate).to_have_js_property("open", False)
    expect(verdict(examples, "migrate-to-streaming")).to_be_hidden()


def test_enter_and_space_reveal(examples):
    examples.keyboard.press("Tab")  # skip link first: find the card by tabbing to it instead
    latency = card(examples, "Reduce data pipeline latency")
    latency.locator("summary").focus()
    examples.keyboard.press("Enter")
    expect(latency).to_have_js_property("open", True)
    expect(verdict(examples, "reduce-latency")).to_be_visible()

    good = card(examples, "Ensure models run on data under one hour old")
    good.locator("summary").focus()
    examples.keyboard.press("Space")
    expect(good).to_have_js_property("open", True)
    expect(verdict(examples, "fresh-data-operational")).to_be_visible()
    expect(good.get_by_text("Good goal")).to_be_visible()
    examples.keyboard.press("Space")
    expect(good).to_have_js_property("open", False)


def test_tab_order_reaches_every_card(examples):
    examples.get_by_role("button", name="Guess first").focus()
    for _card_id, (statement, _) in STATEMENTS.items():
        examples.keyboard.press("Tab")
        expect(card(examples, statement).locator("summary")).to_be_focused()


def test_tap_reveals_on_a_touch_phone(playwright, browser, base_url, watch):
    phone = browser.new_context(**playwright.devices["Pixel 7"], base_url=base_url)
    page = watch.attach(phone.new_page())
    page.goto("examples/")
    learning = card(page, "Validate whether sub-minute data freshness")
    learning.locator("summary").tap()
    expect(learning).to_have_js_property("open", True)
    expect(verdict(page, "validate-freshness-pilot")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    phone.close()


def test_reveal_all_and_hide_all(examples):
    reveal = examples.get_by_role("button", name="Reveal all")
    hide = examples.get_by_role("button", name="Hide all")
    expect(reveal).to_be_visible()
    reveal.click()
    for card_id in STATEMENTS:
        expect(verdict(examples, card_id)).to_be_visible()
    expect(examples.get_by_role("status").filter(has_text="verdicts")).to_have_text(
        "All 6 verdicts are showing."
    )
    hide.click()
    for card_id in STATEMENTS:
        expect(verdict(examples, card_id)).to_be_hidden()
    expect(examples.get_by_role("status").filter(has_text="verdicts")).to_have_text("All verdicts are hidden.")


def test_deep_link_opens_scrolls_to_and_focuses_its_card(page):
    page.goto("examples/#security-requirements")
    target = card(page, "Ensure the platform meets enterprise security standards")
    expect(target).to_have_js_property("open", True)
    expect(verdict(page, "security-requirements")).to_be_in_viewport()
    expect(target.locator("summary")).to_be_focused()
    # Other cards stay closed.
    expect(card(page, "Migrate to a streaming platform")).to_have_js_property("open", False)


def test_changing_the_hash_opens_the_new_target(examples):
    examples.evaluate("location.hash = '#latency-for-analysts'")
    expect(card(examples, "Reduce pipeline latency so analysts")).to_have_js_property("open", True)


def test_print_shows_every_verdict_without_the_buttons(examples):
    examples.emulate_media(media="print")
    for card_id in STATEMENTS:
        expect(verdict(examples, card_id)).to_be_visible()
    expect(examples.get_by_role("button", name="Reveal all")).to_be_hidden()
    expect(examples.get_by_text("Show verdict").first).to_be_hidden()
    assert examples.locator(".md-sidebar--primary").is_hidden()


def test_reduced_motion_turns_off_the_reveal_animation(page):
    page.emulate_media(reduced_motion="reduce")
    page.goto("examples/")
    migrate = card(page, "Migrate to a streaming platform")
    migrate.locator("summary").click()
    answer = migrate.locator(".gp-card__answer")
    expect(answer).to_have_css("animation-name", "none")
    page.emulate_media(reduced_motion="no-preference")
    expect(answer).to_have_css("animation-name", re.compile("gp-card-reveal"))


def test_plain_tap_to_reveal_is_the_default(examples):
    expect(examples.get_by_role("button", name="Guess first")).to_have_attribute("aria-pressed", "false")
    expect(examples.get_by_role("button", name="Needs work")).to_have_count(0)


def test_guess_first_mode_reveals_after_a_guess_and_says_if_it_was_right(examples):
    examples.get_by_role("button", name="Guess first").click()
    expect(examples.get_by_role("button", name="Guess first")).to_have_attribute("aria-pressed", "true")

    migrate = examples.get_by_role("group", name="Your guess for “Migrate to a streaming platform”")
    expect(verdict(examples, "migrate-to-streaming")).to_be_hidden()
    migrate.get_by_role("button", name="Needs work").click()
    expect(verdict(examples, "migrate-to-streaming")).to_be_visible()
    right = examples.locator('[data-gp-guess-result="right"]').first
    expect(right).to_be_visible()
    expect(right).to_contain_text("✓ You guessed right.")
    expect(right).to_be_focused()
    expect(examples.get_by_role("status").filter(has_text="guessed")).to_contain_text("You guessed right.")

    good = examples.get_by_role("group", name="Your guess for “Ensure models run on data under one hour old")
    good.get_by_role("button", name="Needs work").click()
    expect(verdict(examples, "fresh-data-operational")).to_be_visible()
    expect(examples.locator('[data-gp-guess-result="wrong"]').nth(3)).to_contain_text("✗ Not this time.")
    expect(examples.locator('[data-gp-guess-result="wrong"]').nth(3)).to_be_visible()

    # Leaving and re-entering the mode starts afresh, with every card closed.
    examples.get_by_role("button", name="Guess first").click()
    examples.get_by_role("button", name="Guess first").click()
    expect(examples.locator("[data-gp-module] details[open]")).to_have_count(0)
    expect(right).to_be_hidden()


def test_a_shared_piece_that_cannot_load_holds_the_cards_up_no_longer_than_the_page_load(page, watch):
    """Core waits for the page's pieces (core.js); one blocked (print.js here) must not keep the cards plain."""
    page.route("**/components/print/print.js", lambda route: route.abort())
    page.goto("examples/")
    page.get_by_role("button", name="Reveal all").click()
    expect(card(page, "Migrate to a streaming platform")).to_have_js_property("open", True)
    watch.console.clear()  # the browser reports the blocked script, on purpose here
