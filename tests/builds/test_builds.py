"""Whole builds, as `make build` runs them: MkDocs --strict, and Zensical, Material's successor."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

PAGES = ["index.html", "pyramid/index.html", "technical-goals/index.html",
         "execution/index.html", "examples/index.html", "about/index.html",
         "practice/index.html", "practice/goal-or-decision/index.html", "practice/progress/index.html",
         "embedding/index.html", "embed/examples/index.html", "embed/which-layer/index.html",
         "cases/index.html", "cases/hospital-shifts/index.html", "embed/case-online-checkout/index.html"]


def project_copy(tmp_path: Path) -> Path:
    """The site's sources in a scratch folder, so a test can break them."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("docs", "overrides", "quiz_data", "src"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def run(args: list[str], cwd: Path, **env_vars: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_vars)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)


def mkdocs_build(project: Path, **env_vars: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], project, **env_vars)


def zensical_build(project: Path, **env_vars: str) -> subprocess.CompletedProcess:
    zensical = Path(sys.executable).with_name("zensical")
    return run([str(zensical), "build", "--strict", "--clean"], project, **env_vars)


def components(html_path: Path, without_rewrite_links: bool = False) -> list[str]:
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    # Zensical reads data-search-exclude for its own search and drops it from the page; Material keeps it.
    for el in soup.select("[data-search-exclude]"):
        del el["data-search-exclude"]
    if without_rewrite_links:  # drawn only where MkDocs says where the workbench page is (not Zensical)
        for link in soup.select(".gp-card__rewrite, .gp-quiz-item__rewrite"):
            if isinstance(link.previous_sibling, str) and not link.previous_sibling.strip():
                link.previous_sibling.extract()  # the template line's indent
            link.decompose()
    return [str(el) for el in soup.select("[data-gp-module]")]


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("mkdocs"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_built_pages_carry_their_components(mkdocs_site):
    assert len(components(mkdocs_site / "pyramid/index.html")) == 1
    assert len(components(mkdocs_site / "examples/index.html")) == 1
    soup = BeautifulSoup((mkdocs_site / "examples/index.html").read_text(encoding="utf-8"), "html.parser")
    ids = [d["id"] for d in soup.select("[data-gp-module] details")]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert all(len(soup.select(f"#{i}")) == 1 for i in ids), "ids must be unique on the page"


def test_component_assets_load_only_where_a_component_is(mkdocs_site):
    for page in PAGES:
        html = (mkdocs_site / page).read_text(encoding="utf-8")
        has_component = "data-gp-module=" in html
        assert ("components/core/core.js" in html) == has_component, page
        assert ("components/core/core.css" in html) == has_component, page
    examples = (mkdocs_site / "examples/index.html").read_text(encoding="utf-8")
    assert "components/cards/cards.js" in examples and "components/pyramid/pyramid.js" not in examples
    quiz = (mkdocs_site / "practice/goal-or-decision/index.html").read_text(encoding="utf-8")
    assert "components/quiz/quiz.js" in quiz and "components/cards/cards.js" not in quiz
    assert "components/toolbar/toolbar.js" in examples and "components/progress-store/" not in examples
    assert "components/progress-store/progress-store.js" in quiz and "components/toolbar/" not in quiz
    for asset in ("core/core.js", "core/core.css", "toolbar/toolbar.js", "progress-store/progress-store.js",
                  "verdict/verdict.css", "cards/cards.js", "cards/cards.css",
                  "pyramid/pyramid.js", "pyramid/pyramid.css", "quiz/quiz.js", "quiz/quiz.css",
                  "progress/progress.js", "progress/progress.css"):
        assert (mkdocs_site / "components" / asset).is_file(), asset


def test_no_worked_example_reaches_the_built_site(mkdocs_site):
    """overrides/components/NAME/README.md stays in the sources: MkDocs skips a theme's *readme* files."""
    assert (ROOT / "overrides/components/cards/README.md").is_file()
    copied = [p for p in (mkdocs_site / "components").rglob("*") if "readme" in p.name.lower()]
    assert copied == []


def test_mkdocs_builds_from_another_folder(tmp_path):
    """Folders in mkdocs.yml are read from its folder, not from where mkdocs runs."""
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "examples/company-data", project / "company-data")
    (project / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "overrides/assets/images/preview.png", project / "docs/assets/images/our-logo.png")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml")],
                 elsewhere, GOAL_PYRAMID_EXTRA_DATA="company-data", GOAL_PYRAMID_LOGO="assets/images/our-logo.png")
    assert result.returncode == 0, result.stdout + result.stderr
    examples = BeautifulSoup((project / "site/examples/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(examples.select('[data-gp-module="cards"] details[id]')) == 7, "the company folder joined"
    assert list(elsewhere.iterdir()) == []


def test_no_page_asks_another_host_for_anything(mkdocs_site):
    for page in PAGES:
        soup = BeautifulSoup((mkdocs_site / page).read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                value = el.get(attr, "")
                if tag == "link" and "stylesheet" not in el.get("rel", []) and "preload" not in el.get("rel", []):
                    continue
                assert not value.startswith(("http:", "https:", "//")), f"{page}: {tag} {value}"


def test_bad_data_stops_mkdocs_with_a_clear_message(tmp_path):
    project = project_copy(tmp_path)
    examples = project / "quiz_data" / "examples.yml"
    data = yaml.safe_load(examples.read_text(encoding="utf-8"))
    del data["cards"][2]["verdict"]
    data["cards"][0]["layr"] = "initiative"
    examples.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output  # no stack frames either
    assert "Goal Pyramid found 2 problems in its data:" in output
    assert 'quiz_data/examples.yml:' in output
    assert 'cards[2] (id "security-requirements"): field \'verdict\': is required but missing' in output
    assert "field 'layr': is not a known field" in output and "did you mean 'layer'?" in output


def test_a_company_folder_joins_the_sets(tmp_path):
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "examples/company-data", project / "company-data")
    result = mkdocs_build(project, GOAL_PYRAMID_EXTRA_DATA="company-data")
    assert result.returncode == 0, result.stderr
    examples = BeautifulSoup((project / "site/examples/index.html").read_text(encoding="utf-8"), "html.parser")
    cards = [d["id"] for d in examples.select("[data-gp-module] details[id]")]
    assert len(cards) == 7 and cards[-1] == "our-self-service-returns"
    quiz = BeautifulSoup((project / "site/practice/goal-or-decision/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert quiz.select_one("#our-move-wiki") is not None
    # Counts and credits follow the data: only the six quoted cards are marked, and the line under the set says so.
    marked = [d["id"] for d in examples.select("details[id]:has(.gp-card__source)")]
    assert len(marked) == 6 and "our-self-service-returns" not in marked
    assert examples.select_one(".gp-cards__credit").get_text(" ", strip=True).startswith(
        "6 of the 7 statements above, marked “From the article”, are quoted")
    for card in examples.select("[data-gp-module]"):
        card.decompose()
    assert not re.search(r"\bsix\b", examples.select_one("article").get_text().lower())


def test_the_built_in_set_is_credited_once_and_only_two_layer_examples_as_quoted(mkdocs_site):
    examples = BeautifulSoup((mkdocs_site / "examples/index.html").read_text(encoding="utf-8"), "html.parser")
    credit = examples.select_one(".gp-cards__credit")
    assert credit.get_text(" ", strip=True).startswith(
        "The statements above are quoted, with their verdict labels, from")
    assert credit.a["href"].startswith("https://www.juliamustivaya.com/articles/")
    assert not examples.select(".gp-card__source")  # all quoted: the line under the set is enough
    pyramid = BeautifulSoup((mkdocs_site / "pyramid/index.html").read_text(encoding="utf-8"), "html.parser")
    captions = {fig.find_parent("details")["id"]: fig.get_text(strip=True)
                for fig in pyramid.select(".gp-layer__example figcaption")}
    quoted = {key for key, text in captions.items() if text == "Example from the source article"}
    assert quoted == {"operational-goal", "technical-goal"}
    assert set(captions.values()) == {"Example from the source article", "Example"}


def test_a_bad_file_in_the_company_folder_stops_mkdocs(tmp_path):
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "examples/company-data", project / "company-data")
    ours = project / "company-data/our-examples.yml"
    ours.write_text(ours.read_text(encoding="utf-8").replace("good: true", "good: maybe"), encoding="utf-8")
    result = mkdocs_build(project, GOAL_PYRAMID_EXTRA_DATA="company-data")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output  # no stack frames either
    assert ("company-data/our-examples.yml:11: cards[0] (id \"our-self-service-returns\"): field 'good':"
            in output), output


def test_a_bad_brand_setting_stops_mkdocs_with_a_clear_message(tmp_path):
    project = project_copy(tmp_path)
    result = mkdocs_build(project, GOAL_PYRAMID_PRIMARY_COLOUR="0b5d3b")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output  # no stack frames either
    assert ("mkdocs.yml: extra.brand: field 'primary': should be a CSS colour" in output
            and "GOAL_PYRAMID_PRIMARY_COLOUR" in output), output


def edit_the_obvious_way(project: Path, **lines: str) -> None:
    """Write over mkdocs.yml's own lines, as a company would: `site_name: Acme Goals` for the whole line."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in lines.items():
        old = next(line for line in text.splitlines() if line.lstrip().startswith(f"{key}: !ENV"))
        indent = old[:len(old) - len(old.lstrip())]
        text = text.replace(old, f"{indent}{key}: {value}")
    config.write_text(text, encoding="utf-8")


def test_site_name_logo_and_address_edited_in_place_build(tmp_path):
    """No "found undefined alias 'site_name'": nothing else in mkdocs.yml refers to those lines."""
    project = project_copy(tmp_path)
    (project / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (project / "docs/assets/images/acme.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    edit_the_obvious_way(project, site_name="Acme Goals", logo="assets/images/acme.svg",
                         site_url="https://learning.acme.example/goals/")
    unset = ("GOAL_PYRAMID_SITE_NAME", "GOAL_PYRAMID_LOGO", "GOAL_PYRAMID_SITE_URL")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=project,
                            env=dict(env, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, check=False,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    page = (project / "site/index.html").read_text(encoding="utf-8")
    assert "<title>Acme Goals</title>" in page
    assert "assets/images/acme.svg" in page and "https://learning.acme.example/goals/" in page


def test_a_site_name_edited_in_place_is_still_checked(tmp_path):
    project = project_copy(tmp_path)
    edit_the_obvious_way(project, site_name="'Acme \"Goals\"'")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "field 'name': should be plain text" in output and "site_name in mkdocs.yml" in output, output


def test_only_a_builder_that_renders_the_brand_stylesheet_links_it(tmp_path):
    """MkDocs fills in brand.css; Zensical 0.0.73 copies it raw, so its pages must not load it."""
    project = project_copy(tmp_path)
    assert mkdocs_build(project, GOAL_PYRAMID_PRIMARY_COLOUR="#0b5d3b").returncode == 0
    assert "stylesheets/brand.css" in (project / "site/index.html").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b5d3b;" in (project / "site/stylesheets/brand.css").read_text(encoding="utf-8")
    result = zensical_build(project, GOAL_PYRAMID_PRIMARY_COLOUR="#0b5d3b")
    assert result.returncode == 0, result.stderr
    assert "stylesheets/brand.css" not in (project / "site/index.html").read_text(encoding="utf-8")


def test_a_marker_naming_missing_data_stops_mkdocs(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "examples.md"
    page.write_text(page.read_text(encoding="utf-8").replace("six-examples\n```", "six-exampels\n```"),
                    encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output  # no stack frames either
    assert "Error reading page 'examples.md'" in output
    assert 'names "six-exampels", but no cards data in quiz_data/ has that id' in output


def test_a_selection_naming_an_unknown_item_stops_mkdocs(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "practice" / "run-a-session.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  - gd-kubernetes-move\n", "  - gd-kubernetes-mvoe\n"),
                    encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output
    assert "Error reading page 'practice/run-a-session.md'" in output
    assert "page marker ```gp-quiz: session-ten: field 'items': names \"gd-kubernetes-mvoe\"" in output
    assert "did you mean 'gd-kubernetes-move'" in output


def test_a_link_to_a_selection_and_its_items_passes_strict(tmp_path):
    project = project_copy(tmp_path)
    (project / "docs" / "index.md").write_text(
        "# Home\n\nRun [the ten](practice/run-a-session.md#session-ten), starting with"
        " [this one](practice/run-a-session.md#gd-kubernetes-move).\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_link_to_a_card_that_does_not_exist_fails_strict(tmp_path):
    project = project_copy(tmp_path)
    (project / "docs" / "index.md").write_text(
        "# Home\n\nSee [a card](examples.md#no-such-card) and [a layer](pyramid.md#task).\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "does not contain an anchor '#no-such-card'" in output
    assert "#task" not in output, "ids drawn by the components count as anchors"


def test_zensical_draws_the_same_components(tmp_path, mkdocs_site):
    project = project_copy(tmp_path)
    result = zensical_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("pyramid/index.html", "examples/index.html", "practice/which-layer/index.html",
                 "practice/progress/index.html", "practice/run-a-session/index.html"):
        ours = components(project / "site" / page)
        assert ours, f"Zensical drew no component on {page}"
        assert ours == components(mkdocs_site / page, without_rewrite_links=True), page
        html = (project / "site" / page).read_text(encoding="utf-8")
        assert "components/core/core.js" in html
    assert "components/core/core.js" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_bad_data_stops_zensical_too(tmp_path):
    project = project_copy(tmp_path)
    pyramid = project / "quiz_data" / "pyramid.yml"
    pyramid.write_text(pyramid.read_text(encoding="utf-8").replace("sweet_spot: true", "sweet_spot: maybe"),
                       encoding="utf-8")
    result = zensical_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "quiz_data/pyramid.yml:" in output
    assert 'layers[2] (id "operational-goal"): field \'sweet_spot\': should be true or false' in output


def test_every_page_carries_link_preview_tags(mkdocs_site):
    import struct
    from urllib.parse import urlsplit

    descriptions = set()
    for page in PAGES:
        soup = BeautifulSoup((mkdocs_site / page).read_text(encoding="utf-8"), "html.parser")

        def meta(key, soup=soup, page=page):
            tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
            assert tag is not None and tag.get("content"), f"{page}: no {key}"
            return tag["content"]

        assert meta("og:title").startswith(soup.find("title").get_text().split(" - ")[0])
        assert meta("og:url") == soup.find("link", rel="canonical")["href"]
        assert meta("og:description") == meta("description") == meta("twitter:description")
        descriptions.add(meta("og:description"))
        assert meta("twitter:card") == "summary_large_image"
        image = urlsplit(meta("og:image"))
        assert image.scheme in ("http", "https") and meta("twitter:image") == meta("og:image")
        picture = mkdocs_site / image.path.lstrip("/")
        header = picture.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", picture
        assert struct.unpack(">II", header[16:24]) == (1200, 630)
    assert len(descriptions) == len(PAGES), "each page describes itself"


def test_a_heading_with_the_id_of_an_item_on_its_page_stops_mkdocs(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "pyramid.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Task\n\nWhat a task is.\n", encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output  # no stack frames either
    assert "Error reading page 'pyramid.md'" in output
    assert "Goal Pyramid found an id used twice on this page:" in output
    assert ('heading "Task": has the id #task, the same as the item "task" of "goal-pyramid"'
            " (quiz_data/pyramid.yml) drawn on this page, so a link to #task reaches only one of them;"
            " end the heading's line with { #task-section } to give it another id") in output, output


def test_a_heading_that_only_shares_words_with_an_item_elsewhere_is_fine(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "about.md"  # no component on this page
    page.write_text(page.read_text(encoding="utf-8") + "\n## Task\n\nWhat a task is.\n", encoding="utf-8")
    page = project / "docs" / "pyramid.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Task { #task-section }\n\nIt’s small.\n",
                    encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_site_address_that_would_run_a_script_stops_mkdocs(tmp_path):
    project = project_copy(tmp_path)
    result = mkdocs_build(project, GOAL_PYRAMID_SITE_URL='http://127.0.0.1:8000/"><script>alert(1)</script>/')
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output  # no stack frames either
    assert "mkdocs.yml: extra.brand: field 'site_url': should be the full address the site is hosted at" in output
    assert "GOAL_PYRAMID_SITE_URL" in output
    assert not (project / "site" / "index.html").exists() or "<script>alert(1)" not in (
        project / "site" / "index.html").read_text(encoding="utf-8")


def test_a_script_link_in_the_data_stops_mkdocs(tmp_path):
    project = project_copy(tmp_path)
    examples = project / "quiz_data" / "examples.yml"
    data = yaml.safe_load(examples.read_text(encoding="utf-8"))
    data["cards"][0]["explanation"] = "[More](javascript&#58;alert&#40;1&#41;)"
    examples.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and 'File "' not in output, output
    assert (f"quiz_data/examples.yml:{_explanation_line(examples)}: cards[0] (id \"{data['cards'][0]['id']}\"):"
            " field 'explanation': has a link that would be removed: 'javascript:alert(1)' is a 'javascript:'"
            " link") in output, output


def _explanation_line(path: Path) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip().startswith("explanation:"))
