"""superfences custom fences: a page names a data set and gets its component.

    ```gp-cards
    six-examples
    ```

A fence that names nothing, or data that does not exist, stops the build.
"""

from __future__ import annotations

import difflib

from markdown import Markdown

from .errors import Problem, QuizDataError
from .extension import Components
from .loader import ITEM_LISTS
from .render import render_cards, render_progress, render_pyramid, render_quiz, templates_fingerprint


def format_pyramid(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    return _draw_set(md, language, source, "pyramid",
                     lambda pyramid, components: render_pyramid(pyramid, components.templates_dir))


def format_cards(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    return _draw_set(md, language, source, "cards",
                     lambda cards, components: render_cards(cards, components.catalogue, components.templates_dir))


def format_quiz(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    return _draw_set(md, language, source, "quiz",
                     lambda quiz, components: render_quiz(quiz, components.catalogue, components.templates_dir))


def _draw_set(md: Markdown, language: str, source: str, kind: str, render) -> str:
    """The data set the fence names, drawn; its items' #ids are told to MkDocs' link check."""
    components = _components(md, language)
    data = _lookup(components, kind, language, source)
    md.goal_pyramid_anchors.update(item.id for item in getattr(data, ITEM_LISTS[kind]))
    return _once(components, (kind, data.id), lambda: render(data, components))


def format_progress(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    """Every practice set's progress; the fence names no data (it sums them all)."""
    components = _components(md, language)
    if source.strip():
        raise _marker_error(language, "takes no data id: it sums up every practice set; leave it empty")
    return _once(components, ("progress", ""),
                 lambda: render_progress(components.catalogue, components.templates_dir))


def _once(components: Components, key: tuple[str, str], render) -> str:
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
