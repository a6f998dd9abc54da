"""The README's budget table is what `make bench-readme` writes, and it writes it from the table."""

from __future__ import annotations

import json

import pytest

from bench import readme
from bench.budgets import BUDGETS, status, verdicts
from tests.bench.conftest import make_results
from tests.conftest import ROOT

BY_KEY = {budget.key: budget for budget in BUDGETS}
# Empty again after the next `make bench`.
NOT_YET_IN_A_FULL_RUN: set[str] = set()  # budgets added since the latest full run (2026-12-01: none)


def test_the_readme_table_is_current():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.rewritten(text, readme.read_latest(readme.LATEST)) == text, (
        "README.md's budget table is stale: run `make bench-readme`")


def test_latest_names_every_budget_and_its_stored_status_agrees_with_the_table():
    latest = readme.read_latest(readme.LATEST)
    # Budgets added since the latest full run read "not measured yet" until the next one.
    assert set(latest["budgets"]) == set(BY_KEY) - NOT_YET_IN_A_FULL_RUN
    for key, found in latest["budgets"].items():
        assert found["status"] == status(BY_KEY[key], found["value"]), key


def test_the_check_command_fails_when_stale(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "README.md"
    stale.write_text(f"# Bench\n\n{readme.START}\n| an old row |\n{readme.END}\n\nAfter.\n", encoding="utf-8")
    monkeypatch.setattr(readme, "README", stale)
    assert readme.main(["--check"]) == 1
    assert "README.md's budget table is stale: run `make bench-readme`" in capsys.readouterr().err
    assert readme.main([]) == 0
    assert readme.main(["--check"]) == 0
    written = stale.read_text(encoding="utf-8")
    assert written.startswith(f"# Bench\n\n{readme.START}\nLatest full run: ")
    assert written.endswith(f"{readme.section(readme.read_latest(readme.LATEST))}\n\n{readme.END}\n\nAfter.\n")


def test_missing_markers_are_an_error_not_a_silent_no_op(tmp_path, monkeypatch, capsys):
    bare = tmp_path / "README.md"
    bare.write_text("# Bench\n\n| budget | measured | |\n", encoding="utf-8")
    monkeypatch.setattr(readme, "README", bare)
    assert readme.main([]) == 1
    assert "README.md needs one pair of markers" in capsys.readouterr().err
    assert bare.read_text(encoding="utf-8") == "# Bench\n\n| budget | measured | |\n"


def full_run() -> dict:
    results = make_results()
    results["machine"] = {"date": "2026-12-01T09:00:00+00:00", "cores": 2, "cpu": "AMD EPYC 7763 64-Core Processor",
                          "memory_gib": 23.456, "system": "Linux x86_64",
                          "chromium": "Chromium 156.0.7455.2 built on Debian", "lighthouse": "12.8.2",
                          "load_average": "0.74 0.60 0.51"}
    results["seconds"] = 660.6
    results["budgets"] = verdicts(results)
    return results


def test_a_full_run_becomes_latest_json(tmp_path):
    path = tmp_path / "latest.json"
    readme.write_latest(full_run(), path)
    latest = json.loads(path.read_text(encoding="utf-8"))
    assert latest["run"] == {"date": "2026-12-01", "cores": 2, "cpu": "AMD EPYC 7763 64-Core Processor",
                             "memory_gib": 23.5, "system": "Linux x86_64", "chromium": "Chromium 156",
                             "lighthouse": "12.8.2", "load_average": 0.7, "seconds": 661}
    assert latest["budgets"]["reveal"] == {"status": "MET", "value": 13.0,
                                           "measured": "cards 12.0 ms, pyramid layers 13.0 ms "
                                                       "(bare `<details>`: 11.5 ms)"}
    section = readme.section(latest)
    run_line, table = section.split("\n\n")
    assert run_line.replace("\n", " ") == (
        "Latest full run: 2026-12-01, 2 cores (AMD EPYC 7763 64-Core Processor), 23.5 GiB, Linux x86_64, "
        "Chromium 156, Lighthouse 12.8.2, load average 0.7 at the start, 661 s.")
    assert max(len(line) for line in run_line.splitlines()) <= readme.README_WIDTH
    assert table.startswith("| budget | measured | |\n| --- | --- | --- |\n")
    assert "| Reveal latency ≤ 16 ms median | cards 12.0 ms, pyramid layers 13.0 ms (bare `<details>`: 11.5 ms) " \
           "| met |" in section.splitlines()


def test_every_budget_has_a_row_even_before_it_is_measured():
    latest = readme.read_latest(readme.LATEST)
    del latest["budgets"]["scale-tbt"]
    rows = readme.section(latest).splitlines()[-len(BUDGETS):]
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == [budget.wording for budget in BUDGETS]
    assert "| 500-card page TBT < 50 ms (desktop) | not measured yet | not run |" in rows


@pytest.mark.parametrize("key, value, expected", [
    ("reveal", 14.39, "met"), ("reveal", 14.41, "met, narrowly"), ("reveal", 16.0, "met, narrowly"),
    ("reveal", 16.1, "**not met**"), ("scale-reveal", None, "not run"),
    ("build-ratio", 1.5, "**not met**"), ("build-ratio", 1.15, "met, narrowly"),
    ("lighthouse-mobile", {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}, "met"),
    ("lighthouse-mobile", {"performance": 99, "accessibility": 99, "best-practices": 100, "seo": 100},
     "**not met**"),
    ("layout-shift", 0, "met"), ("nothing-elsewhere", 0, "met"), ("component-weight", 9.9, "met"),
])
def test_the_result_cell(key, value, expected):
    assert readme.result(BY_KEY[key], value) == expected


def test_the_budget_column_comes_from_the_table_not_from_latest_json():
    latest = readme.read_latest(readme.LATEST)
    latest["budgets"]["reveal"]["budget"] = "an old wording"
    assert "| Reveal latency ≤ 16 ms median | " in readme.section(latest)
    assert "an old wording" not in readme.section(latest)
