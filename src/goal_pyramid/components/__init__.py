"""The registry: every component, declared once. Everything else reads COMPONENTS.

A component called NAME is:

- its Python module here, components/NAME.py: the data model of its file in
  quiz_data/ (if it has data) and `view`, what its template gets;
- its asset folder, overrides/components/NAME/: NAME.html (the template),
  NAME.js, NAME.css and README.md (its template parameters and worked examples,
  which tests/render/test_worked_examples.py draws; MkDocs does not copy it);
- one Component entry below, naming the shared pieces (PIECES) it uses;
- a page that writes its marker, ```gp-NAME.

The loader (which list holds a file's items, the catalogue's sets, "did you
mean"), the fences, the JSON Schema, the page templates' asset list (through
the extension), the benchmark's control and the tests read this table; mkdocs.yml
lists the fences for superfences, and a test holds that list to this one.

One name per idea: the component's NAME is its `kind:` in a data file, its
folder in overrides/components/, its module here, its marker ```gp-NAME and its
`data-gp-module="NAME"` in the HTML. (The cards' data file is
quiz_data/examples.yml, for the page "Spot a good goal", examples.md; its one
set is "six-examples".)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Union

from pydantic import BaseModel, Field, TypeAdapter

from . import cards, progress, pyramid, quiz, review, scenario, workbench
from .links import PageLinks


@dataclass(frozen=True)
class Component:
    name: str  # kind:, folder, module, data-gp-module; its marker is ```gp-<name>
    view: Callable[..., dict]  # (its data set, the catalogue) -> what its template gets
    model: type[BaseModel] | None = None  # the model of its data file; None: it has no data of its own
    items: str | None = None  # the list in its data file that holds its items (their ids are #links)
    names_data: bool = True  # its marker names a data set (```gp-cards\nsix-examples\n```)
    # How an addition (a file with adds_to) joins the set it names: (set, addition) -> the merged set.
    # None: the addition's items are appended to the set's (a workbench addition brings extra terms).
    merge: Callable[[BaseModel, BaseModel], BaseModel] | None = None
    # Its view takes links=PageLinks: addresses of the site's pages from the page being drawn
    # (right on a full page and on its embed page, one folder deeper). Its HTML is then drawn
    # once per folder of pages, not once per build.
    page_links: bool = False
    # Other scripts of its folder that NAME.js needs, loaded before it (a test holds
    # overrides/partials/gp-scripts.html to this).
    scripts: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()  # the shared pieces (PIECES) it needs on its page, besides core

    @property
    def fence(self) -> str:
        return f"gp-{self.name}"

    def file(self, ending: str) -> str:
        """Its file in overrides/components/: '.html' its template, '.js' its script, '.css' its style."""
        return f"{self.name}/{self.name}{ending}"

    @property
    def template(self) -> str:
        return self.file(".html")


@dataclass(frozen=True)
class Piece:
    """Something components share, in its own folder overrides/components/NAME/.

    A page with a component loads core, then the pieces its components use (in
    the order of PIECES), then the components. A piece with a macro has
    NAME.html, imported by the templates that use it.
    """

    name: str
    script: bool  # NAME/NAME.js
    style: bool  # NAME/NAME.css

    def file(self, ending: str) -> str:
        return f"{self.name}/{self.name}{ending}"


# core: mounting every [data-gp-module] once; loaded on every page with a component.
CORE = Piece("core", script=True, style=True)
PIECES: tuple[Piece, ...] = (
    Piece("deep-links", script=True, style=True),  # a #link opens the <details> it names
    Piece("print", script=True, style=True),  # every answer prints
    Piece("copy-link", script=True, style=True),  # "Copy link" (macro copy_link)
    Piece("toolbar", script=True, style=True),  # "Reveal all" / "Hide all" (macro toolbar)
    Piece("progress-store", script=True, style=False),  # window.GoalPyramid.progress
    Piece("verdict", script=False, style=True),  # macros verdict_mark, where_it_sits
    Piece("question", script=False, style=True),  # macro question_item: one guess-first question
)
PIECES_BY_NAME = {piece.name: piece for piece in PIECES}

COMPONENTS: tuple[Component, ...] = (
    Component("pyramid", pyramid.view, pyramid.PyramidFile, items="layers",
              uses=("deep-links", "print", "copy-link", "toolbar")),
    Component("cards", cards.view, cards.CardsFile, items="cards", page_links=True,
              uses=("deep-links", "print", "copy-link", "toolbar", "verdict")),
    Component("quiz", quiz.view, quiz.QuizFile, items="items", page_links=True,
              uses=("print", "progress-store", "verdict", "question")),
    Component("progress", progress.view, names_data=False, page_links=True, uses=("progress-store",)),
    Component("workbench", workbench.view, workbench.WorkbenchFile, items="rules",
              merge=workbench.WorkbenchFile.merged_with, page_links=True, scripts=("checks.js",)),
    Component("scenario", scenario.view, scenario.ScenarioFile, items="voices", page_links=True,
              uses=("print", "progress-store", "verdict")),
    Component("review", review.view, names_data=False, page_links=True,
              uses=("progress-store", "verdict", "question")),
)


def pieces_for(names) -> tuple[Piece, ...]:
    """The pieces a page with these components loads (core aside), in PIECES' order."""
    used = {piece for name in names for piece in BY_NAME[name].uses}
    return tuple(piece for piece in PIECES if piece.name in used)


BY_NAME = {component.name: component for component in COMPONENTS}
BY_FENCE = {component.fence: component for component in COMPONENTS}
# The components with data files, by the `kind:` that names them.
WITH_DATA = {component.name: component for component in COMPONENTS if component.model is not None}
KINDS = tuple(WITH_DATA)
ITEM_LISTS = {kind: component.items for kind, component in WITH_DATA.items()}

__all__ = ["BY_FENCE", "BY_NAME", "COMPONENTS", "DATA_FILE", "ITEM_LISTS", "KINDS", "WITH_DATA", "Component",
           "DataFile", "PageLinks", "json_schema"]

DataFile = Annotated[Union[tuple(component.model for component in WITH_DATA.values())],  # noqa: UP007
                     Field(discriminator="kind")]
DATA_FILE = TypeAdapter(DataFile)


def json_schema() -> dict:
    """The JSON Schema editors use to check quiz_data/ files as you type."""
    schema = DATA_FILE.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Goal Pyramid quiz data"
    schema["description"] = (
        "One file of quiz_data/. Generated from the models in src/goal_pyramid/components/ by"
        " scripts/export_schema.py; do not edit by hand."
    )
    return schema
