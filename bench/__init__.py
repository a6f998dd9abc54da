"""The benchmark: Goal Pyramid against a plain Material build of the same pages.

    .venv/bin/python -m bench [--quick] [--no-lighthouse]   # make bench

run.py gathers the numbers, browser.py measures in Chromium, projects.py builds
the control and the scale case, report.py prints the table.
"""
