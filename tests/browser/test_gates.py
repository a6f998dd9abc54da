"""Quality gates in the browser: every page at three widths and 200 % zoom,
forced colours, reduced motion, and print (media emulation and a real PDF)."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.components import LAYERS, STATEMENTS, card, layer
from tests.browser.test_site import open_everything
from tests.conftest import PAGES

# Elements that hide overflowing content while being on screen: text a reader cannot reach.
CUT_OFF = """() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    // Not shown at all: display none, visibility hidden or collapse (Material's folded nav sections).
    if (style.display === 'none' || style.visibility !== 'visible' || el.closest('.gp-visually-hidden')) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2) continue;
    if (box.right <= 0 || box.left >= innerWidth) continue;  // off-canvas, like Material's closed drawer
    const clipsX = ['hidden', 'clip'].includes(style.overflowX);
    const clipsY = ['hidden', 'clip'].includes(style.overflowY);
    if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
      found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 50)}`);
    }
  }
  return found;
}"""


def new_page(browser, base_url, watch, **context_args):
    context = browser.new_context(base_url=base_url, **context_args)
    return context, watch.attach(context.new_page())


@pytest.mark.parametrize("width", [320, 768, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling(browser, base_url, watch, path, width):
    context, page = new_page(browser, base_url, watch, viewport={"width": width, "height": 800})
    page.goto(path)
    if page.locator("[data-gp-module]").count():
        open_everything(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(CUT_OFF) == []
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_nothing_cut_off_at_200_percent_zoom(browser, base_url, watch, path):
    """A 1280 x 800 window at 200 % zoom lays out like a 640 x 400 one (WCAG 1.4.10 reflow)."""
    context, page = new_page(browser, base_url, watch, viewport={"width": 640, "height": 400},
                             device_scale_factor=2)
    page.goto(path)
    if page.locator("[data-gp-module]").count():
        open_everything(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    assert page.evaluate(CUT_OFF) == []
    context.close()


def test_forced_colours_keep_controls_and_marks_visible(browser, base_url, watch):
    context, page = new_page(browser, base_url, watch, forced_colors="active")
    for path in ("examples/", "pyramid/"):
        page.goto(path)
        open_everything(page)
        controls = page.locator("[data-gp-module] summary:visible, [data-gp-module] button:visible")
        assert controls.count() >= 8
        for index in range(controls.count()):
            control = controls.nth(index)
            expect(control).to_be_visible()
            # A control shows its edge itself (layers, buttons) or through its card's frame.
            edges = control.evaluate(
                """el => [el, el.closest('details')].filter(Boolean).map(box => {
                       const s = getComputedStyle(box);
                       return s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0; })"""
            )
            assert any(edges), f"{path}: control {index} has no visible edge in forced colours"
    page.goto("examples/")
    open_everything(page)
    expect(page.get_by_text("✓ Good goal")).to_have_count(3)
    expect(page.get_by_text("✗ Needs work")).to_have_count(3)
    for mark in page.locator(".gp-card__verdict .gp-mark").all():
        assert mark.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
    context.close()


def test_reduced_motion_turns_off_our_animations(browser, base_url, watch):
    context, page = new_page(browser, base_url, watch, reduced_motion="reduce")
    page.goto("examples/")
    open_everything(page)
    assert page.evaluate("document.getAnimations().length") == 0
    for selector in (".gp-card__summary", ):
        assert page.locator(selector).first.evaluate(
            "el => getComputedStyle(el, '::after').transitionDuration") == "0s"
    page.goto("pyramid/")
    open_everything(page)
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.locator(".gp-layer__summary").first.evaluate(
        "el => getComputedStyle(el, '::after').transitionDuration") == "0s"
    context.close()


def test_print_media_shows_answers_and_hides_chrome(page):
    page.goto("examples/")
    page.emulate_media(media="print")
    for statement, label in STATEMENTS.values():
        expect(card(page, statement).get_by_text(label, exact=True)).to_be_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-gp-toolbar]"):
        expect(page.locator(hidden).first).to_be_hidden()
    page.goto("pyramid/")
    page.emulate_media(media="print")
    for name in LAYERS:
        expect(layer(page, name).get_by_text("Focus:")).to_be_visible()


def pdf_text(page) -> str:
    pdf = page.pdf(format="A4", print_background=False)
    return " ".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(pdf)).pages)


def test_printed_pdf_holds_every_verdict_and_explanation(page):
    page.goto("examples/")
    text = re.sub(r"\s+", " ", pdf_text(page))
    for _statement, label in STATEMENTS.values():
        assert label in text
    for snippet in ("This statement sits at the", "Needs work", "Good goal"):
        assert snippet in text
    for chrome in ("Skip to content", "Reveal all", "Show verdict", "Hide verdict", "Type to start searching"):
        assert chrome not in text, chrome
    # Printing leaves the cards as the reader had them on screen.
    expect(page.locator("[data-gp-module] details[open]")).to_have_count(0)


def test_printed_pyramid_pdf_holds_every_layer(page):
    page.goto("pyramid/")
    text = re.sub(r"\s+", " ", pdf_text(page))
    for name in LAYERS:
        assert name in text
    assert text.count("Focus:") == len(LAYERS)
    assert "Open all layers" not in text
