"""Search finds the statements, never the answers: the built search_index.json, read as the search reads it.

Answers, explanations, takeaways, the feedback templates and the answer key are
marked `data-search-exclude` in the component templates (Material's search
plugin then leaves them out); the statements and questions stay in.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.conftest import ROOT


def words(text: str) -> str:
    return " ".join(re.findall(r"[A-Za-z0-9]+", re.sub(r"<[^>]+>", " ", text)))


@pytest.fixture(scope="module")
def index_text(served_site) -> str:
    index = json.loads((served_site.directory / "search/search_index.json").read_text(encoding="utf-8"))
    return words(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))


def data(pattern: str) -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "quiz_data").glob(pattern))]


def test_the_feedback_templates_and_the_answer_key_are_not_in_the_index(index_text):
    for text in ("You chose", "Not quite", "numbered as on the printed questions", "The answer is",
                 "Answer: A decision", "You guessed right", "Pick an answer first, then press Check",
                 "Hand out the pages before the answer key"):
        assert words(text) not in index_text, text


def test_no_practice_answer_explanation_or_takeaway_is_in_the_index(index_text):
    items = [item for quiz in data("practice-*.yml") + data("session-check.yml") for item in quiz["items"]]
    assert len(items) > 40
    for item in items:
        assert words(item["statement"]) in index_text, item["id"]  # the statements stay findable
        for option in item["options"]:
            assert words(option["explanation"])[:80] not in index_text, (item["id"], option["id"])
        assert words(item["takeaway"])[:80] not in index_text, item["id"]
        if item.get("discussion"):
            assert words(item["discussion"])[:80] not in index_text, item["id"]


def test_no_card_verdict_or_explanation_is_in_the_index(index_text):
    cards = [card for cards in data("examples.yml") for card in cards["cards"]]
    for card in cards:
        assert words(card["statement"]) in index_text, card["id"]
        assert words(card["explanation"])[:80] not in index_text, card["id"]
