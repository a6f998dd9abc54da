"""The registry (src/goal_pyramid/components/) is the one list of components; what cannot read it is held to it."""

from __future__ import annotations

import re

import pytest
import yaml

from goal_pyramid.components import BY_NAME, COMPONENTS, KINDS, WITH_DATA
from goal_pyramid.loader import Catalogue
from tests.conftest import ROOT


class _Tagged(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python/name tags, read as plain values."""


_Tagged.add_multi_constructor("!", lambda loader, suffix, node: None)
_Tagged.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)


def superfences(config: str) -> list[dict]:
    extensions = yaml.load((ROOT / config).read_text(encoding="utf-8"), Loader=_Tagged)["markdown_extensions"]
    entry = next(e for e in extensions if isinstance(e, dict) and "pymdownx.superfences" in e)
    return entry["pymdownx.superfences"]["custom_fences"]


@pytest.mark.parametrize("config", ["mkdocs.yml"])
def test_mkdocs_yml_lists_every_components_fence_and_no_other(config):
    fences = superfences(config)
    assert [fence["name"] for fence in fences] == [component.fence for component in COMPONENTS]
    assert {fence["class"] for fence in fences} == {component.fence for component in COMPONENTS}
    assert {fence["format"] for fence in fences} == {"name:goal_pyramid.fences.format_component"}


def test_the_page_template_loads_the_assets_of_every_component_and_no_other():
    main = (ROOT / "overrides/main.html").read_text(encoding="utf-8")
    listed = re.findall(r'\(\["(\w+)"\] if \'data-gp-module="(\w+)"\' in gp_content', main)
    assert listed == [(component.name, component.name) for component in COMPONENTS]


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda component: component.name)
def test_each_component_has_its_asset_folder(component):
    folder = ROOT / "overrides" / "components" / component.name
    for asset in (component.template, component.file(".js"), component.file(".css")):
        assert (ROOT / "overrides" / "components" / asset).is_file(), asset
    template = (folder / f"{component.name}.html").read_text(encoding="utf-8")
    assert f'data-gp-module="{component.name}"' in template
    script = (folder / f"{component.name}.js").read_text(encoding="utf-8")
    assert f".{component.name} = " in script or f'["{component.name}"]' in script, "it registers under its name"


def test_the_data_kinds_and_catalogue_come_from_the_registry():
    assert tuple(name for name, component in BY_NAME.items() if component.model is not None) == KINDS
    assert set(Catalogue().sets) == set(WITH_DATA)
    for kind, component in WITH_DATA.items():
        assert component.model.model_fields["kind"].annotation.__args__ == (kind,)
        assert component.items in component.model.model_fields


def test_tests_and_the_benchmark_do_not_import_scripts():
    """What scripts and tests share lives in the package (goal_pyramid.tools); scripts/ only has entry points."""
    import re

    found = [f"{path.relative_to(ROOT)}:{number}"
             for folder in ("tests", "bench") for path in (ROOT / folder).rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.match(r"\s*(from scripts\b|import scripts\b)", line)]
    assert found == []


def test_the_scripts_partial_loads_each_components_other_scripts_first():
    """Component.scripts (the files NAME.js needs) is listed in overrides/partials/gp-scripts.html, which
    cannot import the registry; each file exists in the component's folder."""
    partial = (ROOT / "overrides/partials/gp-scripts.html").read_text(encoding="utf-8")
    listed = yaml.safe_load(re.search(r"{% set gp_scripts_before = ({.*?}) %}", partial).group(1))
    assert listed == {component.name: list(component.scripts) for component in COMPONENTS if component.scripts}
    for component in COMPONENTS:
        for file in component.scripts:
            assert (ROOT / "overrides" / "components" / component.name / file).is_file(), file
    assert partial.index("gp_scripts_before[name]") < partial.index("name ~ '/' ~ name ~ '.js'")


def test_a_components_own_merge_joins_its_additions():
    """A component whose additions join their own way (the workbench's extra terms) says how in the registry."""
    for component in COMPONENTS:
        if component.merge is not None:
            assert component.model is not None and "adds_to" in component.model.model_fields
