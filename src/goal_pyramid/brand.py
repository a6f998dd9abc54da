"""A company's own copy: the brand settings, checked before anything renders.

mkdocs.yml keeps them in one place, `extra.brand`, and hands the same mapping
to this extension with a YAML alias (`brand: *brand`), so a typo in a colour or
a link stops the build with a clear line instead of drawing an invisible header.
"""

from __future__ import annotations

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
_FUNCTION = re.compile(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9.,%/\sa-z-]*\)")
_NAMED = re.compile(r"[a-zA-Z]{3,20}")
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
    "primary": (lambda value: any(p.fullmatch(value) for p in (_HEX, _FUNCTION, _NAMED)), "setting_not_a_colour"),
    "feedback": (lambda value: bool(_LINK.fullmatch(value)), "setting_not_a_link"),
    "site_url": (lambda value: bool(_SITE_URL.fullmatch(value)), "setting_not_a_site_address"),
}


class Brand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Setting = None
    logo: Setting = None
    primary: Setting = None
    feedback: Setting = None
    site_url: Setting = None

    @field_validator("name", "primary", "feedback", "site_url")
    @classmethod
    def _follows_its_rule(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        follows, error_type = _RULES[info.field_name]
        if not follows(value):
            hex_without_hash = info.field_name == "primary" and _HEX.fullmatch("#" + value)
            hint = "; a hex colour starts with #" if hex_without_hash else ""
            raise PydanticCustomError(error_type, MESSAGES[error_type], {"given": repr(value), "hint": hint})
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
