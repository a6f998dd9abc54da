"""Cases: untangle a real meeting. A room of voices to sort onto the pyramid, a
project goal to pick from candidates, and the worked answer.

One case per data file (`kind: scenario`), one case per page (```gp-scenario
with the case's id). Its voices are items: their ids are #links and keys of the
reader's progress; the reader's pick of a project goal is kept under the case's
own id. Template, script, style and worked examples: overrides/components/scenario/.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..models import HELP, MarkdownText, Slug, Strict, Text, layer_or_what_it_is
from ..render import render_markdown
from .links import NO_LINKS, PageLinks
from .quiz import ProjectKind
from .workbench import WORKBENCH_PAGE, workbench_link

# What a voice may be when it sits on no layer: the three kinds a room is full of.
NotAGoal = Literal["requirement", "constraint", "solution-idea"]
NOT_A_GOAL: tuple[str, ...] = NotAGoal.__args__  # type: ignore[attr-defined]
# How the sorting control names them (after the seven layers, in this order).
NOT_A_GOAL_LABELS = {
    "requirement": "Not a goal: a requirement",
    "constraint": "Not a goal: a constraint",
    "solution-idea": "Not a goal: a solution idea",
}

MIN_VOICES, MAX_VOICES = 6, 9
MIN_CANDIDATES, MAX_CANDIDATES = 3, 4


class Trap(Strict):
    """A place a reader is likely to put a voice, and why it does not belong there."""

    place: Slug = Field(description="A layer id, or 'requirement', 'constraint' or 'solution-idea'.")
    why: MarkdownText = Field(description="Why the voice does not belong at that place.")


class Voice(Strict):
    """One person in the room and what they say they want."""

    id: Slug
    person: Text = Field(description="Who speaks, e.g. 'The head of sales'.")
    says: Text = Field(description="What they say, without quote marks.")
    layer: Slug | None = Field(default=None, description=HELP["layer"])
    what_it_is: NotAGoal | None = Field(
        default=None,
        description="For a voice that sits on no layer: 'requirement', 'constraint' or 'solution-idea'.",
    )
    unfinished: bool = Field(default=False, description=HELP["unfinished"])
    why: MarkdownText = Field(description="Why the voice belongs where it does: the clue a reader can use.")
    traps: list[Trap] = Field(
        default_factory=list, max_length=3,
        description="Optional: the places a reader is likely to pick instead, each with why not (at most 3).",
    )

    @property
    def place(self) -> str:
        """Where it belongs: its layer id, or what it is."""
        return self.layer or self.what_it_is  # type: ignore[return-value]

    @model_validator(mode="after")
    def _sits_somewhere_once(self) -> Voice:
        layer_or_what_it_is(self, required=True)
        places = [trap.place for trap in self.traps]
        if self.place in places:
            raise ValueError(f"traps: '{self.place}' is where this voice belongs, not a trap")
        repeated = sorted({p for p in places if places.count(p) > 1})
        if repeated:
            raise ValueError(f"traps: each place once; repeated: {', '.join(repeated)}")
        return self

    def referenced_layers(self) -> list[tuple[list, str]]:
        """The layer ids its traps name (the loader checks them against the pyramid): (location, id)."""
        return [(["traps", index, "place"], trap.place) for index, trap in enumerate(self.traps)
                if trap.place not in NOT_A_GOAL]


class Candidate(Strict):
    """A project goal someone could write from the room."""

    id: Slug
    goal: Text = Field(description="The candidate goal, without quote marks.")
    best: bool = Field(default=False, description="True for the one to run the project on.")
    why: MarkdownText = Field(description="Why it is the one, or why not.")


class Chain(Strict):
    """The worked answer's chain, from the business goal down to one task."""

    business_goal: Text
    project_goal: Text = Field(description="The operational goal the project runs on (the best candidate, or"
                                           " it written better).")
    technical_goal: Text
    initiative: Text
    delivery_increment: Text
    task: Text


class ScenarioFile(Strict):
    """A case: a meeting where everyone wants something different."""

    kind: Literal["scenario"]
    id: Slug = Field(description="The case's id: its #link, and where the reader's pick is kept.")
    title: Text
    project: ProjectKind = Field(description="The kind of work the case comes from.")
    setting: MarkdownText = Field(description="The room: who is there and why, in a short paragraph or two.")
    voices: list[Voice] = Field(min_length=MIN_VOICES, max_length=MAX_VOICES)
    candidates: list[Candidate] = Field(min_length=MIN_CANDIDATES, max_length=MAX_CANDIDATES)
    chain: Chain
    trade_off: MarkdownText = Field(description="One paragraph: the trade-off the goal now lets the team make.")

    @model_validator(mode="after")
    def _a_real_room(self) -> ScenarioFile:
        best = [candidate.id for candidate in self.candidates if candidate.best]
        if len(best) != 1:
            raise ValueError(f"exactly one candidate must have best: true; found {len(best)}")
        for name, ids in (("voices", [v.id for v in self.voices]), ("candidates", [c.id for c in self.candidates])):
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise ValueError(f"{name}: ids must be unique; repeated: {', '.join(repeated)}")
        not_goals = [voice for voice in self.voices if voice.what_it_is]
        if len(not_goals) < 2:
            raise ValueError(f"at least 2 voices must not be goals (what_it_is); found {len(not_goals)}")
        layers = {voice.layer for voice in self.voices if voice.layer}
        if len(layers) < 3:
            raise ValueError(f"the voices must sit on at least 3 different layers; found {len(layers)}")
        return self


def places(layer_names: dict[str, str]) -> list[tuple[str, str]]:
    """Every place a voice can be sorted to, in the order the control offers them: (id, label)."""
    return [*layer_names.items(), *NOT_A_GOAL_LABELS.items()]


def view(case: ScenarioFile, catalogue, links: PageLinks = NO_LINKS) -> dict:
    """links: where the workbench is, for "Open in the workbench" with a candidate in the box."""
    layer_names = catalogue.layer_names()
    workbench = links.url(WORKBENCH_PAGE)
    return {
        "case": case,
        "places": places(layer_names),
        # What each layer is for: the line a reader gets for a wrong layer that is no trap.
        "layer_focus": {layer.id: layer.focus for pyramid in catalogue.pyramids.values() for layer in pyramid.layers},
        "place_names": dict(places(layer_names)),
        "layer_names": layer_names,
        "setting": render_markdown(case.setting),
        "whys": {voice.id: render_markdown(voice.why) for voice in case.voices},
        "traps": {voice.id: {trap.place: render_markdown(trap.why) for trap in voice.traps}
                  for voice in case.voices},
        "candidate_whys": {candidate.id: render_markdown(candidate.why) for candidate in case.candidates},
        "best": next(candidate for candidate in case.candidates if candidate.best),
        "workbench": {candidate.id: workbench_link(workbench, candidate.goal) for candidate in case.candidates}
        if workbench else {},
        "trade_off": render_markdown(case.trade_off),
    }
