"""The schema of every file in quiz_data/: pydantic models, unknown keys forbidden.

Each file says what it holds with `kind`; the JSON Schema for editors is
generated from `DataFile` (see scripts/export_schema.py).
"""

from __future__ import annotations

import re
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

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Plain text. Shown exactly as written; HTML is shown as text."),
]

# A link target we refuse in Markdown fields: any scheme but the web's and mail's.
_UNSAFE_LINK = re.compile(
    r"(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)\s*(?!https?:|mailto:)([a-z][a-z0-9+.-]*):",
    re.IGNORECASE | re.MULTILINE,
)


def _safe_markdown(value: str) -> str:
    found = _UNSAFE_LINK.search(value)
    if found:
        raise ValueError(
            f"links may use http, https or mailto only; found a '{found.group(2)}:' link"
        )
    return value


MarkdownText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_safe_markdown),
    Field(
        description="Markdown (emphasis, lists, links). Raw HTML is shown as text,"
        " and links may use http, https or mailto only.",
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


class Card(Strict):
    """One goal statement to judge."""

    id: Slug
    statement: Text = Field(description="The statement, without quote marks.")
    verdict: Text = Field(description="Its short verdict label, e.g. 'Stops too soon'.")
    good: bool = Field(description="True if it is a good project goal as written.")
    layer: Slug | None = Field(
        default=None, description="Optional: the id of the pyramid layer where it really sits."
    )
    explanation: MarkdownText = Field(description="Why the verdict: what is wrong, or right.")


class CardsFile(Strict):
    """A set of example statements, each revealed by a tap."""

    kind: Literal["cards"]
    id: Slug
    title: Text
    cards: list[Card] = Field(min_length=1)


DataFile = Annotated[Union[PyramidFile, CardsFile], Field(discriminator="kind")]
DATA_FILE = TypeAdapter(DataFile)

KINDS = ("pyramid", "cards")


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
