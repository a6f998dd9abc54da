"""Load every file in quiz_data/, validate it all, report every problem at once.

A problem names the file (and line), the item (list position and id) and the
field, and says what was expected. Nothing renders until the whole folder is
clean.
"""

from __future__ import annotations

import difflib
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .components import DATA_FILE, ITEM_LISTS, KINDS, WITH_DATA
from .errors import DataError, Problem
from .errors import message as worded
from .models import character_name

DATA_SUFFIXES = (".yml", ".yaml")

_EXTRA_SET_BY = "(set by extra_data_dir in mkdocs.yml or GOAL_PYRAMID_EXTRA_DATA)"

# libyaml's parser where PyYAML was built with it: the same safe loading, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What a YAML tag asks for, in words, for a value that cannot be read as it.
_TAG_WORDS = {"tag:yaml.org,2002:int": "a whole number", "tag:yaml.org,2002:float": "a number",
              "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:timestamp": "a date",
              "tag:yaml.org,2002:binary": "base64 data"}


class _Loader(_SafeLoader):
    """Safe loading where a value YAML cannot build is a YAML error at its line, never a traceback.

    PyYAML's constructors let Python's own errors through: int() of `!!int abc` or of
    5,000 digits, datetime() of 2024-02-30, a KeyError for `!!bool maybe`.
    """

    def __init__(self, text: str):
        super().__init__(text)
        self.lines = text.splitlines()

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            raise yaml.constructor.ConstructorError(
                None, None, _unreadable_value(node, error, self.lines), node.start_mark) from None


def _unreadable_value(node: yaml.Node, error: Exception, lines: list[str]) -> str:
    value = node.value if isinstance(node.value, str) else ""
    shown = repr(value) if len(value) <= 40 else f"{value[:20]!r}… ({len(value)} characters)"
    wanted = _TAG_WORDS.get(node.tag, f"'{node.tag.removeprefix('tag:yaml.org,2002:')}'")
    if "digits" in str(error):
        reason = "it has more than 4,300 digits"
    elif node.tag.endswith(":timestamp") and isinstance(error, ValueError):
        reason = f"there is no such date ({error})"
    elif node.tag.endswith(":timestamp"):
        reason = "a date is written like 2024-02-01"
    else:
        reason = "it is not written as one"
    line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
    tagged = ", or remove the !! tag in front of it" if "!" in line else ""
    return f"cannot read {shown} as {wanted}: {reason}; put the value in quotes if it is text{tagged}"


@dataclass
class Catalogue:
    """All validated data: each component's sets (by its name, then the set's id)."""

    sets: dict[str, dict[str, BaseModel]] = field(default_factory=lambda: {kind: {} for kind in KINDS})
    sources: dict[str, str] = field(default_factory=dict)  # data id -> file it came from (named in errors)
    additions: dict[str, list[str]] = field(default_factory=dict)  # set id -> files that added to it

    def by_kind(self, kind: str) -> dict[str, BaseModel]:
        return self.sets[kind]

    # The sets other parts read by name: the pyramid's layers name every layer id; the
    # practice sets are what a selection picks from and what progress sums up.
    @property
    def pyramids(self) -> dict[str, BaseModel]:
        return self.sets["pyramid"]

    @property
    def card_sets(self) -> dict[str, BaseModel]:
        return self.sets["cards"]

    @property
    def quizzes(self) -> dict[str, BaseModel]:
        return self.sets["quiz"]

    def layer_names(self) -> dict[str, str]:
        return {
            layer.id: layer.name for pyramid in self.pyramids.values() for layer in pyramid.layers
        }


@dataclass
class _Parsed:
    """One file as YAML gave it, kept so problems can point at lines."""

    path: Path
    label: str
    raw: object
    node: yaml.Node | None


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to where the build runs."""
    here = Path.cwd().resolve()
    for full in (Path(os.path.abspath(path)), path.resolve()):  # a link is named as itself, first
        try:
            return full.relative_to(here).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def data_files(data_dir: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The .yml and .yaml files under data_dir, in name order.

    With problems given, whatever would otherwise be skipped without a word is
    reported there: a folder that cannot be read, a file named .YML, a link to
    nothing or anything else that is not a plain file.
    """
    if _is_root(data_dir):
        return []
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        if problems is not None:
            reason = error.strerror or str(error)
            problems.append(Problem(display_path(Path(error.filename or data_dir)), None, None, None,
                                    f"folder cannot be read ({reason.lower()}), so its files would be skipped"))

    for folder, _, names in os.walk(data_dir, onerror=unreadable):
        for name in names:
            path = Path(folder, name)
            if path.suffix.lower() not in DATA_SUFFIXES:
                continue
            if path.suffix not in DATA_SUFFIXES:
                message = (f"is named '{path.suffix}', so it would be skipped: only names ending in .yml"
                           " or .yaml (lowercase) are read; rename it")
            elif not path.is_file():
                message = ("is a link to a file that does not exist" if path.is_symlink() and not path.exists()
                           else "is not a plain file") + ", so it cannot be read"
            else:
                found.append(path)
                continue
            if problems is not None:
                problems.append(Problem(display_path(path), None, None, None, message))
    return sorted(found)


def _is_root(folder: Path) -> bool:
    resolved = folder.resolve()
    return resolved == Path(resolved.anchor)


def _folder_problem(folder: Path, what: str) -> str | None:
    """Why folder cannot be a data folder, or None."""
    if _is_root(folder):
        return (f"{what} is the root of the file system; name the folder that holds the data files,"
                " such as quiz_data")
    if folder.exists() and not folder.is_dir():
        return f"{what} is a file, not a folder"
    if not folder.is_dir():
        return f"{what} does not exist"
    return None


def load_catalogue(data_dir: Path | str, extra_dirs: typing.Sequence[Path | str] = ()) -> Catalogue:
    """Validate every data file under data_dir and the extra folders; raise DataError listing all problems.

    An extra folder holds a company's own files, checked by the same schema. Its
    files with `adds_to` put their items into the named set.
    """
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    wrong = _folder_problem(data_dir, "data folder")
    if wrong:
        raise DataError([Problem(display_path(data_dir), None, None, None, wrong)])
    files = data_files(data_dir, problems)
    if not files and not problems:
        raise DataError(
            [Problem(display_path(data_dir), None, None, None, "no .yml files in the data folder")]
        )
    for extra in map(Path, extra_dirs):
        wrong = _folder_problem(extra, "extra data folder")
        if wrong:
            problems.append(Problem(display_path(extra), None, None, None, f"{wrong} {_EXTRA_SET_BY}"))
            continue
        extra_files = data_files(extra, problems)
        if not extra_files:
            problems.append(Problem(display_path(extra), None, None, None,
                                    f"no .yml files in the extra data folder {_EXTRA_SET_BY}"))
        files += extra_files

    validated: list[tuple[_Parsed, BaseModel]] = []
    layer_ids_as_written: set[str] = set()  # so one broken pyramid does not flag every card
    for path in files:
        parsed = _parse(path, problems)
        if parsed is None:
            continue
        layer_ids_as_written |= _raw_layer_ids(parsed.raw)
        try:
            validated.append((parsed, DATA_FILE.validate_python(parsed.raw)))
        except ValidationError as error:
            problems.extend(_describe(parsed, error))

    catalogue = Catalogue()
    _check_across_files(validated, catalogue, layer_ids_as_written, problems)
    if problems:
        raise DataError(problems)
    return catalogue


def _raw_layer_ids(raw: dict) -> set[str]:
    layers = raw.get(ITEM_LISTS["pyramid"]) if raw.get("kind") == "pyramid" else None
    if not isinstance(layers, list):
        return set()
    return {layer["id"] for layer in layers if isinstance(layer, dict) and isinstance(layer.get("id"), str)}


def _parse(path: Path, problems: list[Problem]) -> _Parsed | None:
    label = display_path(path)
    try:
        text = path.read_bytes().decode("utf-8")
        loader = _Loader(text)
        try:
            node = loader.get_single_node()  # kept so problems can point at lines
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except OSError as error:
        problems.append(Problem(label, None, None, None,
                                f"cannot be read ({(error.strerror or str(error)).lower()})"))
        return None
    except UnicodeDecodeError as error:
        problems.append(Problem(label, None, None, None, f"is not UTF-8 text ({error.reason})"))
        return None
    except RecursionError:
        problems.append(Problem(label, None, None, None, "nests lists and mappings too deeply to read"))
        return None
    except yaml.reader.ReaderError as error:  # a character YAML refuses anywhere in a file
        character = chr(error.character) if isinstance(error.character, int) else None
        line = text.count("\n", 0, error.position) + 1 if isinstance(error.position, int) else None
        what = character_name(character) if character else "a character"
        problems.append(Problem(label, line, None, None,
                                f"holds {what}, which YAML does not allow in a file; remove it"))
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        context = getattr(error, "context", None)
        detail = " ".join(f"{reason} ({context})".split() if context else reason.split())
        if isinstance(error, yaml.constructor.ConstructorError):  # the syntax is fine; a value is not
            unknown = re.search(r"constructor for the tag '(?:tag:yaml.org,2002:)?([^']*)'", detail)
            if unknown:
                tag = unknown.group(1) if unknown.group(1).startswith("!") else f"!!{unknown.group(1)}"
                detail = f"uses the tag '{tag}', which these data files cannot use; remove it"
            problems.append(Problem(label, line, None, None, detail))
        else:
            problems.append(Problem(label, line, None, None, f"YAML syntax error: {detail}"))
        return None
    if raw is None:
        problems.append(Problem(label, None, None, None, "file is empty; expected a mapping with 'kind'"))
        return None
    problems.extend(_duplicate_keys(label, node, raw))
    problems.extend(_block_headers(label, node, raw, text.splitlines()))
    if not isinstance(raw, dict):
        problems.append(
            Problem(label, 1, None, None, f"expected a mapping with 'kind' at the top, got {_kind_of(raw)}")
        )
        return None
    return _Parsed(path, label, raw, node)


def _nodes(root: yaml.Node):
    """Every node under root once, with its location (['items', 3, 'statement'])."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, list]] = [(root, [])]
    while stack:  # a loop, not recursion: aliases may make the tree deep or circular
        node, loc = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node, loc
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, [*loc, index]) for index, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                stack.append((value, [*loc, name]))
                if not isinstance(key, yaml.ScalarNode):
                    stack.append((key, loc))


def _duplicate_keys(label: str, root: yaml.Node, raw: object) -> list[Problem]:
    """A key written twice in one mapping: YAML keeps the last and drops the first without a word.

    Deleting one `- id:` line merges two questions this way, and a second `good:`
    flips a verdict, so each is an error naming both lines.
    """
    problems = []
    for node, loc in _nodes(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[tuple[str, str], yaml.Node] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if (key.tag, key.value) not in first:
                first[(key.tag, key.value)] = key
                continue
            earlier = first[(key.tag, key.value)].start_mark.line + 1
            line = key.start_mark.line + 1
            item, field_path = _split_location(raw, [*loc, key.value])
            problems.append(Problem(
                label, line, item, field_path,
                f"'{key.value}' is written twice in one mapping, at lines {earlier} and {line}; YAML would"
                " keep only the second and drop the first without a word. Remove one (if two"
                " items ran together, the line that starts the second with '- ' is missing)"))
    problems.sort(key=lambda problem: problem.line or 0)
    return problems


_BLOCK_HEADER = re.compile(r"[|>][-+1-9]{0,2}")


def _block_headers(label: str, root: yaml.Node, raw: object, lines: list[str]) -> list[Problem]:
    """A `>` or `|` followed straight by `#`: libyaml reads it, the YAML spec (and editors) do not."""
    problems = []
    for node, loc in _nodes(root):
        if not (isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")):
            continue
        number, column = node.start_mark.line, node.start_mark.column
        source = lines[number] if number < len(lines) else ""
        header = _BLOCK_HEADER.match(source, column)
        rest = source[header.end():] if header else ""
        if rest and not rest[0].isspace():
            item, field_path = _split_location(raw, loc)
            problems.append(Problem(
                label, number + 1, item, field_path,
                f"YAML syntax error: '{header.group()}' starts a block of text and may be followed only by a"
                f" space (and a comment), not by {rest[0]!r}"))
    return problems


# --- turning pydantic's errors into sentences -------------------------------------------


def _describe(parsed: _Parsed, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = list(detail["loc"])
        kind = parsed.raw.get("kind")
        if loc and loc[0] == kind:  # the discriminated union puts the tag first
            loc = loc[1:]
        if detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
            got = "nothing" if "kind" not in parsed.raw else repr(parsed.raw.get("kind"))
            message = f"should be one of {', '.join(repr(k) for k in KINDS)}, got {got}"
            problems.append(Problem(parsed.label, _line(parsed.node, ["kind"]) or 1, None, "kind", message))
            continue
        item, field_path = _split_location(parsed.raw, loc)
        message = _sentence(detail, parsed.raw.get("kind"), loc)
        named = (detail.get("ctx") or {}).get("field")
        if named and not loc:  # a rule across a file's fields names the field it is about
            field_path, loc = named, [named]
        line = _line(parsed.node, loc)
        problems.append(Problem(parsed.label, line, item, field_path, message))
    return problems


def _split_location(raw: object, loc: list) -> tuple[str | None, str | None]:
    """('cards', 2, 'verdict') -> ('cards[2] "reduce-latency"', 'verdict')."""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            list_name = ".".join(str(p) for p in loc[:index])
            item = f"{list_name}[{part}]"
            entry = _follow(raw, loc[: index + 1])
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                item += f' (id "{entry["id"]}")'
            rest = ".".join(str(p) for p in loc[index + 1 :])
            return item, rest or None
    return None, ".".join(str(p) for p in loc) or None


def _sentence(detail: dict, kind: object, loc: list) -> str:
    kind_of_error = detail["type"]
    given = detail.get("input")
    if "field" in (detail.get("ctx") or {}):  # our own rule, worded from MESSAGES already
        return detail["msg"]
    if kind_of_error in ("missing", "string_too_short", "string_pattern_mismatch") or (
            kind_of_error == "too_short" and isinstance(given, list)):
        return worded(kind_of_error, given=given)
    if kind_of_error == "extra_forbidden":
        allowed = _allowed_fields(kind, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return worded(kind_of_error, what="field", allowed=", ".join(allowed), hint=hint)
    if kind_of_error == "string_type":
        return worded(kind_of_error, shown=_kind_of(given), quote="")
    if kind_of_error == "value_error":
        return detail["msg"].removeprefix("Value error, ")
    message = detail["msg"].replace("Input should", "should", 1).replace(", unable to interpret input", "")
    message = message.replace("a valid string", "text").replace("a valid boolean", "true or false")
    message = message.replace("a valid dictionary or instance of", "a mapping of fields for")
    return f"{message}, got {_kind_of(given)}"


def _kind_of(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        number = repr(value) if not isinstance(value, int) or value.bit_length() < 128 else "with many digits"
        return f"the number {number}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _allowed_fields(kind: object, loc: list) -> list[str]:
    """The field names allowed where loc points, for 'did you mean'."""
    component = WITH_DATA.get(kind) if isinstance(kind, str) else None
    model = component.model if component else None
    if model is None:
        return []
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        inner = [a for a in typing.get_args(annotation) if isinstance(a, type)]
        nested = [a for a in inner if issubclass(a, BaseModel)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)


def _follow(raw: object, loc: list) -> object:
    for part in loc:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _line(node: yaml.Node | None, loc: list) -> int | None:
    """The 1-based line of the deepest YAML node that loc reaches.

    A missing field points at the item that lacks it.
    """
    best = node
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 if best is not None else None


def _check_across_files(
    validated: list[tuple[_Parsed, BaseModel]],
    catalogue: Catalogue,
    layer_ids_as_written: set[str],
    problems: list[Problem],
) -> None:
    """Ids unique across all files, and every reference pointing at something real."""
    data_ids: dict[str, str] = {}
    item_ids: dict[str, str] = {}
    for parsed, data in validated:
        here = f"{parsed.label}:{_line(parsed.node, ['id'])}"
        if data.id in data_ids:
            problems.append(
                Problem(parsed.label, _line(parsed.node, ["id"]), None, "id",
                        f"duplicate data id \"{data.id}\" (already used in {data_ids[data.id]})")
            )
        else:
            data_ids[data.id] = here
            if getattr(data, "adds_to", None) is None:
                catalogue.by_kind(data.kind)[data.id] = data
                catalogue.sources[data.id] = parsed.label
        list_name = ITEM_LISTS[data.kind]
        for index, entry in enumerate(getattr(data, list_name)):
            loc = [list_name, index, "id"]
            where = f"{parsed.label}:{_line(parsed.node, loc)}"
            if entry.id in item_ids:
                problems.append(
                    Problem(parsed.label, _line(parsed.node, loc), f'{list_name}[{index}] (id "{entry.id}")',
                            "id", f"duplicate id \"{entry.id}\" (first used at {item_ids[entry.id]}); "
                            "ids become #links, so each must be unique across all files")
                )
            else:
                item_ids[entry.id] = where

    layers = list(catalogue.layer_names()) or sorted(layer_ids_as_written)
    for parsed, data in validated:
        list_name = ITEM_LISTS[data.kind]
        for index, entry in enumerate(getattr(data, list_name)):
            layer = getattr(entry, "layer", None)  # a statement's place; a pyramid's own layers have none
            # Other fields that name a layer (a case's voice: the places of its traps).
            named = [(["layer"], layer)] if layer is not None else []
            named += entry.referenced_layers() if hasattr(entry, "referenced_layers") else []
            for tail, layer in named:
                if layer in layer_ids_as_written:
                    continue
                close = difflib.get_close_matches(layer, sorted(layer_ids_as_written), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(
                    Problem(parsed.label, _line(parsed.node, [list_name, index, *tail]),
                            f'{list_name}[{index}] (id "{entry.id}")', ".".join(str(part) for part in tail),
                            f"refers to layer \"{layer}\", which no pyramid file defines"
                            f" (known: {', '.join(layers) or 'none'}){hint}")
                )

    _merge_additions(validated, catalogue, problems)


def _merge_additions(
    validated: list[tuple[_Parsed, BaseModel]],
    catalogue: Catalogue,
    problems: list[Problem],
) -> None:
    """Append each addition's items to the set it names, in file order (or merge it the component's way)."""
    for parsed, data in validated:
        target_id = getattr(data, "adds_to", None)
        if target_id is None:
            continue
        sets = catalogue.by_kind(data.kind)
        if target_id not in sets:
            names = sorted(sets)
            close = difflib.get_close_matches(target_id, names, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(
                Problem(parsed.label, _line(parsed.node, ["adds_to"]), None, "adds_to",
                        f"names \"{target_id}\", but no {data.kind} set has that id"
                        f" (known: {', '.join(names) or 'none'}){hint}")
            )
            continue
        list_name = ITEM_LISTS[data.kind]
        target = sets[target_id]
        merge = WITH_DATA[data.kind].merge  # a component whose additions join their own way
        sets[target_id] = merge(target, data) if merge is not None else target.model_copy(
            update={list_name: [*getattr(target, list_name), *getattr(data, list_name)]}
        )
        catalogue.additions.setdefault(target_id, []).append(parsed.label)
