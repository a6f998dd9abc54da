"""The cases teach what the pages say: content checks on the real cases in quiz_data/.

- At least five cases, one per page, each from a different kind of work.
- The voices spread over the pyramid and the three kinds of "not a goal".
- No strategy that ignores the text beats chance by more than 15 points, on
  the voices (ten places to choose from) or on the candidate goals (in the
  authored order: the order facilitator mode and the page without JavaScript show).
- The candidate to pick, and the worked answer's project goal, pass the
  workbench's own checks, since "Open it in the workbench" puts them there.

Run `python tests/data/test_cases.py` for the table of scores.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import yaml

from goal_pyramid import load_catalogue
from goal_pyramid.components.scenario import NOT_A_GOAL

ROOT = Path(__file__).resolve().parents[2]
MARGIN = 0.15
MIN_CASES = 5
MAX_SHARE_OF_ONE_PLACE = 0.25  # no place may hold more than a quarter of all voices

# A number in figures or in words, fractions included ("a quarter", "a fifth").
NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                    r"forty|fifty|hundred|thousand|half|halve|double|twice|triple|third|quarter|fifth|tenth|"
                    r"per ?cent|dozen)s?\b", re.I)
SO_THAT = re.compile(r"\bso that\b|\bso (we|they|he|she|it|you|our|the)\b", re.I)


@functools.cache
def catalogue():
    return load_catalogue(ROOT / "quiz_data")


def cases():
    return list(catalogue().sets["scenario"].values())


@functools.cache
def place_order() -> tuple[str, ...]:
    return (*catalogue().layer_names(), *NOT_A_GOAL)


# --- voices: each strategy gives a place to every voice without reading what it says ----------

def _always(place):
    return lambda case, index, history: [place]


def _by_position(reverse: bool):
    """The room speaks from the top of the pyramid down (or from the bottom up)."""
    def strategy(case, index, history):
        order = place_order()[:7]
        order = order[::-1] if reverse else order
        n = len(case.voices)
        return [order[round(index * (len(order) - 1) / max(n - 1, 1))]]
    return strategy


def _same_as_last(case, index, history):
    return [history[-1]] if history else place_order()


def _most_so_far(case, index, history):
    counts = Counter(history)
    top = max(counts.values(), default=0)
    return [p for p in place_order() if counts[p] == top] if history else place_order()


def _least_so_far(case, index, history):
    counts = Counter(history)
    low = min(counts[p] for p in place_order())
    return [p for p in place_order() if counts[p] == low]


def _by_length(all_cases):
    """Learn only word counts, from the other cases: the place whose voices are closest in mean length."""
    def strategy(case, index, history):
        voice = case.voices[index]
        lengths: dict[str, list[int]] = {}
        for other in all_cases:
            if other is case:
                continue
            for v in other.voices:
                lengths.setdefault(v.place, []).append(len(v.says.split()))
        gaps = {p: abs(sum(ls) / len(ls) - len(voice.says.split())) for p, ls in lengths.items()}
        least = min(gaps.values())
        return [p for p, gap in gaps.items() if gap == least]
    return strategy


def voice_strategies(all_cases):
    found = {f"always {place}": _always(place) for place in place_order()}
    found |= {"top-down by position": _by_position(False), "bottom-up by position": _by_position(True),
              "same as the last voice": _same_as_last, "place given most so far": _most_so_far,
              "place given least so far": _least_so_far, "by length (other cases)": _by_length(all_cases)}
    return found


def voice_score(all_cases, strategy) -> float:
    """Expected share right over every voice (ties broken at random)."""
    total, right = 0, 0.0
    for case in all_cases:
        history: list[str] = []
        for index, voice in enumerate(case.voices):
            picks = strategy(case, index, history)
            right += (voice.place in picks) / len(picks)
            total += 1
            history.append(voice.place)
    return right / total


# --- candidates: each strategy picks one without reading it -------------------------------------

def _at(where):
    def strategy(case):
        n = len(case.candidates)
        return [{"first": 0, "middle": (n - 1) // 2, "middle (upper)": n // 2, "last": n - 1}[where]]
    return strategy


def _by_words(longest: bool):
    def strategy(case):
        lengths = [len(c.goal.split()) for c in case.candidates]
        best = max(lengths) if longest else min(lengths)
        return [i for i, n in enumerate(lengths) if n == best]
    return strategy


def _with(pattern):
    def strategy(case):
        hits = [i for i, c in enumerate(case.candidates) if pattern.search(c.goal)]
        return hits or list(range(len(case.candidates)))
    return strategy


CANDIDATE_STRATEGIES = {
    "always first": _at("first"), "always middle": _at("middle"), "always middle (upper)": _at("middle (upper)"),
    "always last": _at("last"), "the longest": _by_words(True), "the shortest": _by_words(False),
    "one with a number": _with(NUMBER), "one with 'so that'": _with(SO_THAT),
}


def candidate_score(all_cases, strategy) -> float:
    right = 0.0
    for case in all_cases:
        best = next(i for i, c in enumerate(case.candidates) if c.best)
        picks = strategy(case)
        right += (best in picks) / len(picks)
    return right / len(all_cases)


def candidate_chance(all_cases) -> float:
    return sum(1 / len(case.candidates) for case in all_cases) / len(all_cases)


# --- the tests -----------------------------------------------------------------------------------

def test_there_are_enough_cases_each_from_a_different_kind_of_work():
    found = cases()
    assert len(found) >= MIN_CASES
    kinds = [case.project for case in found]
    assert len(set(kinds)) == len(kinds), f"two cases from one kind of work: {kinds}"


def test_each_case_has_its_own_page_that_draws_it():
    for case in cases():
        page = ROOT / "docs" / "cases" / f"{case.id}.md"
        assert page.is_file(), f"{case.id}: no page docs/cases/{case.id}.md"
        assert re.search(r"```gp-scenario\n" + re.escape(case.id) + r"\n```", page.read_text()), page
        nav = yaml.safe_load(re.sub(r"!!python/name:\S+|!ENV \[[^\]]*\]", "x", (ROOT / "mkdocs.yml").read_text()))
        assert f"cases/{case.id}.md" in json.dumps(nav["nav"]), f"{case.id}: its page is not in the nav"


def test_each_case_has_an_embed_page_and_the_page_tests_know_every_case():
    for case in cases():
        embed = ROOT / "docs" / "embed" / f"case-{case.id}.md"
        assert embed.is_file(), f"{case.id}: no embed page docs/embed/case-{case.id}.md"
        assert re.search(r"```gp-scenario\n" + re.escape(case.id) + r"\n```", embed.read_text()), embed
    from tests.conftest import CASES  # here, so that `python tests/data/test_cases.py` runs without the tests package

    assert sorted(CASES) == sorted(case.id for case in cases()), "tests/conftest.py CASES lists the cases"


def test_the_voices_spread_over_the_pyramid_and_the_kinds_of_not_a_goal():
    voices = [voice for case in cases() for voice in case.voices]
    counts = Counter(voice.place for voice in voices)
    for place in place_order():
        assert counts[place] >= 1, f"no voice sits at {place}"
    top, n = counts.most_common(1)[0]
    assert n / len(voices) <= MAX_SHARE_OF_ONE_PLACE, f"{top} holds {n} of {len(voices)} voices"


def test_no_blind_strategy_sorts_the_voices_much_better_than_chance():
    found = cases()
    limit = 1 / len(place_order()) + MARGIN
    for name, strategy in voice_strategies(found).items():
        assert voice_score(found, strategy) <= limit + 1e-9, f"voices: '{name}' scores too well"


def test_no_blind_strategy_picks_the_goal_much_better_than_chance():
    found = cases()
    limit = candidate_chance(found) + MARGIN
    for name, strategy in CANDIDATE_STRATEGIES.items():
        assert candidate_score(found, strategy) <= limit + 1e-9, f"candidates: '{name}' scores too well"


def run_checks(statements: list[str]) -> list[dict]:
    rules = yaml.safe_load((ROOT / "quiz_data" / "workbench-rules.yml").read_text())["rules"]
    done = subprocess.run(["node", str(ROOT / "tests/js/run_checks.js")],
                          input=json.dumps({"rules": rules, "statements": statements}),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_goal_to_pick_passes_the_workbenchs_checks():
    found = cases()
    texts = [text for case in found for text in (next(c for c in case.candidates if c.best).goal,
                                                  case.chain.project_goal)]
    for text, outcome in zip(texts, run_checks(texts), strict=True):
        flagged = [result["id"] for result in outcome["results"] if result["fires"]]
        assert not flagged, f"{text!r}: the workbench flags it ({', '.join(flagged)})"
        assert outcome["hint"]["layer"] == "operational-goal", f"{text!r}: the workbench reads it as {outcome['hint']}"


def report() -> str:
    found = cases()
    lines = [f"Voices: {sum(len(c.voices) for c in found)} in {len(found)} cases, chance "
             f"{1 / len(place_order()):.0%}, limit {1 / len(place_order()) + MARGIN:.0%}"]
    counts = Counter(v.place for c in found for v in c.voices)
    lines += [f"  {place}: {counts[place]}" for place in place_order()]
    lines += [f"  {name}: {voice_score(found, s):.0%}" for name, s in voice_strategies(found).items()]
    lines.append(f"Candidates: chance {candidate_chance(found):.0%}, limit {candidate_chance(found) + MARGIN:.0%}")
    lines += [f"  {name}: {candidate_score(found, s):.0%}" for name, s in CANDIDATE_STRATEGIES.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
