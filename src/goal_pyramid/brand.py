"""A company's own copy: the brand settings, checked before anything renders.

mkdocs.yml keeps them in one place, `extra.brand`, and hands the same mapping
to this extension with a YAML alias (`brand: *brand`), so a typo in a colour or
a link stops the build with a clear line instead of drawing an invisible header.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError
from tinycss2.color4 import _COLOR_KEYWORDS, parse_color  # CSS Color Level 4; the keywords: its named colours

from .errors import MESSAGES, Problem, SettingsError
from .errors import message as worded
from .models import text_problem

_WHERE = "mkdocs.yml"
# Where each setting is written in mkdocs.yml, and the variable that can set it instead.
_SOURCES = {"name": ("site_name", "GOAL_PYRAMID_SITE_NAME"), "logo": ("theme.logo", "GOAL_PYRAMID_LOGO"),
            "primary": ("extra.brand.primary", "GOAL_PYRAMID_PRIMARY_COLOUR"),
            "feedback": ("extra.brand.feedback", "GOAL_PYRAMID_FEEDBACK"),
            "site_url": ("site_url", "GOAL_PYRAMID_SITE_URL")}


def _set_by(field: str) -> str:
    key, variable = _SOURCES[field]
    return f"; set by {key} in mkdocs.yml or {variable}"

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
# What a colour may be written with at all (it goes into a stylesheet): no ; { } quotes or comments.
_COLOUR_CHARACTERS = re.compile(r"[#0-9a-zA-Z.,%+\s()-]+(?:/[0-9a-zA-Z.,%+\s()-]+)?")
_NAMED_COLOURS = sorted(name for name in _COLOR_KEYWORDS if name != "transparent")
_LINK = re.compile(r"(?:mailto:[^\s\"<>]+|https?://[^\s\"<>]+)")
# The address the site is hosted at goes into every page's links and tags, so it holds
# nothing a page would have to escape: a host (name, IPv4 or [IPv6]), a port, a plain path.
_SITE_URL = re.compile(r"https?://(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])"
                       r"(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/-]*)?")
# A logo path may not carry anything a page would have to escape either.
_LOGO_CHARACTERS = re.compile(r"[^\s\"'<>`\\\x00-\x1f\x7f]+")


def _blank_is_none(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _no_hidden_characters(value: str | None) -> str | None:
    found = text_problem(value) if value is not None else None
    if found:
        raise ValueError(found)
    return value


# Every setting ends up in every page: no control characters or direction overrides in any.
Setting = Annotated[str | None, BeforeValidator(_blank_is_none), AfterValidator(_no_hidden_characters)]


# Each plain setting's rule: (does a value follow it, the error type that words it in MESSAGES).
_RULES = {
    "name": (lambda value: not re.search(r"[\"<>]", value), "setting_not_plain_text"),
    "feedback": (lambda value: bool(_LINK.fullmatch(value)), "setting_not_a_link"),
    "site_url": (lambda value: bool(_SITE_URL.fullmatch(value)), "setting_not_a_site_address"),
}


def _srgb_luminance(red: float, green: float, blue: float) -> float:
    """WCAG 2's relative luminance of an sRGB colour (channels 0-1, clipped to the gamut)."""
    def linear(channel: float) -> float:
        channel = min(max(channel, 0.0), 1.0)
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def _luminance(colour) -> float | None:
    """Relative luminance (CIE Y, 0-1) of a parsed colour, or None for a space not measured here."""
    if colour.space in ("srgb", "hsl", "hwb"):
        return _srgb_luminance(*colour.to("srgb").coordinates)
    if colour.space == "srgb-linear":
        return sum(weight * min(max(c or 0, 0.0), 1.0)
                   for weight, c in zip((0.2126, 0.7152, 0.0722), colour.coordinates, strict=True))
    if colour.space in ("xyz-d65", "xyz-d50", "xyz"):
        y = colour.coordinates[1] or 0
    elif colour.space in ("oklab", "oklch"):
        y = colour.to("xyz-d65").coordinates[1]
    elif colour.space in ("lab", "lch"):
        y = colour.to("xyz-d50").coordinates[1]
    else:  # display-p3, a98-rgb, prophoto-rgb, rec2020: tinycss2 does not convert them
        return None
    return min(max(y, 0.0), 1.0)


def contrast_with_white(luminance: float) -> float:
    """WCAG 2's contrast ratio between white text and a background of this relative luminance."""
    return 1.05 / (luminance + 0.05)


def _darker(colour) -> str:
    """The same hue in sRGB, darkened until white text on it reaches 4.5:1, as hex."""
    rgb = colour.to("srgb").coordinates if colour.space in ("srgb", "hsl", "hwb") else (0.04, 0.36, 0.23)
    rgb = [min(max(c or 0, 0.0), 1.0) for c in rgb]
    scale = 1.0
    while scale > 0 and contrast_with_white(_srgb_luminance(*(c * scale for c in rgb))) < 4.5:
        scale -= 0.01
    return "'#" + "".join(f"{round(c * max(scale, 0) * 255):02x}" for c in rgb) + "'"


def _colour_problem(value: str) -> PydanticCustomError | None:
    """Why white header text cannot sit on this colour (None if it can)."""
    given = repr(value)
    colour = parse_color(value) if _COLOUR_CHARACTERS.fullmatch(value) else None
    if colour is None:
        close = difflib.get_close_matches(value.lower(), _NAMED_COLOURS, n=1, cutoff=0.75)
        hint = (f"; did you mean {close[0]!r}?" if close
                else "; a hex colour starts with #" if _HEX.fullmatch("#" + value) else "")
        return PydanticCustomError("setting_not_a_colour", MESSAGES["setting_not_a_colour"],
                                   {"given": given, "hint": hint})
    if colour == "currentcolor" or not hasattr(colour, "space"):
        why = "the colour of the text around it (the header would take on its own text colour)"
    elif colour.alpha < 1:
        why = "see-through (transparent, or an alpha below 1), so the header would show what is behind it"
    else:
        why = None
    if why:
        return PydanticCustomError("setting_colour_not_solid", MESSAGES["setting_colour_not_solid"],
                                   {"given": given, "why": why})
    luminance = _luminance(colour)
    if luminance is None:
        return PydanticCustomError("setting_colour_unmeasured", MESSAGES["setting_colour_unmeasured"],
                                   {"given": given, "space": colour.space})
    ratio = contrast_with_white(luminance)
    if ratio < 4.5:
        shown = f"{ratio:.2f}".rstrip("0").rstrip(".")
        return PydanticCustomError("setting_colour_too_light", MESSAGES["setting_colour_too_light"],
                                   {"given": given, "ratio": shown, "darker": _darker(colour)})
    return None


class Brand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Setting = None
    logo: Setting = None
    primary: Setting = None
    feedback: Setting = None
    site_url: Setting = None

    @field_validator("name", "feedback", "site_url")
    @classmethod
    def _follows_its_rule(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        follows, error_type = _RULES[info.field_name]
        if not follows(value):
            raise PydanticCustomError(error_type, MESSAGES[error_type], {"given": repr(value)})
        return value

    @field_validator("primary")
    @classmethod
    def _white_text_can_sit_on_it(cls, value: str | None) -> str | None:
        """CSS Color 4 syntax, parsed by tinycss2; solid; and 4.5:1 against the header's white text."""
        problem = _colour_problem(value) if value is not None else None
        if problem:
            raise problem
        return value

    @field_validator("logo")
    @classmethod
    def _logo_is_a_local_file(cls, value: str | None) -> str | None:
        if value is None:
            return value
        example = "such as 'assets/images/logo.svg'"
        if value.startswith("/") and not value.startswith("//") or re.match(r"[A-Za-z]:[/\\]", value):
            raise ValueError(f"should be a path inside docs/, {example}, not an absolute path; got {value!r}")
        if re.match(r"[a-z][a-z0-9+.-]*:|//", value, re.IGNORECASE):
            raise ValueError(f"should be a file under docs/, {example} (nothing may"
                             f" come from another host), got {value!r}")
        if ".." in value.split("/"):
            raise ValueError(f"should be a path inside docs/, {example}, without '..'; got {value!r}")
        if not _LOGO_CHARACTERS.fullmatch(value):
            raise ValueError(f"should be a path inside docs/, {example}, without spaces, quotes, < > or"
                             f" backslashes; got {value!r}")
        return value


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def check_brand(settings: object, docs_dir: Path) -> Brand:
    """Validate the brand mapping; raise SettingsError naming each bad setting and its variable."""
    if settings is None:
        settings = {}
    problems: list[Problem] = []
    if not isinstance(settings, dict):
        problems.append(Problem(_WHERE, None, "extra.brand", None,
                                f"should be a mapping of settings, got {type(settings).__name__}"))
        settings = {}
    brand = None
    try:
        brand = Brand.model_validate(settings)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = str(detail["loc"][0]) if detail["loc"] else None
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "extra_forbidden":
                message = worded("extra_forbidden", what="setting", allowed=", ".join(Brand.model_fields), hint="")
            elif detail["type"] == "string_type":
                message = worded("string_type", shown=repr(detail["input"]), quote=" (quote it in mkdocs.yml)")
            if field in _SOURCES:
                message += _set_by(field)
            problems.append(Problem(_WHERE, None, "extra.brand", field, message))
    logo = _blank_is_none(settings.get("logo"))
    bad_logo = any(p.field == "logo" for p in problems)
    if isinstance(logo, str) and not bad_logo and not (docs_dir / logo).is_file():
        problems.append(Problem(_WHERE, None, "extra.brand", "logo",
                                f"names {logo!r}, but there is no such file under {docs_dir.as_posix()}/"
                                + _set_by("logo")))
    elif isinstance(logo, str) and not bad_logo and not _inside((docs_dir / logo), docs_dir):
        problems.append(Problem(_WHERE, None, "extra.brand", "logo",
                                f"names {logo!r}, which leads out of {docs_dir.as_posix()}/ (through a link);"
                                " copy the file into it" + _set_by("logo")))
    if problems:
        raise SettingsError(problems)
    return brand


# --- the learning-platform package (make scorm) ---------------------------------------------

DEFAULT_MASTERY_SCORE = 80
_MASTERY_SET_BY = "; set by extra.scorm.mastery_score in mkdocs.yml or GOAL_PYRAMID_MASTERY_SCORE"
_NUMBER = re.compile(r"\s*[0-9]+(?:\.[0-9]+)?\s*")
LEARNING_PLATFORM_HEADING = "Goal Pyramid cannot use your learning-platform settings:"


def _mastery_score(value: object) -> float | None:
    """The score as a number from 0 to 100, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        value = float(value)
    if isinstance(value, int | float) and 0 <= value <= 100:  # NaN and infinities fail the comparison
        return value
    return None


def check_learning_platform(settings: object) -> int | float:
    """extra.scorm's mastery score (default 80); raise SettingsError naming the setting and the value.

    Every build checks it, not only `make scorm`, so a bad value is found where it is written.
    """
    if settings is None:
        settings = {}
    problem = None
    if not isinstance(settings, dict):
        problem = Problem(_WHERE, None, "extra.scorm", None,
                          f"should be a mapping of settings (mastery_score), got {type(settings).__name__}")
    elif set(settings) - {"mastery_score"}:
        unknown = sorted(str(key) for key in set(settings) - {"mastery_score"})[0]
        problem = Problem(_WHERE, None, "extra.scorm", unknown,
                          worded("extra_forbidden", what="setting", allowed="mastery_score", hint=""))
    else:
        given = settings.get("mastery_score", DEFAULT_MASTERY_SCORE)
        given = DEFAULT_MASTERY_SCORE if given is None or given == "" else given
        score = _mastery_score(given)
        if score is not None:
            return int(score) if float(score).is_integer() else score
        problem = Problem(_WHERE, None, "extra.scorm", "mastery_score",
                          worded("setting_not_a_mastery_score", given=repr(given)) + _MASTERY_SET_BY)
    raise SettingsError([problem], heading=LEARNING_PLATFORM_HEADING)
