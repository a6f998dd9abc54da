"""Shared fixtures: paths, and a small valid data set to break in tests."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def valid_pyramid() -> dict:
    names = [
        ("company-strategy", "Company strategy", "goals"),
        ("business-goal", "Business goal", "goals"),
        ("operational-goal", "Operational goal", "goals"),
        ("technical-goal", "Technical goal", "goals"),
        ("initiative", "Initiative", "execution"),
        ("delivery-increment", "Delivery increment", "execution"),
        ("task", "Task", "execution"),
    ]
    return {
        "kind": "pyramid",
        "id": "goal-pyramid",
        "title": "The goal pyramid",
        "layers": [
            {
                "id": layer_id,
                "name": name,
                "group": group,
                "question": f"Question of {name}?",
                "focus": f"Focus of {name}",
                "about": f"About *{name}*.",
                "example": f"Example at {name}",
                "sweet_spot": layer_id == "operational-goal",
            }
            for layer_id, name, group in names
        ],
    }


def valid_cards() -> dict:
    return {
        "kind": "cards",
        "id": "six-examples",
        "title": "Six goal statements",
        "cards": [
            {
                "id": "migrate-to-streaming",
                "statement": "Migrate to a streaming platform",
                "verdict": "Technology first",
                "good": False,
                "layer": "initiative",
                "explanation": "It names a tool, not a result.",
            },
            {
                "id": "fresh-data-operational",
                "statement": "Ensure models run on fresh data",
                "verdict": "Good — operational goal",
                "good": True,
                "explanation": "Measurable and **tool-free**.",
            },
        ],
    }


class DataDir:
    """A quiz_data folder in tmp_path that a test can fill with good or broken files."""

    def __init__(self, path: Path):
        self.path = path
        path.mkdir(parents=True, exist_ok=True)

    def write(self, name: str, data: dict | str) -> Path:
        target = self.path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        target.write_text(text, encoding="utf-8")
        return target

    def valid(self) -> DataDir:
        self.write("pyramid.yml", valid_pyramid())
        self.write("examples.yml", valid_cards())
        return self

    def problems(self) -> list:
        """Every problem loading this folder reports (it must report some)."""
        from goal_pyramid import DataError, load_catalogue

        with pytest.raises(DataError) as caught:
            load_catalogue(self.path)
        return caught.value.problems

    def only_problem(self):
        problems = self.problems()
        assert len(problems) == 1, [str(p) for p in problems]
        return problems[0]


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> DataDir:
    monkeypatch.chdir(tmp_path)  # problems name files relative to where the build runs
    return DataDir(tmp_path / "quiz_data")


@pytest.fixture
def pyramid_data() -> dict:
    return copy.deepcopy(valid_pyramid())


@pytest.fixture
def cards_data() -> dict:
    return copy.deepcopy(valid_cards())


# --- the browser the Playwright tests drive --------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    from goal_pyramid.tools import chromium

    options = chromium.launch_options()
    return {**browser_type_launch_args, **options,
            "args": [*browser_type_launch_args.get("args", []), *options["args"]]}


# --- the built site, served on a free port, shared by the gates and the browser tests -----


@pytest.fixture(scope="session")
def served_site():
    from goal_pyramid.tools.site_server import built_site

    with built_site(ROOT) as site:
        yield site


# One component set each, without the site around it, for an <iframe> (docs/embed/).
CASES = ["data-platform-meeting", "hospital-shifts", "online-checkout", "expense-tool", "b2b-sign-up",
         "factory-monitoring"]
EMBED_PAGES = ["embed/pyramid/", "embed/examples/", "embed/who-is-speaking/", "embed/goal-or-decision/",
               "embed/which-layer/", "embed/whats-wrong/", "embed/write-your-goal/",
               *(f"embed/case-{case}/" for case in CASES)]

# Every built page, the 404 page included (a static server returns it with 200 here).
PAGES = ["", "pyramid/", "technical-goals/", "execution/", "examples/", "write-your-goal/", "about/",
         "practice/", "practice/who-is-speaking/", "practice/goal-or-decision/", "practice/which-layer/",
         "practice/whats-wrong/", "practice/progress/", "practice/review/", "practice/run-a-session/",
         "glossary/", "embedding/", "hosting/", "learning-platform/", "404.html", "cases/",
         *(f"cases/{case}/" for case in CASES),
         *EMBED_PAGES]


def valid_quiz() -> dict:
    def option(option_id, label, correct=False):
        return {"id": option_id, "label": label, "correct": correct, "explanation": f"Because {label}."}

    return {
        "kind": "quiz",
        "id": "goal-or-decision",
        "title": "Goal or decision?",
        "intro": "Guess first.",
        "items": [
            {
                "id": "gd-move-to-kubernetes",
                "type": "two-way",
                "project": "infrastructure",
                "layer": "initiative",
                "statement": "Move every service to Kubernetes",
                "question": "Goal or decision?",
                "options": [option("goal", "A goal"), option("decision", "A decision", True)],
                "takeaway": "Swap the tool and see if it survives.",
            },
            {
                "id": "wl-basket-abandonment",
                "type": "one-of-many",
                "project": "e-commerce",
                "layer": "business-goal",
                "speaker": "The head of sales",
                "statement": "Halve basket abandonment this year",
                "question": "Which layer?",
                "options": [
                    option("business-goal", "Business goal", True),
                    option("operational-goal", "Operational goal"),
                    option("task", "Task"),
                ],
                "takeaway": "Outcomes for the business sit at the business layer.",
            },
        ],
    }


@pytest.fixture
def quiz_data() -> dict:
    return copy.deepcopy(valid_quiz())
