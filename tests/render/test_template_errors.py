"""A component's template that fails stops the build, naming the template (superfences would
swallow any other error and leave the fence on the page as a code block)."""

from __future__ import annotations

import shutil

import markdown
import pytest

from goal_pyramid.components import COMPONENTS
from goal_pyramid.errors import MarkerError
from goal_pyramid.fences import format_component
from tests.conftest import ROOT


def convert(text: str, templates_dir) -> str:
    return markdown.markdown(text, extensions=["goal_pyramid", "pymdownx.superfences"], extension_configs={
        "goal_pyramid": {"data_dir": str(ROOT / "quiz_data"), "templates_dir": str(templates_dir)},
        "pymdownx.superfences": {"custom_fences": [
            {"name": component.fence, "class": component.fence, "format": format_component}
            for component in COMPONENTS]},
    })


@pytest.mark.parametrize("broken", ["{% for x in [*places] %}{% endfor %}", "{{ no_such_parameter }}"])
def test_a_template_that_fails_stops_the_build_and_names_the_template(tmp_path, broken):
    templates = tmp_path / "components"
    shutil.copytree(ROOT / "overrides" / "components", templates)
    template = templates / "review" / "review.html"
    template.write_text(template.read_text(encoding="utf-8") + broken + "\n", encoding="utf-8")
    with pytest.raises(MarkerError, match=r"review\.html.*the template of gp-review fails"):
        convert("```gp-review\n```\n", templates)


def test_the_real_templates_draw():
    assert 'data-gp-module="review"' in convert("```gp-review\n```\n", ROOT / "overrides" / "components")
