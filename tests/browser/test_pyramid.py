"""The goal pyramid: open a layer, step up ("why?") and down ("how?"), link to a layer."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.components import LAYERS, layer


def test_every_layer_opens_to_its_details(page):
    page.goto("pyramid/")
    for name in LAYERS:
        group = layer(page, name)
        expect(group.get_by_text("Focus:")).to_be_hidden()
        group.locator("summary").click()
        expect(group).to_have_js_property("open", True)
        expect(group.get_by_text("Focus:")).to_be_visible()
        quoted = name in ("Operational goal", "Technical goal")  # the article's own examples
        caption = group.locator(".gp-layer__example figcaption")
        expect(caption).to_be_visible()
        expect(caption).to_have_text("Example from the source article" if quoted else "Example")


def test_sweet_spot_is_marked_in_words(page):
    page.goto("pyramid/")
    expect(layer(page, "Operational goal").get_by_text("Sweet spot for a project goal")).to_be_visible()
    expect(page.get_by_text("Sweet spot for a project goal")).to_have_count(1)


def test_goal_and_execution_layers_are_labelled_apart(page):
    page.goto("pyramid/")
    expect(page.locator(".gp-pyramid__group-label").filter(has_text="Execution layer")).to_be_visible()


def test_step_down_and_up_moves_focus_to_the_neighbour(page):
    page.goto("pyramid/")
    operational = layer(page, "Operational goal")
    operational.locator("summary").click()
    operational.get_by_role("link", name="How? Down to Technical goal").click()
    technical = layer(page, "Technical goal")
    expect(technical).to_have_js_property("open", True)
    expect(technical.locator("summary")).to_be_focused()
    expect(page).to_have_url(page.url.split("#")[0].rstrip("/") + "/#technical-goal")

    page.keyboard.press("Tab")  # into the technical goal's body... then follow "Why?" by keyboard
    technical.get_by_role("link", name="Why? Up to Operational goal").focus()
    page.keyboard.press("Enter")
    expect(operational.locator("summary")).to_be_focused()
    expect(page).to_have_url(page.url.split("#")[0] + "#operational-goal")


def test_deep_link_opens_a_layer(page):
    page.goto("pyramid/#delivery-increment")
    increment = layer(page, "Delivery increment")
    expect(increment).to_have_js_property("open", True)
    expect(increment.locator("summary")).to_be_focused()
    expect(increment.get_by_text("Focus:")).to_be_in_viewport()


def test_open_all_layers(page):
    page.goto("pyramid/")
    page.get_by_role("button", name="Open all layers").click()
    for name in LAYERS:
        expect(layer(page, name)).to_have_js_property("open", True)
    page.get_by_role("button", name="Close all layers").click()
    for name in LAYERS:
        expect(layer(page, name)).to_have_js_property("open", False)
