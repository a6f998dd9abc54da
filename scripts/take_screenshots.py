#!/usr/bin/env python3
"""Build the site, serve it on a free port and photograph the components for the README.

    python scripts/take_screenshots.py   (or: make screenshots)

Writes readme/pyramid.png and readme/card.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import chromium  # noqa: E402 (after the path is set)
from scripts.site_server import built_site  # noqa: E402

OUT = ROOT / "readme"


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
            page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
            page.locator(".gp-pyramid").screenshot(path=str(OUT / "pyramid.png"))

            page.goto(address + "examples/")
            page.locator("#migrate-to-streaming summary").click()
            page.evaluate("document.activeElement.blur()")
            page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
            box = page.locator(".gp-cards__list > li").nth(0).bounding_box()
            second = page.locator(".gp-cards__list > li").nth(1).bounding_box()
            page.screenshot(path=str(OUT / "card.png"), clip={
                "x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16,
                "height": second["y"] + second["height"] - box["y"] + 16,
            })
            browser.close()
    print(f"wrote {OUT / 'pyramid.png'} and {OUT / 'card.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
