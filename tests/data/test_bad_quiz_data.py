"""Practice sets: every rule of the quiz schema has a bad-input test naming file, item and field."""

from __future__ import annotations

import pytest

from goal_pyramid import DataError, load_catalogue


def test_a_valid_quiz_loads(data_dir, quiz_data):
    data_dir.valid().write("practice.yml", quiz_data)
    catalogue = load_catalogue(data_dir.path)
    assert [item.id for item in catalogue.quizzes["goal-or-decision"].items] == [
        "gd-move-to-kubernetes", "wl-basket-abandonment"]


def test_two_way_needs_exactly_two_options(data_dir, quiz_data):
    quiz_data["items"][0]["options"].append(
        {"id": "maybe", "label": "Maybe", "explanation": "No."})
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/practice.yml"
    assert problem.item == 'items[0] (id "gd-move-to-kubernetes")'
    assert problem.message == "a two-way item has exactly 2 options; found 3"


def test_one_of_many_needs_three_options(data_dir, quiz_data):
    del quiz_data["items"][1]["options"][2]
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.item == 'items[1] (id "wl-basket-abandonment")'
    assert problem.message == "a one-of-many item has at least 3 options; found 2"


def test_exactly_one_correct_option(data_dir, quiz_data):
    quiz_data["items"][1]["options"][1]["correct"] = True
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.item == 'items[1] (id "wl-basket-abandonment")'
    assert problem.message == "exactly one option must have correct: true; found 2"


def test_option_ids_are_unique_within_an_item(data_dir, quiz_data):
    quiz_data["items"][0]["options"][0]["id"] = "decision"
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.message == "option ids must be unique within an item; repeated: decision"


def test_option_fields_are_checked_inside_the_item(data_dir, quiz_data):
    del quiz_data["items"][1]["options"][0]["explanation"]
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.item == 'items[1] (id "wl-basket-abandonment")'
    assert problem.field == "options.0.explanation"
    assert problem.message == "is required but missing"


def test_project_kind_must_be_known(data_dir, quiz_data):
    quiz_data["items"][0]["project"] = "crypto"
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.field == "project"
    assert "'data-platform'" in problem.message and "got the text 'crypto'" in problem.message


def test_item_type_must_be_known(data_dir, quiz_data):
    quiz_data["items"][0]["type"] = "true-false"
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.field == "type"
    assert "'two-way' or 'one-of-many'" in problem.message


def test_item_layer_must_exist(data_dir, quiz_data):
    quiz_data["items"][1]["layer"] = "business-goals"
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.item == 'items[1] (id "wl-basket-abandonment")'
    assert problem.field == "layer"
    assert "did you mean 'business-goal'?" in problem.message


def test_item_ids_are_unique_across_files(data_dir, quiz_data):
    quiz_data["items"][0]["id"] = "migrate-to-streaming"  # a card's id in examples.yml
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/practice.yml"
    assert problem.field == "id"
    assert "first used at quiz_data/examples.yml" in problem.message


def test_unknown_option_key_suggests_the_right_one(data_dir, quiz_data):
    quiz_data["items"][0]["options"][1]["corect"] = quiz_data["items"][0]["options"][1].pop("correct")
    data_dir.valid().write("practice.yml", quiz_data)
    with pytest.raises(DataError) as caught:
        load_catalogue(data_dir.path)
    typo = next(p for p in caught.value.problems if p.field == "options.1.corect")
    assert "did you mean 'correct'?" in typo.message


def test_an_item_says_where_it_sits(data_dir, quiz_data):
    del quiz_data["items"][0]["layer"]
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.item == 'items[0] (id "gd-move-to-kubernetes")'
    assert problem.message.startswith("say where the statement sits: 'layer' (a pyramid layer id) or 'what_it_is'")


def test_an_item_sits_on_a_layer_or_is_something_else_not_both(data_dir, quiz_data):
    quiz_data["items"][0]["what_it_is"] = "solution-idea"
    data_dir.valid().write("practice.yml", quiz_data)
    assert data_dir.only_problem().message == (
        "give 'layer' or 'what_it_is', not both: a solution-idea sits on no layer")


def test_what_it_is_names_a_known_kind(data_dir, quiz_data):
    del quiz_data["items"][0]["layer"]
    quiz_data["items"][0]["what_it_is"] = "wish"
    data_dir.valid().write("practice.yml", quiz_data)
    problem = data_dir.only_problem()
    assert problem.field == "what_it_is"
    assert "requirement" in problem.message and "learning-goal" in problem.message


def test_an_unfinished_goal_names_the_layer_it_points_at(data_dir, quiz_data):
    del quiz_data["items"][0]["layer"]
    quiz_data["items"][0]["what_it_is"] = "requirement"
    quiz_data["items"][0]["unfinished"] = True
    data_dir.valid().write("practice.yml", quiz_data)
    assert data_dir.only_problem().message == "'unfinished: true' needs the 'layer' the statement points at"
