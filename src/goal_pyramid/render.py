"""Turn validated data into HTML through the Jinja templates in overrides/components/.

Python hands the templates data (and Markdown already rendered safely);
every tag the reader sees is written in a template.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .loader import Catalogue
from .models import CardsFile, Layer, PyramidFile, QuizFile


_converters = threading.local()


def _converter() -> markdown.Markdown:
    """One safe converter per thread, reused: making one costs more than converting a paragraph."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["sane_lists", "smarty"], output_format="html")
        converter.preprocessors.deregister("html_block")
        converter.inlinePatterns.deregister("html")
        _converters.markdown = converter
    return converter


def render_markdown(text: str) -> Markup:
    """Markdown to HTML where raw HTML in the source shows as text, never as markup."""
    return Markup(_converted(text))


@lru_cache(maxsize=4096)
def _converted(text: str) -> str:
    """The same text gives the same HTML: a set shown on its page and its embed page converts once."""
    converter = _converter()
    try:
        return converter.convert(text)
    finally:
        converter.reset()


@lru_cache(maxsize=8)
def template_environment(templates_dir: str) -> Environment:
    return Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def templates_fingerprint(templates_dir: Path) -> tuple:
    """Each template's name and timestamp: what a rendered component depends on besides its data."""
    return tuple(sorted((p.as_posix(), p.stat().st_mtime_ns) for p in Path(templates_dir).rglob("*.html")))


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


def render_pyramid(pyramid: PyramidFile, templates_dir: Path) -> str:
    template = template_environment(str(templates_dir)).get_template("pyramid/pyramid.html")
    return template.render(
        pyramid=pyramid, groups=pyramid_view(pyramid), total=len(pyramid.layers)
    )


def render_cards(cards: CardsFile, catalogue: Catalogue, templates_dir: Path) -> str:
    template = template_environment(str(templates_dir)).get_template("cards/cards.html")
    return template.render(
        card_set=cards,
        explanations={card.id: render_markdown(card.explanation) for card in cards.cards},
        layer_names=catalogue.layer_names(),
    )


def render_quiz(quiz: QuizFile, catalogue: Catalogue, templates_dir: Path, selection: bool = False) -> str:
    """A practice set; selection: a page's own pick of items, its own #link, kept in the listed order."""
    template = template_environment(str(templates_dir)).get_template("quiz/quiz.html")
    return template.render(
        quiz=quiz,
        intro=render_markdown(quiz.intro),
        explanations={
            item.id: {option.id: render_markdown(option.explanation) for option in item.options}
            for item in quiz.items
        },
        takeaways={item.id: render_markdown(item.takeaway) for item in quiz.items},
        discussions={item.id: render_markdown(item.discussion) for item in quiz.items if item.discussion},
        layer_names=catalogue.layer_names(),
        selection=selection,
    )


def render_progress(catalogue: Catalogue, templates_dir: Path) -> str:
    template = template_environment(str(templates_dir)).get_template("progress/progress.html")
    return template.render(quizzes=list(catalogue.quizzes.values()))
