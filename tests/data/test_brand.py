"""A company's brand settings: checked before anything renders, each problem named with its variable."""

from __future__ import annotations

import pytest

from goal_pyramid import QuizDataError
from goal_pyramid.brand import check_brand


def problems(settings: dict, docs_dir) -> dict:
    with pytest.raises(QuizDataError) as caught:
        check_brand(settings, docs_dir)
    assert str(caught.value).startswith("Goal Pyramid cannot use your brand settings:")
    return {p.field: p.message for p in caught.value.problems}


def test_the_defaults_and_blank_settings_are_fine(tmp_path):
    brand = check_brand({"name": "Goal Pyramid", "logo": "", "primary": "  ", "feedback": ""}, tmp_path)
    assert (brand.logo, brand.primary, brand.feedback) == (None, None, None)
    assert check_brand(None, tmp_path).name is None


@pytest.mark.parametrize("colour", ["#0b5d3b", "#FFF", "rgb(11 93 59)", "hsl(150, 79%, 20%)", "teal"])
def test_css_colours_are_accepted(tmp_path, colour):
    assert check_brand({"primary": f" {colour} "}, tmp_path).primary == colour


def test_every_bad_setting_is_reported_at_once_with_where_it_is_set(tmp_path):
    found = problems({"name": 'Acme "Goals"', "logo": "assets/acme.svg", "primary": "0b5d3b",
                      "feedback": "javascript:alert(1)"}, tmp_path)
    assert set(found) == {"name", "logo", "primary", "feedback"}
    assert "a hex colour starts with #" in found["primary"]
    assert found["primary"].endswith("set by extra.brand.primary in mkdocs.yml or GOAL_PYRAMID_PRIMARY_COLOUR")
    assert "mailto:, https:// or http://" in found["feedback"] and "GOAL_PYRAMID_FEEDBACK" in found["feedback"]
    assert "no such file under" in found["logo"] and "GOAL_PYRAMID_LOGO" in found["logo"]
    assert "site_name in mkdocs.yml or GOAL_PYRAMID_SITE_NAME" in found["name"]


def test_a_colour_cannot_smuggle_in_css(tmp_path):
    found = problems({"primary": "red; } body { display: none"}, tmp_path)
    assert "should be a CSS colour" in found["primary"]


def test_a_logo_from_another_host_is_refused(tmp_path):
    found = problems({"logo": "https://cdn.example.com/logo.svg"}, tmp_path)
    assert "nothing may come from another host" in found["logo"]


def test_a_logo_that_exists_is_fine(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/acme.svg").write_text("<svg/>", encoding="utf-8")
    assert check_brand({"logo": "assets/acme.svg"}, tmp_path).logo == "assets/acme.svg"


def test_a_misspelt_setting_is_named(tmp_path):
    found = problems({"feedbak": "mailto:a@example.com"}, tmp_path)
    assert "is not a known setting" in found["feedbak"]


def test_a_number_where_text_belongs_says_to_quote_it(tmp_path):
    found = problems({"name": 2030}, tmp_path)
    assert "quote it" in found["name"]
