"""Your progress: every practice set's and case's answers so far, read from the browser's storage,
mastery per pyramid layer, and "Download my results".

It has no data of its own (its marker names none): it sums up the practice sets and the cases.
Template, script, style and worked examples: overrides/components/progress/.
"""

from __future__ import annotations

from .links import NO_LINKS, PageLinks
from .scenario import NOT_A_GOAL, NOT_A_GOAL_LABELS

REVIEW_PAGE = "practice/review.md"


def _places_of_items(catalogue) -> dict[str, list[str]]:
    """Place id (a layer, or what a statement is instead) -> the ids of every item answered there.
    A case's pick of a project goal is an operational-goal item."""
    found: dict[str, list[str]] = {}

    def add(place: str, item_id: str):
        ids = found.setdefault(place, [])
        if item_id not in ids:
            ids.append(item_id)

    for quiz in catalogue.sets["quiz"].values():
        for item in quiz.items:
            add(item.layer or item.what_it_is, item.id)
    for case in catalogue.sets.get("scenario", {}).values():
        for voice in case.voices:
            add(voice.place, voice.id)
        add("operational-goal", case.id)
    return found


def view(_data: None, catalogue, links: PageLinks = NO_LINKS) -> dict:
    """links: where Review is, for each layer's "Review" link."""
    found = _places_of_items(catalogue)
    layer_names = catalogue.layer_names()
    order = [*layer_names, *NOT_A_GOAL, *sorted(set(found) - set(layer_names) - set(NOT_A_GOAL))]
    return {
        "quizzes": list(catalogue.sets["quiz"].values()),
        "cases": list(catalogue.sets.get("scenario", {}).values()),
        # (place id, its item ids): the seven layers, the three kinds of "not a goal", then any
        # other kind items have (a learning goal); places no item has are left out.
        "mastery": [(place, found[place]) for place in order if found.get(place)],
        "place_names": {**layer_names, **NOT_A_GOAL_LABELS},
        # Where MkDocs' page is unknown: Review's file beside this page's (docs/practice/), which Zensical
        # turns into the page's address as it does for any link to a Markdown file.
        "review_url": links.url(REVIEW_PAGE) or "review.md",
    }
