"""A company's brand settings: checked before anything renders, each problem named with its variable."""

from __future__ import annotations

import pytest

from goal_pyramid import SettingsError
from goal_pyramid.brand import check_brand


def problems(settings: dict, docs_dir) -> dict:
    with pytest.raises(SettingsError) as caught:
        check_brand(settings, docs_dir)
    assert str(caught.value).startswith("Goal Pyramid cannot use your brand settings:")
    return {p.field: p.message for p in caught.value.problems}


def test_the_defaults_and_blank_settings_are_fine(tmp_path):
    brand = check_brand({"name": "Goal Pyramid", "logo": "", "primary": "  ", "feedback": ""}, tmp_path)
    assert (brand.logo, brand.primary, brand.feedback) == (None, None, None)
    assert check_brand(None, tmp_path).name is None


@pytest.mark.parametrize("colour", ["#0b5d3b", "#0B5D3B", "rgb(11 93 59)", "hsl(150, 79%, 20%)", "teal",
                                    "indigo", "oklch(40% 0.1 150)", "lab(30 20 10)"])
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


@pytest.mark.parametrize("address", ["http://127.0.0.1:8000/", "https://learning.acme.example/goals/",
                                     "https://acme.example", "http://[::1]:8000/", "https://a.example/x%20y/"])
def test_a_plain_site_address_is_fine(tmp_path, address):
    assert check_brand({"site_url": address}, tmp_path).site_url == address


@pytest.mark.parametrize("address", ['http://x.example/"><script>alert(1)</script>', "javascript:alert(1)//",
                                     "learning.acme.example/goals/", "/goals/", "https://x.example/a b/",
                                     "https://x.example/?q=<b>", "https://x.example/'onmouseover='alert(1)",
                                     "ftp://x.example/", "https://"])
def test_a_site_address_that_would_need_escaping_is_refused(tmp_path, address):
    found = problems({"site_url": address}, tmp_path)
    assert found["site_url"].startswith("should be the full address the site is hosted at")
    assert found["site_url"].endswith(f"got {address!r}; set by site_url in mkdocs.yml or GOAL_PYRAMID_SITE_URL")


@pytest.mark.parametrize(("logo", "why"), [
    ("/etc/passwd", "not an absolute path"),
    ("../../../../etc/passwd", "without '..'"),
    ("assets/../../mkdocs.yml", "without '..'"),
    ('assets/a".svg', "without spaces, quotes, < > or backslashes"),
    ("C:/logo.svg", "not an absolute path"),
])
def test_a_logo_must_be_named_by_a_path_inside_docs(tmp_path, logo, why):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    found = problems({"logo": logo}, docs)
    assert found["logo"].startswith("should be a path inside docs/, such as 'assets/images/logo.svg'")
    assert why in found["logo"] and "GOAL_PYRAMID_LOGO" in found["logo"]


def test_a_logo_that_links_out_of_docs_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    (docs / "logo.svg").symlink_to(tmp_path / "secret.svg")
    found = problems({"logo": "logo.svg"}, docs)
    assert "which leads out of" in found["logo"]


def test_a_site_name_with_a_direction_override_is_refused(tmp_path):
    found = problems({"name": "Acme \u202egoals"}, tmp_path)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found["name"]


def test_no_setting_may_hide_a_control_character(tmp_path):
    found = problems({"feedback": "mailto:a@example.com\x02wzxhzdk:0\x03", "logo": "logo\u202e.svg"}, tmp_path)
    assert found["feedback"].startswith("contains U+0002 START OF TEXT at character 21")
    assert found["logo"].startswith("contains U+202E RIGHT-TO-LEFT OVERRIDE at character 5")


@pytest.mark.parametrize(("colour", "hint"), [
    ("gren", "got 'gren'; did you mean 'green'?"),
    ("grene", "got 'grene'; did you mean 'green'?"),
    ("rgb(banana)", "got 'rgb(banana)'; set by"),
])
def test_a_colour_css_cannot_parse_is_refused_with_the_closest_name(tmp_path, colour, hint):
    found = problems({"primary": colour}, tmp_path)["primary"]
    assert found.startswith("should be a CSS colour such as '#0b5d3b', 'rgb(11 93 59)' or 'teal'")
    assert hint in found and found.endswith("GOAL_PYRAMID_PRIMARY_COLOUR")


@pytest.mark.parametrize(("colour", "ratio"), [("#fff", "1"), ("yellow", "1.07"), ("#FFF", "1"),
                                               ("oklch(90% 0.1 150)", "1.3")])
def test_a_colour_too_light_for_white_text_is_refused_with_its_ratio(tmp_path, colour, ratio):
    found = problems({"primary": colour}, tmp_path)["primary"]
    assert found.startswith(f"gives the white header text a contrast of {ratio}:1, below the 4.5:1")
    assert "try a darker shade, e.g. '#" in found and "GOAL_PYRAMID_PRIMARY_COLOUR" in found


def test_the_darker_shade_suggested_passes(tmp_path):
    found = problems({"primary": "yellow"}, tmp_path)["primary"]
    darker = found.split("e.g. '")[1].split("'")[0]
    assert check_brand({"primary": darker}, tmp_path).primary == darker


@pytest.mark.parametrize("colour", ["transparent", "currentcolor", "rgb(11 93 59 / 50%)", "#0b5d3b80"])
def test_a_colour_that_is_not_solid_is_refused(tmp_path, colour):
    assert problems({"primary": colour}, tmp_path)["primary"].startswith(
        "should be a solid colour the white header text can sit on")
