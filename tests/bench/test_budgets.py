"""Every budget judged on hand-made runs at, just under and just over its limit; no browser."""

from __future__ import annotations

import pytest

from bench.budgets import AT_LEAST, AT_MOST, BELOW, BUDGETS, EXACTLY, Budget, limit_text, status, verdicts

BY_KEY = {budget.key: budget for budget in BUDGETS}


def judged(results: dict, key: str) -> dict:
    return next(item for item in verdicts(results) if item["key"] == key)


# --- setting one budget's measured value in a run ------------------------------------------

def lighthouse_score(preset: str, category: str):
    def put(results, value):
        results["pages"]["pyramid/"]["ours"]["lighthouse"][preset]["scores"][category] = value
    put.__name__ = f"{preset}-{category}"
    return put


def component_bytes(page: str):
    def put(results, value):
        results["component_weight"]["pages"][page]["gzip_bytes"] = value
    put.__name__ = page
    return put


def reveal_median(page: str, kind: str):
    def put(results, value):
        results["pages"][page]["ours"]["playwright"]["reveal"][kind] = {"median_ms": value}
    put.__name__ = kind
    return put


def lighthouse_cls(results, value):
    results["pages"]["examples/"]["ours"]["lighthouse"]["mobile"]["cls"] = value


def playwright_shift(results, value):
    results["pages"]["examples/"]["ours"]["playwright"]["summary"]["layout_shift_sum"] = value


def build_seconds(results, value):
    results["builds"]["ours"]["median"], results["builds"]["control"]["median"] = value, 1.0


def scale_difference(results, value):
    results["scale"]["build"]["difference_s"] = value


def scale_tbt(results, value):
    results["scale"]["ours"]["lighthouse"]["desktop"]["tbt_ms"] = value


def scale_reveal(results, value):
    results["scale"]["ours"]["playwright"]["reveal"]["cards"]["median_ms"] = value


def check_ms(results, value):
    results["practice"]["check_ms"] = value


def long_tasks(results, value):
    results["practice"]["long_tasks_4x"] = value


def workbench_check_ms(results, value):
    results["workbench"]["check_ms"] = value


def workbench_long_tasks(results, value):
    results["workbench"]["long_tasks_4x"] = value


def workbench_script(page: str):
    def put(results, value):
        results["component_weight"]["pages"][page]["assets"]["components/workbench/workbench.js"] = value
    put.__name__ = page or "home"
    return put


def scenario_check_ms(results, value):
    results["scenario"]["check_ms"] = value


def scenario_script(results, value):
    results["component_weight"]["pages"]["cases/a-case/"]["assets"]["components/scenario/scenario.js"] = value


# (budget, how to set its value, [(value, expected status), ...]): at, just under, just over the limit
THRESHOLDS = [
    ("lighthouse-desktop", lighthouse_score("desktop", "performance"), [(100, "MET"), (99, "NOT MET")]),
    ("lighthouse-desktop", lighthouse_score("desktop", "seo"), [(100, "MET"), (99, "NOT MET")]),
    ("lighthouse-mobile", lighthouse_score("mobile", "performance"), [(98, "MET"), (97, "NOT MET"), (99, "MET")]),
    ("lighthouse-mobile", lighthouse_score("mobile", "accessibility"), [(100, "MET"), (99, "NOT MET")]),
    ("lighthouse-mobile", lighthouse_score("mobile", "best-practices"), [(99, "NOT MET")]),
    ("component-weight", component_bytes("practice/which-layer/"),
     [(10 * 1024, "MET"), (10 * 1024 - 1, "MET"), (10 * 1024 + 1, "NOT MET")]),
    ("nothing-elsewhere", component_bytes("about/"), [(0, "MET"), (1, "NOT MET")]),
    ("reveal", reveal_median("examples/", "cards"), [(16.0, "MET"), (15.9, "MET"), (16.1, "NOT MET")]),
    ("reveal", reveal_median("pyramid/", "layers"), [(16.0, "MET"), (15.9, "MET"), (16.1, "NOT MET")]),
    ("layout-shift", lighthouse_cls, [(0.0, "MET"), (0.0001, "NOT MET")]),
    ("layout-shift", playwright_shift, [(0.0, "MET"), (0.0001, "NOT MET")]),
    ("build-ratio", build_seconds, [(1.2, "MET"), (1.19, "MET"), (1.21, "NOT MET")]),
    ("scale-build", scale_difference, [(2.0, "NOT MET"), (1.99, "MET"), (2.01, "NOT MET")]),
    ("scale-tbt", scale_tbt, [(50.0, "NOT MET"), (49.9, "MET"), (50.1, "NOT MET")]),
    ("scale-reveal", scale_reveal, [(16.0, "MET"), (15.9, "MET"), (16.1, "NOT MET")]),
    ("check-handler", check_ms, [(2.0, "MET"), (1.99, "MET"), (2.01, "NOT MET")]),
    ("check-long-tasks", long_tasks, [(0, "MET"), (1, "NOT MET")]),
    ("workbench-checks", workbench_check_ms, [(1.0, "MET"), (0.99, "MET"), (1.01, "NOT MET")]),
    ("workbench-typing", workbench_long_tasks, [(0, "MET"), (1, "NOT MET")]),
    # the others' 2170 + 1226 B with workbench.js at the limit, just under, just over 8 KB
    ("workbench-weight", workbench_script("write-your-goal/"),
     [(8 * 1024 - 3396, "MET"), (8 * 1024 - 3397, "MET"), (8 * 1024 - 3395, "NOT MET")]),
    ("workbench-elsewhere", workbench_script(""), [(0, "MET"), (1, "NOT MET")]),
    # scenario.css's 1500 B with scenario.js at the limit, just under, just over 10 KB
    ("scenario-weight", scenario_script, [(10 * 1024 - 1500, "MET"), (10 * 1024 - 1501, "MET"),
                                          (10 * 1024 - 1499, "NOT MET")]),
    ("scenario-check", scenario_check_ms, [(2.0, "MET"), (1.99, "MET"), (2.01, "NOT MET")]),
]
CASES = [pytest.param(key, put, value, expected, id=f"{key}-{put.__name__}-{value}")
         for key, put, pairs in THRESHOLDS for value, expected in pairs]


def test_the_hand_made_run_meets_every_budget(results):
    assert {item["key"]: item["status"] for item in verdicts(results)} == {key: "MET" for key in BY_KEY}


@pytest.mark.parametrize("key, put, value, expected", CASES)
def test_a_budget_at_just_under_and_just_over_its_limit(results, key, put, value, expected):
    put(results, value)
    assert judged(results, key)["status"] == expected


def test_every_budget_has_threshold_cases():
    assert {key for key, _, _ in THRESHOLDS} == set(BY_KEY)


def test_a_budget_that_fails_leaves_the_others_met(results):
    build_seconds(results, 1.5)
    statuses = {item["key"]: item["status"] for item in verdicts(results)}
    assert statuses.pop("build-ratio") == "NOT MET"
    assert set(statuses.values()) == {"MET"}


# --- not run: SKIPPED ------------------------------------------------------------------------

def test_without_lighthouse_its_budgets_are_skipped(results):
    for sides in results["pages"].values():
        sides["ours"]["lighthouse"] = {}
    results["scale"]["ours"]["lighthouse"] = {}
    statuses = {item["key"]: item["status"] for item in verdicts(results)}
    assert {key for key, value in statuses.items() if value == "SKIPPED"} == {
        "lighthouse-desktop", "lighthouse-mobile", "scale-tbt"}
    assert judged(results, "layout-shift")["measured"] == "0 on every page (Playwright, 3 pages × 3 loads)"


def test_quick_runs_skip_mobile_lighthouse_only(results):
    results["settings"]["loads"] = 1
    for sides in results["pages"].values():
        del sides["ours"]["lighthouse"]["mobile"]
    assert judged(results, "layout-shift")["measured"] == (
        "0 on every page (Lighthouse, 3 runs; Playwright, 3 pages × 1 load)")
    assert judged(results, "lighthouse-mobile")["status"] == "SKIPPED"
    assert judged(results, "lighthouse-desktop")["status"] == "MET"


def test_a_skipped_budget_says_it_was_not_run(results):
    for sides in results["pages"].values():
        sides["ours"]["playwright"]["reveal"] = {"cards": None, "layers": None}
    item = judged(results, "reveal")
    assert (item["status"], item["value"], item["measured"], item["detail"]) == ("SKIPPED", None, "not run", "")


def test_no_page_with_or_without_components_skips_the_weight_budgets(results):
    results["component_weight"]["pages"] = {}
    assert judged(results, "component-weight")["status"] == "SKIPPED"
    assert judged(results, "nothing-elsewhere")["status"] == "SKIPPED"


@pytest.mark.parametrize("value, expected", [(None, "SKIPPED"), (16, "MET"), (16.5, "NOT MET")])
def test_status(value, expected):
    assert status(BY_KEY["reveal"], value) == expected


# --- what each verdict says ------------------------------------------------------------------

def test_the_measured_text_of_every_budget(results):
    assert {item["key"]: item["measured"] for item in verdicts(results)} == {
        "lighthouse-desktop": "100/100/100/100 on all 3 pages",
        "lighthouse-mobile": "lowest performance 100; others 100 on all 3 pages",
        "component-weight": "heaviest 8.1 KB (practice/which-layer/); cards 5.8 KB; pyramid 5.8 KB",
        "nothing-elsewhere": "0 B on all 2 such pages (`theme.css`, 784 B, is site-wide Material fixes, "
                             "not a component)",
        "reveal": "cards 12.0 ms, pyramid layers 13.0 ms (bare `<details>`: 11.5 ms)",
        "layout-shift": "0 on every page (Lighthouse, 6 runs; Playwright, 3 pages × 3 loads)",
        "build-ratio": "0.50 s vs 0.50 s = 1.00×",
        "scale-build": "+0.30 s",
        "scale-tbt": "11 ms",
        "scale-reveal": "14.0 ms (bare `<details>` on the same page: 13.0 ms)",
        "check-handler": "1.1 ms median (4× CPU: 5.0 ms)",
        "check-long-tasks": "0 long tasks",
        "workbench-checks": "0.040 ms median (1025 rounds)",
        "workbench-typing": "0 long tasks; 0 in the workbench's scripts",
        "workbench-weight": "7.1 KB (write-your-goal/)",
        "workbench-elsewhere": "0 B on all 6 such pages",
        "scenario-weight": "5.5 KB (cases/a-case/)",
        "scenario-check": "0.6 ms median over 7 voices (4× CPU: 2.4 ms)",
    }


def test_a_long_task_at_4x_is_counted_with_the_longest(results):
    results["practice"].update(long_tasks_4x=2, long_task_ms_4x=61.2)
    item = judged(results, "check-long-tasks")
    assert (item["status"], item["measured"]) == ("NOT MET", "2 long tasks (longest 61 ms)")


def test_a_run_without_the_check_step_skips_its_budgets(results):
    del results["practice"]
    assert judged(results, "check-handler")["status"] == "SKIPPED"
    assert judged(results, "check-long-tasks")["status"] == "SKIPPED"


def test_a_run_without_a_case_skips_the_cases_budgets(results):
    del results["scenario"]
    del results["component_weight"]["pages"]["cases/a-case/"]
    assert judged(results, "scenario-check")["status"] == "SKIPPED"
    assert judged(results, "scenario-weight")["status"] == "SKIPPED"


def test_a_run_without_the_workbench_skips_its_timings_and_counts_its_own_long_scripts(results):
    results["workbench"].update(long_tasks_4x=1, long_task_ms_4x=72.4, own_long_scripts_4x=0)
    item = judged(results, "workbench-typing")
    assert (item["status"], item["measured"]) == (
        "NOT MET", "1 long task (longest 72 ms); 0 in the workbench's scripts")
    del results["workbench"]
    assert judged(results, "workbench-checks")["status"] == "SKIPPED"
    assert judged(results, "workbench-typing")["status"] == "SKIPPED"


def test_the_judged_value_is_the_worst_case(results):
    reveal_median("pyramid/", "layers")(results, 15.0)
    assert judged(results, "reveal")["value"] == 15.0
    assert judged(results, "component-weight")["value"] == pytest.approx(8294 / 1024)
    assert judged(results, "build-ratio")["value"] == 1.0


def test_lighthouse_below_full_marks_names_the_page(results):
    lighthouse_score("mobile", "performance")(results, 97)
    lighthouse_score("mobile", "seo")(results, 92)
    item = judged(results, "lighthouse-mobile")
    assert item["measured"] == "lowest performance 97; accessibility 100, best practices 100, SEO 92 over 3 pages"
    assert item["detail"] == "below 100: pyramid/ performance=97; pyramid/ seo=92"
    lighthouse_score("desktop", "accessibility")(results, 95)
    assert judged(results, "lighthouse-desktop")["measured"] == "100/95/100/100 at the lowest over 3 pages"


def test_weight_on_a_page_without_components_names_it(results):
    component_bytes("about/")(results, 120)
    item = judged(results, "nothing-elsewhere")
    assert (item["measured"], item["detail"]) == ("120 B over 2 such pages", "on {'about/': 120}")


def test_a_layout_shift_names_what_moved(results):
    results["pages"]["examples/"]["ours"]["lighthouse"]["desktop"].update(
        cls=0.0101, layout_shift_elements=[{"selector": "main > ol.gp-cards__list", "score": 0.0101}])
    item = judged(results, "layout-shift")
    assert item["measured"] == "worst 0.0101 (Lighthouse, 6 runs; Playwright, 3 pages × 3 loads)"
    assert item["detail"] == "shifted: examples/ desktop: ol.gp-cards__list 0.0101"


def test_a_blocking_scale_page_names_its_longest_tasks(results):
    desktop = results["scale"]["ours"]["lighthouse"]["desktop"]
    desktop["long_tasks"] = [{"url": "http://127.0.0.1/assets/cards.js", "duration_ms": 70},
                             {"url": None, "duration_ms": 90}]
    assert judged(results, "scale-tbt")["detail"] == "longest tasks: ? 90 ms, cards.js 70 ms"


# --- the table itself ------------------------------------------------------------------------

def test_the_wording_and_limits_of_todays_budgets():
    assert [budget.wording for budget in BUDGETS] == [
        "Lighthouse desktop: 100 in all four categories",
        "Lighthouse mobile: a11y, best practices, SEO 100; performance ≥ 98",
        "Components add ≤ 10 KB gzipped script + style to a page that uses them",
        "…and nothing to pages without them",
        "Reveal latency ≤ 16 ms median",
        "CLS 0",
        "Full build ≤ 1.2× the control",
        "500-card page builds < 2 s more than its control",
        "500-card page TBT < 50 ms (desktop)",
        "500-card page reveal ≤ 16 ms",
        "Practice Check handler ≤ 2 ms at 1× CPU",
        "…and no long task at 4× CPU",
        "Workbench: one round of checks on a 500-character goal ≤ 1 ms at 1× CPU",
        "…typing 200 characters at 4× CPU makes no long task",
        "…its own script + style ≤ 8 KB gzipped",
        "…and none of it on pages without it",
        "Cases: script + style ≤ 10 KB gzipped",
        "…a voice's Check handler ≤ 2 ms at 1× CPU",
    ]


def test_keys_are_unique():
    assert len(BY_KEY) == len(BUDGETS)


@pytest.mark.parametrize("limit, unit, judged_as, expected", [
    (16, "ms", AT_MOST, "≤ 16 ms"), (2, "s", BELOW, "< 2 s"), (1.2, "×", AT_MOST, "≤ 1.2×"),
    (98, "", AT_LEAST, "≥ 98"), (0, "", EXACTLY, "0"), (10, "KB", AT_MOST, "≤ 10 KB"), (0, "B", EXACTLY, "0 B"),
])
def test_limit_text(limit, unit, judged_as, expected):
    assert limit_text(limit, unit, judged_as) == expected


@pytest.mark.parametrize("judged_as, below, at, above", [
    (AT_MOST, True, True, False), (BELOW, True, False, False),
    (AT_LEAST, False, True, True), (EXACTLY, False, True, False),
])
def test_each_comparison(judged_as, below, at, above):
    assert (judged_as.holds(1, 2), judged_as.holds(2, 2), judged_as.holds(3, 2)) == (below, at, above)


def test_a_new_budget_is_one_entry():
    check = Budget("check-handler", "Practice Check handler {limit} at 1× CPU", 2, "ms", AT_MOST,
                   lambda results: None)
    assert check.wording == "Practice Check handler ≤ 2 ms at 1× CPU"
    assert status(check, check.measure({})) == "SKIPPED"
    assert (status(check, 2), status(check, 2.1)) == ("MET", "NOT MET")
