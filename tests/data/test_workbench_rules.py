"""The workbench's checks, run by the one engine (checks.js, under node) on real statements.

Every rule's own examples must fire or stay quiet as listed; the article's six
statements get the article's verdicts; and over every statement in the practice
sets and cards whose answer is known, each check must fire when it should
(recall >= 90 %) and rarely when it should not (false fires <= 10 %).

When a check SHOULD fire, and when it should NOT, from each item's data
(computed at test time, so edits to the content are followed):

- technology (check 1). Should: the answer is "A decision" (Goal or decision?) or
  "Technology first" (What is wrong?), the card's verdict is "Technology first",
  or what_it_is is solution-idea. Should not: any statement at a goal layer
  (company strategy, business, operational, technical), finished or not.
  Not counted: execution-layer items of the other sets, requirements,
  constraints, learning goals (a learning goal may well name the technology it tests).
- who-gains (check 2) and done-when (check 3). Should: the statement stops too
  soon: `unfinished: true`, the answer "Stops too soon", a card verdict "Stops
  too soon", or "Neither" in Goal or decision? for a statement at a goal layer.
  Should not: a good goal as written at the operational or technical layer
  (the layers the "so that" rule is about): the answer "A goal" or "Nothing"
  (What is wrong?), a good card, or a Which layer?/Who is speaking? item there
  that is not unfinished. For check 2, also report "2 or 3" on the stops-too-soon set.
  A statement stops too soon when nothing in it can be checked OR it breaks the
  "so that" rule (the one definition, HELP["unfinished"]): one that already gives
  a figure ("from 900 to 300 milliseconds by the end of June") has a finish line,
  so it counts for check 2 only, not check 3.
  Not counted: business goals and strategy (the business itself gains), execution,
  requirements, constraints, learning goals.
- requirements (check 4). Should: what_it_is requirement, or the card verdict
  "Requirements, not a goal". Should not: every statement at a goal layer.
  Not counted: constraints (a limit, not a list of requirements), execution, learning goals.
- learning-goal (check 5). Should: what_it_is learning-goal. Should not: every
  other statement.

    .venv/bin/python tests/data/test_workbench_rules.py   # prints the table
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from goal_pyramid import load_catalogue  # noqa: E402
from goal_pyramid.components.workbench import rules_json  # noqa: E402

GOAL_LAYERS = {"company-strategy", "business-goal", "operational-goal", "technical-goal"}
SO_THAT_LAYERS = {"operational-goal", "technical-goal"}
CHECKS = ["technology", "who-gains", "done-when", "requirements", "learning-goal"]

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="the checks run under node")


def run_checks(rules: list[dict], statements: list[str]) -> list[dict]:
    """Each statement's results from checks.js: {"results": [{id, fires, words}], "hint": ...}."""
    done = subprocess.run(["node", str(ROOT / "tests/js/run_checks.js")], input=json.dumps(
        {"rules": rules, "statements": statements}), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def fired(outcome: dict) -> set[str]:
    return {result["id"] for result in outcome["results"] if result["fires"]}


@dataclass
class Case:
    where: str
    statement: str
    should: set[str]
    should_not: set[str]
    stops_too_soon: bool


def expectations(layer, what_it_is, unfinished, answer, set_id, statement) -> tuple[set[str], set[str], bool]:
    """What each check should do for one statement, by the rules in this module's docstring."""
    should, should_not = set(), set()
    stops = unfinished or answer == "stops-too-soon" or (
        set_id == "goal-or-decision" and answer == "neither" and layer in GOAL_LAYERS)
    good_as_written = not stops and layer in SO_THAT_LAYERS and answer not in ("decision", "technology-first")
    if answer in ("decision", "technology-first") or what_it_is == "solution-idea":
        should.add("technology")
    elif layer in GOAL_LAYERS:
        should_not.add("technology")
    if stops:
        should.add("who-gains")
        if not any(character.isdigit() for character in statement):
            should.add("done-when")
    elif good_as_written:
        should_not |= {"who-gains", "done-when"}
    if what_it_is == "requirement":
        should.add("requirements")
    elif layer in GOAL_LAYERS:
        should_not.add("requirements")
    if what_it_is == "learning-goal":
        should.add("learning-goal")
    else:
        should_not.add("learning-goal")
    return should, should_not, stops


def cases(catalogue) -> list[Case]:
    found = []
    for quiz in catalogue.quizzes.values():
        for item in quiz.items:
            answer = next(option.id for option in item.options if option.correct)
            should, should_not, stops = expectations(item.layer, item.what_it_is, item.unfinished, answer, quiz.id,
                                                     item.statement)
            found.append(Case(f"{quiz.id}/{item.id}", item.statement, should, should_not, stops))
    for card_set in catalogue.card_sets.values():
        for card in card_set.cards:
            verdict = card.verdict.lower()
            answer = ("technology-first" if "technology first" in verdict
                      else "stops-too-soon" if "stops too soon" in verdict
                      else "requirement" if "requirement" in verdict else ("goal" if card.good else None))
            what_it_is = "requirement" if answer == "requirement" else card.what_it_is
            should, should_not, stops = expectations(card.layer, what_it_is, card.unfinished, answer, card_set.id,
                                                     card.statement)
            found.append(Case(f"{card_set.id}/{card.id}", card.statement, should, should_not, stops))
    return found


def quality(catalogue) -> tuple[dict[str, dict], list[str]]:
    """Per check: should-fire count, fired, should-not count, false fires; and each miss, for reading."""
    all_cases = cases(catalogue)
    rules = rules_json(catalogue.by_kind("workbench")["workbench-rules"])
    outcomes = run_checks(rules, [c.statement for c in all_cases])
    table = {check: {"should": 0, "fired": 0, "should_not": 0, "false": 0} for check in [*CHECKS, "2 or 3"]}
    misses = []
    for case, outcome in zip(all_cases, outcomes, strict=True):
        fires = fired(outcome)
        for check in CHECKS:
            if check in case.should:
                table[check]["should"] += 1
                table[check]["fired"] += check in fires
                if check not in fires:
                    misses.append(f"missed {check}: {case.where}: {case.statement}")
            elif check in case.should_not:
                table[check]["should_not"] += 1
                table[check]["false"] += check in fires
                if check in fires:
                    misses.append(f"false {check}: {case.where}: {case.statement}")
        if case.stops_too_soon:
            table["2 or 3"]["should"] += 1
            table["2 or 3"]["fired"] += bool(fires & {"who-gains", "done-when"})
    return table, misses


def report(table: dict[str, dict]) -> str:
    lines = [f"{'check':<14} {'should':>6} {'fired':>6} {'recall':>7}   {'should not':>10} {'false':>6} {'rate':>6}"]
    for check, row in table.items():
        recall = f"{row['fired'] / row['should']:.0%}" if row["should"] else "n/a"
        rate = f"{row['false'] / row['should_not']:.0%}" if row["should_not"] else "n/a"
        lines.append(f"{check:<14} {row['should']:>6} {row['fired']:>6} {recall:>7}   "
                     f"{row['should_not']:>10} {row['false']:>6} {rate:>6}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "quiz_data")


@pytest.fixture(scope="module")
def rules(catalogue):
    return rules_json(catalogue.by_kind("workbench")["workbench-rules"])


def test_every_rule_keeps_its_own_examples(catalogue, rules):
    wrong = []
    for rule in catalogue.by_kind("workbench")["workbench-rules"].rules:
        texts = [*rule.examples.fires, *rule.examples.quiet]
        for text, outcome in zip(texts, run_checks(rules, texts), strict=True):
            expected = text in rule.examples.fires
            if (rule.id in fired(outcome)) != expected:
                wrong.append(f"{rule.id} should {'fire' if expected else 'stay quiet'} on: {text}")
    assert wrong == []


ARTICLE = {
    "Migrate to a streaming platform": {"fires": {"technology"}},
    "Reduce data pipeline latency": {"fires": {"who-gains", "done-when"}, "quiet": {"technology"}},
    "Ensure the platform meets enterprise security standards, supports multi-tenancy, and maintains 99.9% uptime":
        {"fires": {"requirements"}},
    "Ensure models run on data under one hour old so operations can act before deals go cold":
        {"quiet": {"technology", "who-gains", "requirements", "done-when"}},
    "Reduce pipeline latency so analysts can run exploratory queries without waiting for overnight batch jobs":
        {"quiet": {"technology", "who-gains", "requirements"}},
    "Validate whether sub-minute data freshness justifies the infrastructure investment for a pilot customer segment":
        {"fires": {"learning-goal"}},
}


def test_the_articles_six_statements_get_the_articles_verdicts(rules):
    for (statement, expected), outcome in zip(ARTICLE.items(), run_checks(rules, list(ARTICLE)), strict=True):
        fires = fired(outcome)
        assert expected.get("fires", set()) <= fires, (statement, fires)
        assert not (expected.get("quiet", set()) & fires), (statement, fires)


def test_checks_fire_when_they_should_and_rarely_when_they_should_not(catalogue):
    table, misses = quality(catalogue)
    text = report(table)
    out = ROOT / "test-results"
    out.mkdir(exist_ok=True)
    (out / "workbench-quality.txt").write_text(text + "\n\n" + "\n".join(misses) + "\n", encoding="utf-8")
    for check, row in table.items():
        if row["should"]:
            assert row["fired"] / row["should"] >= 0.9, f"{check} recall too low\n{text}\n" + "\n".join(misses)
        if row["should_not"]:
            assert row["false"] / row["should_not"] <= 0.1, f"{check} fires too often\n{text}\n" + "\n".join(misses)


if __name__ == "__main__":
    table, misses = quality(load_catalogue(ROOT / "quiz_data"))
    print(report(table))
    print("\n".join(misses))
