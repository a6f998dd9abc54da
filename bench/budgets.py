"""The benchmark's budgets: one table, read by the verdicts and by the README's budget table.

Each Budget in BUDGETS says what it promises (the wording, with `{limit}` where the
limit goes), the limit and its unit, how a measured value is judged against it, and
where a run's results (bench/results.json) hold that value. `verdicts(results)` judges
every budget; bench/readme.py writes the README's table from the same entries.

Adding a budget is one entry in BUDGETS: a key (stable: bench/latest.json is keyed by
it), the wording, the limit, its unit, the comparison, and a function from a run's
results to a Measurement, or to None when the run did not measure it (SKIPPED). The
practice Check handler's two, for example (bench/browser.py's measure_check fills
results["practice"]):

    Budget("check-handler", "Practice Check handler {limit} at 1× CPU", 2, "ms", AT_MOST, check_handler),
    Budget("check-long-tasks", "…and no long task at 4× CPU", 0, "", EXACTLY, check_long_tasks),

`make bench-readme` then adds their rows to the README ("not measured yet" until a
full run), and tests/bench/test_budgets.py asks for their cases at the limit in THRESHOLDS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bench.report import CATEGORY_LABELS, dig, fmt_ms, page_name

FULL_MARKS = 100  # a Lighthouse category's best score
ONE_FRAME_MS = 16  # a reveal painted within one frame at 60 Hz
SHOWCASE_PAGES = {"examples/": "cards", "pyramid/": "pyramid"}  # named beside the heaviest page


class Judged(Enum):
    """How a measured value is held against its budget's limit."""

    AT_MOST = "≤"
    BELOW = "<"
    AT_LEAST = "≥"
    EXACTLY = ""

    def holds(self, value: float, limit: float) -> bool:
        if self is Judged.AT_MOST:
            return value <= limit
        if self is Judged.BELOW:
            return value < limit
        if self is Judged.AT_LEAST:
            return value >= limit
        return value == limit


AT_MOST, BELOW, AT_LEAST, EXACTLY = Judged.AT_MOST, Judged.BELOW, Judged.AT_LEAST, Judged.EXACTLY


@dataclass(frozen=True)
class Measurement:
    """What a run measured for one budget."""

    value: float | dict[str, float]  # what is judged: the worst case (Lighthouse: lowest score per category)
    shows: str  # the README's "measured" cell
    detail: str = ""  # more for the printed table: which pages, which elements


@dataclass(frozen=True)
class Budget:
    key: str
    text: str
    limit: float
    unit: str
    judged: Judged
    measure: Callable[[dict], Measurement | None]

    @property
    def wording(self) -> str:
        """The text with its limit written in, e.g. 'Reveal latency ≤ 16 ms median'."""
        return self.text.format(limit=limit_text(self.limit, self.unit, self.judged))

    def met_by(self, value: float | dict[str, float]) -> bool:
        if isinstance(value, dict):  # Lighthouse: performance against the limit, the others at full marks
            return self.judged.holds(value["performance"], self.limit) and all(
                score == FULL_MARKS for category, score in value.items() if category != "performance")
        return self.judged.holds(value, self.limit)


def limit_text(limit: float, unit: str, judged: Judged) -> str:
    """'≤ 16 ms', '< 2 s', '≤ 1.2×', '≥ 98', and a bare '0' for EXACTLY."""
    number = f"{limit:g}" + ("" if unit in ("", "×") else " ") + unit
    return f"{judged.value} {number}" if judged.value else number


# --- finding each budget's value in a run's results --------------------------------------

def timing(value: float | None, shows: str | None = None, detail: str = "") -> Measurement | None:
    return None if value is None else Measurement(value, shows or fmt_ms(value), detail)


def long_tasks(count: int, longest: float | None) -> str:
    """'3 long tasks (longest 80 ms)', '1 long task (longest 55 ms)', '0 long tasks'."""
    return f"{count} long task{'s' if count != 1 else ''}" + (f" (longest {longest or 0:.0f} ms)" if count else "")


def _lighthouse(results: dict, preset: str) -> tuple[dict, dict[str, int], list[str]] | None:
    """The pages Lighthouse ran on, the lowest score per category, and each score below full marks."""
    runs = {page: run for page, sides in results["pages"].items()
            if (run := dig(sides, "ours", "lighthouse", preset))}
    if not runs:
        return None
    lowest = {category: min(run["scores"][category] or 0 for run in runs.values()) for category in CATEGORY_LABELS}
    below = [f"{page_name(page)} {category}={run['scores'][category]}" for page, run in runs.items()
             for category in CATEGORY_LABELS if (run["scores"][category] or 0) < FULL_MARKS]
    return runs, lowest, below


def lighthouse_desktop(results: dict) -> Measurement | None:
    if (found := _lighthouse(results, "desktop")) is None:
        return None
    runs, lowest, below = found
    scores = "/".join(str(score) for score in lowest.values())
    where = f"at the lowest over {len(runs)} pages" if below else f"on all {len(runs)} pages"
    return Measurement(lowest, f"{scores} {where}", f"below {FULL_MARKS}: {'; '.join(below)}" if below else "")


def lighthouse_mobile(results: dict) -> Measurement | None:
    if (found := _lighthouse(results, "mobile")) is None:
        return None
    runs, lowest, below = found
    others = {category: score for category, score in lowest.items() if category != "performance"}
    if all(score == FULL_MARKS for score in others.values()):
        rest = f"others {FULL_MARKS} on all {len(runs)} pages"
    else:
        rest = ", ".join(f"{CATEGORY_LABELS[c]} {s}" for c, s in others.items()) + f" over {len(runs)} pages"
    return Measurement(lowest, f"lowest performance {lowest['performance']}; {rest}",
                       f"below {FULL_MARKS}: {'; '.join(below)}" if below else "")


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def component_weight(results: dict) -> Measurement | None:
    weights = results["component_weight"]["pages"]
    using = {page: weight["gzip_bytes"] for page, weight in weights.items() if weight["has_component"]}
    if not using:
        return None
    page, heaviest = max(using.items(), key=lambda item: item[1])
    named = [f"{name} {_kb(using[p])}" for p, name in SHOWCASE_PAGES.items() if p in using]
    return Measurement(heaviest / 1024, "; ".join([f"heaviest {_kb(heaviest)} ({page_name(page)})", *named]))


def nothing_elsewhere(results: dict) -> Measurement | None:
    weight = results["component_weight"]
    others = {page: w["gzip_bytes"] for page, w in weight["pages"].items() if not w["has_component"]}
    if not others:
        return None
    total, extra = sum(others.values()), {page_name(p): size for p, size in others.items() if size}
    theme = (f"`theme.css`, {weight['theme_css_gzip_bytes']:,} B, is site-wide Material fixes, "
             "not a component")
    shows = f"{total:,} B on all {len(others)} such pages ({theme})" if not extra \
        else f"{total:,} B over {len(others)} such pages"
    return Measurement(total, shows, f"on {extra}" if extra else "")


def _worst(results: dict, *keys: str) -> float | None:
    """The highest value at keys under each page's own numbers (the slowest page)."""
    found = [value for sides in results["pages"].values() if (value := dig(sides, *keys)) is not None]
    return max(found) if found else None


def reveal(results: dict) -> Measurement | None:
    cards = _worst(results, "ours", "playwright", "reveal", "cards", "median_ms")
    layers = _worst(results, "ours", "playwright", "reveal", "layers", "median_ms")
    bare = _worst(results, "control", "playwright", "reveal", "baseline", "median_ms")
    measured = [value for value in (cards, layers) if value is not None]
    if not measured:
        return None
    parts = [f"{label} {fmt_ms(value)}" for label, value in (("cards", cards), ("pyramid layers", layers))
             if value is not None]
    shows = ", ".join(parts) + (f" (bare `<details>`: {fmt_ms(bare)})" if bare is not None else "")
    return Measurement(max(measured), shows)


def _shifted(results: dict) -> str:
    """Which elements shifted, e.g. 'examples/ desktop: ol.gp-cards__list 0.0101'."""
    found = []
    for page, sides in results["pages"].items():
        for preset in ("mobile", "desktop"):
            for item in dig(sides, "ours", "lighthouse", preset, "layout_shift_elements") or []:
                selector = (item["selector"] or "?").split(" > ")[-1]
                found.append(f"{page_name(page)} {preset}: {selector} {item['score'] or 0:.4f}")
        for load in dig(sides, "ours", "playwright", "loads") or []:
            for shift in load["layout_shifts"]:
                found.append(f"{page_name(page)}: {', '.join(shift['nodes']) or '?'} {shift['value']:.4f}")
    return "; ".join(dict.fromkeys(found))


def layout_shift(results: dict) -> Measurement | None:
    pages = results["pages"]
    if not pages:
        return None
    lighthouse = [value for sides in pages.values() for preset in ("mobile", "desktop")
                  if (value := dig(sides, "ours", "lighthouse", preset, "cls")) is not None]
    playwright = [sides["ours"]["playwright"]["summary"]["layout_shift_sum"] for sides in pages.values()]
    worst = max(lighthouse + playwright)
    runs = [f"Lighthouse, {len(lighthouse)} runs"] if lighthouse else []
    loads = results["settings"]["loads"]
    runs.append(f"Playwright, {len(pages)} pages × {loads} load{'s' if loads != 1 else ''}")
    shows = ("0 on every page" if worst == 0 else f"worst {worst:.4f}") + f" ({'; '.join(runs)})"
    return Measurement(worst, shows, f"shifted: {_shifted(results)}" if worst else "")


def build_ratio(results: dict) -> Measurement | None:
    ours, control = results["builds"]["ours"]["median"], results["builds"]["control"]["median"]
    value = ours / control
    return Measurement(value, f"{ours:.2f} s vs {control:.2f} s = {value:.2f}×")


def scale_build(results: dict) -> Measurement | None:
    difference = results["scale"]["build"]["difference_s"]
    return Measurement(difference, f"+{difference:.2f} s")


def _longest_tasks(lighthouse: dict | None, count: int = 3) -> str:
    tasks = sorted((lighthouse or {}).get("long_tasks") or [], key=lambda task: -(task["duration_ms"] or 0))
    return ", ".join(f"{(task['url'] or '?').rsplit('/', 1)[-1]} {task['duration_ms'] or 0:.0f} ms"
                     for task in tasks[:count])


def scale_tbt(results: dict) -> Measurement | None:
    desktop = dig(results, "scale", "ours", "lighthouse", "desktop")
    tbt, tasks = dig(desktop, "tbt_ms"), _longest_tasks(desktop)
    return timing(tbt, None if tbt is None else f"{tbt:.0f} ms", f"longest tasks: {tasks}" if tasks else "")


def scale_reveal(results: dict) -> Measurement | None:
    median = dig(results, "scale", "ours", "playwright", "reveal", "cards", "median_ms")
    bare = dig(results, "scale", "control", "playwright", "reveal", "baseline", "median_ms")
    return timing(median, None if median is None or bare is None
                  else f"{fmt_ms(median)} (bare `<details>` on the same page: {fmt_ms(bare)})")


def check_handler(results: dict) -> Measurement | None:
    median = dig(results, "practice", "check_ms")
    return timing(median, None if median is None else
                  f"{fmt_ms(median)} median (4× CPU: {fmt_ms(dig(results, 'practice', 'check_ms_4x'))})")


def check_long_tasks(results: dict) -> Measurement | None:
    count = dig(results, "practice", "long_tasks_4x")
    if count is None:
        return None
    return Measurement(count, long_tasks(count, dig(results, "practice", "long_task_ms_4x")))


WORKBENCH = "workbench"  # the goal workbench's data-gp-module
WORKBENCH_ASSETS = "components/workbench/"  # its own script and style (the shared core is not counted)


def workbench_checks(results: dict) -> Measurement | None:
    median = dig(results, "workbench", "check_ms")
    return timing(median, None if median is None else
                  f"{median:.3f} ms median ({dig(results, 'workbench', 'check_rounds')} rounds)")


def workbench_typing(results: dict) -> Measurement | None:
    count = dig(results, "workbench", "long_tasks_4x")
    if count is None:
        return None
    own = dig(results, "workbench", "own_long_scripts_4x")
    shows = long_tasks(count, dig(results, "workbench", "long_task_ms_4x"))
    if own is not None:
        shows += f"; {own} in the workbench's scripts"
    return Measurement(count, shows)


def _workbench_bytes(weight: dict) -> int:
    return sum(size for path, size in weight["assets"].items() if path.startswith(WORKBENCH_ASSETS))


def workbench_weight(results: dict) -> Measurement | None:
    using = {page: _workbench_bytes(weight) for page, weight in results["component_weight"]["pages"].items()
             if WORKBENCH in weight.get("modules", [])}
    if not using:
        return None
    page, heaviest = max(using.items(), key=lambda item: item[1])
    return Measurement(heaviest / 1024, f"{_kb(heaviest)} ({page_name(page)})")


def workbench_elsewhere(results: dict) -> Measurement | None:
    others = {page: _workbench_bytes(weight) for page, weight in results["component_weight"]["pages"].items()
              if WORKBENCH not in weight.get("modules", [])}
    if not others:
        return None
    total, extra = sum(others.values()), {page_name(p): size for p, size in others.items() if size}
    return Measurement(total, f"{total:,} B on all {len(others)} such pages", f"on {extra}" if extra else "")


SCENARIO = "scenario"  # the cases' data-gp-module
SCENARIO_ASSETS = "components/scenario/"  # its own script and style (core and the shared pieces not counted)


def scenario_weight(results: dict) -> Measurement | None:
    using = {page: sum(size for path, size in weight["assets"].items() if path.startswith(SCENARIO_ASSETS))
             for page, weight in results["component_weight"]["pages"].items()
             if SCENARIO in weight.get("modules", [])}
    if not using:
        return None
    page, heaviest = max(using.items(), key=lambda item: item[1])
    return Measurement(heaviest / 1024, f"{_kb(heaviest)} ({page_name(page)})")


def scenario_check(results: dict) -> Measurement | None:
    median = dig(results, "scenario", "check_ms")
    return timing(median, None if median is None else
                  f"{fmt_ms(median)} median over {dig(results, 'scenario', 'samples')} voices "
                  f"(4× CPU: {fmt_ms(dig(results, 'scenario', 'check_ms_4x'))})")


# --- the table ----------------------------------------------------------------------------

BUDGETS: tuple[Budget, ...] = (
    Budget("lighthouse-desktop", "Lighthouse desktop: {limit} in all four categories",
           FULL_MARKS, "", EXACTLY, lighthouse_desktop),
    Budget("lighthouse-mobile", "Lighthouse mobile: a11y, best practices, SEO 100; performance {limit}",
           98, "", AT_LEAST, lighthouse_mobile),
    Budget("component-weight", "Components add {limit} gzipped script + style to a page that uses them",
           10, "KB", AT_MOST, component_weight),
    Budget("nothing-elsewhere", "…and nothing to pages without them", 0, "B", EXACTLY, nothing_elsewhere),
    Budget("reveal", "Reveal latency {limit} median", ONE_FRAME_MS, "ms", AT_MOST, reveal),
    Budget("layout-shift", "CLS {limit}", 0, "", EXACTLY, layout_shift),
    Budget("build-ratio", "Full build {limit} the control", 1.2, "×", AT_MOST, build_ratio),
    Budget("scale-build", "500-card page builds {limit} more than its control", 2, "s", BELOW, scale_build),
    Budget("scale-tbt", "500-card page TBT {limit} (desktop)", 50, "ms", BELOW, scale_tbt),
    Budget("scale-reveal", "500-card page reveal {limit}", ONE_FRAME_MS, "ms", AT_MOST, scale_reveal),
    Budget("check-handler", "Practice Check handler {limit} at 1× CPU", 2, "ms", AT_MOST, check_handler),
    Budget("check-long-tasks", "…and no long task at 4× CPU", 0, "", EXACTLY, check_long_tasks),
    Budget("workbench-checks", "Workbench: one round of checks on a 500-character goal {limit} at 1× CPU",
           1, "ms", AT_MOST, workbench_checks),
    Budget("workbench-typing", "…typing 200 characters at 4× CPU makes no long task", 0, "", EXACTLY,
           workbench_typing),
    Budget("workbench-weight", "…its own script + style {limit} gzipped", 8, "KB", AT_MOST, workbench_weight),
    Budget("workbench-elsewhere", "…and none of it on pages without it", 0, "B", EXACTLY, workbench_elsewhere),
    Budget("scenario-weight", "Cases: script + style {limit} gzipped", 10, "KB", AT_MOST, scenario_weight),
    Budget("scenario-check", "…a voice's Check handler {limit} at 1× CPU", 2, "ms", AT_MOST, scenario_check),
)


# --- verdicts -----------------------------------------------------------------------------

def status(budget: Budget, value: float | dict[str, float] | None) -> str:
    if value is None:
        return "SKIPPED"
    return "MET" if budget.met_by(value) else "NOT MET"


def verdict(budget: Budget, results: dict) -> dict:
    measured = budget.measure(results)
    value = None if measured is None else measured.value
    return {"key": budget.key, "budget": budget.wording, "status": status(budget, value), "value": value,
            "measured": "not run" if measured is None else measured.shows,
            "detail": "" if measured is None else measured.detail}


def verdicts(results: dict) -> list[dict]:
    return [verdict(budget, results) for budget in BUDGETS]
