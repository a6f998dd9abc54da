"""A company's own folder of YAML: checked by the same schema, merged into the sets."""

from __future__ import annotations

from goal_pyramid import DataError, load_catalogue
from tests.conftest import ROOT, DataDir


def extra_card(card_id: str = "our-self-service-returns") -> dict:
    return {"id": card_id, "statement": "Let customers start a return online", "verdict": "Good",
            "good": True, "layer": "operational-goal", "explanation": "Tool-free and measurable."}


def addition(**fields) -> dict:
    return {"kind": "cards", "id": "our-examples", "adds_to": "six-examples", "cards": [extra_card()], **fields}


def test_cards_from_the_extra_folder_join_the_set_after_the_built_in_ones(data_dir, tmp_path):
    extra = DataDir(tmp_path / "company")
    extra.write("ours.yml", addition())
    catalogue = load_catalogue(data_dir.valid().path, [extra.path])
    ids = [card.id for card in catalogue.card_sets["six-examples"].cards]
    assert ids == ["migrate-to-streaming", "fresh-data-operational", "our-self-service-returns"]
    assert catalogue.card_sets["six-examples"].title == "Six goal statements"
    assert "our-examples" not in catalogue.card_sets, "an addition is not a set of its own"
    assert catalogue.additions == {"six-examples": ["company/ours.yml"]}


def test_questions_from_the_extra_folder_join_their_practice_set(data_dir, tmp_path, quiz_data):
    data_dir.valid().write("quiz.yml", quiz_data)
    extra = DataDir(tmp_path / "company")
    item = {**quiz_data["items"][0], "id": "our-move-wiki"}
    extra.write("ours.yml", {"kind": "quiz", "id": "our-questions", "adds_to": "goal-or-decision", "items": [item]})
    quiz = load_catalogue(data_dir.path, [extra.path]).quizzes["goal-or-decision"]
    assert [i.id for i in quiz.items][-1] == "our-move-wiki" and len(quiz.items) == 3
    assert quiz.intro == "Guess first."


def test_a_bad_file_in_the_extra_folder_names_that_file_item_and_field(data_dir, tmp_path):
    extra = DataDir(tmp_path / "company")
    card = extra_card()
    card["verdcit"] = card.pop("verdict")
    extra.write("ours.yml", addition(cards=[card]))
    assert load_catalogue(data_dir.valid().path)  # the main folder alone is fine
    problems = _problems(data_dir, extra.path)
    by_field = {p.field: p for p in problems}
    assert by_field["verdcit"].file == "company/ours.yml"
    assert by_field["verdcit"].item == 'cards[0] (id "our-self-service-returns")'
    assert "did you mean 'verdict'?" in by_field["verdcit"].message
    assert by_field["verdict"].message == "is required but missing"


def _problems(data_dir: DataDir, extra) -> list:
    try:
        load_catalogue(data_dir.path, [extra])
    except DataError as error:
        return error.problems
    raise AssertionError("expected problems")


def test_adds_to_a_set_that_does_not_exist_suggests_one(data_dir, tmp_path):
    extra = DataDir(tmp_path / "company")
    extra.write("ours.yml", addition(adds_to="six-exampels"))
    [problem] = _problems(data_dir.valid(), extra.path)
    assert (problem.file, problem.field, problem.line) == ("company/ours.yml", "adds_to", 3)
    assert "no cards set has that id" in problem.message
    assert "did you mean 'six-examples'?" in problem.message


def test_an_addition_may_not_bring_its_own_title(data_dir, tmp_path):
    extra = DataDir(tmp_path / "company")
    extra.write("ours.yml", addition(title="Our examples"))
    [problem] = _problems(data_dir.valid(), extra.path)
    assert (problem.file, problem.field) == ("company/ours.yml", "title")
    assert "remove it" in problem.message


def test_a_set_without_adds_to_still_needs_a_title(data_dir, tmp_path):
    extra = DataDir(tmp_path / "company")
    lone = addition()
    del lone["adds_to"]
    extra.write("ours.yml", lone)
    [problem] = _problems(data_dir.valid(), extra.path)
    assert (problem.file, problem.field, problem.line) == ("company/ours.yml", "title", 1)
    assert problem.message.startswith("'title' is required but missing")


def test_an_extra_item_may_not_reuse_a_built_in_id(data_dir, tmp_path):
    extra = DataDir(tmp_path / "company")
    extra.write("ours.yml", addition(cards=[extra_card("migrate-to-streaming")]))
    [problem] = _problems(data_dir.valid(), extra.path)
    assert (problem.file, problem.field) == ("company/ours.yml", "id")
    assert "first used at quiz_data/examples.yml" in problem.message


def test_a_missing_extra_folder_is_reported(data_dir, tmp_path):
    [problem] = _problems(data_dir.valid(), tmp_path / "nowhere")
    assert problem.file == "nowhere" and "extra data folder does not exist" in problem.message


def test_the_shipped_company_example_is_valid_and_merges(monkeypatch):
    monkeypatch.chdir(ROOT)
    catalogue = load_catalogue(ROOT / "quiz_data", [ROOT / "examples/company-data"])
    assert catalogue.card_sets["six-examples"].cards[-1].id == "our-self-service-returns"
    assert catalogue.quizzes["goal-or-decision"].items[-1].id == "our-move-wiki"


def test_an_empty_extra_folder_is_reported(data_dir, tmp_path):
    (tmp_path / "company").mkdir()
    (tmp_path / "company" / "notes.txt").write_text("not data", encoding="utf-8")
    [problem] = _problems(data_dir.valid(), tmp_path / "company")
    assert problem.file == "company" and "no .yml files in the extra data folder" in problem.message
