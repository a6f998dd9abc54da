"""Quality gates in the browser: every page at three widths and 200 % zoom,
forced colours, reduced motion, and print (media emulation and a real PDF)."""

from __future__ import annotations

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from goal_pyramid import load_catalogue
from tests.browser.components import LAYERS, STATEMENTS, card, layer
from tests.browser.test_site import WCAG, open_everything
from tests.conftest import PAGES, ROOT

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


# --- Cases (the scenario component): every case page, in each of its states -----------------

CASE_PAGES = [f"cases/{case_id}/" for case_id in sorted(load_catalogue(ROOT / "quiz_data").sets["scenario"])]
CASE_STATES = ("drag board visible", "a voice checked right and one wrong", "the pick checked",
               "facilitator mode on")


def case_states(page):
    """Put a case page in each of its states in turn, yielding each state's name. The answers are read
    from the page (data-gp-correct), so this holds for any case."""
    root = page.locator("[data-gp-module=scenario][data-gp-mounted]")
    expect(root.locator(".gp-board")).to_be_visible()
    yield CASE_STATES[0]
    voices = root.locator("li.gp-voice")
    for index, right in ((0, True), (1, False)):
        item = voices.nth(index)
        correct = item.get_attribute("data-gp-correct")
        values = item.locator("select option").evaluate_all("options => options.map(option => option.value)")
        item.locator("select").select_option(correct if right else next(v for v in values if v and v != correct))
        item.get_by_role("button", name="Check").click()
        expect(item.locator("[data-gp-feedback]")).to_be_visible()
    yield CASE_STATES[1]
    pick = root.locator(".gp-scenario__pick")
    pick.locator("input[type=radio]").first.check()
    pick.get_by_role("button", name="Check").click()
    expect(pick.locator("[data-gp-feedback]")).to_be_visible()
    yield CASE_STATES[2]
    root.get_by_role("button", name="Facilitator mode: show answers").click()
    expect(root.locator("details:not([open])")).to_have_count(0)
    yield CASE_STATES[3]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", CASE_PAGES)
def test_a_case_passes_axe_in_every_state(browser, base_url, path, scheme, watch):
    context = browser.new_context(color_scheme=scheme, base_url=base_url)
    page = watch.attach(context.new_page())
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    options = {"runOnly": {"type": "tag", "values": [*WCAG, "best-practice"]}, "resultTypes": ["violations"]}
    seen = []
    for state in case_states(page):
        # Material's header swaps in the page title as it scrolls: measure contrast once it has faded in.
        page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
        results = Axe().run(page, options=options)
        assert results.violations_count == 0, f"{state}:\n{results.generate_report()}"
        seen.append(state)
    assert seen == list(CASE_STATES)
    context.close()


@pytest.mark.parametrize("size", [(320, 800, 1), (640, 400, 2)], ids=["320 px", "200 % zoom"])
@pytest.mark.parametrize("path", CASE_PAGES)
def test_a_case_fits_320_px_and_200_percent_zoom_in_every_state(browser, base_url, watch, path, size):
    width, height, scale = size
    context, page = new_page(browser, base_url, watch, viewport={"width": width, "height": height},
                             device_scale_factor=scale)
    page.goto(path)
    for state in case_states(page):
        assert page.evaluate("document.documentElement.scrollWidth") <= width, state
        assert page.evaluate(CUT_OFF) == [], state
    context.close()


@pytest.mark.parametrize("path", CASE_PAGES)
def test_a_printed_case_holds_no_screen_control_and_its_key_on_a_page_of_its_own(page, path):
    page.goto(path)
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    key_from = next(n for n, text in enumerate(pages) if "Answer key — for the facilitator" in text)
    assert key_from >= 1
    for chrome in ("Check", "Try again", "Facilitator mode", "Print for a classroom", "Show where it belongs",
                   "Skip to content", "Type to start searching"):
        assert chrome not in " ".join(pages), chrome
