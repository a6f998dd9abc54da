"""The built site carries the components' scripts and styles minified, and they still parse."""

from __future__ import annotations

import shutil
import subprocess

from goal_pyramid.tools.minify import minify_components
from tests.conftest import ROOT


def test_every_component_file_is_minified_smaller_and_still_parses(tmp_path):
    shutil.copytree(ROOT / "overrides" / "components", tmp_path / "components")
    sizes = minify_components(tmp_path)
    scripts = [path for path in sizes if path.endswith(".js")]
    assert scripts and any(path.endswith(".css") for path in sizes)
    for path, (before, after) in sizes.items():
        assert after < before, f"{path} did not shrink"
        text = (tmp_path / path).read_text(encoding="utf-8")
        assert "/*" not in text.replace("*/", ""), f"{path} still has a comment"
    for path in scripts:
        checked = subprocess.run(["node", "--check", str(tmp_path / path)], capture_output=True, text=True)
        assert checked.returncode == 0, f"{path} no longer parses: {checked.stderr}"
    # Templates and READMEs are not the browser's: they stay as written.
    template = "quiz/quiz.html"
    assert (tmp_path / "components" / template).read_text() == (ROOT / "overrides/components" / template).read_text()


def test_the_built_site_serves_them_minified(served_site):
    served = (served_site.directory / "components/quiz/quiz.js").read_text(encoding="utf-8")
    source = (ROOT / "overrides/components/quiz/quiz.js").read_text(encoding="utf-8")
    assert len(served) < len(source) * 0.8
    assert "Practice sets: pick an answer" not in served
