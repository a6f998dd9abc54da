"""Benchmark Goal Pyramid against a plain Material build of the same pages.

    .venv/bin/python -m bench                  # full run (make bench), about 10 minutes
    .venv/bin/python -m bench --quick          # home + examples, 1 build, 3 reveal samples, no mobile LH
    .venv/bin/python -m bench --no-lighthouse  # everything but Lighthouse

What it measures, for our site and for a CONTROL (the same Markdown pages as a
plain Material site: the ```gp-pyramid / ```gp-cards blocks removed, no
custom_dir, no goal_pyramid extension), each built with `mkdocs build --strict`
and served with gzip on 127.0.0.1, in Debian's Chromium:

- build time of the whole site (median of 3 builds into a temp folder);
- per page, Lighthouse 12.8.2 (mobile and --preset=desktop, one run at a time):
  the four category scores, total byte weight, TBT, LCP and CLS;
- per page, Playwright (cold loads in fresh contexts): requests and transferred
  bytes by resource type, first contentful paint, layout-shift sum, long tasks,
  and reveal latency (click -> the frame that paints the opened <details>) for
  example cards and pyramid layers; on control pages, for bare <details>;
- component weight: gzipped bytes of the components/ assets each page loads,
  the site-wide stylesheets/theme.css, and the page HTML against the control's;
- the practice Check step (Event Timing processing of the click, 10 questions)
  at 1× CPU, and long tasks while doing it at 4× (CDP CPU throttling);
- a case's voice Check (the scenario component, the first case page by id) the same way,
  one sample per voice;
- the goal workbench (write-your-goal/): one round of its checks on a 500-character
  goal in the page (median), and long tasks while typing 200 characters at 4× CPU
  (and those Long Animation Frames attribute to its scripts);
- a SCALE case: a project copy with a page of 500 generated cards (bank/) and
  the same page without the marker: build time difference, page weight, TBT
  (Lighthouse desktop) and reveal latency.

It prints a table (ours, control, ratio = ours / control) and the budgets as
MET / NOT MET (bench/budgets.py), and writes every raw number to
bench/results.json. A full run also writes its verdicts to bench/latest.json and
the README's budget table from them (bench/readme.py). It exits 0 whether or not
budgets are met, and non-zero if anything fails to run.
Timings depend on the machine and on whatever else runs on it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import projects, readme
from bench.browser import (
    CHROMIUM,
    BenchBrowser,
    lighthouse_version,
    measure_check,
    measure_page,
    measure_workbench,
    run_lighthouse,
)
from bench.budgets import verdicts
from bench.report import render
from goal_pyramid import load_catalogue
from goal_pyramid.tools.site_server import built_site

ROOT = Path(__file__).resolve().parent.parent

PAGES = ["", "pyramid/", "technical-goals/", "execution/", "examples/", "about/",
         "practice/", "practice/who-is-speaking/", "practice/goal-or-decision/", "practice/which-layer/",
         "practice/whats-wrong/", "practice/progress/"]
QUICK_PAGES = ["", "examples/"]
CHECK_PAGE = "practice/who-is-speaking/"  # the practice Check step is timed here
CHECK_SAMPLES = 10
WORKBENCH_PAGE = "write-your-goal/"  # the goal workbench: its checks, typing, and weight
# The case pages (the scenario component), one per case in quiz_data/; its Check is timed on the first.
CASE_PAGES = [f"cases/{case_id}/" for case_id in sorted(load_catalogue(ROOT / "quiz_data").sets["scenario"])]
WEIGHT_PAGES = [*PAGES, WORKBENCH_PAGE, *CASE_PAGES]  # component weight is static: every page that has a component
SCALE_PAGE = "bank/"
RESULTS = ROOT / "bench" / "results.json"


@dataclass
class Settings:
    mode: str
    pages: list[str]
    presets: list[str]
    build_runs: int
    reveal_samples: int
    loads: int


def settings_from(args: argparse.Namespace) -> Settings:
    presets = [] if args.no_lighthouse else (["desktop"] if args.quick else ["mobile", "desktop"])
    if args.quick:
        return Settings("quick", QUICK_PAGES, presets, build_runs=1, reveal_samples=3, loads=1)
    return Settings("full", PAGES, presets, build_runs=3, reveal_samples=21, loads=3)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the machine ------------------------------------------------------------------------

def _proc_field(path: str, field: str) -> str | None:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.split(":")[0].strip() == field:
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def machine() -> dict:
    memory_kb = _proc_field("/proc/meminfo", "MemTotal")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "system": f"{platform.system()} {platform.machine()}",
        "cpu": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU",
        "cores": os.cpu_count(),
        "memory_gib": int(memory_kb.split()[0]) / 1024 / 1024 if memory_kb else 0.0,
        "chromium": chromium,
        "lighthouse": lighthouse_version(ROOT),
        "python": platform.python_version(),
        # Anything else running (tests, builds) skews every timing: say how busy the machine was.
        "load_average": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }


# --- measuring served sites -------------------------------------------------------------

def static_numbers(site_dir: Path, page: str) -> dict:
    return {"html": projects.html_weight(site_dir, page), "components": projects.component_weight(site_dir, page)}


def browser_pass(pairs: dict[str, tuple[str, str]], settings: Settings) -> dict:
    """Playwright on each page, ours then control; {page: {"ours": ..., "control": ...}}."""
    found = {}
    with BenchBrowser() as bench:
        bench.warm_up([url for pair in pairs.values() for url in pair][:2])
        for page, (ours_url, control_url) in pairs.items():
            log(f"Playwright {page or '/'}")
            ours = measure_page(bench, ours_url, settings.loads, settings.reveal_samples)
            has_reveal = any(ours["reveal"].values())  # time bare <details> on the control page too
            found[page] = {
                "ours": ours,
                "control": measure_page(bench, control_url, settings.loads, settings.reveal_samples, has_reveal),
            }
    return found


def lighthouse_pass(pairs: dict[str, tuple[str, str]], presets: list[str]) -> dict:
    """Lighthouse, one run at a time; {page: {"ours": {preset: ...}, "control": {preset: ...}}}."""
    found = {page: {"ours": {}, "control": {}} for page in pairs}
    for preset in presets:
        for page, (ours_url, control_url) in pairs.items():
            for side, url in (("ours", ours_url), ("control", control_url)):
                log(f"Lighthouse {preset} {side} {page or '/'}")
                found[page][side][preset] = run_lighthouse(ROOT, url, preset)
    return found


def measure_pair(ours_site, control_site, pages: list[str], settings: Settings) -> dict:
    """Every number for each page of two served sites: static, Playwright, Lighthouse."""
    pairs = {page: (ours_site.url + page, control_site.url + page) for page in pages}
    played = browser_pass(pairs, settings)
    lit = lighthouse_pass(pairs, settings.presets)
    results = {}
    for page in pages:
        results[page] = {
            side: {**static_numbers(site.directory, page), "playwright": played[page][side],
                   "lighthouse": lit[page][side]}
            for side, site in (("ours", ours_site), ("control", control_site))
        }
    return results


# --- the three parts of a run -----------------------------------------------------------

def measure_builds(control: Path, settings: Settings) -> dict:
    log(f"timing {settings.build_runs} build(s) of ours and the control")
    builds = projects.timed_builds({"ours": ROOT, "control": control}, settings.build_runs)
    builds["ratio"] = builds["ours"]["median"] / builds["control"]["median"]
    return builds


def measure_pages(control: Path, settings: Settings) -> tuple[dict, dict]:
    """Per-page numbers for the site and the control, and the component weight of every page."""
    with built_site(ROOT, gzip_enabled=True) as ours, built_site(control, gzip_enabled=True) as plain:
        pages = measure_pair(ours, plain, settings.pages, settings)
        weight = {
            "theme_css_gzip_bytes": projects.theme_css_weight(ours.directory),
            "pages": {page: projects.component_weight(ours.directory, page) for page in WEIGHT_PAGES},
            "markup": {page: {"ours": projects.html_weight(ours.directory, page)["gzip_bytes"],
                              "control": projects.html_weight(plain.directory, page)["gzip_bytes"]}
                       for page in PAGES},
        }
    return pages, weight


def measure_practice() -> tuple[dict, dict, dict | None]:
    """The practice Check step (handler time at 1×, long tasks at 4×), the workbench (checks, typing)
    and a case's voice Check (None without a case)."""
    log(f"Check on {CHECK_PAGE}, {CHECK_SAMPLES} questions at 1× and 4× CPU; the workbench on {WORKBENCH_PAGE};"
        f" a case's voices on {CASE_PAGES[:1]}")
    with built_site(ROOT, gzip_enabled=True) as ours, BenchBrowser() as bench:
        bench.warm_up([ours.url])
        return (measure_check(bench, ours.url + CHECK_PAGE, CHECK_SAMPLES),
                measure_workbench(bench, ours.url + WORKBENCH_PAGE),
                measure_check(bench, ours.url + CASE_PAGES[0], CHECK_SAMPLES, voices=True) if CASE_PAGES else None)


def measure_scale(workspace: Path, settings: Settings) -> dict:
    """The 500-card page against the same page unmarked: builds, weight, TBT, reveal."""
    bank = projects.make_scale(ROOT, workspace / "bank", marked=True)
    unmarked = projects.make_scale(ROOT, workspace / "bank-unmarked", marked=False)
    log(f"timing {settings.build_runs} build(s) of the {projects.SCALE_CARDS}-card project and its control")
    build = projects.timed_builds({"bank": bank, "unmarked": unmarked}, settings.build_runs)
    build["difference_s"] = build["bank"]["median"] - build["unmarked"]["median"]
    scale_settings = Settings(settings.mode, [SCALE_PAGE], ["desktop"] if settings.presets else [],
                              settings.build_runs, settings.reveal_samples, settings.loads)
    with built_site(bank, gzip_enabled=True) as ours, built_site(unmarked, gzip_enabled=True) as plain:
        page = measure_pair(ours, plain, [SCALE_PAGE], scale_settings)[SCALE_PAGE]
    return {"cards": projects.SCALE_CARDS, "build": build, **page}


def run(settings: Settings) -> dict:
    started = time.perf_counter()
    results = {"settings": asdict(settings), "machine": machine(), "results_path": str(RESULTS.relative_to(ROOT))}
    log(f"{settings.mode} run on {results['machine']['chromium']}")
    with tempfile.TemporaryDirectory(prefix="gp-bench-") as folder:
        workspace = Path(folder)
        control = projects.make_control(ROOT, workspace / "control")
        results["builds"] = measure_builds(control, settings)
        results["pages"], results["component_weight"] = measure_pages(control, settings)
        results["scale"] = measure_scale(workspace, settings)
        results["practice"], results["workbench"], results["scenario"] = measure_practice()
    results["budgets"] = verdicts(results)
    results["seconds"] = time.perf_counter() - started
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="home and examples only, 1 build run, 3 reveal samples, no mobile Lighthouse")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip every Lighthouse run")
    args = parser.parse_args(argv)
    results = run(settings_from(args))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render(results), flush=True)
    if results["settings"]["mode"] == "full":  # only a full run speaks for the README
        readme.write_latest(results, readme.LATEST)
        readme.main([])
    return 0
