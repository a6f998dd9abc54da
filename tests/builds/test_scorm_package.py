"""make scorm's zip: a manifest the SCORM 1.2 schemas accept, the files it names, a safe build.

The schemas are validated with xmlschema (pinned in requirements.txt) in its XSD 1.1 mode,
from the copies the package ships. Two faults of those 2001 files stop any strict XSD 1.0
processor (libxml2 and xmlschema alike) from loading them at all, and are dealt with here,
in the open: ims_xml.xsd binds the default namespace to the xml namespace, which Namespaces
in XML forbids, so its import is read from the W3C's xml.xsd (xmlschema's copy), which
declares the same xml:lang and xml:base; and imsmd's wildcards break XSD 1.0's Unique
Particle Attribution, which XSD 1.1 relaxes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.parsers.expat
import zipfile
from pathlib import Path
from unittest import mock

import pytest
import xmlschema

from goal_pyramid.loader import load_catalogue
from goal_pyramid.tools import scorm as make_scorm
from tests.conftest import ROOT

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The zip, built with a mastery score of 65, unpacked: returns its root."""
    scratch = tmp_path_factory.mktemp("scorm")
    archive = scratch / "goal-pyramid-scorm12.zip"
    with mock.patch.dict(os.environ, {"GOAL_PYRAMID_MASTERY_SCORE": "65"}):
        assert make_scorm.main([sys.argv[0], "--out", str(archive)]) == 0
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(scratch / "unpacked")
    return scratch / "unpacked"


def manifest_schema(folder: Path) -> xmlschema.XMLSchema11:
    ims_xml = (folder / "ims_xml.xsd").as_uri()
    w3c_xml = (Path(xmlschema.__file__).parent / "schemas/XML/xml.xsd").as_uri()
    return xmlschema.XMLSchema11(
        str(folder / "imscp_rootv1p1p2.xsd"),
        uri_mapper=lambda uri: w3c_xml if uri == ims_xml else uri,
        locations={ADLCP: str(folder / "adlcp_rootv1p2.xsd"), IMSMD: str(folder / "imsmd_rootv1p2p1.xsd")})


def test_the_manifest_validates_against_the_schemas_the_package_ships(package):
    schema = manifest_schema(package)
    schema.validate(str(package / "imsmanifest.xml"))
    assert {IMSCP, ADLCP, IMSMD} <= set(schema.maps.namespaces)
    assert [s.url for s in schema.maps.namespaces[ADLCP]] == [(package / "adlcp_rootv1p2.xsd").as_uri()]
    assert [s.url for s in schema.maps.namespaces[IMSMD]] == [(package / "imsmd_rootv1p2p1.xsd").as_uri()]


@pytest.mark.parametrize(("before", "after"), [
    ("<adlcp:masteryscore>65</adlcp:masteryscore>", "<adlcp:masterscore>65</adlcp:masterscore>"),
    ('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'),
    ("imsmd:title>", "imsmd:name>"),
    ('identifier="goal-pyramid-item"', 'identifier="1-item"'),
    ('<file href="index.html"/>', "<file/>"),
])
def test_the_validation_can_fail(package, before, after):
    text = (package / "imsmanifest.xml").read_text(encoding="utf-8")
    assert before in text
    assert not manifest_schema(package).is_valid(text.replace(before, after))
    assert manifest_schema(package).is_valid(text)


def test_the_schema_files_the_manifest_names_are_at_the_root_unchanged(package):
    text = (package / "imsmanifest.xml").read_text(encoding="utf-8")
    for name in make_scorm.SCHEMAS:
        assert (package / name).read_bytes() == (make_scorm.HERE / name).read_bytes()
    for name in ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"):
        assert f" {name}" in text


def test_ims_xml_declares_the_xml_attributes_the_manifest_uses():
    """It cannot be read with namespaces (see above), so it is read without: lang, base and link."""
    declared = []
    parser = xml.parsers.expat.ParserCreate()  # no namespace processing
    parser.StartElementHandler = lambda tag, attributes: (
        declared.append(attributes["name"]) if tag == "xsd:attribute" else None)
    parser.Parse((make_scorm.HERE / "ims_xml.xsd").read_bytes(), True)
    assert declared == ["lang", "base", "link"]


def test_one_sco_launches_index_html_with_the_mastery_score_and_lists_every_file(package):
    tree = manifest_schema(package).to_dict(str(package / "imsmanifest.xml"))
    resources = tree["resources"]["resource"]
    assert len(resources) == 1
    sco = resources[0]
    assert (sco["@href"], sco["@type"], sco["@adlcp:scormtype"]) == ("index.html", "webcontent", "sco")
    item = tree["organizations"]["organization"][0]["item"][0]
    assert item["@identifierref"] == sco["@identifier"]
    assert item["adlcp:masteryscore"] == ["65"]
    listed = {entry["@href"] for entry in sco["file"]}
    in_zip = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
    assert listed == in_zip
    assert (package / "index.html").is_file() and (package / "goal-pyramid/index.html").is_file()


def test_the_package_pages_load_the_adapter_and_the_plain_site_does_not(package, tmp_path):
    page = (package / "goal-pyramid/practice/goal-or-decision.html").read_text(encoding="utf-8")
    assert '<script src="../components/scorm/scorm.js"></script>' in page
    assert "navigation.instant" not in page and 'href="../pyramid.html"' in page
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                   cwd=ROOT, env=env, capture_output=True, check=True)
    plain = [p for p in (tmp_path / "site").rglob("*.html") if "scorm.js" in p.read_text(encoding="utf-8")]
    assert plain == []


def test_suspend_data_fits_with_every_item_answered_cases_included():
    catalogue = load_catalogue(ROOT / "quiz_data")
    adapter = make_scorm.catalogue_for_the_adapter(catalogue, 80, ["index.html"])
    size = make_scorm.suspend_data_with_every_item_answered(adapter)
    assert size == len("GP1:") + 5 * len(adapter["items"]) <= make_scorm.SUSPEND_DATA_LIMIT
    quiz_items = sum(len(quiz.items) for quiz in catalogue.quizzes.values())
    cases = catalogue.sets.get("scenario", {})
    assert len(adapter["items"]) == quiz_items + sum(len(case.voices) + 1 for case in cases.values())
    assert len({item["code"] for item in adapter["items"]}) == len(adapter["items"])


def test_an_item_whose_options_change_gets_another_code():
    assert make_scorm.item_code("gd-a", ["goal", "decision"]) != make_scorm.item_code("gd-a", ["decision", "goal"])
    assert make_scorm.item_code("gd-a", ["goal", "decision"]) == make_scorm.item_code("gd-a", ["goal", "decision"])


def test_a_bad_mastery_score_stops_make_scorm_and_leaves_the_zip_as_it_was(tmp_path, capsys):
    archive = tmp_path / "goal-pyramid-scorm12.zip"
    archive.write_bytes(b"a good zip from before")
    with mock.patch.dict(os.environ, {"GOAL_PYRAMID_MASTERY_SCORE": "eighty"}):
        assert make_scorm.main([sys.argv[0], "--out", str(archive)]) == 1
    said = capsys.readouterr().err
    assert "extra.scorm: field 'mastery_score': should be a number from 0 to 100" in said and "'eighty'" in said
    assert archive.read_bytes() == b"a good zip from before"
    assert [p.name for p in tmp_path.iterdir()] == [archive.name]


def test_a_failed_site_build_leaves_the_zip_as_it_was(tmp_path, monkeypatch):
    archive = tmp_path / "goal-pyramid-scorm12.zip"
    archive.write_bytes(b"a good zip from before")
    monkeypatch.setattr(make_scorm, "CONFIG", "mkdocs.missing.yml")
    with pytest.raises((SystemExit, Exception)):
        make_scorm.main([sys.argv[0], "--out", str(archive)])
    assert archive.read_bytes() == b"a good zip from before"


def test_a_cases_voices_and_its_pick_are_items_of_the_package():
    """Each voice: answered with a place (a layer, or what it is); the case's pick: under the case's id."""
    from types import SimpleNamespace

    catalogue = load_catalogue(ROOT / "quiz_data")
    catalogue.sets["scenario"] = {"the-case": SimpleNamespace(
        voices=[SimpleNamespace(id="tc-head-of-sales"), SimpleNamespace(id="tc-cfo")],
        candidates=[SimpleNamespace(id="cut-churn"), SimpleNamespace(id="ship-crm")])}
    items = make_scorm.answerable(catalogue)
    places = [*catalogue.layer_names(), "requirement", "constraint", "solution-idea"]
    assert items[-3:] == [{"id": "tc-head-of-sales", "set": "the-case", "options": places},
                          {"id": "tc-cfo", "set": "the-case", "options": places},
                          {"id": "the-case", "set": "the-case", "options": ["cut-churn", "ship-crm"]}]
    adapter = make_scorm.catalogue_for_the_adapter(catalogue, 80, ["index.html"])
    assert make_scorm.suspend_data_with_every_item_answered(adapter) == len("GP1:") + 5 * len(items)
