"""The schema of every file in quiz_data/: pydantic models, unknown keys forbidden.

Each file says what it holds with `kind`; the JSON Schema for editors is
generated from `DataFile` (see scripts/export_schema.py).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

SLUG_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(
        description="Lowercase letters, digits and single hyphens, starting with a letter,"
        " e.g. 'reduce-latency'. Stable: it is the #link to this item.",
    ),
]

# --- text rules: what every text field may hold -----------------------------------------

# Invisible characters with no job in our text: a control character can splice
# Python-Markdown's stored HTML into a page (\x02 ... \x03 are its placeholder
# marks), and a bidi override or isolate makes words read in another order than
# they are stored. Left-to-right and right-to-left marks (U+200E, U+200F, U+061C)
# are allowed: mixed-direction text needs them, and they cannot reorder words.
_CONTROL_NAMES = {0x00: "NULL", 0x02: "START OF TEXT", 0x03: "END OF TEXT", 0x08: "BACKSPACE",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE",
                  0x7F: "DELETE", 0x85: "NEXT LINE"}
# Characters that show nothing: text made only of them (and spaces) is empty.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u034f\u180e\u115f\u1160\u3164"
                       "\uffa0\u2800\u00ad")


def _refused(char: str) -> str | None:
    """Why char may not appear in our text, or None."""
    point = ord(char)
    if char in "\n\t":
        return None
    if point < 0x20 or 0x7F <= point <= 0x9F:
        return "a control character"
    if 0x202A <= point <= 0x202E or 0x2066 <= point <= 0x2069:
        return "an invisible direction override; it can make words read in another order than written"
    if 0xD800 <= point <= 0xDFFF:
        return "half of a character (a lone surrogate), which cannot be saved as UTF-8"
    if 0xFFF9 <= point <= 0xFFFB or 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return "a character reserved for programs, not text"
    return None


# The same rule as one pattern, to find the first such character quickly in long text.
_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufff9-\ufffb\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)) + "]")


def character_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a message names a character a person cannot see."""
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(ord(char))
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def refused_character(value: str) -> tuple[int, str, str] | None:
    """The first character our text may not hold: (index, character, why), or None."""
    found = _REFUSED.search(value)
    if found is None:
        return None
    return found.start(), found.group(), _refused(found.group())


def is_blank(value: str) -> bool:
    """True when value shows nothing: only spaces and invisible characters."""
    return not any(char not in _INVISIBLE and not char.isspace() for char in value)


def text_problem(value: str) -> str | None:
    """The first thing wrong with value under the text rules, in words, or None."""
    found = refused_character(value)
    if found:
        index, char, why = found
        before = value[max(0, index - 20) : index]
        after = f", after {before!r}" if before.strip() else ""
        return f"contains {character_name(char)} at character {index + 1}{after}: {why}; remove it"
    if is_blank(value):
        invisible = sorted({character_name(c) for c in value if not c.isspace()})
        return "should not be empty" + (f": it holds only invisible characters ({', '.join(invisible)})"
                                        if invisible else "")
    return None


def _plain_text(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_plain_text),
    Field(description="Plain text. Shown exactly as written; HTML is shown as text. No control characters"
                      " or direction overrides."),
]


def _safe_markdown(value: str) -> str:
    # Imported here: render.py imports these models. The judge is the HTML the browser gets.
    from .render import markdown_problems

    problems = markdown_problems(value)
    if problems:
        raise ValueError("; ".join(problems))
    return value


MarkdownText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_plain_text),
    AfterValidator(_safe_markdown),
    Field(
        description="Markdown (emphasis, lists, links). Raw HTML is shown as text; links may go to"
        " http://, https://, mailto: or a #place on the page only; no images.",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Layer(Strict):
    """One level of the goal pyramid."""

    id: Slug
    name: Text = Field(description="The layer's name, e.g. 'Operational goal'.")
    group: Literal["goals", "execution"] = Field(
        description="'goals' for what we want; 'execution' for what we build or try."
    )
    question: Text = Field(description="The layer's guiding line, e.g. 'Where do we want to win?'.")
    focus: Text = Field(description="What the layer is about, in a few words.")
    about: MarkdownText = Field(description="Our explanation of the layer.")
    example: Text = Field(description="An example statement at this layer, without quote marks.")
    sweet_spot: bool = Field(
        default=False, description="True for the one layer where a project goal belongs."
    )


class PyramidFile(Strict):
    """The goal pyramid, top layer first."""

    kind: Literal["pyramid"]
    id: Slug
    title: Text
    layers: list[Layer] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_sweet_spot_and_goals_first(self) -> PyramidFile:
        sweet = [layer.id for layer in self.layers if layer.sweet_spot]
        if len(sweet) != 1:
            raise ValueError(
                f"exactly one layer must have sweet_spot: true; found {len(sweet)}"
                + (f" ({', '.join(sweet)})" if sweet else "")
            )
        groups = [layer.group for layer in self.layers]
        if "execution" in groups and "goals" in groups[groups.index("execution") :]:
            raise ValueError(
                "every 'goals' layer must come before the first 'execution' layer"
            )
        return self


# What a statement is when it sits on no layer of the pyramid.
WhatItIs = Literal["requirement", "constraint", "solution-idea", "learning-goal"]

_LAYER = (
    "The id of the pyramid layer where the statement really sits. Leave it out when the"
    " statement sits on no layer, and say what_it_is instead."
)
_WHAT_IT_IS = (
    "For a statement that sits on no layer: 'requirement' (belongs in the specification),"
    " 'constraint' (a limit on the plan), 'solution-idea' (a candidate for the execution layer,"
    " once a goal is written) or 'learning-goal' (a question to answer before committing)."
)


_UNFINISHED = (
    "Optional, with 'layer': true when the statement points at that layer but stops too soon"
    " to be used there as written (no measure, no deadline, or no one who gains)."
)


def _layer_or_what_it_is(entry, required: bool):
    """A statement sits on a layer or is something else, never both (and, where required, one)."""
    if entry.unfinished and entry.layer is None:
        raise ValueError("'unfinished: true' needs the 'layer' the statement points at")
    if entry.layer is not None and entry.what_it_is is not None:
        raise ValueError(
            f"give 'layer' or 'what_it_is', not both: a {entry.what_it_is} sits on no layer"
        )
    if required and entry.layer is None and entry.what_it_is is None:
        raise ValueError(
            "say where the statement sits: 'layer' (a pyramid layer id) or 'what_it_is'"
            " (requirement, constraint, solution-idea or learning-goal)"
        )
    return entry


class Card(Strict):
    """One goal statement to judge."""

    id: Slug
    statement: Text = Field(description="The statement, without quote marks.")
    verdict: Text = Field(description="Its short verdict label, e.g. 'Stops too soon'.")
    good: bool = Field(description="True if it is a good project goal as written.")
    layer: Slug | None = Field(default=None, description="Optional. " + _LAYER)
    what_it_is: WhatItIs | None = Field(default=None, description="Optional. " + _WHAT_IT_IS)
    unfinished: bool = Field(default=False, description=_UNFINISHED)
    explanation: MarkdownText = Field(description="Why the verdict: what is wrong, or right.")

    @model_validator(mode="after")
    def _sits_somewhere_once(self) -> Card:
        return _layer_or_what_it_is(self, required=False)


_ADDS_TO = (
    "Optional: the id of a set of the same kind to add this file's items to, e.g. 'six-examples'."
    " Used for a company's own examples in an extra data folder."
)
_TITLE = "The set's heading. Required, except in a file with adds_to, which takes its set's title."


def _title_unless_addition(data):
    """A set needs its own title (and a practice set its intro); an addition takes its set's."""
    own = [name for name in ("title", "intro") if name in type(data).model_fields]
    if data.adds_to is None:
        missing = [name for name in own if getattr(data, name) is None]
        if missing:
            raise ValueError(
                f"'{missing[0]}' is required but missing (only a file with 'adds_to' may leave it out,"
                " because it adds its items to a set that has one)"
            )
    else:
        given = [name for name in own if getattr(data, name) is not None]
        if given:
            raise ValueError(
                f"'{given[0]}' is not used in a file with 'adds_to': its items join set"
                f" '{data.adds_to}' under that set's {given[0]}; remove it"
            )
    return data


class CardsFile(Strict):
    """A set of example statements, each revealed by a tap."""

    kind: Literal["cards"]
    id: Slug
    adds_to: Slug | None = Field(default=None, description=_ADDS_TO)
    title: Text | None = Field(default=None, description=_TITLE)
    cards: list[Card] = Field(min_length=1)

    @model_validator(mode="after")
    def _own_title_unless_addition(self):
        return _title_unless_addition(self)


ProjectKind = Literal[
    "data-platform",
    "mobile-app",
    "internal-tool",
    "security-compliance",
    "e-commerce",
    "people-hr",
    "machine-learning",
    "healthcare",
    "public-sector",
    "infrastructure",
    "b2b-software",
    "payments",
    "manufacturing",
    "education",
    "non-profit",
]


class Option(Strict):
    """One answer a reader can pick, with why it is right or wrong."""

    id: Slug
    label: Text = Field(description="What the reader picks, e.g. 'A goal' or 'Business goal'.")
    correct: bool = Field(default=False, description="True for the one right answer.")
    explanation: MarkdownText = Field(description="Why this answer is right, or why not.")


class QuizItem(Strict):
    """One question: a statement to judge and the answers to choose from."""

    id: Slug
    type: Literal["two-way", "one-of-many"] = Field(
        description="'two-way': exactly two options; 'one-of-many': three or more."
    )
    project: ProjectKind = Field(description="The kind of project the statement comes from.")
    layer: Slug | None = Field(default=None, description=_LAYER)
    what_it_is: WhatItIs | None = Field(default=None, description=_WHAT_IT_IS)
    unfinished: bool = Field(default=False, description=_UNFINISHED)
    speaker: Text | None = Field(default=None, description="Optional: who says it, e.g. 'The CFO'.")
    statement: Text = Field(description="The statement to judge, without quote marks.")
    question: Text = Field(description="What the reader is asked, e.g. 'Goal or decision?'.")
    options: list[Option] = Field(min_length=2)
    takeaway: MarkdownText = Field(description="The one thing to remember, in a sentence or two.")
    discussion: MarkdownText | None = Field(
        default=None,
        description="Optional: a note for the facilitator where careful people could defend"
        " another answer (shown in facilitator mode and in the handout).",
    )

    @model_validator(mode="after")
    def _options_fit_the_type(self) -> QuizItem:
        _layer_or_what_it_is(self, required=True)
        count = len(self.options)
        if self.type == "two-way" and count != 2:
            raise ValueError(f"a two-way item has exactly 2 options; found {count}")
        if self.type == "one-of-many" and count < 3:
            raise ValueError(f"a one-of-many item has at least 3 options; found {count}")
        correct = [option.id for option in self.options if option.correct]
        if len(correct) != 1:
            raise ValueError(f"exactly one option must have correct: true; found {len(correct)}")
        ids = [option.id for option in self.options]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"option ids must be unique within an item; repeated: {', '.join(repeated)}")
        return self


class QuizFile(Strict):
    """A practice set: guess first, then learn why."""

    kind: Literal["quiz"]
    id: Slug
    adds_to: Slug | None = Field(default=None, description=_ADDS_TO)
    title: Text | None = Field(default=None, description=_TITLE)
    intro: MarkdownText | None = Field(
        default=None, description="A short introduction shown above the questions (not in an addition)."
    )
    items: list[QuizItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _own_title_unless_addition(self):
        return _title_unless_addition(self)


from .workbench import WorkbenchRulesFile  # noqa: E402 (it builds on the text rules above)

DataFile = Annotated[Union[PyramidFile, CardsFile, QuizFile, WorkbenchRulesFile], Field(discriminator="kind")]
DATA_FILE = TypeAdapter(DataFile)

KINDS = ("pyramid", "cards", "quiz", "workbench-rules")


def json_schema() -> dict:
    """The JSON Schema editors use to check quiz_data/ files as you type."""
    schema = DATA_FILE.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Goal Pyramid quiz data"
    schema["description"] = (
        "One file of quiz_data/. Generated from src/goal_pyramid/models.py by"
        " scripts/export_schema.py; do not edit by hand."
    )
    return schema
