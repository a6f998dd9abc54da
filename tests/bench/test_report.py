"""How the printed table writes numbers, ratios and verdicts; and which run each option asks for."""

from __future__ import annotations

import argparse

import pytest

from bench import report
from bench.budgets import verdicts
from bench.run import settings_from


@pytest.mark.parametrize("fmt, value, expected", [
    (report.fmt_int, 1234.6, "1,235"), (report.fmt_int, 0, "0"),
    (report.fmt_ms, 14.25, "14.2 ms"), (report.fmt_ms, 1234.56, "1,234.6 ms"),
    (report.fmt_s, 0.585, "0.58 s"), (report.fmt_s, 2, "2.00 s"),
    (report.fmt_cls, 0.01011, "0.0101"), (report.fmt_cls, 0, "0.0000"),
    (report.fmt_bytes, 8294.4, "8,294 B"),
])
def test_formats(fmt, value, expected):
    assert fmt(value) == expected


@pytest.mark.parametrize("fmt", [report.fmt_int, report.fmt_ms, report.fmt_s, report.fmt_cls, report.fmt_bytes])
def test_a_missing_number_is_a_dash(fmt):
    assert fmt(None) == "—"


@pytest.mark.parametrize("ours, control, expected", [
    (0.59, 0.39, "1.51"), (3, 3, "1.00"), (0, 5, "0.00"),
    (5, 0, "—"), (None, 5, "—"), (5, None, "—"), ("5", 5, "—"),
])
def test_ratio_is_ours_over_control(ours, control, expected):
    assert report.ratio(ours, control) == expected


def test_a_row_lines_up_under_its_header():
    header = report.header_row()
    line = report.row("whole site", 0.59, 0.39, report.fmt_s)
    assert line == f"  {'whole site':<36}{'0.59 s':>15}{'0.39 s':>15}{'1.51':>8}"
    assert len(line) == len(header) and header.endswith("   ours        control   ratio")


def test_a_row_can_show_its_own_text_and_still_compute_the_ratio():
    line = report.row("  script", 2000, 1000, ours_text="2,000 (3)", control_text="1,000 (1)")
    assert line.split() == ["script", "2,000", "(3)", "1,000", "(1)", "2.00"]


def test_title_and_page_name():
    assert report.title("Budgets") == "\nBudgets\n======="
    assert (report.page_name(""), report.page_name("examples/")) == ("/ (home)", "examples/")


def test_dig_stops_at_anything_missing():
    data = {"a": {"b": {"c": 0}, "n": None}}
    assert report.dig(data, "a", "b", "c") == 0
    assert report.dig(data, "a", "n", "c") is None
    assert report.dig(data, "a", "x") is None
    assert report.dig(data, "a", "b", "c", "d") is None
    assert report.dig(None, "a") is None


def test_the_budget_section_prints_each_status_wording_and_measurement(results):
    results["builds"]["ours"]["median"] = 0.75
    results["pages"]["examples/"]["ours"]["lighthouse"]["desktop"].update(
        cls=0.02, layout_shift_elements=[{"selector": "ol.gp-cards__list", "score": 0.02}])
    lines = report.budget_section(verdicts(results))
    assert lines[0] == report.title("Budgets")
    assert "  MET      Reveal latency ≤ 16 ms median" in lines
    assert "  NOT MET  Full build ≤ 1.2× the control" in lines
    assert "             measured: 0.75 s vs 0.50 s = 1.50×" in lines
    assert "             shifted: examples/ desktop: ol.gp-cards__list 0.0200" in lines
    assert [line for line in lines[1:] if not line.startswith(("  MET ", "  NOT MET ", "             measured: "))] \
        == ["             shifted: examples/ desktop: ol.gp-cards__list 0.0200"]


@pytest.mark.parametrize("quick, no_lighthouse, mode, presets, pages", [
    (False, False, "full", ["mobile", "desktop"], 12),
    (True, False, "quick", ["desktop"], 2),
    (True, True, "quick", [], 2),
    (False, True, "full", [], 12),
])
def test_options_choose_the_run(quick, no_lighthouse, mode, presets, pages):
    settings = settings_from(argparse.Namespace(quick=quick, no_lighthouse=no_lighthouse))
    assert (settings.mode, settings.presets, len(settings.pages)) == (mode, presets, pages)
