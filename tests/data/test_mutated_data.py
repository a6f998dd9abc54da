"""Mutated copies of the real data files: every case is a valid build or our one-line-per-problem error.

Each case takes the real quiz_data/ files, changes one of them (a line deleted,
doubled, swapped or shifted; a character or byte put in, taken out or replaced;
a YAML tag, a second or renamed key, another id or a tricky value written in), then loads
the folder and, where it is accepted, draws every data set on one page through
the extensions mkdocs.yml names (superfences with our fences, toc, smarty...).

The outcome must be one of:

- a data error: DataError, each problem on one line that starts with the file;
- a valid build, and then the data must really be well formed. The oracle:
  1. a strict reference parse, failing on a key written twice, reads the file,
     and validating what it read gives the same sets the site loaded (so no key
     was silently merged). The reference is libyaml, like the site, cross-checked
     by PyYAML's pure-Python parser: where both read the file they must agree,
     and the pure-Python one may refuse only a tab, which its scanner does not
     take between tokens though YAML allows it (it also showed that libyaml
     reads `>#-`, which YAML does not: the loader now refuses that);
  2. every text in those sets holds no control character (but newline and
     tab), no direction override or isolate and no lone surrogate, and shows
     at least one visible character;
  3. the page drawn holds no <script>, <img>, event attribute or link outside
     http, https, mailto and #places, and no Python-Markdown placeholder.

Anything else (a traceback from anywhere) fails the test with the case that
caused it. The outcome counts and the time taken are printed and written to
test-results/mutated-data.txt.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import tempfile
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import get_yaml_loader

from goal_pyramid import DataError, load_catalogue
from goal_pyramid.components import COMPONENTS, DATA_FILE, ITEM_LISTS
from goal_pyramid.loader import data_files
from tests.conftest import ROOT

# At least 300 run in `make test` (about 15 s on a quiet 2-core machine), the same cases every
# time; GOAL_PYRAMID_MUTATIONS=5000 GOAL_PYRAMID_MUTATION_SEED=7 explores further.
CASES = int(os.environ.get("GOAL_PYRAMID_MUTATIONS", "320"))
SEED = os.environ.get("GOAL_PYRAMID_MUTATION_SEED")

FILES = {path.name: path.read_bytes() for path in data_files(ROOT / "quiz_data")}
NAMES = sorted(FILES)
IDS = sorted({m.group(1).decode() for text in FILES.values() for m in re.finditer(rb"\bid: ([a-z0-9-]+)", text)})

# Characters a careless paste or a hostile file brings in; raw in the file, not YAML escapes.
CHARACTERS = ["\u202e", "\u2066", "\u200b", "\ufeff", "\u00a0", "\x00", "\x02", "\x1b", "\x85", "\t", "\n", "\r",
              '"', "'", ":", "#", "-", "&", "*", "!", "|", ">", "{", "}", "[", "]", "%", "@", "`", "\\", "é", "<",
              "?", ",", " "]
TAGS = ["!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!binary ", "!!str ", "!!null ", "!!set ", "!!map ",
        "!!seq ", "!!omap ", "!!python/object/apply:os.system ", "!foo ", "&a ", "*a ", "!!merge "]
VALUES = ["2024-02-30", "2024-02-01", "~", "[]", "{}", "1" * 5000, '"\\u202E"', '"\\x02wzxhzdk:0\\x03"',
          '"\\x02wzxhzdk:0\\x03\\x02wzxhzdk:0\\x03"', "'[x](javascript&#58;alert(1))'",
          "'[x](java&#x09;script:alert(1))'", "'![i](https://tracker.example/i.png)'", '"\\u200B\\u200D"', "yes",
          "no", ".nan", "-.inf", "0x1F", "'<script>alert(1)</script>'", "'# A heading'", "'&#x202E;x'",
          "*undefined", "&anchor value", '"\\uD800"', '"\\x85x"', "'[x](pyramid.md)'", "'[x](#task)'", "!!int abc",
          "!!bool maybe", "!!timestamp nope", "!!float x", "'<b>bold</b>'", "'x\\x00'", "1e999", "|\n  block"]
KEYS = ["id", "kind", "items", "cards", "layers", "good", "correct", "layer", "what_it_is", "statement",
        "explanaton", "adds_to", "title", "intro", "type", "options", "<<", "? x", "1", "__proto__"]
NEW_IDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "task", "Task", "a" * 81, "''", "1", "true",
           "x--y", *IDS[:8]]


@st.composite
def mutated_file(draw) -> tuple[str, bytes, str]:
    """(file name, its new bytes, what was done) for one change to one real file."""
    name = draw(st.sampled_from(NAMES))
    data = FILES[name]
    text = data.decode("utf-8")
    lines = text.splitlines(keepends=True)
    line = draw(st.integers(0, len(lines) - 1))
    position = draw(st.integers(0, len(text)))
    how = draw(st.sampled_from(["delete line", "double line", "swap lines", "indent", "dedent", "put character",
                                "take character", "replace byte", "put text", "tag a value", "second key",
                                "rename key", "change id", "change value", "cut file"]))
    key_lines = [i for i, x in enumerate(lines) if re.match(r"\s*-?\s*[a-z_]+:( |$)", x)]
    keyed = draw(st.sampled_from(key_lines))
    head, _, value = lines[keyed].rstrip("\n").partition(":")
    if how == "delete line":
        lines[line : line + 1] = []
    elif how == "double line":
        lines.insert(draw(st.integers(0, len(lines))), lines[line])
    elif how == "swap lines":
        other = draw(st.integers(0, len(lines) - 1))
        lines[line], lines[other] = lines[other], lines[line]
    elif how == "indent":
        lines[line] = "  " + lines[line]
    elif how == "dedent":
        lines[line] = lines[line].removeprefix("  ")
    elif how == "put character":
        text = text[:position] + draw(st.sampled_from(CHARACTERS)) + text[position:]
        return name, text.encode("utf-8"), how
    elif how == "take character":
        return name, (text[:position] + text[position + 1 :]).encode("utf-8"), how
    elif how == "replace byte":
        at = min(draw(st.integers(0, len(data) - 1)), len(data) - 1)
        return name, data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :], how
    elif how == "put text":
        text = text[:position] + draw(st.text(max_size=12)) + text[position:]
        return name, text.encode("utf-8", "surrogatepass"), how
    elif how == "tag a value":
        lines[keyed] = f"{head}: {draw(st.sampled_from(TAGS))}{value.strip()}\n"
    elif how == "second key":
        lines.insert(keyed + 1, f"{head.replace('-', ' ')}: {draw(st.sampled_from(VALUES + ['true', 'x']))}\n")
    elif how == "rename key":
        indent = re.match(r"\s*-?\s*", head).group()
        lines[keyed] = f"{indent}{draw(st.sampled_from(KEYS))}:{value}\n"
    elif how == "change id":
        ids = [i for i, x in enumerate(lines) if re.match(r"\s*-?\s*id: ", x)]
        at = draw(st.sampled_from(ids))
        lines[at] = re.sub(r"id: .*", "id: " + draw(st.sampled_from(NEW_IDS)), lines[at])
    elif how == "change value":
        lines[keyed] = f"{head}: {draw(st.sampled_from(VALUES))}\n"
    elif how == "cut file":
        return name, data[: draw(st.integers(0, len(data)))], how
    return name, "".join(lines).encode("utf-8", "surrogatepass"), how


# --- the oracle -----------------------------------------------------------------------


class _NoKeyTwice:
    """A safe loader that fails on a key written twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        repeated = {key for key in keys if keys.count(key) > 1}
        if repeated:
            raise AssertionError(f"accepted a key written twice: {sorted(repeated)}"
                                 f" at line {node.start_mark.line + 1}")
        return super().construct_mapping(node, deep)


class _StrictLibyaml(_NoKeyTwice, yaml.CSafeLoader):
    pass


class _StrictPurePython(_NoKeyTwice, yaml.SafeLoader):
    pass


def _reference(text: str):
    """The file as the reference parsers read it (see the module's docstring)."""
    data = yaml.load(text, Loader=_StrictLibyaml)
    try:
        again = yaml.load(text, Loader=_StrictPurePython)
    except yaml.YAMLError as error:
        # PyYAML's own scanner refuses a tab that YAML 1.2 allows between tokens; nothing else may differ.
        assert "'\\t'" in str(error), f"accepted what PyYAML refuses: {error}"
        return data
    assert again == data, "libyaml and PyYAML read the file differently"
    return data


_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(text: str) -> bool:
    return any(unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp") for char in text)


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner)


class _Page(HTMLParser):
    """What the page would do in a browser that it must not (an empty href is the quiz's <template> row)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{name}=")
            if name == "href" and value is not None:
                url = re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21)))))
                # A link to one of the site's pages, built in Python from the page's place (components/links.py;
                # outside MkDocs the workbench's fallback, '../page/#place'), never from a data file's text.
                # Links to Review carry a layer id (a slug); outside MkDocs they name its file, and Review
                # links to itself ('./').
                site_page = re.fullmatch(r"(?:\.\./(?:[a-z0-9-]+/)*|\./|review\.md)"
                                         r"(?:\?layer=[a-z0-9-]+)?(?:#[a-z0-9-]+)?", url)
                if url and not (url.startswith("#") or site_page
                                or re.match(r"(?i)(https?://[^/?#\s]|mailto:)", url)):
                    self.bad.append(f"href={value!r}")

    def handle_data(self, data):
        if "\x02" in data or "\x03" in data or "wzxhzdk" in data or _REFUSED.search(data):
            self.bad.append(f"text {data!r}")


MKDOCS_EXTENSIONS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                              Loader=get_yaml_loader())["markdown_extensions"]


def _mkdocs_extensions(data_dir: Path) -> tuple[list, dict]:
    """The Markdown extensions mkdocs.yml names, ours reading data_dir."""
    names, configs = [], {}
    for entry in MKDOCS_EXTENSIONS:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name == "goal_pyramid":
            options = {**options, "data_dir": str(data_dir), "extra_data_dir": "",
                       "templates_dir": str(ROOT / options["templates_dir"]), "docs_dir": str(ROOT / "docs")}
        names.append(name)
        configs[name] = options
    return names, configs


def _page(catalogue) -> str:
    fences = [f"```{component.fence}\n{data_id}\n```\n" for component in COMPONENTS if component.names_data
              for data_id in catalogue.by_kind(component.name)]
    summaries = [f"```{component.fence}\n```\n" for component in COMPONENTS if not component.names_data]
    return "# Everything\n\n" + "\n".join(fences) + "\n" + "".join(summaries)


def check_case(folder: Path, mutated: str) -> str:
    """'valid' or 'data error'; raises AssertionError (or whatever broke) otherwise.

    Only the mutated file needs the reference parse: the others are the real files.
    """
    try:
        catalogue = load_catalogue(folder)
    except DataError as error:
        lines = str(error).splitlines()
        assert len(lines) == 1 + len(error.problems), lines
        for line, problem in zip(lines[1:], error.problems, strict=True):
            assert problem.file and line.startswith(f"  - {problem.file}"), line
        return "data error"
    names, configs = _mkdocs_extensions(folder)
    try:
        html = markdown.Markdown(extensions=names, extension_configs=configs).convert(_page(catalogue))
    except DataError as error:
        raise AssertionError(f"validation accepted data that the page then refused: {error}") from None

    for path in [folder / mutated]:
        reference = _reference(path.read_text(encoding="utf-8"))
        model = DATA_FILE.validate_python(reference)
        if model.adds_to if hasattr(model, "adds_to") else None:
            continue
        assert catalogue.by_kind(model.kind)[model.id] == model, f"{path.name} read differently"
        for text in _texts(model.model_dump()):
            assert not _REFUSED.search(text), f"{path.name}: accepted {text!r}"
        for entry in getattr(model, ITEM_LISTS[model.kind]):
            for text in _texts(entry.model_dump(exclude_none=True)):
                assert _visible(text), f"{path.name}: accepted the invisible text {text!r}"
    page = _Page()
    page.feed(html)
    assert not page.bad, page.bad
    return "valid"


def test_mutated_data_is_a_valid_build_or_one_line_per_problem(tmp_path):
    outcomes: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()

    @settings(max_examples=CASES, deadline=None, derandomize=SEED is None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @seed(int(SEED or 0))
    @given(mutated_file())
    def one_case(case):
        name, content, how = case
        folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "quiz_data"
        folder.mkdir()
        for other, data in FILES.items():
            (folder / other).write_bytes(content if other == name else data)
        try:
            outcomes[check_case(folder, name)] += 1
            kinds[how] += 1
        finally:
            shutil.rmtree(folder.parent)

    start = time.monotonic()
    one_case()
    seconds = time.monotonic() - start
    total = sum(outcomes.values())
    report = (f"{total} mutated data folders in {seconds:.1f} s: {outcomes['valid']} valid builds,"
              f" {outcomes['data error']} data errors\n"
              + "".join(f"  {how}: {count}\n" for how, count in sorted(kinds.items())))
    print("\n" + report)
    results = ROOT / "test-results"
    results.mkdir(exist_ok=True)
    (results / "mutated-data.txt").write_text(report, encoding="utf-8")
    assert total >= min(300, CASES), report
    assert outcomes["valid"] and outcomes["data error"], report
