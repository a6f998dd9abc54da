"""Copy link: a card's or a layer's address, by the Clipboard API or a selectable fallback."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.components import card, layer


@pytest.fixture
def clipboard_page(browser, base_url, watch):
    """A page allowed to write and read the clipboard, as after the reader's permission."""
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    yield watch.attach(context.new_page())
    context.close()


def test_copy_link_to_a_card_writes_its_deep_link(clipboard_page, base_url):
    page = clipboard_page
    page.goto("examples/?from=wiki")
    target = card(page, "Reduce data pipeline latency")
    target.locator("summary").click()
    target.get_by_role("button", name="Copy link to this card").click()
    expect(target.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "examples/#reduce-latency"
    expect(target.get_by_role("textbox")).to_be_hidden()


def test_copy_link_to_a_layer(clipboard_page, base_url):
    page = clipboard_page
    page.goto("pyramid/")
    task = layer(page, "Task")
    task.locator("summary").click()
    task.get_by_role("button", name="Copy link to the Task layer").click()
    expect(task.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "pyramid/#task"


def test_when_copying_is_refused_the_link_is_selected_in_a_field(browser, base_url, watch):
    context = browser.new_context(base_url=base_url)
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));"
    )
    page = watch.attach(context.new_page())
    page.goto("examples/")
    target = card(page, "Migrate to a streaming platform")
    target.locator("summary").click()
    target.get_by_role("button", name="Copy link to this card").click()
    field = target.get_by_role("textbox", name="Link:")
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    expect(field).to_have_value(base_url + "examples/#migrate-to-streaming")
    assert page.evaluate("[document.activeElement.selectionStart, document.activeElement.selectionEnd]") == [
        0, len(base_url + "examples/#migrate-to-streaming")]
    expect(target.get_by_role("status")).to_contain_text("Copying was refused")
    context.close()


def test_a_copied_link_opens_its_card_for_the_colleague(page):
    page.goto("examples/#security-requirements")
    expect(card(page, "Ensure the platform meets enterprise security standards")).to_have_js_property("open", True)
