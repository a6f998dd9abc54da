"""The goal workbench: a reader writes their own goal and checks react as they type.

Its checks are data (quiz_data/workbench-rules.yml, `kind: workbench-rules`),
validated here; overrides/components/workbench/checks.js is the one
implementation that applies them, in the page and under `node --test`.
A company's extra data folder may add its product names to a rule:

    kind: workbench-rules
    id: acme-names
    adds_to: workbench-rules
    add_terms:
      technology: [AcmeCloud, Nimbus CRM]
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .models import Slug, Strict, Text

RuleId = Literal["technology", "who-gains", "done-when", "requirements", "learning-goal"]
RULE_IDS: tuple[str, ...] = RuleId.__args__  # type: ignore[attr-defined]

# Features JavaScript's RegExp reads differently from Python's, or not at all.
_NOT_JAVASCRIPT = re.compile(r"\(\?P|\(\?[aiLmsux]+[):]|\\[AZz]|\(\?#|\\Q")


def _pattern(value: str) -> str:
    """A regular expression both Python and the browser read the same way (the common subset)."""
    if _NOT_JAVASCRIPT.search(value):
        raise ValueError(f"{value!r} uses a feature the browser's regular expressions lack"
                         " (named groups with ?P, inline flags, \\A, \\Z); every pattern is case-insensitive already")
    try:
        compiled = re.compile(value, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"{value!r} is not a valid regular expression: {error}") from None
    if compiled.match(""):
        raise ValueError(f"{value!r} matches empty text, so it would match every statement")
    return value


class Examples(Strict):
    """Sentences this rule must fire on, and sentences it must stay quiet on; `make test` runs them."""

    fires: list[Text] = Field(min_length=1)
    quiet: list[Text] = Field(min_length=1)


class ExplainedAt(Strict):
    """The page (and #place) that explains what this check looks for."""

    page: Text = Field(description="A page under docs/, e.g. 'pyramid.md'.")
    anchor: Slug | None = Field(default=None, description="Optional #id on that page.")
    text: Text = Field(description="The link's words.")

    @field_validator("page")
    @classmethod
    def _markdown_page(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", value):
            raise ValueError(f"should name a page under docs/ like 'pyramid.md', got {value!r}")
        return value

    def url(self) -> str:
        """The address from the workbench page (write-your-goal/) to the explaining page."""
        path = self.page.removesuffix(".md").removesuffix("index").rstrip("/")
        return "../" + (f"{path}/" if path else "") + (f"#{self.anchor}" if self.anchor else "")


class Rule(Strict):
    """One check on the reader's goal."""

    id: RuleId = Field(description="Which check this is.")
    label: Text = Field(description="Its short name, e.g. 'Technology first'.")
    question: Text = Field(description="The question the reader sees, e.g. 'Does it name a technology?'.")
    flags: Literal["found", "missing"] = Field(
        description="'found': the check fires when its words are found; 'missing': when none is found.")
    good_news: bool = Field(default=False, description="True when firing is good news (a learning goal).")
    min_found: int = Field(default=1, ge=1, le=5,
                           description="With flags 'found': how many different words or patterns must match.")
    one_is_enough_unless: list[str] = Field(
        default_factory=list,
        description="With min_found above 1: one match is enough unless one of these patterns matches too.")
    terms: list[Text] = Field(default_factory=list, description="Whole words or phrases, any case.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions, case-insensitive.")
    ignore: list[str] = Field(default_factory=list,
                              description="Patterns for text the check should not read, e.g. ages.")
    found: Text = Field(description="What the check says when it fires; {words} quotes what triggered it.")
    try_: Text = Field(alias="try", description="What to try, in one short sentence.")
    quiet: Text = Field(description="What the check says when it does not fire; {words} as in 'found'.")
    explained_at: ExplainedAt
    examples: Examples

    @field_validator("patterns", "ignore", "one_is_enough_unless")
    @classmethod
    def _patterns(cls, values: list[str]) -> list[str]:
        return [_pattern(value) for value in values]

    @model_validator(mode="after")
    def _something_to_look_for(self) -> Rule:
        if not self.terms and not self.patterns:
            raise ValueError("give 'terms' or 'patterns': a check with neither finds nothing")
        return self


class WorkbenchRulesFile(Strict):
    """The workbench's checks, or (with adds_to) a company's extra words for them."""

    kind: Literal["workbench-rules"]
    id: Slug
    adds_to: Slug | None = Field(default=None, description="Optional: the rules set to add terms to.")
    rules: list[Rule] = Field(default_factory=list, description="Every check, once each (not in an addition).")
    add_terms: dict[RuleId, list[Text]] = Field(
        default_factory=dict, description="Only with adds_to: extra terms per check, e.g. technology: [AcmeCloud].")

    @model_validator(mode="after")
    def _whole_set_or_addition(self) -> WorkbenchRulesFile:
        if self.adds_to is None:
            if self.add_terms:
                raise ValueError("'add_terms' is only for a file with 'adds_to'; put the terms in the rule itself")
            ids = [rule.id for rule in self.rules]
            missing = [rule_id for rule_id in RULE_IDS if rule_id not in ids]
            repeated = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
            if missing:
                raise ValueError(f"'rules' needs every check once; missing: {', '.join(missing)}")
            if repeated:
                raise ValueError(f"'rules' lists {', '.join(repeated)} more than once")
        else:
            if self.rules:
                raise ValueError("'rules' is not used in a file with 'adds_to'; give 'add_terms' instead")
            if not self.add_terms:
                raise ValueError("'add_terms' is required in a file with 'adds_to' (e.g. technology: [AcmeCloud])")
        return self

    def merged_with(self, addition: WorkbenchRulesFile) -> WorkbenchRulesFile:
        """These rules with an addition's terms appended to the checks it names."""
        rules = [rule.model_copy(update={"terms": [*rule.terms, *addition.add_terms.get(rule.id, [])]})
                 for rule in self.rules]
        return self.model_copy(update={"rules": rules})


# --- the view: what the template and checks.js are given -----------------------------------


def rules_json(rules: WorkbenchRulesFile) -> list[dict]:
    """The rules as checks.js reads them (the page embeds this as JSON)."""
    return [rule.model_dump(by_alias=True, exclude={"examples", "explained_at", "label", "question"})
            | {"url": rule.explained_at.url(), "link_text": rule.explained_at.text}
            for rule in rules.rules]


@dataclass(frozen=True)
class LayerChoice:
    id: str
    name: str


def render_workbench(rules: WorkbenchRulesFile, layers: list[LayerChoice], templates_dir: Path) -> str:
    from .render import template_environment

    template = template_environment(str(templates_dir)).get_template("workbench/workbench.html")
    return template.render(rules=rules, rules_data=rules_json(rules), layers=layers)


def draw_workbench(md, language: str, source: str) -> str:
    """The gp-workbench fence: the rules set it names (e.g. workbench-rules), drawn once per build."""
    from .fences import _components, _lookup, _once

    components = _components(md, language)
    rules = _lookup(components, "workbench-rules", language, source)
    layers = [LayerChoice(layer_id, name) for layer_id, name in components.catalogue.layer_names().items()]
    return _once(components, ("workbench", rules.id),
                 lambda: render_workbench(rules, layers, components.templates_dir))


WORKBENCH_PAGE = "write-your-goal.md"


def rewrite_href(md) -> str | None:
    """The address of the workbench page from the page being converted, or None where there is none.

    MkDocs gives each page's Markdown its relative-link processor, which knows
    the page and the site's files; plain Python-Markdown (and Zensical) has none.
    """
    processors = getattr(md, "treeprocessors", None)
    relpath = processors["relpath"] if processors is not None and "relpath" in processors else None
    page, files = getattr(relpath, "file", None), getattr(relpath, "files", None)
    target = files.get_file_from_path(WORKBENCH_PAGE) if files is not None and page is not None else None
    return target.url_relative_to(page) if target is not None else None


def needs_work(entry, answer: str | None = None) -> bool:
    """A statement worth rewriting: not a good goal as written (a card's verdict, an item's answer)."""
    if hasattr(entry, "good"):
        return not entry.good
    return (entry.unfinished or entry.what_it_is in ("requirement", "constraint", "solution-idea")
            or answer in ("decision", "technology-first", "stops-too-soon", "requirements", "neither"))


def workbench_link(href: str, statement: str) -> str:
    """The workbench address with the statement in its #draft= fragment (the page reads it, no server does)."""
    return f"{href}#draft=" + quote(json.dumps({"goal": statement}, ensure_ascii=False), safe="")
