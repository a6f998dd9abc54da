"""Projects the benchmark builds besides the site itself, and what it measures on disk.

- the CONTROL: the same Markdown pages as a plain Material site, markers removed;
- the SCALE case: a copy of the project with a page of 500 generated example cards,
  and its control (the same page, unmarked);
- build times (median of repeated `mkdocs build --strict` runs);
- component weight: gzipped bytes of the component assets each built page loads,
  the site-wide theme.css, and the gzipped page HTML.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from goal_pyramid.components import COMPONENTS
from goal_pyramid.tools.site_server import build

CUSTOM_FENCES = tuple(component.fence for component in COMPONENTS)
CUSTOM_EXTENSION = "goal_pyramid"
SCALE_CARDS = 500
BUILD_URL = "http://127.0.0.1:8000/"  # site_url for timed builds (never served)

# A fenced block ```gp-pyramid / ```gp-cards (or ~~~), the fence and its content.
_MARKER_BLOCK = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*(?:" + "|".join(re.escape(name) for name in CUSTOM_FENCES)
    + r")\b[^\n]*\n.*?^(?P=fence)[ \t]*$\n?",
    re.MULTILINE | re.DOTALL,
)


# --- reading and writing mkdocs.yml with its tags intact --------------------------------

class EnvTag:
    """`!ENV [NAME, default]` as written in mkdocs.yml."""

    def __init__(self, value):
        self.value = value


class PythonName(str):
    """`!!python/name:module.attr` as written in mkdocs.yml."""


class _ConfigLoader(yaml.SafeLoader):
    pass


def _construct_env(loader, node):
    if isinstance(node, yaml.SequenceNode):
        return EnvTag(loader.construct_sequence(node))
    return EnvTag(loader.construct_scalar(node))


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix)
)


class _ConfigDumper(yaml.SafeDumper):
    pass


def _represent_env(dumper, env):
    if isinstance(env.value, list):
        return dumper.represent_sequence("!ENV", env.value, flow_style=True)
    return dumper.represent_scalar("!ENV", env.value)


_ConfigDumper.add_representer(EnvTag, _represent_env)
_ConfigDumper.add_representer(
    PythonName, lambda dumper, name: dumper.represent_scalar("tag:yaml.org,2002:python/name:" + name, "")
)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe loader subclass)


def write_config(path: Path, config: dict) -> None:
    text = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(text, encoding="utf-8")


# --- the control: a plain Material site with the same pages -----------------------------

def strip_markers(markdown: str) -> str:
    """The page without its ```gp-pyramid / ```gp-cards blocks."""
    return _MARKER_BLOCK.sub("", markdown)


def _extension_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else entry


def _plain_extension(entry):
    """A markdown_extensions entry without our custom fences (None: drop the entry)."""
    name = _extension_name(entry)
    if name == CUSTOM_EXTENSION:
        return None
    if name == "pymdownx.superfences" and isinstance(entry, dict):
        options = dict(entry[name] or {})
        fences = [f for f in options.get("custom_fences", []) if f.get("name") not in CUSTOM_FENCES]
        if fences:
            options["custom_fences"] = fences
        else:
            options.pop("custom_fences", None)
        return {name: options} if options else name
    return entry


def control_config(config: dict) -> dict:
    """Our mkdocs.yml as a plain Material site: no custom_dir, no goal_pyramid, no watch/validation.

    site_description and copyright stay: they are page content (the meta
    description Lighthouse's SEO audit reads, the footer), not components.
    """
    keep = ("site_name", "site_description", "site_url", "copyright", "nav", "not_in_nav", "theme", "plugins")
    plain = {key: config[key] for key in keep if key in config}
    # Our templates live in custom_dir: without it, no brand.css to render either.
    plain["theme"] = {k: v for k, v in config["theme"].items() if k not in ("custom_dir", "static_templates")}
    extensions = [_plain_extension(entry) for entry in config.get("markdown_extensions", [])]
    plain["markdown_extensions"] = [entry for entry in extensions if entry is not None]
    return plain


def make_control(root: Path, target: Path) -> Path:
    """Write the control project into target (docs/ with markers removed, mkdocs.yml)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(root / "docs", target / "docs")
    for page in (target / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        # Embed pages use our embed.html; in the control they are ordinary pages.
        text = re.sub(r"^template: embed\.html\n", "", text, count=1, flags=re.MULTILINE)
        page.write_text(strip_markers(text), encoding="utf-8")
    write_config(target / "mkdocs.yml", control_config(read_config(root / "mkdocs.yml")))
    return target


# --- the scale case: 500 cards on one page ----------------------------------------------

_SUBJECTS = ["warehouse managers", "support agents", "nurses on night shift", "finance", "field engineers",
             "new customers", "analysts", "store staff", "auditors", "drivers", "teachers", "call-centre leads",
             "small-business owners"]
_OUTCOMES = ["plan a shift", "close the month", "answer a complaint", "approve a claim", "book a repair",
             "restock a shelf", "find a record", "sign a contract", "pay an invoice", "file a report", "onboard"]
_TOOLS = ["a streaming platform", "a new CRM", "Kubernetes", "a data lake", "a low-code tool", "GraphQL",
          "a service mesh", "a new ERP"]
_GOOD = ["Good — operational goal", "Good — technical goal", "Good — learning goal"]
_BAD = ["Technology first", "Stops too soon", "Requirements, not a goal"]


def bank_card(number: int, layers: list[str]) -> dict:
    """Card number (1-based): deterministic, varied, valid against models.Card."""
    i = number - 1
    good = i % 2 == 0
    who, what = _SUBJECTS[i % len(_SUBJECTS)], _OUTCOMES[i % len(_OUTCOMES)]
    minutes = 5 + (i * 7) % 115
    tool = _TOOLS[i % len(_TOOLS)]
    if good:
        statement = f"Let {who} {what} in under {minutes} minutes so that work number {number} lands on time"
        explanation = (f"It names who gains (*{who}*) and sets a number: **{minutes} minutes**. "
                       f"It leaves the choice of tool open, so it survives a change of technology.")
        verdict = _GOOD[(i // 2) % len(_GOOD)]
    else:
        statement = f"Move {who} onto {tool} by quarter {1 + i % 4} (item {number})"
        explanation = (f"This names *{tool}*, a tool, and not a result anyone will notice. "
                       f"Ask what the move should change for **{who}**, and make that the goal.")
        verdict = _BAD[(i // 2) % len(_BAD)]
    card = {"id": f"bank-{number:04d}", "statement": statement, "verdict": verdict, "good": good,
            "explanation": explanation}
    if i % 3:
        card["layer"] = layers[i % len(layers)]
    return card


def bank_data(layers: list[str], count: int = SCALE_CARDS) -> dict:
    return {"kind": "cards", "id": "bank", "title": f"A bank of {count} statements",
            "cards": [bank_card(n, layers) for n in range(1, count + 1)]}


def _pyramid_layers(quiz_data: Path) -> list[str]:
    for path in sorted(quiz_data.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("kind") == "pyramid":
            return [layer["id"] for layer in data["layers"]]
    raise RuntimeError(f"no pyramid data in {quiz_data}")


def _validate(data: dict) -> None:
    from goal_pyramid.components import DATA_FILE  # the project's own schema

    DATA_FILE.validate_python(data)


def _add_to_nav(config_path: Path, entry: str) -> None:
    """Append `- entry` to the nav list of mkdocs.yml, editing text so the tags stay as written."""
    lines = config_path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(r"^nav:\s*$", line))
    end = start + 1
    while end < len(lines) and re.match(r"^\s+- ", lines[end]):
        end += 1
    indent = re.match(r"^(\s*)", lines[start + 1]).group(1)
    lines.insert(end, f"{indent}- {entry}\n")
    config_path.write_text("".join(lines), encoding="utf-8")


def project_copy(root: Path, target: Path) -> Path:
    """docs/, overrides/, quiz_data/, src/ and mkdocs.yml in target (as tests/builds does)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "quiz_data", "src"):
        shutil.copytree(root / name, target / name)
    shutil.copy(root / "mkdocs.yml", target / "mkdocs.yml")
    return target


def make_scale(root: Path, target: Path, *, marked: bool, count: int = SCALE_CARDS) -> Path:
    """A project copy with quiz_data/bank.yml and docs/bank.md (with the gp-cards marker if marked)."""
    project = project_copy(root, target)
    data = bank_data(_pyramid_layers(project / "quiz_data"), count)
    _validate(data)
    header = "# yaml-language-server: $schema=./schema.json\n"
    (project / "quiz_data" / "bank.yml").write_text(
        header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    page = "# Bank\n" + ("\n```gp-cards\nbank\n```\n" if marked else "")
    (project / "docs" / "bank.md").write_text(page, encoding="utf-8")
    _add_to_nav(project / "mkdocs.yml", "Bank: bank.md")
    return project


# --- build times ------------------------------------------------------------------------

def timed_builds(projects: dict[str, Path], runs: int) -> dict[str, dict]:
    """Build each project `runs` times, interleaved; {name: {"runs": [...], "median": s}}.

    One untimed build of each comes first, so no timed build pays for a cold
    file cache or for writing bytecode.
    """
    times: dict[str, list[float]] = {name: [] for name in projects}
    for project in projects.values():
        with tempfile.TemporaryDirectory(prefix="gp-bench-build-") as site_dir:
            build(project, Path(site_dir), BUILD_URL, mkdocs_only=True)
    for _ in range(runs):
        for name, project in projects.items():
            with tempfile.TemporaryDirectory(prefix="gp-bench-build-") as site_dir:
                times[name].append(build(project, Path(site_dir), BUILD_URL, mkdocs_only=True))
    return {name: {"runs": runs_, "median": statistics.median(runs_)} for name, runs_ in times.items()}


# --- component weight -------------------------------------------------------------------

def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


class _AssetLinks(HTMLParser):
    """<script src> and <link rel=stylesheet href> of a page."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])


def page_file(site_dir: Path, page: str) -> Path:
    return site_dir / page / "index.html" if page else site_dir / "index.html"


def page_assets(site_dir: Path, page: str) -> list[str]:
    """Site-relative paths of the scripts and stylesheets a built page loads."""
    parser = _AssetLinks()
    parser.feed(page_file(site_dir, page).read_text(encoding="utf-8"))
    base = "http://site.invalid/" + page
    paths = []
    for url in parser.urls:
        absolute = urlsplit(urljoin(base, url))
        if absolute.netloc == "site.invalid":
            paths.append(absolute.path.lstrip("/"))
    return paths


def component_weight(site_dir: Path, page: str) -> dict:
    """Gzipped bytes of the components/ assets the page loads, and whether it has a component."""
    html = page_file(site_dir, page).read_text(encoding="utf-8")
    assets = [path for path in page_assets(site_dir, page) if path.startswith("components/")]
    sizes = {path: gzip_size((site_dir / path).read_bytes()) for path in assets}
    modules = sorted(set(re.findall(r'data-gp-module="([^"]+)"', html)))
    return {"has_component": "data-gp-module=" in html, "modules": modules, "assets": sizes,
            "gzip_bytes": sum(sizes.values())}


def theme_css_weight(site_dir: Path) -> int:
    return gzip_size((site_dir / "stylesheets" / "theme.css").read_bytes())


def html_weight(site_dir: Path, page: str) -> dict:
    raw = page_file(site_dir, page).read_bytes()
    return {"bytes": len(raw), "gzip_bytes": gzip_size(raw)}
