"""Review and the mastery table drawn without a browser: every item once, hidden, with its set and
layer; no cases is fine; a marker with a data id stops the build."""

from __future__ import annotations

import shutil

import pytest

from goal_pyramid import load_catalogue
from goal_pyramid.errors import MarkerError
from tests.conftest import ROOT
from tests.render.test_components import convert


def test_review_draws_every_practice_item_and_every_voice_once_hidden():
    catalogue = load_catalogue(ROOT / "quiz_data")
    assert catalogue.sets["scenario"], "the site's cases are reviewed too"
    soup = convert("```gp-review\n```\n", ROOT / "quiz_data")
    drawn = soup.select("[data-gp-review-items] > li[data-gp-item]")
    expected = list(dict.fromkeys(item.id for quiz in catalogue.sets["quiz"].values() for item in quiz.items))
    expected += [voice.id for case in catalogue.sets["scenario"].values() for voice in case.voices]
    assert [li["data-gp-item"] for li in drawn] == expected
    assert all(li.has_attr("hidden") and li["data-gp-set"] and li["data-gp-layer"] for li in drawn)
    assert "Review needs JavaScript" in soup.select_one("[data-gp-review-nojs]").get_text()


def test_review_and_progress_take_no_data_id():
    for fence in ("gp-review", "gp-progress"):
        with pytest.raises(MarkerError, match="takes no data id"):
            convert(f"```{fence}\ngoal-or-decision\n```\n", ROOT / "quiz_data")


def test_mastery_counts_every_item_under_its_layer_or_kind():
    catalogue = load_catalogue(ROOT / "quiz_data")
    soup = convert("```gp-progress\n```\n", ROOT / "quiz_data")
    rows = {row["data-gp-mastery"]: row["data-gp-items"].split() for row in soup.select("[data-gp-mastery]")}
    assert list(rows)[:7] == list(catalogue.layer_names())
    assert list(rows)[7:10] == ["requirement", "constraint", "solution-idea"]
    items = {item.id: item.layer or item.what_it_is for quiz in catalogue.sets["quiz"].values() for item in quiz.items}
    for case in catalogue.sets["scenario"].values():
        items |= {voice.id: voice.place for voice in case.voices} | {case.id: "operational-goal"}  # the pick
    assert sorted(i for ids in rows.values() for i in ids) == sorted(items)
    assert all(items[i] == place for place, ids in rows.items() for i in ids)


def test_review_without_any_case_draws_the_practice_items_alone(tmp_path):
    data = tmp_path / "quiz_data"
    shutil.copytree(ROOT / "quiz_data", data, ignore=shutil.ignore_patterns("case-*.yml"))
    assert load_catalogue(data).sets["scenario"] == {}
    soup = convert("```gp-review\n```\n", data)
    drawn = soup.select("[data-gp-review-items] > li[data-gp-item]")
    assert len(drawn) == sum(len(quiz.items) for quiz in load_catalogue(data).sets["quiz"].values())
