"""The README's budget table, written from bench/budgets.py and bench/latest.json.

    .venv/bin/python -m bench.readme          # rewrite the table (make bench-readme)
    .venv/bin/python -m bench.readme --check  # exit 1 if README.md's table is stale

The budget column always comes from BUDGETS; the measured column and the run line
from bench/latest.json, the verdicts of the latest full run, which a full `make bench`
rewrites (bench/results.json is not committed, so the README could not be written
anywhere else). The result column judges each stored value against today's limit.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

from bench.budgets import BUDGETS, Budget
from goal_pyramid.tools.generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LATEST = ROOT / "bench" / "latest.json"
START = "<!-- bench budgets: written by `make bench-readme` from bench/budgets.py and bench/latest.json -->"
END = "<!-- end of bench budgets -->"
NARROW = 0.1  # a timing met within 10 % of its limit: run-to-run noise on a busy machine can tip it
TIMED_UNITS = ("ms", "s", "×")
README_WIDTH = 78  # the README's prose wraps here
ABOUT = ("The verdicts of the latest full run (make bench), from which `make bench-readme` writes "
         "the README's budget table. A full run rewrites this file.")


# --- bench/latest.json ----------------------------------------------------------------------

def latest_from(results: dict) -> dict:
    """What the README keeps of a full run: the machine in a line, and each budget's verdict."""
    machine = results["machine"]
    chromium = re.match(r"\D*\d+", machine["chromium"])
    return {
        "about": ABOUT,
        "run": {
            "date": machine["date"][:10], "cores": machine["cores"], "cpu": machine["cpu"],
            "memory_gib": round(machine["memory_gib"], 1), "system": machine["system"],
            "chromium": chromium.group(0) if chromium else machine["chromium"],
            "lighthouse": machine["lighthouse"],
            "load_average": round(float(machine["load_average"].split()[0]), 1),
            "seconds": round(results["seconds"]),
        },
        "budgets": {item["key"]: {"status": item["status"], "value": item["value"], "measured": item["measured"]}
                    for item in results["budgets"]},
    }


def write_latest(results: dict, path: Path) -> None:
    path.write_text(json.dumps(latest_from(results), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_latest(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- the section ----------------------------------------------------------------------------

def result(budget: Budget, value) -> str:
    """The README's result cell: met, met narrowly, **not met**, or not run."""
    if value is None:
        return "not run"
    if not budget.met_by(value):
        return "**not met**"
    if budget.unit in TIMED_UNITS and budget.limit and abs(budget.limit - value) < NARROW * budget.limit:
        return "met, narrowly"
    return "met"


def run_line(run: dict) -> str:
    return (f"Latest full run: {run['date']}, {run['cores']} cores ({run['cpu']}), {run['memory_gib']} GiB, "
            f"{run['system']}, {run['chromium']}, Lighthouse {run['lighthouse']}, "
            f"load average {run['load_average']} at the start, {run['seconds']} s.")


def section(latest: dict) -> str:
    lines = [textwrap.fill(run_line(latest["run"]), width=README_WIDTH), "",
             "| budget | measured | |", "| --- | --- | --- |"]
    for budget in BUDGETS:
        found = latest["budgets"].get(budget.key)
        if found is None:
            lines.append(f"| {budget.wording} | not measured yet | not run |")
        else:
            lines.append(f"| {budget.wording} | {found['measured']} | {result(budget, found['value'])} |")
    return "\n".join(lines)


def rewritten(readme: str, latest: dict) -> str:
    """readme with the text between the markers replaced by the section; an error if a marker is missing."""
    pattern = re.compile(re.escape(START) + r"\n.*?\n" + re.escape(END), re.DOTALL)
    if len(pattern.findall(readme)) != 1:
        raise ValueError(f"README.md needs one pair of markers, on lines of their own:\n{START}\n{END}")
    return pattern.sub(lambda _: f"{START}\n{section(latest)}\n\n{END}", readme)  # blank line: the table ends


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    try:
        text = rewritten(current, read_latest(LATEST))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    return write_or_check(README, text, "--check" in argv, f"{README.name}'s budget table", "make bench-readme")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
