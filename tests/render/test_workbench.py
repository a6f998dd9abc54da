"""The workbench's HTML, drawn by Python-Markdown alone from the examples in its folder."""

from __future__ import annotations

import gzip
import json
import shutil

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from goal_pyramid.fences import format_component
from tests.conftest import ROOT
from tests.render.test_worked_examples import FENCE

FOLDER = ROOT / "overrides" / "components" / "workbench"
# The worked examples of its README (the format tests/render/test_worked_examples.py reads).
EXAMPLES = [yaml.safe_load(block) for block in FENCE.findall((FOLDER / "README.md").read_text(encoding="utf-8"))]
WORKBENCH = "```gp-workbench\nworkbench-rules\n```\n"


def convert(text: str, data_dir) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["goal_pyramid", "pymdownx.superfences"], extension_configs={
        "goal_pyramid": {"data_dir": str(data_dir), "templates_dir": str(ROOT / "overrides" / "components")},
        "pymdownx.superfences": {"custom_fences": [
            {"name": "gp-workbench", "class": "gp-workbench", "format": format_component},
            {"name": "gp-cards", "class": "gp-cards", "format": format_component}]},
    })
    return BeautifulSoup(html, "html.parser")


def example_data(data_dir, example: dict):
    data_dir.valid()
    shutil.copy(ROOT / example["data_file"], data_dir.path / "workbench-rules.yml")
    if example.get("data"):
        data_dir.write("extra-names.yml", example["data"])
    return data_dir.path


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["example"] for example in EXAMPLES])
def test_each_example_draws_every_check_and_readable_rules(data_dir, example):
    page = convert(WORKBENCH, example_data(data_dir, example))
    root = page.select_one('[data-gp-module="workbench"]')
    assert [row["data-gp-check"] for row in root.select("[data-gp-check]")] == [
        "technology", "who-gains", "done-when", "requirements", "learning-goal"]
    assert root.find_all("script") == []  # nothing in it runs
    rules = json.loads(root["data-gp-rules"])
    technology = next(rule for rule in rules if rule["id"] == "technology")
    for term in (example.get("data") or {}).get("add_terms", {}).get("technology", []):
        assert term in technology["terms"]
    raw = str(page).split("data-gp-rules='", 1)[1].split("'", 1)[0]  # the attribute as written
    assert "<" not in raw and ">" not in raw and "&" not in raw.replace("&quot;", "")
    # Without JavaScript: every question, its link, the box; results wait hidden.
    assert root.select_one("textarea#gp-workbench-goal") is not None
    assert all(link["href"].startswith("../") for link in root.select(".gp-workbench__more a"))
    assert all(result.has_attr("hidden") for result in root.select("[data-gp-result]"))


def test_an_addition_naming_an_unknown_check_is_refused_with_the_check_names(data_dir):
    example_data(data_dir, EXAMPLES[0])
    data_dir.write("extra-names.yml", {"kind": "workbench", "id": "extra-names", "adds_to": "workbench-rules",
                                       "add_terms": {"technolgy": ["AcmeCloud"]}})
    problem = data_dir.only_problem()
    assert "extra-names.yml" in str(problem) and "technolgy" in str(problem)
    assert "'technology'" in str(problem)


def test_a_pattern_the_browser_reads_differently_is_refused(data_dir):
    rules = yaml.safe_load((ROOT / "quiz_data/workbench-rules.yml").read_text(encoding="utf-8"))
    rules["rules"][0]["patterns"].append("(?P<tool>kafka)")
    data_dir.valid()
    data_dir.write("workbench-rules.yml", rules)
    problem = data_dir.only_problem()
    assert 'rules[0] (id "technology")' in str(problem) and "browser" in str(problem)


def test_rules_missing_a_check_say_which(data_dir):
    rules = yaml.safe_load((ROOT / "quiz_data/workbench-rules.yml").read_text(encoding="utf-8"))
    rules["rules"] = rules["rules"][:4]
    data_dir.valid()
    data_dir.write("workbench-rules.yml", rules)
    assert "missing: learning-goal" in str(data_dir.only_problem())


def test_only_cards_that_need_work_get_a_rewrite_link_and_only_under_mkdocs(data_dir):
    """Plain Python-Markdown knows no page, so it draws no link; the built site has them (browser tests)."""
    data_dir.valid()
    shutil.copy(ROOT / "quiz_data/workbench-rules.yml", data_dir.path / "workbench-rules.yml")
    page = convert("```gp-cards\nsix-examples\n```\n", data_dir.path)
    assert page.select(".gp-card__rewrite") == []


def test_the_workbench_weighs_at_most_8_kb_gzipped():
    """Its own script and style (checks.js, workbench.js, workbench.css), each gzipped, summed."""
    sizes = {name: len(gzip.compress((FOLDER / name).read_bytes(), 9))
             for name in ("checks.js", "workbench.js", "workbench.css")}
    print(f"workbench gzipped bytes: {sizes}, total {sum(sizes.values())}")
    assert sum(sizes.values()) <= 8 * 1024, sizes


def test_pages_without_the_workbench_load_none_of_it():
    site = ROOT / "site"
    if not (site / "write-your-goal/index.html").exists():
        pytest.skip("needs the built site (make test builds it first)")
    assert "workbench/" in (site / "write-your-goal/index.html").read_text(encoding="utf-8")
    for page in site.rglob("index.html"):
        if page.parent.name != "write-your-goal":
            assert "components/workbench/" not in page.read_text(encoding="utf-8"), page
