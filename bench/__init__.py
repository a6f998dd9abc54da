"""The benchmark: Goal Pyramid against a plain Material build of the same pages.

    .venv/bin/python -m bench [--quick] [--no-lighthouse]   # make bench
    .venv/bin/python -m bench.readme [--check]              # make bench-readme

run.py gathers the numbers, browser.py measures in Chromium, projects.py builds the
control and the scale case, budgets.py is the table of budgets and judges a run
against it, report.py prints the table, readme.py writes the README's budget table
from budgets.py and latest.json (the verdicts of the latest full run).
"""
