"""The components' HTML, rendered by Python-Markdown alone (no MkDocs needed)."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from goal_pyramid import DataError, GoalPyramidError, MarkerError
from goal_pyramid.components import COMPONENTS
from goal_pyramid.fences import format_component
from tests.conftest import ROOT


def convert(text: str, data_dir) -> BeautifulSoup:
    html = markdown.markdown(
        text,
        extensions=["goal_pyramid", "pymdownx.superfences"],
        extension_configs={
            "goal_pyramid": {
                "data_dir": str(data_dir),
                "templates_dir": str(ROOT / "overrides" / "components"),
            },
            "pymdownx.superfences": {
                "custom_fences": [{"name": component.fence, "class": component.fence, "format": format_component}
                                  for component in COMPONENTS]
            },
        },
    )
    return BeautifulSoup(html, "html.parser")


CARDS = "```gp-cards\nsix-examples\n```\n"
PYRAMID = "```gp-pyramid\ngoal-pyramid\n```\n"


@pytest.fixture
def site_cards():
    return convert(CARDS, ROOT / "quiz_data")


@pytest.fixture
def site_pyramid():
    return convert(PYRAMID, ROOT / "quiz_data")


def test_cards_are_native_details_with_stable_ids(site_cards):
    root = site_cards.select_one('section[data-gp-module="cards"]')
    assert root is not None and root["aria-label"] == "Goal statements to judge"
    details = root.select("li.gp-card > details.gp-card__details")
    assert [d["id"] for d in details] == [
        "migrate-to-streaming",
        "reduce-latency",
        "security-requirements",
        "fresh-data-operational",
        "latency-for-analysts",
        "validate-freshness-pilot",
    ]
    for card in details:
        assert not card.has_attr("open"), "the verdict stays hidden until the reader asks"
        summary = card.find("summary", recursive=False)
        assert summary.select_one(".gp-card__statement").get_text().startswith("“")
        answer = card.select_one(".gp-card__answer")
        assert answer.select_one(".gp-card__label").get_text(strip=True)
        assert answer.select_one(".gp-card__explanation p")


def test_verdict_labels_and_marks_are_in_words(site_cards):
    labels = [label.get_text() for label in site_cards.select(".gp-card__label")]
    assert labels == [
        "Technology first",
        "Stops too soon",
        "Requirements, not a goal",
        "Good — operational goal",
        "Good — technical goal",
        "Good — learning goal",
    ]
    marks = [" ".join(mark.get_text().split()) for mark in site_cards.select(".gp-card__verdict .gp-mark")]
    assert marks == ["✗ Needs work"] * 3 + ["✓ Good goal"] * 3
    assert all(icon["aria-hidden"] == "true" for icon in site_cards.select(".gp-mark__icon"))


def test_toolbar_waits_for_the_script_without_moving_the_page(site_cards):
    toolbar = site_cards.select_one("[data-gp-toolbar]")
    # Invisible until the component is mounted, but in the layout (no `hidden`): no layout shift.
    assert toolbar.has_attr("data-gp-js-only")
    assert not toolbar.has_attr("hidden")
    assert [b.get_text() for b in toolbar.select("button")] == ["Reveal all", "Hide all"]
    assert all(b["type"] == "button" for b in toolbar.select("button"))
    assert site_cards.select_one('[role="status"][data-gp-status]') is not None


def test_pyramid_has_seven_named_layers_in_two_groups(site_pyramid):
    root = site_pyramid.select_one('section[data-gp-module="pyramid"]')
    names = [n.get_text() for n in root.select(".gp-layer__name")]
    assert names == [
        "Company strategy",
        "Business goal",
        "Operational goal",
        "Technical goal",
        "Initiative",
        "Delivery increment",
        "Task",
    ]
    groups = root.select(".gp-pyramid__group")
    assert [len(g.select(".gp-layer")) for g in groups] == [4, 3]
    assert "Execution layer" in groups[1].select_one(".gp-pyramid__group-label").get_text()
    assert groups[1].select_one("ol")["start"] == "5"
    levels = [li["data-gp-level"] for li in root.select(".gp-layer")]
    assert levels == [str(n) for n in range(1, 8)]


def test_sweet_spot_is_said_in_words(site_pyramid):
    sweet = site_pyramid.select(".gp-layer--sweet-spot")
    assert len(sweet) == 1
    assert sweet[0].select_one("details")["id"] == "operational-goal"
    assert "Sweet spot for a project goal" in sweet[0].select_one("summary").get_text()


def test_layers_step_up_and_down(site_pyramid):
    layers = site_pyramid.select(".gp-layer__details")
    top, middle, base = layers[0], layers[2], layers[-1]
    assert [a["href"] for a in top.select("[data-gp-step]")] == ["#business-goal"]
    assert [a["href"] for a in middle.select("[data-gp-step]")] == ["#business-goal", "#technical-goal"]
    assert [a.get_text(" ", strip=True) for a in middle.select("[data-gp-step]")] == [
        "↑ Why? Up to Business goal",
        "↓ How? Down to Technical goal",
    ]
    assert [a["href"] for a in base.select("[data-gp-step]")] == ["#delivery-increment"]
    for layer in layers:
        assert layer.select_one(".gp-layer__question").get_text(strip=True)
        assert layer.select_one(".gp-layer__focus").get_text(strip=True)
        assert layer.select_one(".gp-layer__example blockquote").get_text(strip=True)


def test_text_from_yaml_is_escaped(data_dir, cards_data, pyramid_data):
    data_dir.valid()
    cards_data["title"] = 'Title <b onclick="x()">bold</b>'
    cards_data["cards"][0]["statement"] = "<script>alert('statement')</script>"
    cards_data["cards"][0]["verdict"] = "<img src=x onerror=alert(1)>"
    cards_data["cards"][1]["explanation"] = (
        "**Bold** is fine.\n\n<script>alert('explanation')</script>\n\n"
        "Inline <img src=x onerror=alert(2)> too, and [a link](https://example.org)."
    )
    pyramid_data["layers"][0]["about"] = "<div onmouseover=alert(3)>hover</div>"
    data_dir.write("examples.yml", cards_data)
    data_dir.write("pyramid.yml", pyramid_data)
    html = str(convert(CARDS + "\n" + PYRAMID, data_dir.path))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    assert soup.find("img") is None
    assert soup.find(attrs={"onclick": True}) is None
    assert soup.find(attrs={"onmouseover": True}) is None
    assert "<script>alert('statement')</script>" in soup.select_one(".gp-card__statement").get_text()
    assert "&lt;script&gt;alert(" in str(soup.select(".gp-card__explanation")[1])
    explanation = soup.select(".gp-card__explanation")[1]
    assert explanation.find("strong").get_text() == "Bold"
    assert explanation.find("a")["href"] == "https://example.org"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("```gp-cards\nsix-exmples\n```\n", "names \"six-exmples\", but no cards data in quiz_data/ has that id"),
        ("```gp-cards\n\n```\n", "names no data"),
        ("```gp-pyramid\nsix-examples\n```\n", "no pyramid data in quiz_data/ has that id"),
    ],
)
def test_a_marker_naming_data_that_does_not_exist_stops_the_page(page, expected):
    with pytest.raises(MarkerError) as caught:
        convert(page, ROOT / "quiz_data")
    message = str(caught.value)
    assert message.splitlines()[0] == "Goal Pyramid cannot draw a component on this page:"
    assert "page marker ```gp-" in message
    assert expected in message


def test_a_misspelt_marker_suggests_the_id():
    with pytest.raises(MarkerError, match="did you mean 'six-examples'"):
        convert("```gp-cards\nsix-exmples\n```\n", ROOT / "quiz_data")


def test_bad_data_stops_rendering_even_without_a_marker(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["good"] = "perhaps"
    data_dir.write("examples.yml", cards_data)
    with pytest.raises(DataError, match="field 'good'"):
        convert("# Just prose\n", data_dir.path)


QUIZ = "```gp-quiz\ngoal-or-decision\n```\n"


def test_quiz_items_are_radio_groups_with_their_answers_in_details(data_dir, quiz_data):
    data_dir.valid().write("practice.yml", quiz_data)
    soup = convert(QUIZ, data_dir.path)
    root = soup.select_one('section[data-gp-module="quiz"]')
    assert root["data-gp-set"] == "goal-or-decision"
    items = root.select("li[data-gp-item]")
    assert [item["id"] for item in items] == ["gd-move-to-kubernetes", "wl-basket-abandonment"]
    first = items[0]
    assert first["data-gp-correct"] == "decision"
    legend = first.select_one("fieldset > legend")
    assert "“Move every service to Kubernetes”" in legend.get_text()
    radios = first.select("input[type=radio]")
    assert [(r["name"], r["value"], r["id"]) for r in radios] == [
        ("gd-move-to-kubernetes", "goal", "gd-move-to-kubernetes--goal"),
        ("gd-move-to-kubernetes", "decision", "gd-move-to-kubernetes--decision"),
    ]
    assert all(first.select_one(f'label[for="{r["id"]}"]') for r in radios)
    answer = first.select_one("details[data-gp-answer]")
    assert not answer.has_attr("open") and not answer.has_attr("hidden")
    assert "Answer: A decision" in " ".join(answer.select_one(".gp-quiz-item__key").get_text().split())
    assert len(answer.select("[data-gp-explains]")) == 2
    assert first.select_one("[data-gp-feedback]").has_attr("hidden")
    assert items[1].select_one(".gp-quiz-item__speaker").get_text() == "The head of sales:"
    key = root.select(".gp-quiz__handout-key [data-gp-key-for]")
    assert [entry["data-gp-key-for"] for entry in key] == ["gd-move-to-kubernetes", "wl-basket-abandonment"]
    first_entry = " ".join(key[0].get_text().split())
    assert first_entry.startswith("1. “Move every service to Kubernetes” Answer: A decision Because A decision.")
    assert root.select_one(".gp-quiz__handout-title").get_text() == (
        "Answer key — for the facilitator, not for handing out")
    assert root.select("[data-gp-discussion]") == [], "no item here has a discussion note"
    assert not root.has_attr("id") and not root.has_attr("data-gp-order"), "a set from quiz_data/ is shuffled"


def test_a_discussion_note_is_labelled_and_kept_for_the_facilitator(data_dir, quiz_data):
    quiz_data["items"][0]["discussion"] = "Some teams call a platform move a *goal*. <b>Ask</b> what it buys."
    data_dir.valid().write("practice.yml", quiz_data)
    root = convert(QUIZ, data_dir.path).select_one('section[data-gp-module="quiz"]')
    first, second = root.select("li[data-gp-item]")
    note = first.select_one("details[data-gp-answer] [data-gp-discussion]")
    assert note.select_one(".gp-quiz-item__discussion-title").get_text().startswith("For discussion")
    assert note.select_one("p em").get_text() == "goal"
    assert root.find("b") is None and "<b>Ask</b>" in note.get_text(), "raw HTML shows as text"
    assert second.select_one("[data-gp-discussion]") is None
    entry = root.select_one('[data-gp-key-for="gd-move-to-kubernetes"] .gp-quiz__key-discussion')
    assert "For discussion" in entry.get_text() and entry.select_one("em").get_text() == "goal"


def test_quiz_text_is_escaped(data_dir, quiz_data):
    quiz_data["items"][0]["statement"] = "<img src=x onerror=alert(1)>"
    quiz_data["items"][0]["options"][0]["label"] = "<b>bold</b>"
    quiz_data["items"][0]["options"][0]["explanation"] = "<script>alert(2)</script> and **strong**"
    data_dir.valid().write("practice.yml", quiz_data)
    soup = convert(QUIZ, data_dir.path)
    assert soup.find("img") is None and soup.find("script") is None and soup.find("b") is None
    assert soup.select_one(".gp-quiz-item__statement").get_text() == "“<img src=x onerror=alert(1)>”"
    assert soup.select_one('[data-gp-explains="goal"] strong + p strong').get_text() == "strong"


def test_progress_lists_every_practice_set(data_dir, quiz_data):
    data_dir.valid().write("practice.yml", quiz_data)
    soup = convert("```gp-progress\n```\n", data_dir.path)
    rows = soup.select("[data-gp-progress-set]")
    assert [(r["data-gp-progress-set"], r["data-gp-items"]) for r in rows] == [
        ("goal-or-decision", "gd-move-to-kubernetes wl-basket-abandonment")]
    with pytest.raises(MarkerError, match="takes no data id"):
        convert("```gp-progress\ngoal-or-decision\n```\n", data_dir.path)


SELECTION = """```gp-quiz
id: session-two
title: Two for a session
intro: Work through them *together*.
items: [wl-basket-abandonment, gd-move-to-kubernetes]
```
"""


def test_a_selection_keeps_the_listed_order_and_is_its_own_link(data_dir, quiz_data):
    data_dir.valid().write("practice.yml", quiz_data)
    root = convert(SELECTION, data_dir.path).select_one('section[data-gp-module="quiz"]')
    assert root["id"] == "session-two" and root["data-gp-set"] == "session-two"
    assert root["data-gp-order"] == "fixed" and root["aria-label"] == "Two for a session"
    assert [item["id"] for item in root.select("li[data-gp-item]")] == ["wl-basket-abandonment",
                                                                        "gd-move-to-kubernetes"]
    assert root.select_one(".gp-quiz__intro em").get_text() == "together"
    assert root.select('[data-gp-quiz-action="new-order"]') == [], "a room works through it in one order"
    assert root.select_one('[data-gp-quiz-action="facilitator"]')


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        (SELECTION.replace("gd-move-to-kubernetes]", "gd-move-to-kubernets]"),
         "session-two: field 'items': names \"gd-move-to-kubernets\", but no practice question in quiz_data/"
         " has that id; did you mean 'gd-move-to-kubernetes'?"),
        (SELECTION.replace("title: Two for a session\n", ""), "gives a selection without 'title'"),
        (SELECTION.replace("items:", "itmes:"), "has an unknown field 'itmes'"),
        (SELECTION.replace("id: session-two", "id: goal-or-decision"), "has the id of a practice set"),
        (SELECTION.replace("gd-move-to-kubernetes]", "wl-basket-abandonment]"),
         "lists wl-basket-abandonment more than once"),
    ],
)
def test_a_bad_selection_stops_the_page_naming_the_marker_and_the_id(data_dir, quiz_data, marker, expected):
    data_dir.valid().write("practice.yml", quiz_data)
    with pytest.raises(MarkerError) as caught:
        convert(marker, data_dir.path)
    message = str(caught.value)
    assert "page marker ```gp-quiz" in message
    assert expected in message, message


def test_every_error_stops_mkdocs_and_superfences_and_says_what_went_wrong():
    from mkdocs.exceptions import BuildError
    from pymdownx.superfences import SuperFencesException

    from goal_pyramid import SettingsError

    for error_type in (DataError, SettingsError, MarkerError):
        assert issubclass(error_type, GoalPyramidError)
    assert issubclass(GoalPyramidError, SuperFencesException) and issubclass(GoalPyramidError, BuildError)
    with pytest.raises(MarkerError) as caught:
        convert("```gp-cards\n\n```\n", ROOT / "quiz_data")
    assert str(caught.value).startswith("Goal Pyramid cannot draw a component on this page:\n  - page marker")
