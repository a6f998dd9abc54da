#!/usr/bin/env python3
"""Build the site, serve it on a free port and photograph the components for the README.

    python scripts/take_screenshots.py   (or: make screenshots)

Writes readme/pyramid.png, readme/card.png and readme/embed.png (a practice
set embedded in a made-up wiki page, as the "Embed in a wiki" snippet puts it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from goal_pyramid.tools import chromium  # noqa: E402 (after the path is set)
from goal_pyramid.tools.site_server import built_site  # noqa: E402

OUT = ROOT / "readme"

# Wait for running animations to end (at most 2 s: a cancelled one may never settle).
SETTLE = """Promise.race([
  Promise.allSettled(document.getAnimations().map(a => a.finished)),
  new Promise(done => setTimeout(done, 2000)),
])"""

# A plain stand-in for a wiki page around the embed.
WIKI = """<!doctype html><html lang="en"><title>Team wiki</title>
<body style="margin:0;font:15px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#172b4d">
<div style="background:#0747a6;color:#fff;padding:10px 24px;font-weight:600">Team wiki</div>
<div style="padding:16px 24px"><h1 style="font-size:22px;margin:0 0 4px">Onboarding: week 1</h1>
<p style="margin:0 0 12px">Try these before Thursday's session.</p>
<iframe src="{embed}" title="Goal or decision? Practice" width="100%" height="600"
 allow="clipboard-write" style="border:1px solid #dfe1e6;background:#fff"></iframe></div></body></html>"""


def main() -> int:
    OUT.mkdir(exist_ok=True)
    with built_site(ROOT) as site:
        address = site.url
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium.launch_options())
            page = browser.new_page(viewport={"width": 900, "height": 2400}, device_scale_factor=1)
            page.goto(address + "pyramid/")
            page.locator("#operational-goal").evaluate("el => el.open = true")
            page.evaluate("document.activeElement.blur()")
            page.evaluate(SETTLE)
            page.locator(".gp-pyramid").screenshot(path=str(OUT / "pyramid.png"))

            page.goto(address + "examples/")
            page.locator("#migrate-to-streaming summary").click()
            page.evaluate("document.activeElement.blur()")
            page.evaluate(SETTLE)
            box = page.locator(".gp-cards__list > li").nth(0).bounding_box()
            second = page.locator(".gp-cards__list > li").nth(1).bounding_box()
            page.screenshot(path=str(OUT / "card.png"), clip={
                "x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16,
                "height": second["y"] + second["height"] - box["y"] + 16,
            })
            page.set_viewport_size({"width": 900, "height": 760})
            page.set_content(WIKI.replace("{embed}", address + "embed/goal-or-decision/"))
            frame = page.frame_locator("iframe")
            frame.get_by_role("radio", name="A decision").first.check()
            frame.get_by_role("button", name="Check").first.click()
            page.evaluate("document.activeElement.blur()")
            page.frames[1].evaluate(SETTLE)
            page.frames[1].evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(OUT / "embed.png"))
            browser.close()
    print(f"wrote {OUT / 'pyramid.png'}, {OUT / 'card.png'} and {OUT / 'embed.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
