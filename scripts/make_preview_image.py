#!/usr/bin/env python3
"""Draw the link-preview image (1200 x 630) that chat and wiki unfurls show.

    python scripts/make_preview_image.py   (or: make preview-image)

Renders the design below in the local Chromium, with system fonts only (no web
fonts, no network), to overrides/assets/images/preview.png, which the build
copies to assets/images/preview.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from goal_pyramid.tools import chromium  # noqa: E402 (after the path is set)

OUT = ROOT / "overrides" / "assets" / "images" / "preview.png"

LAYERS = ["Company strategy", "Business goal", "Operational goal", "Technical goal",
          "Initiative", "Delivery increment", "Task"]

DESIGN = """<!doctype html><html><head><meta charset="utf-8"><style>
  body {{ margin: 0; width: 1200px; height: 630px; display: flex; align-items: center;
         font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; background: #283593; color: #fff; }}
  .text {{ width: 520px; padding: 0 40px 0 70px; }}
  h1 {{ font-size: 64px; margin: 0 0 24px; line-height: 1.05; }}
  p {{ font-size: 28px; line-height: 1.35; margin: 0; color: #e8eaf6; }}
  ol {{ list-style: none; margin: 0 60px 0 0; padding: 0; width: 520px; }}
  li {{ margin: 0 auto 8px; padding: 10px 0; text-align: center; font-size: 24px; font-weight: 700;
        border-radius: 6px; background: #c5cae9; color: #1a237e; }}
  li.sweet {{ background: #fff; outline: 5px solid #ffca28; }}
  li.exec {{ background: #e0e0e0; color: #263238; }}
  .rule {{ border-top: 3px dashed #c5cae9; margin: 6px 0 14px; }}
</style></head><body>
  <div class="text"><h1>Goal Pyramid</h1>
  <p>Set a project goal that survives a change of technology.</p></div>
  <ol>{items}</ol>
</body></html>"""


def main() -> int:
    items = []
    for index, name in enumerate(LAYERS):
        width = 52 + index * 8  # narrow top, wide base
        kind = " sweet" if name == "Operational goal" else (" exec" if index >= 4 else "")
        if index == 4:
            items.append('<div class="rule"></div>')
        items.append(f'<li class="{kind.strip()}" style="width:{width}%">{name}</li>')
    html = DESIGN.format(items="".join(items))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(html)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
