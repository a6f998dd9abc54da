#!/usr/bin/env python3
"""make offline: python scripts/make_offline.py [--out dist/goal-pyramid-offline.zip]

Builds this checkout for file:// and zips it (goal_pyramid.tools.offline does the work).
"""

import sys
from pathlib import Path

from goal_pyramid.tools import offline

if __name__ == "__main__":
    sys.exit(offline.main(sys.argv, project=Path(__file__).resolve().parent.parent))
