"""Cases: untangle a real meeting. A room of voices to sort onto the pyramid, a
project goal to pick from candidates, and the worked answer.

One case per data file (`kind: scenario`), one case per page (```gp-scenario
with the case's id). Its voices are items: their ids are #links and keys of the
reader's progress; the reader's pick of a project goal is kept under the case's
own id. Template, script, style and worked examples: overrides/components/scenario/.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

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
MAX_TRAPS = 3

# The sentences of a case's own rules. Each names the field it is about (the loader reads
# `field` from the context, as for errors.field_rule) and what it found.
RULES = {
    "case_count": "a case has {low} to {high} {what}; found {found}",
    "case_too_many_traps": "a voice has at most {high} traps; found {found}",
    "case_one_best": "exactly one candidate must have best: true; found {found}{which}",
    "case_ids_repeat": "ids must be unique within '{field}'; repeated: {repeated}",
    "case_too_few_not_goals": (
        "at least 2 voices must not be goals (give them what_it_is: requirement, constraint or"
        " solution-idea); found {found}"),
    "case_too_few_layers": "the voices must sit on at least 3 different layers; found {found}{which}",
    "case_trap_is_the_answer": "'{place}' is where this voice belongs, so it cannot be one of its traps",
    "case_trap_repeats": "each place may be a trap once; repeated: {repeated}",
    "case_voice_sits_nowhere": (
        "say where the voice sits: 'layer' (a pyramid layer id) or 'what_it_is' (requirement, constraint"
        " or solution-idea)"),
}


def rule(error_type: str, field: str, **context: object) -> PydanticCustomError:
    return PydanticCustomError(error_type, RULES[error_type], {"field": field, **context})


def repeated(values: list[str]) -> str:
    return ", ".join(sorted({value for value in values if values.count(value) > 1}))


def counted(what: str, low: int, high: int):
    """A list of low to high entries, said as such (the JSON Schema keeps minItems and maxItems)."""
    def check(value: list, info: ValidationInfo) -> list:
        if not low <= len(value) <= high:
            raise rule("case_count", info.field_name, low=low, high=high, what=what, found=len(value))
        return value
    return check


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
        default_factory=list, json_schema_extra={"maxItems": MAX_TRAPS},
        description="Optional: the places a reader is likely to pick instead, each with why not (at most 3).",
    )

    @property
    def place(self) -> str:
        """Where it belongs: its layer id, or what it is."""
        return self.layer or self.what_it_is  # type: ignore[return-value]

    @field_validator("traps")
    @classmethod
    def _traps_lead_elsewhere(cls, traps: list[Trap], info: ValidationInfo) -> list[Trap]:
        if len(traps) > MAX_TRAPS:
            raise rule("case_too_many_traps", "traps", high=MAX_TRAPS, found=len(traps))
        places = [trap.place for trap in traps]
        answer = info.data.get("layer") or info.data.get("what_it_is")
        if answer in places:
            raise rule("case_trap_is_the_answer", "traps", place=answer)
        if repeated(places):
            raise rule("case_trap_repeats", "traps", repeated=repeated(places))
        return traps

    @model_validator(mode="after")
    def _sits_somewhere_once(self) -> Voice:
        if self.layer is None and self.what_it_is is None and not self.unfinished:
            raise rule("case_voice_sits_nowhere", "layer")  # a voice is never a learning goal
        layer_or_what_it_is(self, required=True)
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
    voices: list[Voice] = Field(json_schema_extra={"minItems": MIN_VOICES, "maxItems": MAX_VOICES})
    candidates: list[Candidate] = Field(json_schema_extra={"minItems": MIN_CANDIDATES, "maxItems": MAX_CANDIDATES})
    chain: Chain
    trade_off: MarkdownText = Field(description="One paragraph: the trade-off the goal now lets the team make.")

    _voice_count = field_validator("voices")(counted("voices", MIN_VOICES, MAX_VOICES))
    _candidate_count = field_validator("candidates")(counted("candidates", MIN_CANDIDATES, MAX_CANDIDATES))

    @field_validator("voices")
    @classmethod
    def _a_real_room(cls, voices: list[Voice]) -> list[Voice]:
        if repeated([voice.id for voice in voices]):
            raise rule("case_ids_repeat", "voices", repeated=repeated([voice.id for voice in voices]))
        not_goals = [voice for voice in voices if voice.what_it_is]
        if len(not_goals) < 2:
            raise rule("case_too_few_not_goals", "voices", found=len(not_goals))
        layers = sorted({voice.layer for voice in voices if voice.layer})
        if len(layers) < 3:
            raise rule("case_too_few_layers", "voices", found=len(layers),
                       which=f" ({', '.join(layers)})" if layers else "")
        return voices

    @field_validator("candidates")
    @classmethod
    def _one_to_pick(cls, candidates: list[Candidate]) -> list[Candidate]:
        if repeated([candidate.id for candidate in candidates]):
            raise rule("case_ids_repeat", "candidates", repeated=repeated([c.id for c in candidates]))
        best = [candidate.id for candidate in candidates if candidate.best]
        if len(best) != 1:
            raise rule("case_one_best", "candidates", found=len(best), which=f" ({', '.join(best)})" if best else "")
        return candidates


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
