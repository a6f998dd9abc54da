"""Development tools that the scripts, the benchmark and the tests share.

They work on the checkout the package is installed from (`pip install -e .`, as
`make` does): building and serving the site, Chromium's flags, the security
headers, the offline zip. Nothing here runs while a page converts.
"""

from pathlib import Path

# The checkout: src/goal_pyramid/tools/ is three folders below it.
REPO = Path(__file__).resolve().parents[3]
