"""Build the learning-platform package: a SCORM 1.2 zip of the site, one SCO.

    python scripts/make_scorm.py [--out dist/goal-pyramid-scorm12.zip]

The zip holds, at its root: imsmanifest.xml, the four schema files it names
(scorm12/, unchanged), index.html (the SCO's launch page) and the site in
goal-pyramid/, built from mkdocs.scorm.yml (the offline copy, plus the adapter,
overrides/components/scorm/scorm.js, on every page).

Why a launch page around the site: every link in the offline build is a full
page load, and a SCO may call LMSInitialize and LMSFinish once per launch. The
launch page holds the session with the platform for the whole visit, the site
runs in a frame inside it, and each page of the site tells it what happened.

The launch page carries the catalogue the adapter reads: every item the reader
can answer (practice items; a case's voices and its pick), with its options in
order, so cmi.suspend_data holds each answer in five characters.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..brand import check_learning_platform
from ..components.scenario import NOT_A_GOAL
from ..errors import GoalPyramidError
from ..loader import Catalogue, load_catalogue
from . import REPO, offline

CONFIG = "mkdocs.scorm.yml"
FOLDER = "goal-pyramid"  # the site's folder inside the package
HERE = Path(__file__).resolve().parent / "scorm12"
SCHEMAS = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")
SUSPEND_DATA_LIMIT = 4096  # characters: SCORM 1.2's cmi.suspend_data is a CMIString4096

# cmi.suspend_data: PREFIX, then five characters per answered item: its code (CODE_LENGTH
# characters of ALPHABET) and one character, ALPHABET[2 * the answer's position + right].
PREFIX = "GP1:"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
CODE_LENGTH = 4
MAX_OPTIONS = len(ALPHABET) // 2


def item_code(item_id: str, options: list[str]) -> str:
    """The item's code in suspend_data: from its id and its options, in order.

    An item whose options change gets another code, so an answer saved before the
    change is ignored on resume (never read as another option); so is an item
    that is gone.
    """
    digest = hashlib.sha256("\n".join([item_id, *options]).encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:CODE_LENGTH]


def answerable(catalogue: Catalogue) -> list[dict]:
    """Everything a reader answers, in the site's order: (id, set, options)."""
    found = [{"id": item.id, "set": set_id, "options": [option.id for option in item.options]}
             for set_id, quiz in catalogue.quizzes.items() for item in quiz.items]
    places = [*catalogue.layer_names(), *NOT_A_GOAL]
    for case_id, case in catalogue.sets.get("scenario", {}).items():
        found += [{"id": voice.id, "set": case_id, "options": places} for voice in case.voices]
        found.append({"id": case_id, "set": case_id, "options": [candidate.id for candidate in case.candidates]})
    return found


def catalogue_for_the_adapter(catalogue: Catalogue, mastery_score: float, pages: list[str]) -> dict:
    """What scorm.js reads: the items with their codes, the mastery score, the site's pages."""
    items = answerable(catalogue)
    problems = []
    codes: dict[str, str] = {}
    for item in items:
        if len(item["options"]) > MAX_OPTIONS:
            problems.append(f"item '{item['id']}' has {len(item['options'])} options; the package keeps"
                            f" answers to items of at most {MAX_OPTIONS}")
        code = item_code(item["id"], item["options"])
        if code in codes:
            problems.append(f"items '{codes[code]}' and '{item['id']}' get the same code in suspend_data"
                            f" ({code}); give one of them another id")
        codes[code] = item["id"]
        item["code"] = code
    longest = len(PREFIX) + (CODE_LENGTH + 1) * len(items)
    if longest > SUSPEND_DATA_LIMIT:
        problems.append(f"with every item answered, cmi.suspend_data would hold {longest} characters, over"
                        f" SCORM 1.2's {SUSPEND_DATA_LIMIT}")
    if problems:
        raise SystemExit("The package cannot keep progress:\n  - " + "\n  - ".join(problems))
    return {"format": PREFIX, "alphabet": ALPHABET, "mastery_score": mastery_score, "site": f"{FOLDER}/",
            "home": "index.html", "pages": pages, "items": items}


def suspend_data_with_every_item_answered(adapter_catalogue: dict) -> int:
    """The length of cmi.suspend_data once every item has an answer (each takes the same room)."""
    return len(adapter_catalogue["format"]) + (CODE_LENGTH + 1) * len(adapter_catalogue["items"])


def _settings(project: Path) -> tuple[dict, float]:
    """The package's MkDocs config (read as the build reads it) and its checked mastery score."""
    from mkdocs.config import load_config  # imported here: MkDocs is a tool's need, not the package's

    config = load_config(str(project / CONFIG))  # INHERIT and docs_dir: from the file's folder
    return config, check_learning_platform((config.get("extra") or {}).get("scorm"))


def _data_folders(config, project: Path) -> tuple[Path, tuple[Path, ...]]:
    options = config["mdx_configs"].get("goal_pyramid", {})
    data_dir = project / str(options.get("data_dir") or "quiz_data")
    extra = str(options.get("extra_data_dir") or "").strip()
    return data_dir, ((project / extra,) if extra else ())


def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["html", "xml"]),
                       keep_trailing_newline=True)


def _json_for_a_script_element(data: dict) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script type="application/json">: no "</script>" or "<!--" may appear.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def write_package(package: Path, config, mastery_score: float, catalogue: Catalogue) -> dict:
    """Add the launch page, the manifest and the schemas to package/ (the site is in package/FOLDER)."""
    site_dir = package / FOLDER
    # The pages a lesson location may name: not the embed pages (they keep progress of their own)
    # or the 404 page.
    pages = sorted(page for page in (path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
                   if not page.startswith("embed/") and page != "404.html")
    adapter = catalogue_for_the_adapter(catalogue, mastery_score, pages)
    templates = _templates()
    name = str(config["site_name"])
    description = " ".join(str(config.get("site_description") or "").split())
    (package / "index.html").write_text(
        templates.get_template("launch.html").render(
            site_name=name, folder=FOLDER, catalogue=_json_for_a_script_element(adapter)),
        encoding="utf-8")
    for schema in SCHEMAS:
        (package / schema).write_bytes((HERE / schema).read_bytes())
    files = sorted(path.relative_to(package).as_posix() for path in package.rglob("*") if path.is_file())
    (package / "imsmanifest.xml").write_text(
        templates.get_template("imsmanifest.xml").render(
            title=name, description=description, mastery_score=mastery_score,
            files=[*files, "imsmanifest.xml"] if "imsmanifest.xml" not in files else files),
        encoding="utf-8")
    return adapter


def zip_folder(folder: Path, out: Path) -> None:
    """Zip folder's contents (at the zip's root) to out, written under another name and renamed."""
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(f".{out.name}.part")
    try:
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, path.relative_to(folder).as_posix())
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)


def main(argv: list[str], project: Path = REPO) -> int:
    """scripts/make_scorm.py: build the checkout `project` as a SCORM 1.2 package."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=project / "dist/goal-pyramid-scorm12.zip")
    args = parser.parse_args(argv[1:])
    if not (project / offline.SHIM).is_file():
        print(f"missing {offline.SHIM}: run `npm install` (make scorm does)", file=sys.stderr)
        return 1
    try:
        config, mastery_score = _settings(project)
        catalogue = load_catalogue(*_data_folders(config, project))
    except GoalPyramidError as error:
        print(f"{error}\nThe package was not built: {args.out.name} is unchanged.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        package = Path(scratch) / "package"
        offline.build(package / FOLDER, project, CONFIG)
        offline.add_search_shim(package / FOLDER, project)
        outside = offline.fetched_from_elsewhere(package / FOLDER)
        if outside:
            print("the package would fetch from other hosts:\n  " + "\n  ".join(outside), file=sys.stderr)
            return 1
        adapter = write_package(package, config, mastery_score, catalogue)
        zip_folder(package, args.out)
        files = sum(1 for p in package.rglob("*") if p.is_file())
    size = args.out.stat().st_size / 1024
    print(f"wrote {args.out} ({files} files, {size:.0f} KB; mastery score {mastery_score};"
          f" {len(adapter['items'])} items, suspend_data at most"
          f" {suspend_data_with_every_item_answered(adapter)} of {SUSPEND_DATA_LIMIT} characters):"
          " upload it to a learning platform as a SCORM 1.2 package")
    return 0
