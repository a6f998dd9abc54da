"""superfences custom fences: a page names a data set and gets its component.

One format function serves every component in the registry (components/):
the fence's name picks the component.

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
from jinja2 import TemplateError
from markdown import Markdown

from .components import BY_FENCE, BY_NAME, Component, PageLinks
from .components.quiz import QuizFile
from .errors import MarkerError, Problem
from .extension import Components
from .render import render_component


def format_component(source: str, language: str, class_name: str, options: dict, md: Markdown, **kwargs) -> str:
    """Every component's fence: mkdocs.yml names this for each ```gp-NAME in the registry."""
    component = BY_FENCE.get(language)
    if component is None:
        raise _marker_error(language, f"is not a component's marker (known: {', '.join(sorted(BY_FENCE))})")
    if component.name == "quiz" and ("\n" in source.strip() or ":" in source):
        return _draw_selection(md, language, source)
    if not component.names_data:
        return _draw_summary(md, language, source, component)
    return _draw_set(md, language, source, component)


def render(component: Component, data, catalogue, templates_dir, **options) -> str:
    """A component drawn: its view says what its template gets.

    A template that fails stops the build naming it: superfences would otherwise swallow the
    error and leave the fence on the page as a code block."""
    try:
        return render_component(component.template, component.view(data, catalogue, **options), templates_dir)
    except TemplateError as error:
        where = getattr(error, "filename", None) or component.template
        line = getattr(error, "lineno", None)
        raise MarkerError([Problem(file=str(where), line=line, item=None, field=None,
                                   message=f"the template of {component.fence} fails: {error.message}")]) from error


def _draw_set(md: Markdown, language: str, source: str, component: Component) -> str:
    """The data set the fence names, drawn; its items' #ids are told to MkDocs' link check."""
    components = _components(md, language)
    data = _lookup(components, component.name, language, source)
    md.goal_pyramid_anchors.update(item.id for item in getattr(data, component.items))
    options, key = _page_links(md, component)
    return components.drawn((component.name, data.id, *key),
                            lambda: render(component, data, components.catalogue, components.templates_dir, **options))


def _page_links(md: Markdown, component: Component) -> tuple[dict, tuple]:
    """A component with page_links gets the page's links, and its HTML is kept per folder of pages."""
    if not component.page_links:
        return {}, ()
    links = PageLinks.of(md)
    return {"links": links}, (links.key,)


def _draw_summary(md: Markdown, language: str, source: str, component: Component) -> str:
    """A component with no data of its own (progress sums up every practice set and case; review
    draws from them)."""
    components = _components(md, language)
    if source.strip():
        raise _marker_error(language, "takes no data id: it draws on every practice set and case; leave it empty")
    options, key = _page_links(md, component)
    return components.drawn((component.name, "", *key),
                            lambda: render(component, None, components.catalogue, components.templates_dir, **options))


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
        raise MarkerError(problems)
    # Built without re-validating: every item was validated where it was loaded.
    selection = QuizFile.model_construct(
        kind="quiz", id=set_id, adds_to=None, title=marker["title"], intro=marker["intro"],
        items=[known[item_id] for item_id in ids],
    )
    md.goal_pyramid_anchors.update([set_id, *ids])
    options, key = _page_links(md, BY_NAME["quiz"])
    return components.drawn(("quiz-selection", set_id, *ids, marker["title"], marker["intro"], *key),
                            lambda: render(BY_NAME["quiz"], selection, catalogue, components.templates_dir,
                                           selection=True, **options))


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


def _marker_error(language: str, message: str) -> MarkerError:
    return MarkerError([Problem(f"page marker ```{language}", None, None, None, message)])
