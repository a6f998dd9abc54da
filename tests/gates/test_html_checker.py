"""Gate: every built page passes the Nu HTML Checker (errors only).

The one filter below is for markup Material emits from base.html outside any
block, which overrides/ cannot change. Our own markup gets no filter.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's base.html: <input class="md-toggle" type="checkbox" autocomplete="off"> for the
# drawer and search toggles (autocomplete="off" stops Firefox restoring their state).
# It sits outside every block of base.html, so overrides/ cannot change it.
MATERIAL_TOGGLE_AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is",
    'class="md-toggle"',
)


def is_materials_own(message: dict) -> bool:
    text, extract = MATERIAL_TOGGLE_AUTOCOMPLETE
    return message["message"].startswith(text) and extract in message.get("extract", "")


def check(path: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker: run `make test`, which installs it"
    assert VNU.is_file(), "vnu.jar is missing: run `make test`, which runs npm install"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(path)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    return json.loads(result.stderr)["messages"]


@pytest.fixture(scope="module")
def site_messages(served_site) -> list[dict]:
    return check(served_site.directory)


def test_every_page_is_valid_html(site_messages, served_site):
    pages = sorted(served_site.directory.rglob("*.html"))
    assert len(pages) >= 7
    errors = [m for m in site_messages if not is_materials_own(m)]
    report = "\n".join(f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors)
    assert errors == [], report


def test_the_filter_only_covers_materials_toggles(site_messages):
    filtered = [m for m in site_messages if is_materials_own(m)]
    assert all("data-md-toggle" in m["extract"] for m in filtered)


def test_the_checker_catches_our_kind_of_mistake(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<details id="a"><summary>One</summary></details><div id="a"></div>'
        '<button type="button" data-gp-action>x</button><p><div>block in p</div></p></body></html>',
        encoding="utf-8",
    )
    messages = check(page)
    assert any("Duplicate ID" in m["message"] for m in messages)
    assert not any(is_materials_own(m) for m in messages)
