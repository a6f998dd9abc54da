"""What Goal Pyramid raises when it cannot build, and the words it uses to say why.

Three errors say what went wrong: DataError (a file in quiz_data/ or the extra
folder), SettingsError (extra.brand in mkdocs.yml) and MarkerError (a fence on a
page, or an id a page uses twice). They share GoalPyramidError, shaped so every
build stops cleanly: superfences swallows any exception from a fence that is not
a SuperFencesException, and MkDocs prints a traceback for anything that is not
its own BuildError, so the base is both (MkDocs only where it is installed:
Zensical and plain Python-Markdown do not need it).

MESSAGES words a problem from its error type (pydantic's, or our own raised as
PydanticCustomError with the fields it is about in its context): data, brand
settings and page markers read the same sentence for the same mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_core import PydanticCustomError
from pymdownx.superfences import SuperFencesException

try:
    from mkdocs.exceptions import BuildError as _BuildError
except ImportError:  # Zensical or plain Python-Markdown: no MkDocs to please
    _BuildError = Exception


_LINE_BREAKS = {ord(c): f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
                for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
_LINE_BREAKS.update({ord("\n"): "\\n", ord("\r"): "\\r"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can."""

    file: str
    line: int | None
    item: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.item:
            parts.append(self.item)
        if self.field:
            parts.append(f"field '{self.field}'")
        text = ": ".join(parts) + f": {self.message}"
        # One line per problem, whatever it quotes: every character str.splitlines() breaks at.
        return text.translate(_LINE_BREAKS)


class GoalPyramidError(SuperFencesException, _BuildError):
    """Something stops the build: one line per problem, all at once, under a heading that says what."""

    heading = "Goal Pyramid cannot build:"

    def __init__(self, problems: list[Problem], heading: str | None = None):
        self.problems = list(problems)
        lines = [heading or self.default_heading()] + [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))

    def default_heading(self) -> str:
        return self.heading


class DataError(GoalPyramidError):
    """A data file is wrong: it names the file, line, item and field."""

    def default_heading(self) -> str:
        count = len(self.problems)
        return f"Goal Pyramid found {count} problem{'s' if count != 1 else ''} in its data:"


class SettingsError(GoalPyramidError):
    """A setting in mkdocs.yml's extra.brand or extra.scorm (or the variable that sets it) is wrong."""

    heading = "Goal Pyramid cannot use your brand settings:"


class MarkerError(GoalPyramidError):
    """A component's marker on a page is wrong, or the page uses an item's id twice."""

    heading = "Goal Pyramid cannot draw a component on this page:"


# --- words -------------------------------------------------------------------------------

# Error type -> the sentence a person reads; {names} come from the error's context.
MESSAGES = {
    "missing": "is required but missing",
    "string_too_short": "should not be empty",
    "string_pattern_mismatch": "should be a lowercase slug like 'reduce-latency', got {given!r}",
    "too_short": "should list at least one item, got an empty list",
    "extra_forbidden": "is not a known {what} (allowed: {allowed}){hint}",
    "string_type": "should be text, got {shown}{quote}",
    "setting_not_plain_text": (
        "should be plain text without \" < or > (Material puts it in attributes unescaped), got {given}"),
    "setting_not_a_colour": "should be a CSS colour such as '#0b5d3b', 'rgb(11 93 59)' or 'teal', got {given}{hint}",
    "setting_colour_not_solid": (
        "should be a solid colour the white header text can sit on, got {given}, which is {why}"),
    "setting_colour_unmeasured": (
        "is a colour in {space}, whose contrast with the white header text this check cannot measure;"
        " write it as hex or rgb(), e.g. '#0b5d3b', got {given}"),
    "setting_colour_too_light": (
        "gives the white header text a contrast of {ratio}:1, below the 4.5:1 text needs (WCAG 2, level AA),"
        " got {given}; try a darker shade, e.g. {darker}"),
    "setting_not_a_link": "should be a mailto:, https:// or http:// address, got {given}",
    "setting_not_a_site_address": (
        "should be the full address the site is hosted at, such as 'https://learning.acme.example/goals/':"
        " http:// or https://, a host, and a path of letters, digits and - . _ ~ / % only (nothing a page would"
        " have to escape), got {given}"),
    "setting_not_a_mastery_score": (
        "should be a number from 0 to 100 (the share of practice items, in per cent, a learner must get"
        " right to pass), got {given}"),
    "field_required_unless_addition": (
        "'{field}' is required but missing (only a file with 'adds_to' may leave it out,"
        " because it adds its items to a set that has one)"),
    "field_unused_in_addition": (
        "'{field}' is not used in a file with 'adds_to': its items join set '{set_id}' under that set's"
        " {field}; remove it"),
    # The workbench's rules (components/workbench.py).
    "pattern_not_for_the_browser": (
        "{given!r} uses a feature the browser's regular expressions lack"
        " (named groups with ?P, inline flags, \\A, \\Z); every pattern is case-insensitive already"),
    "pattern_not_valid": "{given!r} is not a valid regular expression: {error}",
    "pattern_matches_empty": "{given!r} matches empty text, so it would match every statement",
    "page_not_a_docs_page": "should name a page under docs/ like 'pyramid.md', got {given!r}",
    "rule_looks_for_nothing": "give 'terms' or 'patterns': a check with neither finds nothing",
    "terms_only_in_addition": "'add_terms' is only for a file with 'adds_to'; put the terms in the rule itself",
    "rules_missing_a_check": "'rules' needs every check once; missing: {missing}",
    "rules_repeat_a_check": "'rules' lists {repeated} more than once",
    "rules_unused_in_addition": "'rules' is not used in a file with 'adds_to'; give 'add_terms' instead",
    "terms_required_in_addition": (
        "'add_terms' is required in a file with 'adds_to' (e.g. technology: [AcmeCloud])"),
}


def message(error_type: str, **context: object) -> str:
    """The sentence for an error type, its {names} filled from context."""
    return MESSAGES[error_type].format(**context)


def field_rule(error_type: str, field: str, **context: object) -> PydanticCustomError:
    """A rule across a model's fields, raised inside a validator: its context names the field it is about."""
    return PydanticCustomError(error_type, MESSAGES[error_type],
                               {"field": field, **context})
