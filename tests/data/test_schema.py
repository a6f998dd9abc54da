"""The JSON Schema editors use is the one the models make, and every file points at it."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from goal_pyramid.components import json_schema
from goal_pyramid.loader import data_files
from tests.conftest import ROOT


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "quiz_data" / "schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "quiz_data/schema.json is stale: run `make schema`"


def test_schema_check_command_fails_when_stale(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("export_schema", ROOT / "scripts" / "export_schema.py")
    export_schema = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(export_schema)
    stale = tmp_path / "schema.json"
    stale.write_text('{"title": "an older schema"}\n', encoding="utf-8")
    monkeypatch.setattr(export_schema, "SCHEMA_PATH", stale)
    assert export_schema.main(["export_schema.py", "--check"]) == 1
    assert "is stale: run `make schema`" in capsys.readouterr().err
    assert export_schema.main(["export_schema.py"]) == 0
    assert export_schema.main(["export_schema.py", "--check"]) == 0


def test_schema_forbids_unknown_keys():
    schema = json_schema()
    for name, definition in schema["$defs"].items():
        assert definition.get("additionalProperties") is False, name


def test_every_data_file_points_editors_at_the_schema():
    files = data_files(ROOT / "quiz_data")
    assert files
    for path in files:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=./schema.json", path.name


def test_validate_command_reports_problems_and_exit_code(tmp_path):
    bad = tmp_path / "quiz_data"
    bad.mkdir()
    (bad / "examples.yml").write_text("kind: cards\nid: x\ntitle: T\ncards: []\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate_data.py"), str(bad)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert "quiz_data/examples.yml:4: field 'cards': should list at least one item" in result.stderr
    assert "Traceback" not in result.stderr

    good = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate_data.py"), str(ROOT / "quiz_data")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0
    assert "all data is valid" in good.stdout
