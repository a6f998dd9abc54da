"""The goal pyramid: its data (one file of layers, top first) and what its template gets.

Template, script, style and worked examples: overrides/components/pyramid/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup
from pydantic import Field, model_validator

from ..models import MarkdownText, Slug, Strict, Text
from ..render import render_markdown


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
    example_quoted: bool = Field(default=False, description=(
        "True if the example is quoted from the source article: its caption then credits the article."))
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




@dataclass(frozen=True)
class LayerView:
    layer: Layer
    number: int  # 1 at the top of the pyramid
    up: Layer | None
    down: Layer | None
    about: Markup


@dataclass(frozen=True)
class GroupView:
    name: str  # "goals" or "execution"
    layers: list[LayerView]


def pyramid_view(pyramid: PyramidFile) -> list[GroupView]:
    layers = pyramid.layers
    views = [
        LayerView(
            layer=layer,
            number=index + 1,
            up=layers[index - 1] if index > 0 else None,
            down=layers[index + 1] if index + 1 < len(layers) else None,
            about=render_markdown(layer.about),
        )
        for index, layer in enumerate(layers)
    ]
    groups: list[GroupView] = []
    for view in views:
        if not groups or groups[-1].name != view.layer.group:
            groups.append(GroupView(view.layer.group, []))
        groups[-1].layers.append(view)
    return groups


def view(pyramid: PyramidFile, catalogue) -> dict:
    return {"pyramid": pyramid, "groups": pyramid_view(pyramid), "total": len(pyramid.layers)}
