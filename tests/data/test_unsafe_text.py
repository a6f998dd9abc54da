"""Text that would run a script or read differently in the browser is refused, naming file, item and field."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from goal_pyramid.render import render_markdown

# Links that look harmless in the source and run a script once the browser decodes them.
SCRIPT_LINKS = [
    "[More](javascript&#58;alert&#40;1&#41;)",
    "[More](&#106;avascript:alert(1))",
    "[More](java&#x09;script:alert(1))",
    "[More](&#1;javascript:alert(1))",
    "[More](javascript&colon;alert(1))",
    "[More](JavaScript:alert(1))",
    "[More][why]\n\n[why]: data:text/html,<script>alert(1)</script>",
    "[More](vbscript:msgbox)",
]


@pytest.mark.parametrize("text", SCRIPT_LINKS)
def test_a_link_that_would_run_a_script_is_a_data_error(data_dir, cards_data, text):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = f"See {text}"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.file == "quiz_data/examples.yml"
    assert problem.item == 'cards[1] (id "fresh-data-operational")'
    assert problem.field == "explanation"
    assert "has a link that would be removed" in problem.message
    assert "links may go to http://, https://, mailto: or a #place on the page only" in problem.message


@pytest.mark.parametrize("text", SCRIPT_LINKS)
def test_the_html_a_reader_gets_has_no_script_link_even_from_unchecked_text(text):
    soup = BeautifulSoup(str(render_markdown(text)), "html.parser")
    for link in soup.find_all("a"):
        assert not link.has_attr("href"), link


def test_the_fields_of_every_kind_of_file_are_checked(data_dir, pyramid_data, quiz_data):
    pyramid_data["layers"][0]["about"] = "[x](javascript&#58;alert(1))"
    quiz_data["intro"] = "[x](javascript&#58;alert(1))"
    quiz_data["items"][0]["takeaway"] = "[x](javascript&#58;alert(1))"
    quiz_data["items"][1]["options"][2]["explanation"] = "[x](javascript&#58;alert(1))"
    data_dir.valid().write("pyramid.yml", pyramid_data)
    data_dir.write("practice.yml", quiz_data)
    found = {(p.file, p.item, p.field) for p in data_dir.problems() if "link" in p.message}
    assert found == {
        ("quiz_data/pyramid.yml", 'layers[0] (id "company-strategy")', "about"),
        ("quiz_data/practice.yml", None, "intro"),
        ("quiz_data/practice.yml", 'items[0] (id "gd-move-to-kubernetes")', "takeaway"),
        ("quiz_data/practice.yml", 'items[1] (id "wl-basket-abandonment")', "options.2.explanation"),
    }


@pytest.mark.parametrize("target", ["https://example.org/why", "http://example.org", "mailto:team@example.org",
                                    "#goal-pyramid"])
def test_web_mail_and_in_page_links_stay(data_dir, cards_data, target):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = f"See [why]({target})."
    data_dir.write("examples.yml", cards_data)
    from goal_pyramid import load_catalogue

    load_catalogue(data_dir.path)
    link = BeautifulSoup(str(render_markdown(f"See [why]({target}).")), "html.parser").a
    assert link["href"] == target and link["rel"] == ["noopener", "noreferrer"]


def test_a_relative_link_is_refused_because_embed_pages_sit_a_folder_deeper(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = "See [the pyramid](../pyramid/)."
    data_dir.write("examples.yml", cards_data)
    assert "'../pyramid/' is a relative link" in data_dir.only_problem().message


@pytest.mark.parametrize("image", ["![chart](https://tracker.example/pixel.png)", "![chart](assets/chart.png)"])
def test_an_image_is_refused(data_dir, cards_data, image):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = f"Look: {image}"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.field == "explanation"
    assert "uses an image, which this field does not show" in problem.message
    assert "<img" not in str(render_markdown(f"Look: {image}"))


def test_a_heading_is_refused_not_silently_flattened(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = "# Why\n\nBecause."
    data_dir.write("examples.yml", cards_data)
    assert "uses a heading, which this field does not show" in data_dir.only_problem().message


# --- characters that spoof, or splice stored HTML into the page -----------------------------


@pytest.mark.parametrize(("text", "named"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u200b\u200d\ufeff", "U+200B ZERO WIDTH SPACE"),
    ("\u2060 \u200c", "U+2060 WORD JOINER"),
])
def test_text_of_only_invisible_characters_is_empty(data_dir, cards_data, text, named):
    data_dir.valid()
    cards_data["cards"][0]["statement"] = text
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert (problem.item, problem.field) == ('cards[0] (id "migrate-to-streaming")', "statement")
    if text != "\u202e":
        assert problem.message.startswith("should not be empty: it holds only invisible characters")
    assert named in problem.message


@pytest.mark.parametrize(("char", "named"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u202d", "U+202D LEFT-TO-RIGHT OVERRIDE"),
    ("\u202b", "U+202B RIGHT-TO-LEFT EMBEDDING"),
    ("\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
    ("\x1b", "U+001B ESCAPE"),
    ("\x85", "U+0085 NEXT LINE"),
    ("\x7f", "U+007F DELETE"),
])
def test_direction_overrides_and_control_characters_are_refused_where_they_are(data_dir, cards_data, char, named):
    data_dir.valid()
    cards_data["cards"][0]["verdict"] = f"Good {char}goal"
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert (problem.item, problem.field) == ('cards[0] (id "migrate-to-streaming")', "verdict")
    assert problem.message.startswith(f"contains {named} at character 6, after 'Good '")
    assert problem.message.endswith("; remove it")


def test_a_direction_override_written_as_an_entity_in_markdown_is_refused(data_dir, cards_data):
    data_dir.valid()
    cards_data["cards"][1]["explanation"] = "It names &#x202E;loot a&#x202C;, not a result."
    data_dir.write("examples.yml", cards_data)
    problem = data_dir.only_problem()
    assert problem.field == "explanation"
    assert "writes U+202E RIGHT-TO-LEFT OVERRIDE with an HTML entity" in problem.message


def test_left_to_right_marks_for_mixed_direction_text_are_allowed(data_dir, cards_data):
    from goal_pyramid import load_catalogue

    data_dir.valid()
    cards_data["cards"][0]["statement"] = "Move \u05e2\u05d1\u05e8\u05d9\u05ea\u200e (v2) to the cloud"
    data_dir.write("examples.yml", cards_data)
    load_catalogue(data_dir.path)


@pytest.mark.parametrize("field", ["statement", "explanation"])
def test_python_markdowns_placeholder_marks_are_refused_in_every_field(data_dir, field):
    # \x02wzxhzdk:0\x03 is how Python-Markdown marks stored raw HTML; in a field it would splice that in.
    data_dir.valid()
    data_dir.write("examples.yml", (data_dir.path / "examples.yml").read_text(encoding="utf-8").replace(
        f"{field}: " + ("Migrate to a streaming platform" if field == "statement"
                        else "It names a tool, not a result."),
        f'{field}: "Move \\x02wzxhzdk:0\\x03 now"'))
    problem = data_dir.only_problem()
    assert (problem.item, problem.field) == ('cards[0] (id "migrate-to-streaming")', field)
    assert problem.message.startswith("contains U+0002 START OF TEXT at character 6, after 'Move '")


def test_a_placeholder_in_a_pyramid_layer_never_reaches_the_page(data_dir, pyramid_data):
    data_dir.valid()
    pyramid_data["layers"][0]["about"] = "\x02wzxhzdk:0\x03\x02wzxhzdk:0\x03"
    data_dir.write("pyramid.yml", pyramid_data)
    problem = data_dir.only_problem()
    assert problem.field == "about" and "U+0002 START OF TEXT at character 1" in problem.message
