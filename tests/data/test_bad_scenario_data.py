"""Cases (kind: scenario): every rule of the schema has a bad-input test naming file, item and field.

The valid case is the worked example of overrides/components/scenario/README.md."""

from __future__ import annotations

import copy

import pytest

from goal_pyramid import load_catalogue
from tests.render.test_scenario import CASE

FILE = "quiz_data/case-demo.yml"


@pytest.fixture
def case() -> dict:
    return copy.deepcopy(CASE)


def problem_with(data_dir, case):
    data_dir.valid().write("case-demo.yml", case)
    problem = data_dir.only_problem()
    assert problem.file == FILE
    assert problem.line > 1, "it points at the line, not the top of the file"
    return problem


def test_the_valid_case_loads(data_dir, case):
    data_dir.valid().write("case-demo.yml", case)
    loaded = load_catalogue(data_dir.path).sets["scenario"]["demo-room"]
    assert [voice.place for voice in loaded.voices] == [
        "company-strategy", "business-goal", "operational-goal", "technical-goal", "constraint", "solution-idea"]


@pytest.mark.parametrize("best, found", [(["demo-chatbot", "demo-first-answer"], "2 (demo-chatbot, demo-first-answer)"),
                                         ([], "0")])
def test_exactly_one_candidate_is_the_one_to_pick(data_dir, case, best, found):
    for candidate in case["candidates"]:
        candidate["best"] = candidate["id"] in best
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field) == (None, "candidates")
    assert problem.message == f"exactly one candidate must have best: true; found {found}"


@pytest.mark.parametrize("where, index", [("voices", 3), ("candidates", 2)])
def test_ids_are_unique_within_voices_and_within_candidates(data_dir, case, where, index):
    case[where][index]["id"] = case[where][0]["id"]
    problem = problem_with(data_dir, case)
    assert problem.field == where
    assert problem.message == f"ids must be unique within '{where}'; repeated: {case[where][0]['id']}"


def test_at_least_two_voices_are_not_goals(data_dir, case):
    architect = case["voices"][5]
    del architect["what_it_is"]
    architect["layer"] = "initiative"
    problem = problem_with(data_dir, case)
    assert problem.field == "voices"
    assert problem.message == ("at least 2 voices must not be goals (give them what_it_is: requirement,"
                               " constraint or solution-idea); found 1")


def test_the_voices_sit_on_at_least_three_layers(data_dir, case):
    for voice in case["voices"][:4]:
        voice["layer"] = "business-goal"
        voice.pop("traps", None)
    case["voices"][3]["layer"] = "task"
    problem = problem_with(data_dir, case)
    assert problem.field == "voices"
    assert problem.message == "the voices must sit on at least 3 different layers; found 2 (business-goal, task)"


@pytest.mark.parametrize("where, count, said", [
    ("voices", 5, "a case has 6 to 9 voices; found 5"), ("voices", 10, "a case has 6 to 9 voices; found 10"),
    ("candidates", 2, "a case has 3 to 4 candidates; found 2"),
    ("candidates", 5, "a case has 3 to 4 candidates; found 5"),
])
def test_a_case_has_six_to_nine_voices_and_three_or_four_candidates(data_dir, case, where, count, said):
    entries = case[where]
    while len(entries) < count:
        extra = copy.deepcopy(entries[0] if where == "voices" else entries[-1])
        extra["id"] = f"extra-{len(entries)}"
        entries.append(extra)
    del entries[count:]
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field, problem.message) == (None, where, said)


@pytest.mark.parametrize("traps, said", [
    ([{"place": "business-goal", "why": "No."}],
     "'business-goal' is where this voice belongs, so it cannot be one of its traps"),
    ([{"place": "task", "why": "No."}, {"place": "task", "why": "Not either."}],
     "each place may be a trap once; repeated: task"),
    ([{"place": place, "why": "No."} for place in ("task", "initiative", "requirement", "constraint")],
     "a voice has at most 3 traps; found 4"),
])
def test_a_voices_traps_lead_elsewhere_once_each_and_at_most_three(data_dir, case, traps, said):
    case["voices"][1]["traps"] = traps
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field, problem.message) == ('voices[1] (id "demo-finance")', "traps", said)


def test_a_trap_names_a_layer_the_pyramid_has(data_dir, case):
    case["voices"][1]["traps"][0]["place"] = "operational-goals"
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field) == ('voices[1] (id "demo-finance")', "traps.0.place")
    assert problem.message.startswith('refers to layer "operational-goals", which no pyramid file defines')
    assert problem.message.endswith("did you mean 'operational-goal'?")


def test_a_trap_that_is_no_place_at_all_is_named(data_dir, case):
    case["voices"][1]["traps"][0]["place"] = "a-wish"
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field) == ('voices[1] (id "demo-finance")', "traps.0.place")
    assert 'refers to layer "a-wish"' in problem.message


def test_a_voice_that_is_not_a_goal_is_one_of_the_three_kinds(data_dir, case):
    case["voices"][4]["what_it_is"] = "learning-goal"
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field) == ('voices[4] (id "demo-security")', "what_it_is")
    assert problem.message == "should be 'requirement', 'constraint' or 'solution-idea', got the text 'learning-goal'"


def test_a_voice_that_sits_nowhere_is_told_its_three_kinds_not_a_learning_goal(data_dir, case):
    del case["voices"][4]["what_it_is"]
    problem = problem_with(data_dir, case)
    assert problem.item == 'voices[4] (id "demo-security")'  # the message names both fields
    assert problem.message == ("say where the voice sits: 'layer' (a pyramid layer id) or 'what_it_is'"
                               " (requirement, constraint or solution-idea)")


@pytest.mark.parametrize("where, key, item, field", [
    ("voice", "speaker", 'voices[2] (id "demo-desk")', "speaker"),
    ("candidate", "correct", 'candidates[1] (id "demo-first-answer")', "correct"),
    ("case", "notes", None, "notes"),
    ("chain", "project", None, "chain.project"),
])
def test_an_unknown_key_is_named_with_the_ones_allowed(data_dir, case, where, key, item, field):
    target = {"voice": case["voices"][2], "candidate": case["candidates"][1], "case": case,
              "chain": case["chain"]}[where]
    target[key] = "x"
    problem = problem_with(data_dir, case)
    assert (problem.item, problem.field) == (item, field)
    assert problem.message.startswith("is not a known field (allowed: ")


def test_the_chain_needs_every_step_down_to_one_task(data_dir, case):
    del case["chain"]["task"]
    problem = problem_with(data_dir, case)
    assert (problem.field, problem.message) == ("chain.task", "is required but missing")
