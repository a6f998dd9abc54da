"""The Python-Markdown extension: load and validate all quiz data once per page build.

Enable it with its settings, then let the superfences fences in fences.py draw
the components:

    markdown_extensions:
      - goal_pyramid:
          data_dir: quiz_data
          extra_data_dir: ""          # optional: a company's own YAML, merged into the sets
          templates_dir: overrides/components

Relative folders are relative to the folder of mkdocs.yml, so `mkdocs build -f
path/to/mkdocs.yml` works from anywhere. MkDocs 1.6 says where that is only at
convert time, through its "relpath" treeprocessor (which holds the config);
without it (Zensical, plain Python-Markdown) they are relative to the current
directory, where those builds run. pymdownx.snippets' base_path, which it reads
from the current directory, is read from the folder of mkdocs.yml too.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .brand import check_brand, check_learning_platform
from .components import ITEM_LISTS, KINDS
from .errors import MarkerError, Problem
from .loader import Catalogue, data_files, load_catalogue
from .render import templates_fingerprint


class Components:
    """What the fences need: the validated data, where the templates are, and HTML already drawn.

    The data is loaded when a page is converted, not when the extension loads:
    then bad data stops the build as a page error, which MkDocs prints as our
    lines alone, instead of a configuration error with a stack trace. It is
    checked once per page (refresh), and read from memory by every fence after.
    """

    def __init__(self, data_dir: Path, extra_dirs: tuple[Path, ...], templates_dir: Path):
        self.data_dir = data_dir
        self.extra_dirs = extra_dirs
        self.templates_dir = templates_dir
        self._given = (data_dir, extra_dirs, templates_dir)  # as configured; locate() reads them
        self._catalogue: Catalogue | None = None
        self._templates: tuple | None = None

    def locate(self, base: Path) -> None:
        """Read the relative folders against base (the folder of mkdocs.yml), once per document."""
        data_dir, extra_dirs, templates_dir = self._given
        self.data_dir = against(base, data_dir)
        self.extra_dirs = tuple(against(base, folder) for folder in extra_dirs)
        self.templates_dir = against(base, templates_dir)

    def refresh(self) -> None:
        """Check the data files and templates again: the next read reloads what changed."""
        self._catalogue = None
        self._templates = None

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = cached_catalogue(self.data_dir, self.extra_dirs)
        return self._catalogue

    def drawn(self, key: tuple, render) -> str:
        """A set drawn on two pages (its own and its embed page) renders once per build.

        Kept beside the catalogue it was drawn from, so it goes when the data changes,
        and keyed by the templates' timestamps, so `mkdocs serve` redraws after a
        template edit.
        """
        if self._templates is None:
            self._templates = (str(self.templates_dir), templates_fingerprint(self.templates_dir))
        drawn = _drawn.setdefault(id(self.catalogue), {})
        full_key = (*key, *self._templates)
        if full_key not in drawn:
            drawn[full_key] = render()
        return drawn[full_key]


def config_folder(md: Markdown) -> Path:
    """The folder of mkdocs.yml under MkDocs; else the current directory (Zensical, plain Python-Markdown).

    MkDocs 1.6 registers its "relpath" treeprocessor (mkdocs.structure.pages.
    _RelativePathTreeprocessor) on every page's Markdown, holding the MkDocsConfig.
    """
    try:
        config_file = md.treeprocessors["relpath"].config.config_file_path
    except (KeyError, AttributeError):
        config_file = None
    return Path(config_file).parent if config_file else Path()


def against(base: Path, folder: Path) -> Path:
    """folder as configured, read from base; unchanged when base is where the build runs (shorter messages)."""
    if folder.is_absolute() or os.path.abspath(base) == os.getcwd():
        return folder
    return base / folder


def _snippets_against(md: Markdown, base: Path) -> None:
    """pymdownx.snippets made its base_path absolute against the current directory: move it to base, once."""
    snippets = md.preprocessors["snippet"] if "snippet" in md.preprocessors else None  # noqa: SIM401 (a Registry has no get)
    if snippets is None or getattr(md, "goal_pyramid_snippets_base", None) == str(base):
        return
    here = os.getcwd()
    if os.path.abspath(base) != here:
        snippets.base_path = [os.path.join(os.path.abspath(base), os.path.relpath(path, here))
                              for path in snippets.base_path]
    md.goal_pyramid_snippets_base = str(base)


_cache: dict[tuple, Catalogue] = {}
_drawn: dict[int, dict[tuple, str]] = {}  # id(catalogue) -> component HTML drawn from it


def _fingerprint(folders: tuple[Path, ...]) -> tuple:
    key: list = []
    for folder in folders:
        key.append(str(folder))
        if folder.is_dir():
            key.extend((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_files(folder))
    return tuple(key)


def cached_catalogue(data_dir: Path, extra_dirs: tuple[Path, ...] = ()) -> Catalogue:
    """Validate once per change of the folders, not once per page."""
    key = _fingerprint((data_dir, *extra_dirs))
    if key not in _cache:
        _cache.clear()
        _drawn.clear()
        _cache[key] = load_catalogue(data_dir, extra_dirs)
    return _cache[key]


class GoalPyramidExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "data_dir": ["quiz_data", "Folder of YAML data, relative to the folder of mkdocs.yml"],
            "extra_data_dir": [
                "",
                "Optional folder of a company's own YAML, checked by the same schema and merged"
                " into the sets; empty for none",
            ],
            "templates_dir": [
                "overrides/components",
                "Folder of the components' Jinja templates, relative to the folder of mkdocs.yml",
            ],
            "brand": [{}, "extra.brand from mkdocs.yml (passed as `brand: *brand`), checked before a page renders"],
            "docs_dir": ["docs", "Where a brand logo must be, relative to the folder of mkdocs.yml"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        data_dir = Path(self.getConfig("data_dir"))
        extra = str(self.getConfig("extra_data_dir") or "").strip()
        md.goal_pyramid = Components(
            data_dir=data_dir,
            extra_dirs=(Path(extra),) if extra else (),
            templates_dir=Path(self.getConfig("templates_dir")),
        )
        md.goal_pyramid_brand = (self.getConfig("brand"), Path(self.getConfig("docs_dir")))
        self.md = md
        md.registerExtension(self)  # so md.reset() calls reset() below
        self.reset()
        md.preprocessors.register(_CheckData(md), "goal_pyramid_check", 100)
        # After superfences (25) and MkDocs' raw-HTML anchor scan (21), before html_block (20).
        md.preprocessors.register(_ShareAnchors(md), "goal_pyramid_anchors", 20.5)
        # After toc (5) has given the headings their ids.
        md.treeprocessors.register(_IdsUsedOnce(md), "goal_pyramid_ids_used_once", 4)

    def reset(self) -> None:
        """A new document: no ids drawn yet, and the data and templates are checked again."""
        self.md.goal_pyramid_anchors = set()
        self.md.goal_pyramid_page_anchors = set()
        self.md.goal_pyramid.refresh()


class _CheckData(Preprocessor):
    """Validate the data and the brand settings before anything else runs, once on every page."""

    def run(self, lines: list[str]) -> list[str]:
        base = config_folder(self.md)
        settings, docs_dir = self.md.goal_pyramid_brand
        check_brand(_with_mkdocs_settings(self.md, settings), against(base, docs_dir))
        _check_learning_platform(self.md)
        _snippets_against(self.md, base)
        components = self.md.goal_pyramid
        components.locate(base)
        components.refresh()  # once per page: has a data file or a template changed?
        components.catalogue  # noqa: B018 (loading is the point: it raises on bad data)
        return lines


def _with_mkdocs_settings(md: Markdown, settings: object) -> object:
    """extra.brand, with the site name, logo and address MkDocs itself holds for this build.

    mkdocs.yml does not alias those three into extra.brand, so a company can write over their
    lines (`site_name: Acme Goals`) without an "undefined alias" error. Under MkDocs, its
    `relpath` treeprocessor carries the whole config while a page converts; other builders
    (Zensical) have none, and only what extra.brand itself holds is checked there.
    """
    config = getattr(md.treeprocessors["relpath"], "config", None) if "relpath" in md.treeprocessors else None
    if config is None or not isinstance(settings, dict | type(None)):
        return settings
    theme = config.get("theme")
    found = {"name": config.get("site_name"), "site_url": config.get("site_url"),
             "logo": theme["logo"] if theme is not None and "logo" in theme else None}
    return {**{key: value for key, value in found.items() if value is not None}, **(settings or {})}


def _check_learning_platform(md: Markdown) -> None:
    """extra.scorm (the mastery score of `make scorm`'s package), checked by every MkDocs build.

    It is read from MkDocs' own config, as the site name is: other builders (Zensical) have
    none to hand, and only `make scorm`, which builds with MkDocs, uses it.
    """
    config = getattr(md.treeprocessors["relpath"], "config", None) if "relpath" in md.treeprocessors else None
    extra = config.get("extra") if config is not None else None
    if extra is not None and hasattr(extra, "get"):
        check_learning_platform(extra.get("scorm"))


class _ShareAnchors(Preprocessor):
    """Tell MkDocs' link validation about the #ids our components put on the page.

    superfences stashes a fence's HTML before MkDocs scans raw HTML for ids,
    so without this every link to a card or layer would be reported missing.
    Zensical and plain Python-Markdown have no such scan; then it does nothing.
    """

    def run(self, lines: list[str]) -> list[str]:
        if "mkdocs_raw_html" in self.md.preprocessors:
            scan = self.md.preprocessors["mkdocs_raw_html"]
            scan.present_anchor_ids = set(scan.present_anchor_ids) | self.md.goal_pyramid_anchors
        self.md.goal_pyramid_page_anchors = self.md.goal_pyramid_anchors  # for _IdsUsedOnce
        self.md.goal_pyramid_anchors = set()  # nested fences, drawn later, collect here
        return lines


class _IdsUsedOnce(Treeprocessor):
    """An item drawn on a page may not share its #id with a heading there.

    toc gives a heading "Task" the id "task" without seeing our stashed HTML, so
    the layer "task" on the same page would lose its #link to the heading (or the
    heading its table-of-contents entry). Without toc (plain Python-Markdown) no
    heading has an id, and this finds nothing.
    """

    def run(self, root):
        drawn = self.md.goal_pyramid_page_anchors | self.md.goal_pyramid_anchors  # nested fences come later
        if not drawn:
            return None
        clashes = [element for element in root.iter() if element.get("id") in drawn]
        if clashes:
            catalogue = self.md.goal_pyramid.catalogue
            raise MarkerError([self._problem(element, catalogue) for element in clashes],
                              heading="Goal Pyramid found an id used twice on this page:")
        return None

    def _problem(self, element, catalogue: Catalogue) -> Problem:
        item_id = element.get("id")
        owner = next(((data_id, catalogue.sources.get(data_id, "the data"))
                      for kind in KINDS
                      for data_id, data in catalogue.by_kind(kind).items()
                      if any(item.id == item_id for item in getattr(data, ITEM_LISTS[kind]))),
                     ("?", "the data"))
        if re.fullmatch(r"h[1-6]", element.tag):
            words = self._unstashed("".join(_text_without_permalink(element))).strip()
            what = f'heading "{words}"'
            fix = f"end the heading's line with {{ #{item_id}-section }} to give it another id"
        else:
            what = f"<{element.tag}> with id {item_id}"
            fix = "give it another id"
        return Problem(what, None, None, None,
                       f'has the id #{item_id}, the same as the item "{item_id}" of "{owner[0]}" ({owner[1]})'
                       f" drawn on this page, so a link to #{item_id} reaches only one of them; {fix}"
                       " (renaming the item instead would reset readers' progress)")


    def _unstashed(self, text: str) -> str:
        """Curly quotes and inline HTML wait in Python-Markdown's stash as \\x02wzxhzdk:N\\x03 marks."""
        blocks = self.md.htmlStash.rawHtmlBlocks

        def unstash(found):
            index = int(found.group(1))
            return html.unescape(str(blocks[index])) if index < len(blocks) else ""

        return re.sub("\x02wzxhzdk:(\\d+)\x03", unstash, text)


def _text_without_permalink(element):
    yield element.text or ""
    for child in element:
        if "headerlink" not in (child.get("class") or "").split():
            yield from child.itertext()
        yield child.tail or ""


def makeExtension(**kwargs) -> GoalPyramidExtension:  # noqa: N802 (Python-Markdown's name)
    return GoalPyramidExtension(**kwargs)
