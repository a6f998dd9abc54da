"""superfences custom fences: a page names a data set and gets its component.

    ```gp-cards
    six-examples
    ```

A fence that names nothing, or data that does not exist, stops the build.

A gp-quiz fence may instead pick items from every practice set, by id, for a
page of its own (a session's selection): they keep the listed order, and the
set is its own #link.

    ```gp-quiz
    id: session-ten
    title: Ten questions for a session
    intro: Work through them together.
    items: [gd-kubernetes-move, wl-renew-tls-certificate]
    ```
"""

from __future__ import annotations

import difflib
import re

import yaml
from markdown import Markdown

from .errors import Problem, QuizDataError
from .extension import Components
from .loader import ITEM_LISTS
from .models import QuizFile
from .render import render_cards, render_progress, render_pyramid, render_quiz, templates_fingerprint
from .workbench import draw_workbench, rewrite_href


def format_pyramid(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    return _draw_set(md, language, source, "pyramid",
                     lambda pyramid, components: render_pyramid(pyramid, components.templates_dir))


def format_cards(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    rewrite = rewrite_href(md)
    return _draw_set(md, language, source, "cards",
                     lambda cards, components: render_cards(cards, components.catalogue, components.templates_dir,
                                                            rewrite_href=rewrite), extra_key=rewrite)


def format_quiz(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    if "\n" in source.strip() or ":" in source:
        return _draw_selection(md, language, source)
    rewrite = rewrite_href(md)
    return _draw_set(md, language, source, "quiz",
                     lambda quiz, components: render_quiz(quiz, components.catalogue, components.templates_dir,
                                                          rewrite_href=rewrite), extra_key=rewrite)


def format_workbench(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    return draw_workbench(md, language, source)


def _draw_set(md: Markdown, language: str, source: str, kind: str, render, extra_key: str | None = None) -> str:
    """The data set the fence names, drawn; its items' #ids are told to MkDocs' link check."""
    components = _components(md, language)
    data = _lookup(components, kind, language, source)
    md.goal_pyramid_anchors.update(item.id for item in getattr(data, ITEM_LISTS[kind]))
    return _once(components, (kind, data.id, extra_key or ""), lambda: render(data, components))


_SELECTION_FIELDS = ("id", "title", "intro", "items")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _draw_selection(md: Markdown, language: str, source: str) -> str:
    """Items picked by id from every practice set, in the listed order, as one set with its own #link."""
    components = _components(md, language)
    try:
        marker = yaml.safe_load(source)
    except yaml.YAMLError as error:
        raise _marker_error(language, f"is not readable YAML: {error}") from None
    if not isinstance(marker, dict):
        raise _marker_error(language, f"gives a selection as {', '.join(_SELECTION_FIELDS)}; found no fields")
    unknown = [name for name in marker if name not in _SELECTION_FIELDS]
    if unknown:
        raise _marker_error(
            language, f"has an unknown field '{unknown[0]}' (a selection takes {', '.join(_SELECTION_FIELDS)})"
        )
    missing = [name for name in _SELECTION_FIELDS if not marker.get(name)]
    if missing:
        raise _marker_error(language, f"gives a selection without '{missing[0]}'")
    set_id, ids = marker["id"], marker["items"]
    if not isinstance(set_id, str) or not _SLUG.match(set_id):
        raise _marker_error(language, f"gives the id {set_id!r}; an id is lowercase words joined by hyphens")
    if not isinstance(ids, list) or not all(isinstance(item_id, str) for item_id in ids):
        raise _marker_error(language, f"selection '{set_id}': 'items' is a list of item ids")
    if not isinstance(marker["title"], str) or not isinstance(marker["intro"], str):
        raise _marker_error(language, f"selection '{set_id}': 'title' and 'intro' are text")
    repeated = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
    if repeated:
        raise _marker_error(language, f"selection '{set_id}' lists {', '.join(repeated)} more than once")
    catalogue = components.catalogue
    if set_id in catalogue.quizzes:
        raise _marker_error(language, f"selection '{set_id}' has the id of a practice set in quiz_data/; pick another")
    known = {item.id: item for quiz in catalogue.quizzes.values() for item in quiz.items}
    problems = []
    for item_id in ids:
        if item_id not in known:
            close = difflib.get_close_matches(item_id, list(known), n=3)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            problems.append(Problem(f"page marker ```{language}", None, set_id, "items",
                                    f"names \"{item_id}\", but no practice question in quiz_data/ has that id{hint}"))
    if problems:
        raise QuizDataError(problems, heading="Goal Pyramid cannot draw a component on this page:")
    # Built without re-validating: every item was validated where it was loaded.
    selection = QuizFile.model_construct(
        kind="quiz", id=set_id, adds_to=None, title=marker["title"], intro=marker["intro"],
        items=[known[item_id] for item_id in ids],
    )
    md.goal_pyramid_anchors.update([set_id, *ids])
    return _once(components, ("quiz-selection", set_id, *ids, marker["title"], marker["intro"], rewrite_href(md) or ""),
                 lambda: render_quiz(selection, catalogue, components.templates_dir, selection=True,
                                     rewrite_href=rewrite_href(md)))


def format_progress(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    """Every practice set's progress; the fence names no data (it sums them all)."""
    components = _components(md, language)
    if source.strip():
        raise _marker_error(language, "takes no data id: it sums up every practice set; leave it empty")
    return _once(components, ("progress", ""),
                 lambda: render_progress(components.catalogue, components.templates_dir))


def _once(components: Components, key: tuple[str, ...], render) -> str:
    """A set drawn on two pages (its own and its embed page) renders once per build.

    The HTML is kept with the validated data, so it goes when the data changes,
    and it is keyed by the templates' timestamps, so `mkdocs serve` redraws
    after a template edit.
    """
    rendered = components.catalogue.rendered
    full_key = (*key, str(components.templates_dir), templates_fingerprint(components.templates_dir))
    if full_key not in rendered:
        rendered[full_key] = render()
    return rendered[full_key]


def _components(md: Markdown, language: str) -> Components:
    components = getattr(md, "goal_pyramid", None)
    if components is None:
        raise _marker_error(
            language, "the goal_pyramid extension is not enabled; add '- goal_pyramid' to markdown_extensions"
        )
    return components


def _lookup(components: Components, kind: str, language: str, source: str):
    data_id = source.strip()
    known = components.catalogue.by_kind(kind)
    names = ", ".join(sorted(known)) or "none"
    if not data_id:
        raise _marker_error(language, f"names no data; write the id of a {kind} data set inside it (known: {names})")
    if data_id not in known:
        close = difflib.get_close_matches(data_id, list(known), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise _marker_error(
            language, f"names \"{data_id}\", but no {kind} data in quiz_data/ has that id (known: {names}){hint}"
        )
    return known[data_id]


def _marker_error(language: str, message: str) -> QuizDataError:
    return QuizDataError(
        [Problem(f"page marker ```{language}", None, None, None, message)],
        heading="Goal Pyramid cannot draw a component on this page:",
    )
