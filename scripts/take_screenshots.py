#!/usr/bin/env python3
"""Build the site, serve it on a free port and photograph the components for the README.

    python scripts/take_screenshots.py   (or: make screenshots)

Writes readme/pyramid.png and readme/card.png.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "readme"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
        pass


def main() -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as site_dir:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site_dir))
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GOAL_PYRAMID_SITE_URL=address)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            chromium = shutil.which("chromium")
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-background-networking"]
            ) if chromium else playwright.chromium.launch()
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
        server.shutdown()
    print(f"wrote {OUT / 'pyramid.png'} and {OUT / 'card.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
