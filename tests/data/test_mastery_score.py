"""The learning-platform package's mastery score (extra.scorm.mastery_score): 0-100, or no build at all."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from goal_pyramid import SettingsError
from goal_pyramid.brand import check_learning_platform
from tests.conftest import ROOT


@pytest.mark.parametrize(("given", "score"), [(None, 80), ({}, 80), ({"mastery_score": None}, 80),
                                              ({"mastery_score": ""}, 80), ({"mastery_score": 0}, 0),
                                              ({"mastery_score": 100}, 100), ({"mastery_score": 72.5}, 72.5),
                                              ({"mastery_score": "65"}, 65), ({"mastery_score": 90.0}, 90)])
def test_a_score_from_0_to_100_is_used_and_the_default_is_80(given, score):
    assert check_learning_platform(given) == score


@pytest.mark.parametrize("given", [101, -1, 100.5, "eighty", "80%", True, float("nan"), float("inf"), [80]])
def test_a_score_outside_0_to_100_or_not_a_number_names_the_setting_and_the_value(given):
    with pytest.raises(SettingsError) as caught:
        check_learning_platform({"mastery_score": given})
    lines = str(caught.value).splitlines()
    assert lines[0] == "Goal Pyramid cannot use your learning-platform settings:"
    assert len(lines) == 2
    assert lines[1].startswith("  - mkdocs.yml: extra.scorm: field 'mastery_score': should be a number from 0 to 100")
    assert f"got {given!r}" in lines[1]
    assert lines[1].endswith("set by extra.scorm.mastery_score in mkdocs.yml or GOAL_PYRAMID_MASTERY_SCORE")


def test_a_misspelt_setting_is_named():
    with pytest.raises(SettingsError, match="field 'mastery': is not a known setting"):
        check_learning_platform({"mastery": 80})


def test_every_build_stops_on_a_bad_mastery_score_not_only_make_scorm(tmp_path):
    """The plain site's build, not the package's, with the variable mkdocs.yml reads."""
    env = dict(os.environ, GOAL_PYRAMID_MASTERY_SCORE="120", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert ("mkdocs.yml: extra.scorm: field 'mastery_score': should be a number from 0 to 100 (the share of"
            " practice items, in per cent, a learner must get right to pass), got 120;") in result.stderr
    assert "Traceback" not in result.stderr
