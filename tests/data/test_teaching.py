"""The practice sets teach what the pages say: content checks on the real data in quiz_data/.

- Every answer agrees with its "where it sits" line (layer or what_it_is).
- No strategy that ignores the statement beats chance by more than 15 points
  on the authored order (the order facilitator mode, the no-JavaScript page
  and the handout show).
- "Not a goal" is offered wherever it could be; Which layer? never offers only
  neighbouring layers.
- Coverage: every layer, many kinds of project, new situations.
- Plain international English, and the glossary explains the terms used.

Run `python tests/data/test_teaching.py` (or pytest with -s) for the table of
scores, layers and kinds; pytest also writes it to test-results/teaching-report.txt.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from goal_pyramid import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
MARGIN = 0.15  # a blind strategy may beat chance by at most 15 points
MIN_PER_LAYER = 3
MIN_KINDS = 12
MIN_PER_KIND = 3
NEW_KINDS = ("b2b-software", "payments", "manufacturing", "education", "non-profit")

# Words that name a tool or a kind of technology: the shortcut "no tool named, so it's a goal".
TOOL_WORDS = [
    "kubernetes", "flutter", "cloud", "platform", "database", "chatbot", "bot", "ai", "module",
    "suite", "portal", "app", "apps", "software", "system", "systems", "tool", "microservices",
    "api", "crm", "single sign-on", "identity provider", "vector", "spreadsheet", "spreadsheets",
    "low-code", "saas", "vendor", "supplier", "provider", "server", "servers", "website",
    "dashboard", "tablet", "sensor", "sensors", "robot", "automation", "automate", "erp",
    "machine learning", "model", "framework", "codebase",
]
_TOOL = re.compile(r"\b(" + "|".join(re.escape(w) for w in TOOL_WORDS) + r")\b", re.IGNORECASE)

# Terms only readers in one country know; each needs a plain replacement.
UK_ONLY = ["blue badge", "GP surgery", "GPs", "the surgery", "NHS", "trust's", "council cabinet",
           "cabinet member", "postcode", "Year 9", "bin collection", "rota", "head teacher", "maths",
           "pupils", "pastoral", "new starter", "new starters", "leaver", "leavers", "bank nurse",
           "repeat prescription", "doctor's practice", "exams officer", "lower school",
           "information governance", "programme director"]

GLOSSARY_TERMS = ["Bet", "Initiative", "Delivery increment", '"So that"', "Technology-swap test",
                  "Requirement", "Constraint", "Solution idea", "Learning goal", "Operational goal",
                  "Multi-tenancy", "Feature store", "Blue-green deployment"]

NOT_A_GOAL = re.compile(r"^Not a goal", re.IGNORECASE)
WHAT_IT_IS_WORDS = {"requirement": "requirement", "constraint": "constraint",
                    "solution idea": "solution-idea", "learning goal": "learning-goal"}


def catalogue():
    return load_catalogue(ROOT / "quiz_data")


def layers(cat) -> list:
    return next(iter(cat.pyramids.values())).layers


def all_items(cat):
    return [(quiz_id, item) for quiz_id, quiz in cat.quizzes.items() for item in quiz.items]


def correct(item):
    return next(o for o in item.options if o.correct)


def correct_index(item) -> int:
    return next(i for i, o in enumerate(item.options) if o.correct)


# --- blind strategies: each picks an option index without reading the statement ---

def _first(item, history):
    return 0


def _last(item, history):
    return len(item.options) - 1


def _middle(item, history):
    return (len(item.options) - 1) // 2


def _middle_upper(item, history):
    return len(item.options) // 2


def _same_place_as_last(item, history):
    return min(history[-1][0], len(item.options) - 1) if history else 0


def _most_given_so_far(item, history):
    seen = Counter(label for _, label in history)
    best = max(range(len(item.options)), key=lambda i: (seen[item.options[i].label], -i))
    return best


def _least_given_so_far(item, history):
    seen = Counter(label for _, label in history)
    return min(range(len(item.options)), key=lambda i: (seen[item.options[i].label], i))


def _not_the_place_of_last_answer(item, history):
    last = history[-1][0] if history else -1
    return next(i for i in range(len(item.options)) if i != last)


def _no_tool_means_goal(item, history):
    labels = [o.label for o in item.options]
    wanted = "A decision" if _TOOL.search(item.statement) else "A goal"
    return labels.index(wanted) if wanted in labels else 0


def _length(item) -> int:
    return len(_words(item.statement))


def _by_statement_length(quiz):
    """Learn only word counts: answer the label whose other items are closest in mean length."""
    def strategy(item, history):
        labels = [o.label for o in item.options]
        best, best_gap = 0, None
        for index, label in enumerate(labels):
            lengths = [_length(other) for other in quiz.items
                       if other is not item and correct(other).label == label]
            if not lengths:
                continue
            gap = abs(sum(lengths) / len(lengths) - _length(item))
            if best_gap is None or gap < best_gap:
                best, best_gap = index, gap
        return best
    return strategy


SO_THAT = re.compile(r"\bso that\b|\bso (we|they|he|she|it|you|our|the)\b", re.IGNORECASE)
NUMBER_WORDS = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|half|halve|double|quarter)\b", re.IGNORECASE)


def _goal_if(pattern, otherwise):
    def strategy(item, history):
        labels = [o.label for o in item.options]
        wanted = "A goal" if re.search(pattern, item.statement) else otherwise
        return labels.index(wanted) if wanted in labels else 0
    return strategy


STRATEGIES = {
    "always first": _first,
    "always middle": _middle,
    "always middle (upper)": _middle_upper,
    "always last": _last,
    "same place as last answer": _same_place_as_last,
    "answer given most so far": _most_given_so_far,
    "answer given least so far": _least_given_so_far,
    "never the place of last answer": _not_the_place_of_last_answer,
}
GOAL_OR_DECISION_ONLY = {
    "no tool named => goal": _no_tool_means_goal,
    "has a number => goal, else decision": _goal_if(NUMBER_WORDS, "A decision"),
    "has a number => goal, else neither": _goal_if(NUMBER_WORDS, "Neither"),
    "has 'so that' => goal, else decision": _goal_if(SO_THAT, "A decision"),
    "has 'so that' => goal, else neither": _goal_if(SO_THAT, "Neither"),
}


def chance(quiz) -> float:
    return sum(1 / len(item.options) for item in quiz.items) / len(quiz.items)


def score(quiz, strategy) -> float:
    history: list[tuple[int, str]] = []
    right = 0
    for item in quiz.items:
        right += strategy(item, history) == correct_index(item)
        history.append((correct_index(item), correct(item).label))
    return right / len(quiz.items)


def strategies_for(quiz_id, quiz=None):
    by_length = {"pick by statement length": _by_statement_length(quiz)} if quiz is not None else {}
    return STRATEGIES | by_length | (GOAL_OR_DECISION_ONLY if quiz_id == "goal-or-decision" else {})


def report(cat) -> str:
    lines = ["Blind strategies on the authored order (score vs chance; limit chance + 15 points)", ""]
    for quiz_id, quiz in cat.quizzes.items():
        base = chance(quiz)
        lines.append(f"{quiz_id} ({len(quiz.items)} items, chance {base:.0%}):")
        for name, strategy in strategies_for(quiz_id, quiz).items():
            lines.append(f"  {name:<38} {score(quiz, strategy):>5.0%}")
    lines += ["", "Items per layer:"]
    layer_count = Counter(item.layer for _, item in all_items(cat) if item.layer)
    for layer in layers(cat):
        lines.append(f"  {layer.name:<20} {layer_count[layer.id]}")
    what = Counter(item.what_it_is for _, item in all_items(cat) if item.what_it_is)
    for kind, count in sorted(what.items()):
        lines.append(f"  (no layer: {kind}) {count}")
    lines += ["", "Items per kind of project:"]
    for kind, count in sorted(Counter(item.project for _, item in all_items(cat)).items()):
        lines.append(f"  {kind:<20} {count}")
    fresh = [i for _, i in all_items(cat) if is_new_situation(i)]
    new_kinds = [i for _, i in all_items(cat) if i.project in NEW_KINDS]
    lines += ["", f"New situations: {len(fresh)} of {len(all_items(cat))}"
              f" (of them from the five new kinds of work: {len(new_kinds)})"]
    return "\n".join(lines) + "\n"


# --- new situations: not the opening meeting, and not a sentence from any page ---

def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _page_ngrams(n: int = 5) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for page in (ROOT / "docs").rglob("*.md"):
        words = _words(page.read_text(encoding="utf-8"))
        grams.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return grams


_PAGE_GRAMS: set | None = None


def is_new_situation(item) -> bool:
    global _PAGE_GRAMS
    if _PAGE_GRAMS is None:
        _PAGE_GRAMS = _page_ngrams()
    if item.project == "data-platform":  # the opening meeting, told on the home page
        return False
    words = _words(item.statement)
    return not any(tuple(words[i:i + 5]) in _PAGE_GRAMS for i in range(len(words) - 4))


# --- tests ---

@pytest.fixture(scope="module")
def cat():
    return catalogue()


def test_the_report_is_written(cat):
    text = report(cat)
    print("\n" + text)
    out = ROOT / "test-results"
    out.mkdir(exist_ok=True)
    (out / "teaching-report.txt").write_text(text, encoding="utf-8")


def test_every_answer_agrees_with_where_it_sits(cat):
    names = {layer.name: layer.id for layer in layers(cat)}
    group = {layer.id: layer.group for layer in layers(cat)}
    problems = []
    for _quiz_id, item in all_items(cat):
        label = correct(item).label
        said = next((v for k, v in WHAT_IT_IS_WORDS.items() if k in label.lower()), None)
        if label in names:
            ok = item.layer == names[label]
        elif NOT_A_GOAL.match(label) or label == "Requirements, not a goal":
            ok = item.what_it_is is not None and item.what_it_is == (said or "requirement")
        elif label in ("A decision", "Technology first"):
            ok = (item.layer and group[item.layer] == "execution") or item.what_it_is == "solution-idea"
        elif label in ("A goal",) or label.startswith("Nothing") or label == "Stops too soon":
            ok = (item.layer and group[item.layer] == "goals") or item.what_it_is == "learning-goal"
        elif label == "Neither":
            ok = item.what_it_is in ("requirement", "constraint") or (
                item.layer is not None and group[item.layer] == "goals")
        else:
            ok = False
        if not ok:
            problems.append(f"{item.id}: answer {label!r} but layer={item.layer} what_it_is={item.what_it_is}")
    assert not problems, "\n".join(problems)


GOOD_AS_A_GOAL = ("A goal", "Nothing: it is a good goal")


def test_unfinished_marks_the_statements_that_stop_too_soon_and_no_others(cat):
    """"Neither" or "Stops too soon" with a layer means the statement points there but stops
    too soon, so the page must say so; an answer that calls it good, or places it on its
    layer as it stands, must not."""
    names = {layer.name for layer in layers(cat)}
    problems = []
    for _, item in all_items(cat):
        label = correct(item).label
        if label in ("Neither", "Stops too soon") and item.layer is not None and not item.unfinished:
            problems.append(f"{item.id}: answer {label!r} at layer {item.layer} needs 'unfinished: true'")
        if item.unfinished and (label in GOOD_AS_A_GOAL or label in names):
            problems.append(f"{item.id}: answer {label!r} calls it right as it stands, but it is unfinished")
    for card_set in cat.card_sets.values():
        for card in card_set.cards:
            if card.verdict == "Stops too soon" and card.layer is not None and not card.unfinished:
                problems.append(f"{card.id}: verdict 'Stops too soon' needs 'unfinished: true'")
            if card.good and card.unfinished:
                problems.append(f"{card.id}: a good card cannot be unfinished")
    assert not problems, "\n".join(problems)
    assert any(item.unfinished for _, item in all_items(cat)), "no unfinished item: is the flag read?"


def test_an_answer_that_is_not_a_goal_never_sits_on_a_layer(cat):
    for _, item in all_items(cat):
        if NOT_A_GOAL.match(correct(item).label):
            assert item.layer is None, item.id


@pytest.mark.parametrize("quiz_id", ["who-is-speaking", "goal-or-decision", "which-layer", "whats-wrong"])
def test_no_blind_strategy_beats_chance_by_more_than_15_points(cat, quiz_id):
    quiz = cat.quizzes[quiz_id]
    limit = chance(quiz) + MARGIN
    scores = {name: score(quiz, s) for name, s in strategies_for(quiz_id, quiz).items()}
    assert all(value <= limit + 1e-9 for value in scores.values()), (
        f"limit {limit:.0%}: " + ", ".join(f"{k} {v:.0%}" for k, v in scores.items()))


def test_goal_or_decision_holds_requirements_and_unfinished_goals_that_name_no_tool(cat):
    quiz = cat.quizzes["goal-or-decision"]
    answers = Counter(correct(item).label for item in quiz.items)
    assert set(answers) == {"A goal", "A decision", "Neither"}, answers
    no_tool_not_goal = [i for i in quiz.items if not _TOOL.search(i.statement) and correct(i).label != "A goal"]
    assert len(no_tool_not_goal) >= 4, [i.id for i in no_tool_not_goal]


@pytest.mark.parametrize("quiz_id", ["who-is-speaking", "which-layer"])
def test_not_a_goal_is_offered_in_every_item(cat, quiz_id):
    missing = [item.id for item in cat.quizzes[quiz_id].items
               if not any(NOT_A_GOAL.match(o.label) for o in item.options)]
    assert not missing, missing
    right = [item.id for item in cat.quizzes[quiz_id].items if NOT_A_GOAL.match(correct(item).label)]
    assert 0 < len(right) < len(cat.quizzes[quiz_id].items) / 2, right


def test_which_layer_options_are_not_all_neighbours(cat):
    order = [layer.name for layer in layers(cat)]
    problems = []
    for item in cat.quizzes["which-layer"].items:
        positions = sorted(order.index(o.label) for o in item.options if o.label in order)
        if positions and positions[-1] - positions[0] == len(positions) - 1:
            problems.append(item.id)
    assert not problems, f"only neighbouring layers offered: {problems}"


def test_every_layer_has_at_least_three_items(cat):
    counted = Counter(item.layer for _, item in all_items(cat) if item.layer)
    short = {layer.name: counted[layer.id] for layer in layers(cat) if counted[layer.id] < MIN_PER_LAYER}
    assert not short, short


def test_many_kinds_of_project(cat):
    counted = Counter(item.project for _, item in all_items(cat))
    enough = [kind for kind, count in counted.items() if count >= MIN_PER_KIND]
    assert len(enough) >= MIN_KINDS, counted
    for kind in NEW_KINDS:
        assert counted[kind] >= MIN_PER_KIND, kind


def test_a_third_of_items_are_new_situations(cat):
    items = [item for _, item in all_items(cat)]
    fresh = [item for item in items if is_new_situation(item)]
    assert len(fresh) * 3 >= len(items), f"{len(fresh)} of {len(items)}"


def test_no_uk_only_terms(cat):
    texts = []
    for _, item in all_items(cat):
        texts += [item.statement, item.speaker or "", item.takeaway, item.discussion or ""]
        texts += [o.label + " " + o.explanation for o in item.options]
    for card_set in cat.card_sets.values():
        texts += [c.statement + " " + c.explanation for c in card_set.cards]
    for page in (ROOT / "docs").rglob("*.md"):
        texts.append(page.read_text(encoding="utf-8"))
    found = {term for term in UK_ONLY for text in texts if re.search(r"\b" + re.escape(term) + r"\b", text)}
    assert not found, found


def test_the_glossary_explains_its_terms():
    glossary = (ROOT / "docs/glossary.md").read_text(encoding="utf-8")
    missing = [term for term in GLOSSARY_TERMS if f"## {term}" not in glossary and f"**{term}**" not in glossary]
    assert not missing, missing


def test_cards_that_sit_on_no_layer_say_what_they_are(cat):
    cards = {c.id: c for s in cat.card_sets.values() for c in s.cards}
    assert cards["security-requirements"].what_it_is == "requirement"
    assert cards["validate-freshness-pilot"].what_it_is == "learning-goal"


# Ids readers already have progress and links for: reword freely, never rename or drop.
PUBLISHED_IDS = [
    "gd-billing-chat-answers", "gd-expense-approval-days", "gd-first-payday-right",
    "gd-flutter-rewrite", "gd-kubernetes-move", "gd-leaver-access-hour", "gd-low-code-expenses",
    "gd-offline-site-visits", "gd-patient-portal-module", "gd-rollback-five-minutes",
    "gd-single-sign-on", "gd-vector-database", "wl-agency-nurse-spend",
    "wl-booking-site-recovery", "wl-critical-vulnerabilities", "wl-first-month-cancellations",
    "wl-fraud-scoring-speed", "wl-holiday-payroll-link", "wl-label-disputed-payments",
    "wl-live-stock-feed", "wl-refurbished-electronics", "wl-renew-tls-certificate",
    "wl-repeat-prescription-story", "wl-ticket-routing", "ws-architect-capabilities",
    "ws-business-revenue-renewals", "ws-council-permit-cost", "ws-it-security-scale",
    "ws-leadership-pull-ahead", "ws-management-go-live-date", "ws-mobile-dev-fingerprint",
    "ws-operations-stale-scores", "ws-product-owner-live-tier", "ws-service-parcel-calls",
    "ww-app-start-up", "ww-blue-badge-decisions", "ww-build-time", "ww-cloud-hr-suite",
    "ww-compliance-checklist", "ww-compromised-account", "ww-council-chatbot",
    "ww-forecast-accuracy", "ww-gp-summary-trial", "ww-month-end-close",
    "ww-records-system-spec", "ww-shop-microservices",
    # added with the near misses for length, numbers and "so that"
    "gd-payroll-helpline-outsource", "gd-warehouse-scan-speed", "gd-volunteer-signup-smoother",
    "gd-helpline-two-minutes", "gd-till-stock-check", "ww-shop-smoother-experience",
    "ww-card-confirm-speed", "ww-manager-feedback", "ww-refund-within-a-day", "wl-hr-suite-features",
]


def test_every_published_item_id_is_kept(cat):
    ids = {item.id for _, item in all_items(cat)}
    assert not [i for i in PUBLISHED_IDS if i not in ids]


if __name__ == "__main__":
    print(report(catalogue()))
