"""The scenario component's HTML (a case), drawn from its README's worked example: with and without
the workbench page known, and complete without JavaScript."""

from __future__ import annotations

import json
import shutil
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup

from goal_pyramid import load_catalogue
from goal_pyramid.components import scenario
from goal_pyramid.components.scenario import NOT_A_GOAL_LABELS
from goal_pyramid.render import render_component
from tests.conftest import ROOT
from tests.render.test_components import convert
from tests.render.test_worked_examples import FENCE

FOLDER = ROOT / "overrides" / "components" / "scenario"
EXAMPLE = yaml.safe_load(FENCE.findall((FOLDER / "README.md").read_text(encoding="utf-8"))[0])
CASE = EXAMPLE["data"]
LAYERS = ["Company strategy", "Business goal", "Operational goal", "Technical goal",
          "Initiative", "Delivery increment", "Task"]
FOCUSABLE = "a, button, input, select, textarea, summary, [tabindex]"


class WorkbenchKnown:
    """Where MkDocs knows the pages: the workbench is one folder up."""

    def url(self, page, anchor=None):
        return "../write-your-goal/" if page == "write-your-goal.md" else None


@pytest.fixture
def data(tmp_path):
    shutil.copy(ROOT / "quiz_data" / "pyramid.yml", tmp_path / "pyramid.yml")
    (tmp_path / "case.yml").write_text(yaml.safe_dump(CASE, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.fixture
def plain(data) -> BeautifulSoup:
    """Drawn by plain Python-Markdown: no page is known."""
    return convert(f"```gp-scenario\n{CASE['id']}\n```\n", data).select_one('[data-gp-module="scenario"]')


@pytest.fixture
def linked(data) -> BeautifulSoup:
    catalogue = load_catalogue(data)
    case = catalogue.sets["scenario"][CASE["id"]]
    html = render_component("scenario/scenario.html", scenario.view(case, catalogue, links=WorkbenchKnown()),
                            ROOT / "overrides" / "components")
    return BeautifulSoup(html, "html.parser").select_one('[data-gp-module="scenario"]')


def text(element) -> str:
    return " ".join(element.get_text().split())


def test_the_four_sections_are_h2_with_stable_ids(plain):
    assert [(h2["id"], text(h2)) for h2 in plain.select("h2")] == [
        ("demo-room--room", "The room"), ("demo-room--sort", "Sort the voices"),
        ("demo-room--pick", "Pick the project goal"), ("demo-room--worked", "The worked answer")]
    assert plain.select("h1") == []  # the page's own h1 is the case's title


def test_the_room_lists_every_voice_as_its_person_says_it(plain):
    people = [text(li) for li in plain.select(".gp-scenario__people > li")]
    assert people == [f"{voice['person']}: “{voice['says']}”" for voice in CASE["voices"]]


def test_each_voice_has_a_labelled_select_of_the_ten_places_and_its_answer_closed(plain):
    for voice in CASE["voices"]:
        item = plain.select_one(f"li#{voice['id']}.gp-voice")
        assert item["data-gp-correct"] == (voice.get("layer") or voice["what_it_is"])
        select = item.select_one("select")
        assert item.select_one(f'label[for="{select["id"]}"]') is not None
        assert [text(option) for option in select.select("option")] == [
            "Choose a place", *LAYERS, *NOT_A_GOAL_LABELS.values()]
        answer = item.select_one("details[data-gp-answer]")
        assert not answer.has_attr("open")
        assert text(answer.select_one(".gp-voice__why")) == voice["why"]
        assert item.select_one("[data-gp-feedback]").has_attr("hidden")
        for trap in voice.get("traps", []):
            assert trap["why"] in text(answer.select_one(f'[data-gp-trap="{trap["place"]}"]'))


def test_a_wrong_place_that_is_no_trap_has_a_line_of_its_own(plain):
    lines = plain.select_one("template[data-gp-elsewhere]").select("[data-gp-elsewhere-for]")
    assert [line["data-gp-elsewhere-for"] for line in lines] == [
        "company-strategy", "business-goal", "operational-goal", "technical-goal", "initiative",
        "delivery-increment", "task", "requirement", "constraint", "solution-idea"]
    # (bs4 keeps a <template>'s text out of get_text: read the markup)
    assert "That layer holds: Concrete and measurable, with no solution named." in str(lines[2])
    assert "specification" in str(lines[7])


def test_the_drawn_pyramid_is_decoration_with_nothing_to_focus(plain):
    board = plain.select_one(".gp-board")
    assert board["aria-hidden"] == "true"
    assert board.select(FOCUSABLE) == []
    assert [band["data-gp-place"] for band in board.select(".gp-board__pyramid [data-gp-place]")][0] == \
        "company-strategy"
    assert len(board.select("[data-gp-place]")) == 10
    assert [chip["data-gp-chip"] for chip in board.select("[data-gp-chip]")] == [v["id"] for v in CASE["voices"]]


def test_the_candidates_are_a_radio_group_in_the_authored_order_with_every_why(plain):
    pick = plain.select_one("#demo-room.gp-scenario__pick")
    assert pick["data-gp-correct"] == "demo-first-answer"
    assert text(pick.select_one("legend")) == "Which of these would you run the project on?"
    assert [radio["value"] for radio in pick.select("input[type=radio]")] == [c["id"] for c in CASE["candidates"]]
    whys = pick.select("details[data-gp-answer] [data-gp-explains]")
    assert [text(why) for why in whys] == [
        f"“{c['goal']}”{' (the one to pick)' if c.get('best') else ''} {c['why']}" for c in CASE["candidates"]]


def test_without_the_workbench_page_no_link_is_drawn(plain):
    assert plain.find_all("a") == []
    assert plain.select("[data-gp-workbench-link]") == []


def test_with_the_workbench_page_each_candidate_opens_its_own_goal_there(linked):
    for candidate in CASE["candidates"]:
        entry = linked.select_one(f'[data-gp-explains="{candidate["id"]}"]')
        link = entry.select_one("a")
        assert text(link) == "Open it in the workbench" and link["target"] == "_top"
        assert link["href"] == entry["data-gp-workbench"]
        address, draft = link["href"].split("#draft=")
        assert address == "../write-your-goal/"
        assert json.loads(unquote(draft)) == {"goal": candidate["goal"]}
    # The feedback's hand-off, filled in by the script with the candidate chosen.
    assert text(linked.select_one("[data-gp-workbench-link]")) == "Open it in the workbench"


def test_the_answer_key_holds_every_voice_and_the_goal_to_pick(plain):
    key = plain.select_one('section.gp-scenario__key[aria-label="Answer key"]')
    assert "for the facilitator" in text(key)
    entries = [text(entry) for entry in key.select(".gp-scenario__key-voices > li")]
    assert "Answer: Business goal" in entries[1] and CASE["voices"][1]["why"] in entries[1]
    assert "Answer: Not a goal: a constraint" in entries[4]
    assert "The goal to pick: “Every ticket gets a first answer within one working hour”" in text(key)
    sheet = plain.select(".gp-scenario__sheet-rows > li")
    assert len(sheet) == len(CASE["voices"]) and all(len(row.select(".gp-scenario__box")) == 10 for row in sheet)


def test_the_worked_answer_places_the_room_and_walks_the_chain(plain):
    worked = plain.select_one("details.gp-scenario__worked")
    assert not worked.has_attr("open")
    placed = {text(li.find("strong")): text(li.find("ul")) for li in worked.select(".gp-scenario__placed > li")}
    assert list(placed) == ["Company strategy", "Business goal", "Operational goal", "Technical goal",
                            "Not a goal: a constraint", "Not a goal: a solution idea"]
    assert "The security officer" in placed["Not a goal: a constraint"]
    chain = [text(dd) for dd in worked.select(".gp-scenario__chain dd")]
    assert chain == list(CASE["chain"].values())
    assert plain.find_all("script") == []
