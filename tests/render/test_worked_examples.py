"""Each component's worked examples (overrides/components/NAME/README.md, its ```yaml blocks) drawn and checked.

An example is the data a page feeds the component (`marker`: what the page
writes in the fence; `data`: a data file, validated beside the site's
pyramid.yml) and what the HTML then shows (`shows`: CSS selector -> text it
contains, "" for only that it is there). The READMEs are not copied into the
built site (MkDocs skips *readme* files of a theme; tests/builds checks it).
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from goal_pyramid.components import COMPONENTS
from tests.conftest import ROOT
from tests.render.test_components import convert

FENCE = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def worked_examples():
    for component in COMPONENTS:
        readme = ROOT / "overrides" / "components" / component.name / "README.md"
        for block in FENCE.findall(readme.read_text(encoding="utf-8") if readme.is_file() else ""):
            example = yaml.safe_load(block)
            yield pytest.param(component, example, id=f"{component.name}: {example['example']}")


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda component: component.name)
def test_every_component_has_worked_examples(component):
    readme = ROOT / "overrides" / "components" / component.name / "README.md"
    assert readme.is_file(), f"{component.name} documents its parameters in {readme.relative_to(ROOT)}"
    assert FENCE.findall(readme.read_text(encoding="utf-8")), "with at least one ```yaml example"


@pytest.mark.parametrize(("component", "example"), list(worked_examples()))
def test_a_worked_example_shows_what_it_says(component, example, tmp_path):
    shutil.copy(ROOT / "quiz_data" / "pyramid.yml", tmp_path / "pyramid.yml")
    if example.get("data_file"):  # a data file of the site's, e.g. the workbench's rules
        shutil.copy(ROOT / example["data_file"], tmp_path / "site-data.yml")
    if example.get("data"):
        name = "pyramid.yml" if example["data"]["kind"] == "pyramid" else "example.yml"
        (tmp_path / name).write_text(yaml.safe_dump(example["data"], allow_unicode=True), encoding="utf-8")
    marker = str(example.get("marker") or "").strip()
    html = convert(f"```{component.fence}\n{marker}\n```\n", tmp_path)
    assert html.select(f'[data-gp-module="{component.name}"]'), "the component is drawn"
    for selector, text in example["shows"].items():
        found = html.select(selector)
        assert found, f"nothing matches {selector}"
        assert any(text in " ".join(element.get_text().split()) for element in found), f"{selector} shows {text!r}"
