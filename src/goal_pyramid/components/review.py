"""Review what you missed: the items this browser's progress says are due, in the
practice sets' guess-first form.

It has no data of its own (its marker names none). Every practice item and every
case's voice is drawn, hidden; the script shows up to ten that are due (answered
wrong 1, 3 or 7 days ago and not yet right again) or never answered, from the
progress store's schedule. A voice is asked as a one-of-many question with the
ten places (the seven layers, then the three kinds of "not a goal"). A case's
pick of a project goal is not reviewed here.
Template, script, style and worked examples: overrides/components/review/.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render import render_markdown
from .links import NO_LINKS, PageLinks
from .scenario import places
from .workbench import rewrites


@dataclass(frozen=True)
class PlaceOption:
    """A place a voice can be sorted to, as an option of its question."""

    id: str
    label: str
    correct: bool


@dataclass(frozen=True)
class VoiceQuestion:
    """A case's voice asked the way a practice item is (question/question.html reads these names)."""

    id: str
    case: str  # the case's id: the voice's set in the reader's progress
    speaker: str
    statement: str
    layer: str | None
    what_it_is: str | None
    unfinished: bool
    options: tuple[PlaceOption, ...]
    why: str  # safe HTML: the right place's explanation
    traps: dict[str, str]  # place id -> safe HTML: why not there


def voice_questions(catalogue) -> list[VoiceQuestion]:
    options = places(catalogue.layer_names())
    return [
        VoiceQuestion(
            id=voice.id, case=case.id, speaker=voice.person, statement=voice.says, layer=voice.layer,
            what_it_is=voice.what_it_is, unfinished=voice.unfinished,
            options=tuple(PlaceOption(place, label, place == voice.place) for place, label in options),
            why=render_markdown(voice.why),
            traps={trap.place: render_markdown(trap.why) for trap in voice.traps},
        )
        for case in catalogue.sets.get("scenario", {}).values()
        for voice in case.voices
    ]


def view(_data: None, catalogue, links: PageLinks = NO_LINKS) -> dict:
    """links: where the workbench is, for "Rewrite it in the workbench" on statements that need work."""
    seen: set[str] = set()
    questions = []  # (set id, item): each practice item once, in the catalogue's order
    for quiz in catalogue.sets["quiz"].values():
        for item in quiz.items:
            if item.id not in seen:
                seen.add(item.id)
                questions.append((quiz.id, item))
    items = [item for _, item in questions]
    return {
        "questions": questions,
        "voices": [voice for voice in voice_questions(catalogue) if voice.id not in seen],
        "explanations": {
            item.id: {option.id: render_markdown(option.explanation) for option in item.options} for item in items
        },
        "takeaways": {item.id: render_markdown(item.takeaway) for item in items},
        "rewrites": rewrites(items, links),
        "layers": [layer for pyramid in catalogue.pyramids.values() for layer in pyramid.layers],
        "layer_names": catalogue.layer_names(),
        "places": places(catalogue.layer_names()),
        # Review is a page beside them in practice/ (the fallback where pages are not known).
        "practice_url": links.url("practice/index.md") or "../",
        "progress_url": links.url("practice/progress.md") or "../progress/",
    }
