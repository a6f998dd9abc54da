"""Whatever goes wrong while reading the data is one line naming the file (and line), never a traceback."""

from __future__ import annotations

import os

import pytest

from goal_pyramid import DataError, load_catalogue

GOOD = "good: false"  # the first card's verdict in the valid examples.yml


def with_value(data_dir, value: str) -> None:
    data_dir.valid()
    text = (data_dir.path / "examples.yml").read_text(encoding="utf-8")
    assert GOOD in text
    data_dir.write("examples.yml", text.replace(GOOD, f"good: {value}", 1))


@pytest.mark.parametrize(("value", "message"), [
    ("!!int abc", "cannot read 'abc' as a whole number: it is not written as one"),
    ("!!float x", "cannot read 'x' as a number: it is not written as one"),
    ("!!bool maybe", "cannot read 'maybe' as true or false: it is not written as one"),
    ("!!timestamp nope", "cannot read 'nope' as a date: a date is written like 2024-02-01"),
    ("2024-02-30", "cannot read '2024-02-30' as a date: there is no such date (day is out of range for month)"),
    ("1" * 5000, "cannot read '11111111111111111111'… (5000 characters) as a whole number:"
                 " it has more than 4,300 digits"),
    ("!!python/object:os.system x", "uses the tag '!!python/object:os.system', which these data files cannot use"),
])
def test_a_value_yaml_cannot_build_is_one_line_at_its_line(data_dir, value, message):
    with_value(data_dir, value)
    problem = data_dir.only_problem()
    assert (problem.file, problem.line) == ("quiz_data/examples.yml", 8)
    assert problem.message.startswith(message), problem.message
    tagged = value.startswith("!!") and "python" not in value
    assert problem.message.endswith("remove the !! tag in front of it" if tagged else
                                    "remove it" if "python" in value else "put the value in quotes if it is text")


def test_a_date_that_exists_is_a_wrong_type_not_a_crash(data_dir):
    with_value(data_dir, "2024-02-01")
    assert "should be true or false, got date" in data_dir.only_problem().message


def test_an_unreadable_file_is_reported(data_dir, monkeypatch):
    data_dir.valid()
    import pathlib

    real = pathlib.Path.read_bytes

    def refuse(path):
        if path.name == "examples.yml":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    problem = data_dir.only_problem()
    assert str(problem) == "quiz_data/examples.yml: cannot be read (permission denied)"


def test_a_link_to_nothing_and_a_pipe_are_reported_not_skipped(data_dir):
    data_dir.valid()
    (data_dir.path / "gone.yml").symlink_to(data_dir.path / "nowhere.yml")
    os.mkfifo(data_dir.path / "pipe.yaml")
    problems = sorted(str(p) for p in data_dir.problems())
    assert problems == [
        "quiz_data/gone.yml: is a link to a file that does not exist, so it cannot be read",
        "quiz_data/pipe.yaml: is not a plain file, so it cannot be read",
    ]


@pytest.mark.parametrize("name", ["Company.YML", "more.YAML", "mixed.Yml"])
def test_a_file_named_in_capitals_is_reported_not_skipped(data_dir, cards_data, name):
    data_dir.valid()
    data_dir.write(name, cards_data)
    problem = data_dir.only_problem()
    assert problem.file == f"quiz_data/{name}"
    assert "so it would be skipped: only names ending in .yml or .yaml (lowercase) are read; rename it" \
        in problem.message


def test_an_unreadable_folder_is_reported_not_skipped(data_dir, monkeypatch):
    data_dir.valid()
    (data_dir.path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problem = data_dir.only_problem()
    assert str(problem) == ("quiz_data/locked: folder cannot be read (permission denied),"
                            " so its files would be skipped")


def test_the_root_of_the_file_system_is_not_a_data_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        load_catalogue("/")
    assert [str(p) for p in caught.value.problems] == [
        "/: data folder is the root of the file system; name the folder that holds the data files,"
        " such as quiz_data"]


def test_the_root_is_not_an_extra_folder_either(data_dir):
    data_dir.valid()
    with pytest.raises(DataError) as caught:
        load_catalogue(data_dir.path, ["/"])
    assert "extra data folder is the root of the file system" in str(caught.value)


def test_a_file_where_the_folder_should_be(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quiz_data").write_text("kind: cards\n", encoding="utf-8")
    with pytest.raises(DataError, match="quiz_data: data folder is a file, not a folder"):
        load_catalogue("quiz_data")


# --- a key written twice --------------------------------------------------------------


def test_a_deleted_id_line_that_merges_two_questions_is_an_error(data_dir, quiz_data):
    data_dir.valid().write("practice.yml", quiz_data)
    text = (data_dir.path / "practice.yml").read_text(encoding="utf-8")
    second = "- id: wl-basket-abandonment\n  type: one-of-many\n"
    assert second in text
    data_dir.write("practice.yml", text.replace(second, "  type: one-of-many\n"))
    problems = data_dir.problems()
    twice = {p.field: p for p in problems if "is written twice" in p.message}
    assert {"type", "project", "layer", "statement", "question", "options", "takeaway"} <= set(twice)
    problem = twice["statement"]
    lines = text.replace(second, "  type: one-of-many\n").splitlines()
    first_line = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("statement:"))
    second_line = next(i for i, line in enumerate(lines, 1)
                       if line.strip().startswith("statement:") and i > first_line)
    assert problem.file == "quiz_data/practice.yml" and problem.line == second_line
    assert problem.item == 'items[0] (id "gd-move-to-kubernetes")'
    assert problem.message.startswith(
        f"'statement' is written twice in one mapping, at lines {first_line} and {second_line};"
        " YAML would keep only the second and drop the first without a word.")
    assert "the line that starts the second with '- ' is missing" in problem.message


def test_a_second_items_block_is_an_error(data_dir, quiz_data):
    data_dir.valid().write("practice.yml", quiz_data)
    text = (data_dir.path / "practice.yml").read_text(encoding="utf-8")
    data_dir.write("practice.yml", text + "items:\n- id: only-one\n")
    twice = [p for p in data_dir.problems() if "is written twice" in p.message]
    assert len(twice) == 1 and twice[0].field == "items" and twice[0].item is None


def test_a_second_good_that_flips_a_verdict_is_an_error(data_dir):
    data_dir.valid()
    text = (data_dir.path / "examples.yml").read_text(encoding="utf-8")
    data_dir.write("examples.yml", text.replace(GOOD, f"{GOOD}\n  good: true", 1))
    problem = data_dir.only_problem()
    assert (problem.line, problem.item, problem.field) == (9, 'cards[0] (id "migrate-to-streaming")', "good")
    assert "at lines 8 and 9" in problem.message


def test_the_same_key_in_two_mappings_is_fine_and_aliases_do_not_loop(data_dir):
    data_dir.valid()
    text = (data_dir.path / "examples.yml").read_text(encoding="utf-8")
    data_dir.write("loop.yml", "kind: cards\nid: loop\ntitle: &t Loop\nselfref: &a [*a]\n")
    problems = data_dir.problems()
    assert [p.field for p in problems] == ["cards", "selfref"]  # a missing and an unknown field, nothing more
    assert "is written twice" not in text


def test_a_character_yaml_refuses_in_a_file_is_one_line_at_its_line(data_dir):
    # Found by the mutation test: PyYAML's message for this runs over two lines.
    data_dir.valid()
    (data_dir.path / "examples.yml").write_bytes(b"kind: cards\nid: six-examples\x00\n")
    with pytest.raises(DataError) as caught:
        load_catalogue(data_dir.path)
    assert str(caught.value).splitlines()[1:] == [
        "  - quiz_data/examples.yml:2: holds U+0000 NULL, which YAML does not allow in a file; remove it"]


def test_a_block_header_run_into_a_comment_is_a_syntax_error(data_dir, cards_data):
    # Found by the mutation test: libyaml reads `>#-`, the YAML spec and the editors' parser do not.
    data_dir.valid()
    text = (data_dir.path / "examples.yml").read_text(encoding="utf-8")
    data_dir.write("examples.yml", text.replace("explanation: It names a tool, not a result.",
                                                "explanation: >#-\n    It names a tool, not a result."))
    problem = data_dir.only_problem()
    assert (problem.line, problem.item, problem.field) == (10, 'cards[0] (id "migrate-to-streaming")',
                                                           "explanation")
    assert problem.message == ("YAML syntax error: '>' starts a block of text and may be followed only by a"
                               " space (and a comment), not by '#'")


def test_a_problem_stays_on_one_line_whatever_it_quotes(data_dir, cards_data):
    data_dir.valid()
    cards_data["title"] = 7
    data_dir.write("two\nlines.yml", cards_data | {"id": "other-set", "cards": [
        card | {"id": f"{card['id']}-2"} for card in cards_data["cards"]]})
    with pytest.raises(DataError) as caught:
        load_catalogue(data_dir.path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2, lines
    assert lines[1].startswith("  - quiz_data/two\\nlines.yml:3: field 'title': should be text")


def test_a_problem_stays_on_one_line_whatever_line_break_it_quotes():
    from goal_pyramid.errors import Problem

    quoted = "a\nb\rc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k"
    problem = Problem("quiz_data/x.yml", 3, f'cards[0] (id "{quoted}")', "id", f"found {quoted!s}")
    assert len(str(problem).splitlines()) == 1
    assert "\\x85" in str(problem) and "\\u2028" in str(problem)
