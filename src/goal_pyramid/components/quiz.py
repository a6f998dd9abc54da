"""Practice sets: guess first, press Check, read why every answer is right or wrong.

A page may also draw a selection: items picked by id from every set (fences.py).
Template, script, style and worked examples: overrides/components/quiz/.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..models import HELP, MarkdownText, Slug, Strict, Text, WhatItIs, layer_or_what_it_is, title_unless_addition
from ..render import render_markdown
from .links import NO_LINKS, PageLinks
from .workbench import rewrites

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
    layer: Slug | None = Field(default=None, description=HELP["layer"])
    what_it_is: WhatItIs | None = Field(default=None, description=HELP["what_it_is"])
    unfinished: bool = Field(default=False, description=HELP["unfinished"])
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
        layer_or_what_it_is(self, required=True)
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
    adds_to: Slug | None = Field(default=None, description=HELP["adds_to"])
    title: Text | None = Field(default=None, description=HELP["title"])
    intro: MarkdownText | None = Field(
        default=None, description="A short introduction shown above the questions (not in an addition)."
    )
    items: list[QuizItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _owntitle_unless_addition(self):
        return title_unless_addition(self)


def view(quiz: QuizFile, catalogue, selection: bool = False, links: PageLinks = NO_LINKS) -> dict:
    """selection: a page's own pick of items, its own #link, kept in the listed order;
    links: where the workbench is, for "Rewrite it in the workbench" on statements that need work."""
    return {
        "quiz": quiz,
        "rewrites": rewrites(quiz.items, links),
        "intro": render_markdown(quiz.intro),
        "explanations": {
            item.id: {option.id: render_markdown(option.explanation) for option in item.options}
            for item in quiz.items
        },
        "takeaways": {item.id: render_markdown(item.takeaway) for item in quiz.items},
        "discussions": {item.id: render_markdown(item.discussion) for item in quiz.items if item.discussion},
        "layer_names": catalogue.layer_names(),
        "selection": selection,
    }
