"""The schema of every file in quiz_data/: pydantic models, unknown keys forbidden.

The pieces every component's data shares: ids, the text rules, plain and
Markdown text, strictness, and the rules for a statement's place and a set's
title. Each component's own models live beside its view in components/<name>.py;
components/__init__.py joins them into the one data file and its JSON Schema.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from .errors import field_rule

SLUG_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(
        description="Lowercase letters, digits and single hyphens, starting with a letter,"
        " e.g. 'reduce-latency'. Stable: it is the #link to this item.",
    ),
]

# --- text rules: what every text field may hold -----------------------------------------

# Invisible characters with no job in our text: a control character can splice
# Python-Markdown's stored HTML into a page (\x02 ... \x03 are its placeholder
# marks), and a bidi override or isolate makes words read in another order than
# they are stored. Left-to-right and right-to-left marks (U+200E, U+200F, U+061C)
# are allowed: mixed-direction text needs them, and they cannot reorder words.
_CONTROL_NAMES = {0x00: "NULL", 0x02: "START OF TEXT", 0x03: "END OF TEXT", 0x08: "BACKSPACE",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE",
                  0x7F: "DELETE", 0x85: "NEXT LINE"}
# Characters that show nothing: text made only of them (and spaces) is empty.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u034f\u180e\u115f\u1160\u3164"
                       "\uffa0\u2800\u00ad")


def _refused(char: str) -> str | None:
    """Why char may not appear in our text, or None."""
    point = ord(char)
    if char in "\n\t":
        return None
    if point < 0x20 or 0x7F <= point <= 0x9F:
        return "a control character"
    if 0x202A <= point <= 0x202E or 0x2066 <= point <= 0x2069:
        return "an invisible direction override; it can make words read in another order than written"
    if 0xD800 <= point <= 0xDFFF:
        return "half of a character (a lone surrogate), which cannot be saved as UTF-8"
    if 0xFFF9 <= point <= 0xFFFB or 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return "a character reserved for programs, not text"
    return None


# The same rule as one pattern, to find the first such character quickly in long text.
_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufff9-\ufffb\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)) + "]")


def character_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a message names a character a person cannot see."""
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(ord(char))
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def refused_character(value: str) -> tuple[int, str, str] | None:
    """The first character our text may not hold: (index, character, why), or None."""
    found = _REFUSED.search(value)
    if found is None:
        return None
    return found.start(), found.group(), _refused(found.group())


def is_blank(value: str) -> bool:
    """True when value shows nothing: only spaces and invisible characters."""
    return not any(char not in _INVISIBLE and not char.isspace() for char in value)


def text_problem(value: str) -> str | None:
    """The first thing wrong with value under the text rules, in words, or None."""
    found = refused_character(value)
    if found:
        index, char, why = found
        before = value[max(0, index - 20) : index]
        after = f", after {before!r}" if before.strip() else ""
        return f"contains {character_name(char)} at character {index + 1}{after}: {why}; remove it"
    if is_blank(value):
        invisible = sorted({character_name(c) for c in value if not c.isspace()})
        return "should not be empty" + (f": it holds only invisible characters ({', '.join(invisible)})"
                                        if invisible else "")
    return None


def _plain_text(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_plain_text),
    Field(description="Plain text. Shown exactly as written; HTML is shown as text. No control characters"
                      " or direction overrides."),
]


def _safe_markdown(value: str) -> str:
    # Imported here: render.py imports these models. The judge is the HTML the browser gets.
    from .render import markdown_problems

    problems = markdown_problems(value)
    if problems:
        raise ValueError("; ".join(problems))
    return value


MarkdownText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_plain_text),
    AfterValidator(_safe_markdown),
    Field(
        description="Markdown (emphasis, lists, links). Raw HTML is shown as text; links may go to"
        " http://, https://, mailto: or a #place on the page only; no images.",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# What a statement is when it sits on no layer of the pyramid.
WhatItIs = Literal["requirement", "constraint", "solution-idea", "learning-goal"]

_LAYER_HELP = (
    "The id of the pyramid layer where the statement really sits. Leave it out when the"
    " statement sits on no layer, and say what_it_is instead."
)
_WHAT_IT_IS_HELP = (
    "For a statement that sits on no layer: 'requirement' (belongs in the specification),"
    " 'constraint' (a limit on the plan), 'solution-idea' (a candidate for the execution layer,"
    " once a goal is written) or 'learning-goal' (a question to answer before committing)."
)


_UNFINISHED_HELP = (
    "Optional, with 'layer': true when the statement points at that layer but stops too soon"
    " to be used there as written (nothing in it can be checked, or it breaks the 'so that' rule)."
)


def layer_or_what_it_is(entry, required: bool):
    """A statement sits on a layer or is something else, never both (and, where required, one)."""
    if entry.unfinished and entry.layer is None:
        raise ValueError("'unfinished: true' needs the 'layer' the statement points at")
    if entry.layer is not None and entry.what_it_is is not None:
        raise ValueError(
            f"give 'layer' or 'what_it_is', not both: a {entry.what_it_is} sits on no layer"
        )
    if required and entry.layer is None and entry.what_it_is is None:
        raise ValueError(
            "say where the statement sits: 'layer' (a pyramid layer id) or 'what_it_is'"
            " (requirement, constraint, solution-idea or learning-goal)"
        )
    return entry


_ADDS_TO_HELP = (
    "Optional: the id of a set of the same kind to add this file's items to, e.g. 'six-examples'."
    " Used for a company's own examples in an extra data folder."
)
_TITLE_HELP = "The set's heading. Required, except in a file with adds_to, which takes its set's title."


# What a field shared by several components means, for the JSON Schema (editors show it).
HELP = {"layer": _LAYER_HELP, "what_it_is": _WHAT_IT_IS_HELP, "unfinished": _UNFINISHED_HELP,
        "adds_to": _ADDS_TO_HELP, "title": _TITLE_HELP}


def title_unless_addition(data):
    """A set needs its own title (and a practice set its intro); an addition takes its set's."""
    own = [name for name in ("title", "intro") if name in type(data).model_fields]
    if data.adds_to is None:
        missing = [name for name in own if getattr(data, name) is None]
        if missing:
            raise field_rule("field_required_unless_addition", missing[0])
    else:
        given = [name for name in own if getattr(data, name) is not None]
        if given:
            raise field_rule("field_unused_in_addition", given[0], set_id=data.adds_to)
    return data
