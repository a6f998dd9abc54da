"""A small hand-made benchmark run, shaped like bench/results.json, that meets every budget."""

from __future__ import annotations

import pytest

FULL = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(cls: float = 0.0, tbt_ms: float = 10.0) -> dict:
    return {"scores": dict(FULL), "cls": cls, "tbt_ms": tbt_ms, "layout_shift_elements": [], "long_tasks": []}


def page_numbers(cards: float | None = None, layers: float | None = None, bare: float | None = None) -> dict:
    """One page's numbers, ours and control: Lighthouse 100 everywhere, no layout shift."""
    reveal = {"cards": None if cards is None else {"median_ms": cards},
              "layers": None if layers is None else {"median_ms": layers}}
    return {
        "ours": {"lighthouse": {"mobile": lighthouse(), "desktop": lighthouse()},
                 "playwright": {"summary": {"layout_shift_sum": 0.0}, "loads": [{"layout_shifts": []}],
                                "reveal": reveal}},
        "control": {"playwright": {"reveal": {"baseline": None if bare is None else {"median_ms": bare}}}},
    }


def weight(gzip_bytes: int, has_component: bool, modules: tuple[str, ...] = (), assets: dict | None = None) -> dict:
    return {"has_component": has_component, "modules": list(modules), "gzip_bytes": gzip_bytes,
            "assets": assets or {}}


SCENARIO_ASSETS = {"components/scenario/scenario.js": 4100, "components/scenario/scenario.css": 1500}
WORKBENCH_ASSETS = {"components/workbench/checks.js": 2170,
                    "components/workbench/workbench.js": 3833, "components/workbench/workbench.css": 1226}


def make_results() -> dict:
    return {
        "settings": {"mode": "full", "loads": 3},
        "pages": {"": page_numbers(), "examples/": page_numbers(cards=12.0, bare=11.0),
                  "pyramid/": page_numbers(layers=13.0, bare=11.5)},
        "component_weight": {
            "theme_css_gzip_bytes": 784,
            "pages": {"": weight(0, False), "about/": weight(0, False), "examples/": weight(5939, True),
                      "pyramid/": weight(5939, True), "practice/which-layer/": weight(8294, True),
                      "write-your-goal/": weight(7229, True, ("workbench",), dict(WORKBENCH_ASSETS)),
                      "cases/a-case/": weight(8000, True, ("scenario",), dict(SCENARIO_ASSETS))},
        },
        "practice": {"check_ms": 1.1, "check_ms_4x": 5.0, "long_tasks_4x": 0, "long_task_ms_4x": 0},
        "workbench": {"check_ms": 0.04, "check_rounds": 1025, "long_tasks_4x": 0, "long_task_ms_4x": 0,
                      "own_long_scripts_4x": 0},
        "scenario": {"check_ms": 0.6, "check_ms_4x": 2.4, "samples": 7, "long_tasks_4x": 0},
        "builds": {"ours": {"median": 0.5}, "control": {"median": 0.5}},
        "scale": {
            "build": {"difference_s": 0.3},
            "ours": {"lighthouse": {"desktop": lighthouse(tbt_ms=11.0)},
                     "playwright": {"reveal": {"cards": {"median_ms": 14.0}}}},
            "control": {"playwright": {"reveal": {"baseline": {"median_ms": 13.0}}}},
        },
    }


@pytest.fixture
def results() -> dict:
    return make_results()
