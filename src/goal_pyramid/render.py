"""Turn validated data into HTML through the Jinja templates in overrides/components/.

Python hands the templates data (and Markdown already rendered safely);
every tag the reader sees is written in a template.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .loader import Catalogue
from .models import (CardsFile, Layer, PyramidFile, QuizFile, character_name, is_blank, refused_character,
                     text_problem)


# --- Markdown fields: what may reach the browser ------------------------------------------
#
# The HTML that Markdown makes is cleaned by an allow-list (nh3, Rust's ammonia), and data
# validation refuses any text whose HTML the cleaning would change, so nothing is dropped
# without a word. Allowed: what sane_lists + smarty make for short prose. Not headings (a
# card is not a page), not images (we make no outside requests). Links go to http://,
# https://, mailto: or a #place on the page; a relative link is refused because the same
# text is drawn on a full page and on its embed page, one folder deeper, where it would
# point elsewhere. Every link gets rel="noopener noreferrer": the address of a company's
# wiki page that embeds a set is not sent to the sites it links to.
ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_TAG_WORDS = {"img": "an image", "hr": "a horizontal rule", "h1": "a heading", "h2": "a heading",
              "h3": "a heading", "h4": "a heading", "h5": "a heading", "h6": "a heading"}


def link_refused(href: str) -> str | None:
    """What is wrong with a link target as the browser reads it, or None if it may stay."""
    # A browser ignores leading and trailing spaces and controls, and tabs and newlines anywhere.
    url = re.sub(r"[\t\n\r]", "", href.strip("".join(map(chr, range(0x21)))))
    if url.startswith("#"):
        return None
    scheme = _SCHEME.match(url)
    if scheme is None:
        return f"{href!r} is a relative link"
    name = scheme.group(1).lower()
    if name not in LINK_SCHEMES:
        return f"{href!r} is a '{name}:' link"
    if name in ("http", "https") and not re.match(r"https?://[^/?#\s]", url, re.IGNORECASE):
        return f"{href!r} names no host"
    return None


def _keep_link(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and link_refused(value):
        return None
    return value


_cleaner = nh3.Cleaner(tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, url_schemes=set(LINK_SCHEMES),
                       attribute_filter=_keep_link, link_rel=LINK_REL, strip_comments=True)
_converters = threading.local()


def _converter() -> markdown.Markdown:
    """One converter per thread, reused: making one costs more than converting a paragraph."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["sane_lists", "smarty"], output_format="html")
        converter.preprocessors.deregister("html_block")
        converter.inlinePatterns.deregister("html")
        _converters.markdown = converter
    return converter


def render_markdown(text: str) -> Markup:
    """Markdown to HTML where raw HTML in the source shows as text, cleaned to the allow-list above."""
    return Markup(_cleaned(text))


@lru_cache(maxsize=4096)
def _converted(text: str) -> str:
    """The same text gives the same HTML: validation and every page that shows it convert it once."""
    converter = _converter()
    try:
        return converter.convert(text)
    finally:
        converter.reset()


@lru_cache(maxsize=4096)
def _cleaned(text: str) -> str:
    return _cleaner.clean(_converted(text))


class _Elements(HTMLParser):
    """Tags with their attributes, and the text, as a browser would read them (entities decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def markdown_problems(text: str) -> list[str]:
    """Why text's HTML would not reach the browser as written, one sentence each; [] if it would."""
    return list(_markdown_problems(text))


@lru_cache(maxsize=4096)
def _markdown_problems(text: str) -> tuple[str, ...]:
    rendered = _Elements(_converted(text))
    problems = []
    shown = "".join(rendered.text)
    for tag, attributes in rendered.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"uses {_TAG_WORDS.get(tag, f'<{tag}>')}, which this field does not show"
                            + ("; the site loads no pictures from text, so describe it in words"
                               if tag == "img" else ""))
        for value in attributes.values():
            if value:
                shown += value
    links = [attributes.get("href") for tag, attributes in rendered.tags if tag == "a"]
    for href in links:
        why = link_refused(href or "")
        if why:
            problems.append(f"has a link that would be removed: {why}; links may go to http://, https://,"
                            " mailto: or a #place on the page only")
    kept = [attributes["href"] for tag, attributes in _Elements(_cleaned(text)).tags
            if tag == "a" and attributes.get("href") is not None]
    allowed = [href for href in links if not link_refused(href or "")]
    if kept != allowed:  # the cleaning disagrees with our rule: name what it dropped
        dropped = [href for href in allowed if href not in kept]
        problems.append(f"has a link that would be removed: {', '.join(map(repr, dropped))}")
    found = refused_character(shown)  # an entity such as &#x202E; writes what the text rules refuse
    if found:
        problems.append(f"writes {character_name(found[1])} with an HTML entity: {found[2]}; remove it")
    elif is_blank(shown) and not problems:
        problems.append(text_problem(shown))
    return tuple(problems)


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


def render_cards(cards: CardsFile, catalogue: Catalogue, templates_dir: Path, rewrite_href: str | None = None) -> str:
    template = template_environment(str(templates_dir)).get_template("cards/cards.html")
    return template.render(
        card_set=cards,
        rewrites=rewrites(cards.cards, rewrite_href),
        explanations={card.id: render_markdown(card.explanation) for card in cards.cards},
        layer_names=catalogue.layer_names(),
    )


def render_quiz(quiz: QuizFile, catalogue: Catalogue, templates_dir: Path, selection: bool = False,
                rewrite_href: str | None = None) -> str:
    """A practice set; selection: a page's own pick of items, its own #link, kept in the listed order."""
    template = template_environment(str(templates_dir)).get_template("quiz/quiz.html")
    return template.render(
        quiz=quiz,
        rewrites=rewrites(quiz.items, rewrite_href),
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


def rewrites(entries, href: str | None) -> dict[str, str]:
    """Item id -> the workbench link that opens its statement, for each statement that needs work."""
    from .workbench import needs_work, workbench_link

    if href is None:
        return {}
    return {entry.id: workbench_link(href, entry.statement) for entry in entries
            if needs_work(entry, next((o.id for o in getattr(entry, "options", []) if o.correct), None))}


def render_progress(catalogue: Catalogue, templates_dir: Path) -> str:
    template = template_environment(str(templates_dir)).get_template("progress/progress.html")
    return template.render(quizzes=list(catalogue.quizzes.values()))
