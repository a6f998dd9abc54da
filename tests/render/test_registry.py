"""The registry (src/goal_pyramid/components/) is the one list of components; what cannot read it is held to it."""

from __future__ import annotations

import re

import pytest
import yaml

from goal_pyramid.components import BY_NAME, COMPONENTS, CORE, KINDS, PIECES, PIECES_BY_NAME, WITH_DATA
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


def _main_list(main: str, name: str) -> list[str]:
    found = re.search(r"{% set " + name + r" = \[([^\]]*)\] %}", main)
    assert found, f"overrides/main.html sets {name}"
    return re.findall(r'"([\w-]+)"', found.group(1))


def test_the_page_template_loads_the_pieces_its_components_use_in_the_registrys_order():
    """main.html's gp_pieces: one line per piece, loaded when a component that uses it is on the page."""
    main = (ROOT / "overrides/main.html").read_text(encoding="utf-8")
    lines = re.findall(r'\(\["([\w-]+)"\] if ((?:"\w+" in gp_modules(?: or )?)+) else \[\]\)', main)
    listed = [(piece, re.findall(r'"(\w+)" in gp_modules', condition)) for piece, condition in lines
              if piece in PIECES_BY_NAME]
    assert listed == [(piece.name, [c.name for c in COMPONENTS if piece.name in c.uses])
                      for piece in PIECES if any(piece.name in c.uses for c in COMPONENTS)]
    assert _main_list(main, "gp_piece_scripts") == [piece.name for piece in PIECES if piece.script]
    assert _main_list(main, "gp_piece_styles") == [piece.name for piece in PIECES if piece.style]
    scripts = (ROOT / "overrides/partials/gp-scripts.html").read_text(encoding="utf-8")
    styles = (ROOT / "overrides/partials/gp-styles.html").read_text(encoding="utf-8")
    # core first, then the pieces, then the components.
    assert scripts.index(CORE.file(".js")) < scripts.index("gp_pieces") < scripts.index("gp_modules")
    assert styles.index(CORE.file(".css")) < styles.index("gp_pieces") < styles.index("gp_modules")


@pytest.mark.parametrize("piece", (CORE, *PIECES), ids=lambda piece: piece.name)
def test_each_shared_piece_has_its_folder_and_only_the_files_it_declares(piece):
    folder = ROOT / "overrides" / "components" / piece.name
    assert (folder / f"{piece.name}.js").is_file() == piece.script
    assert (folder / f"{piece.name}.css").is_file() == piece.style
    if piece.script and piece is not CORE:
        script = (folder / f"{piece.name}.js").read_text(encoding="utf-8")
        assert f'pieces["{piece.name}"] = ' in script, "it registers under its name"


def test_every_piece_a_component_uses_exists_and_every_macro_import_is_declared():
    for component in COMPONENTS:
        assert set(component.uses) <= set(PIECES_BY_NAME), component.name
        template = (ROOT / "overrides" / "components" / component.template).read_text(encoding="utf-8")
        imported = set(re.findall(r'{% from "([\w-]+)/[\w-]+\.html" import', template))
        assert imported <= set(component.uses), f"{component.name} imports macros of {imported - set(component.uses)}"


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
    assert partial.index("gp_scripts_before[name]") < partial.rindex("name ~ '/' ~ name ~ '.js'")


def test_a_components_own_merge_joins_its_additions():
    """A component whose additions join their own way (the workbench's extra terms) says how in the registry."""
    for component in COMPONENTS:
        if component.merge is not None:
            assert component.model is not None and "adds_to" in component.model.model_fields


def test_the_about_page_names_every_marker():
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert [c.fence for c in COMPONENTS if f"`{c.fence}`" not in about] == []
