"""The goal workbench: a reader writes their own goal and checks react as they type.

Its checks are data (quiz_data/workbench-rules.yml, `kind: workbench`),
validated here; overrides/components/workbench/checks.js is the one
implementation that applies them, in the page and under `node --test`.
A company's extra data folder may add its product names to a rule:

    kind: workbench
    id: acme-names
    adds_to: workbench-rules
    add_terms:
      technology: [AcmeCloud, Nimbus CRM]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..errors import field_rule
from ..models import Slug, Strict, Text
from .links import NO_LINKS, PageLinks

RuleId = Literal["technology", "who-gains", "done-when", "requirements", "learning-goal"]
RULE_IDS: tuple[str, ...] = RuleId.__args__  # type: ignore[attr-defined]

# Features JavaScript's RegExp reads differently from Python's, or not at all.
_NOT_JAVASCRIPT = re.compile(r"\(\?P|\(\?[aiLmsux]+[):]|\\[AZz]|\(\?#|\\Q")


def _pattern(value: str, field: str) -> str:
    """A regular expression both Python and the browser read the same way (the common subset)."""
    if _NOT_JAVASCRIPT.search(value):
        raise field_rule("pattern_not_for_the_browser", field, given=value)
    try:
        compiled = re.compile(value, re.IGNORECASE)
    except re.error as error:
        raise field_rule("pattern_not_valid", field, given=value, error=str(error)) from None
    if compiled.match(""):
        raise field_rule("pattern_matches_empty", field, given=value)
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
            raise field_rule("page_not_a_docs_page", "page", given=value)
        return value

    def url(self, links: PageLinks = NO_LINKS) -> str:
        """The address of the explaining page from the page being drawn (outside MkDocs: from write-your-goal/)."""
        known = links.url(self.page, self.anchor)
        if known is not None:
            return known
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
    def _patterns(cls, values: list[str], info: ValidationInfo) -> list[str]:
        return [_pattern(value, info.field_name) for value in values]

    @model_validator(mode="after")
    def _something_to_look_for(self) -> Rule:
        if not self.terms and not self.patterns:
            raise field_rule("rule_looks_for_nothing", "terms")
        return self


class WorkbenchFile(Strict):
    """The workbench's checks, or (with adds_to) a company's extra words for them."""

    kind: Literal["workbench"]
    id: Slug
    adds_to: Slug | None = Field(default=None, description="Optional: the rules set to add terms to.")
    rules: list[Rule] = Field(default_factory=list, description="Every check, once each (not in an addition).")
    add_terms: dict[RuleId, list[Text]] = Field(
        default_factory=dict, description="Only with adds_to: extra terms per check, e.g. technology: [AcmeCloud].")

    @model_validator(mode="after")
    def _whole_set_or_addition(self) -> WorkbenchFile:
        if self.adds_to is None:
            if self.add_terms:
                raise field_rule("terms_only_in_addition", "add_terms")
            ids = [rule.id for rule in self.rules]
            missing = [rule_id for rule_id in RULE_IDS if rule_id not in ids]
            repeated = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
            if missing:
                raise field_rule("rules_missing_a_check", "rules", missing=", ".join(missing))
            if repeated:
                raise field_rule("rules_repeat_a_check", "rules", repeated=", ".join(repeated))
        else:
            if self.rules:
                raise field_rule("rules_unused_in_addition", "rules")
            if not self.add_terms:
                raise field_rule("terms_required_in_addition", "add_terms")
        return self

    def merged_with(self, addition: WorkbenchFile) -> WorkbenchFile:
        """These rules with an addition's terms appended to the checks it names."""
        rules = [rule.model_copy(update={"terms": [*rule.terms, *addition.add_terms.get(rule.id, [])]})
                 for rule in self.rules]
        return self.model_copy(update={"rules": rules})


# --- the view: what the template and checks.js are given -----------------------------------


def rules_json(rules: WorkbenchFile, links: PageLinks = NO_LINKS) -> list[dict]:
    """The rules as checks.js reads them (the page carries this as JSON in a data attribute)."""
    return [rule.model_dump(by_alias=True, exclude={"examples", "explained_at", "label", "question"})
            | {"url": rule.explained_at.url(links), "link_text": rule.explained_at.text}
            for rule in rules.rules]


@dataclass(frozen=True)
class LayerChoice:
    id: str
    name: str


def view(rules: WorkbenchFile, catalogue, links: PageLinks = NO_LINKS) -> dict:
    return {
        "rules": rules,
        "rules_data": rules_json(rules, links),
        "more_links": {rule.id: rule.explained_at.url(links) for rule in rules.rules},
        "swap_test_url": links.url("pyramid.md", "the-technology-swap-test") or "../pyramid/#the-technology-swap-test",
        "layers": [LayerChoice(layer_id, name) for layer_id, name in catalogue.layer_names().items()],
    }


WORKBENCH_PAGE = "write-your-goal.md"


def needs_work(entry, answer: str | None = None) -> bool:
    """A statement worth rewriting: not a good goal as written (a card's verdict, an item's answer)."""
    if hasattr(entry, "good"):
        return not entry.good
    return (entry.unfinished or entry.what_it_is in ("requirement", "constraint", "solution-idea")
            or answer in ("decision", "technology-first", "stops-too-soon", "requirements", "neither"))


def workbench_link(href: str, statement: str) -> str:
    """The workbench address with the statement in its #draft= fragment (the page reads it, no server does)."""
    return f"{href}#draft=" + quote(json.dumps({"goal": statement}, ensure_ascii=False), safe="")


def rewrites(entries, links: PageLinks) -> dict[str, str]:
    """Item id -> the workbench link that opens its statement, for each statement that needs work.

    Empty where the workbench page is not known (plain Python-Markdown, Zensical).
    """
    href = links.url(WORKBENCH_PAGE)
    if href is None:
        return {}
    return {entry.id: workbench_link(href, entry.statement) for entry in entries
            if needs_work(entry, next((o.id for o in getattr(entry, "options", []) if o.correct), None))}
