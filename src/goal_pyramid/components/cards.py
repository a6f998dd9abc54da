"""Example cards: statements to judge with a tap, each revealing its verdict and why.

Template, script ("Reveal all" included), style and worked examples: overrides/components/cards/.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..models import HELP, MarkdownText, Slug, Strict, Text, WhatItIs, layer_or_what_it_is, title_unless_addition
from ..render import render_markdown
from .links import NO_LINKS, PageLinks
from .workbench import rewrites


class Card(Strict):
    """One goal statement to judge."""

    id: Slug
    statement: Text = Field(description="The statement, without quote marks.")
    verdict: Text = Field(description="Its short verdict label, e.g. 'Stops too soon'.")
    good: bool = Field(description="True if it is a good project goal as written.")
    layer: Slug | None = Field(default=None, description="Optional. " + HELP["layer"])
    what_it_is: WhatItIs | None = Field(default=None, description="Optional. " + HELP["what_it_is"])
    unfinished: bool = Field(default=False, description=HELP["unfinished"])
    explanation: MarkdownText = Field(description="Why the verdict: what is wrong, or right.")
    quoted: bool = Field(default=False, description=(
        "True for a statement quoted from the source article, shown with a credit; leave it out for your own."))

    @model_validator(mode="after")
    def _sits_somewhere_once(self) -> Card:
        return layer_or_what_it_is(self, required=False)




class CardsFile(Strict):
    """A set of example statements, each revealed by a tap."""

    kind: Literal["cards"]
    id: Slug
    adds_to: Slug | None = Field(default=None, description=HELP["adds_to"])
    title: Text | None = Field(default=None, description=HELP["title"])
    cards: list[Card] = Field(min_length=1)

    @model_validator(mode="after")
    def _owntitle_unless_addition(self):
        return title_unless_addition(self)




# The article the built-in statements are quoted from (credited on the set and on each quoted card).
SOURCE = {"author": "Julia Mustivaya", "title": "Goal Setting Confusion in Technology Projects",
          "url": "https://www.juliamustivaya.com/articles/goal-setting-confusion-in-technology-projects"}


def view(cards: CardsFile, catalogue, links: PageLinks = NO_LINKS) -> dict:
    """links: where the workbench is, for "Rewrite it in the workbench" on the cards that need work."""
    return {
        "card_set": cards,
        "source": SOURCE,
        "quoted_count": sum(card.quoted for card in cards.cards),
        "rewrites": rewrites(cards.cards, links),
        "explanations": {card.id: render_markdown(card.explanation) for card in cards.cards},
        "layer_names": catalogue.layer_names(),
    }
