"""Every kind of bad input stops with a message naming the file, the item and the field."""

from __future__ import annotations

import pytest

from goal_pyramid import DataError, load_catalogue


def test_valid_data_loads(data_dir):
    catalogue = load_catalogue(data_dir.valid().path)
    assert list(catalogue.pyramids) == ["goal-pyramid"]
    assert [card.id for card in catalogue.card_sets["six-examples"].cards] == [
        "migrate-to-streaming",
        "fresh-data-operational",
    ]


def test_yaml_syntax_error_names_its_line(data_dir):
    data_dir.valid()
    data_dir.write("examples.yml", "kind: cards\nid: six-examples\ncards:\n  - id: a\n    statement: [unclosed\n")
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/examples.yml"
    assert problem.line is not None and problem.line >= 5
    assert "YAML syntax error" in problem.message
    assert str(problem).startswith(f"quiz_data/examples.yml:{problem.line}: YAML syntax error")


def test_missing_field(data_dir, cards_data):
    data_dir.valid()
    del cards_data["cards"][1]["verdict"]
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/examples.yml"
    assert problem.item == 'cards[1] (id "fresh-data-operational")'
    assert problem.field == "verdict"
    assert problem.message == "is required but missing"
    assert problem.line == 11  # the card that lacks it starts there


def test_wrong_type(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["statement"] = ["Migrate", "to streaming"]
    cards_data["cards"][1]["good"] = "maybe"
    data_dir.write("examples.yml", cards_data)
    by_field = {p.field: p for p in data_dir.problems()}
    assert by_field["statement"].item == 'cards[0] (id "migrate-to-streaming")'
    assert "should be text, got a list" in by_field["statement"].message
    assert by_field["good"].item == 'cards[1] (id "fresh-data-operational")'
    assert "true or false" in by_field["good"].message
    assert "'maybe'" in by_field["good"].message


def test_unknown_key_suggests_the_field_meant(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["explanaton"] = cards_data["cards"][0].pop("explanation")
    data_dir.write("examples.yml", cards_data)
    problems = data_dir.problems()
    typo = next(p for p in problems if p.field == "explanaton")
    assert typo.item == 'cards[0] (id "migrate-to-streaming")'
    assert "is not a known field" in typo.message
    assert "did you mean 'explanation'?" in typo.message
    # ...and the real field is then missing: both are reported at once.
    assert any(p.field == "explanation" and "missing" in p.message for p in problems)


def test_duplicate_id_across_items(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][1]["id"] = "migrate-to-streaming"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.item == 'cards[1] (id "migrate-to-streaming")'
    assert problem.field == "id"
    assert 'duplicate id "migrate-to-streaming"' in problem.message
    assert "first used at quiz_data/examples.yml:" in problem.message


def test_duplicate_id_between_a_card_and_a_layer(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["id"] = "task"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    # Files are read in name order, so the layer in pyramid.yml is the second use.
    assert problem.file == "quiz_data/pyramid.yml"
    assert problem.item == 'layers[6] (id "task")'
    assert problem.field == "id"
    assert "first used at quiz_data/examples.yml:5" in problem.message


def test_reference_to_a_layer_that_does_not_exist(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["layer"] = "initiatives"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.item == 'cards[0] (id "migrate-to-streaming")'
    assert problem.field == "layer"
    assert 'refers to layer "initiatives"' in problem.message
    assert "did you mean 'initiative'?" in problem.message


def test_empty_list(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"] = []
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/examples.yml"
    assert problem.item is None
    assert problem.field == "cards"
    assert problem.message == "should list at least one item, got an empty list"


def test_empty_text(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["verdict"] = "   "
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert (problem.item, problem.field, problem.message) == (
        'cards[0] (id "migrate-to-streaming")',
        "verdict",
        "should not be empty",
    )


def test_id_that_is_not_a_slug(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][0]["id"] = "Migrate To Streaming"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.field == "id"
    assert problem.item == 'cards[0] (id "Migrate To Streaming")'
    assert "lowercase slug" in problem.message


def test_unknown_kind(data_dir, cards_data):
    data_dir.valid()
    cards_data["kind"] = "quizz"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.field == "kind"
    assert problem.message == "should be one of 'pyramid', 'cards', 'quiz', 'workbench', 'scenario', got 'quizz'"


def test_wrong_value_from_a_fixed_list(data_dir, pyramid_data):
    data_dir.valid()
    pyramid_data["layers"][2]["group"] = "goal"
    data_dir.write("pyramid.yml", pyramid_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/pyramid.yml"
    assert problem.item == 'layers[2] (id "operational-goal")'
    assert problem.field == "group"
    assert "'goals' or 'execution'" in problem.message


def test_pyramid_needs_exactly_one_sweet_spot(data_dir, pyramid_data):
    data_dir.valid()
    pyramid_data["layers"][3]["sweet_spot"] = True
    data_dir.write("pyramid.yml", pyramid_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/pyramid.yml"
    assert "exactly one layer must have sweet_spot: true; found 2" in problem.message


def test_markdown_links_must_be_web_or_mail(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = "See [this](javascript:alert(1))."
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.item == 'cards[1] (id "fresh-data-operational")'
    assert problem.field == "explanation"
    assert "'javascript:' link" in problem.message


def test_empty_file_and_non_mapping(data_dir):
    data_dir.valid()
    data_dir.write("empty.yml", "")
    data_dir.write("list.yml", "- just\n- a list\n")
    problems = {p.file: p for p in data_dir.problems()}
    assert "file is empty" in problems["quiz_data/empty.yml"].message
    assert "got a list" in problems["quiz_data/list.yml"].message


def test_every_problem_in_every_file_is_reported_at_once(data_dir, cards_data, pyramid_data):
    del cards_data["cards"][0]["statement"]
    cards_data["cards"][1]["colour"] = "green"
    pyramid_data["layers"][0]["name"] = 7
    data_dir.write("examples.yml", cards_data)
    data_dir.write("pyramid.yml", pyramid_data)
    data_dir.write("broken.yml", "kind: cards\n  id: x\n")
    with pytest.raises(DataError) as caught:
        load_catalogue(data_dir.path)
    message = str(caught.value)
    lines = message.splitlines()
    assert lines[0] == "Goal Pyramid found 4 problems in its data:"
    assert len(lines) == 5
    assert "Traceback" not in message
    assert any("quiz_data/broken.yml:2: YAML syntax error" in line for line in lines)
    assert any("quiz_data/examples.yml" in line and "field 'statement'" in line for line in lines)
    assert any("quiz_data/examples.yml" in line and "field 'colour'" in line for line in lines)
    assert any("quiz_data/pyramid.yml" in line and "field 'name'" in line for line in lines)


def test_missing_data_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError, match="data folder does not exist"):
        load_catalogue(tmp_path / "nowhere")
