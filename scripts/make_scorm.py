#!/usr/bin/env python3
"""make scorm: python scripts/make_scorm.py [--out dist/goal-pyramid-scorm12.zip]

Builds this checkout as a SCORM 1.2 package for a learning platform (goal_pyramid.tools.scorm does the work).
"""

import sys
from pathlib import Path

from goal_pyramid.tools import scorm

if __name__ == "__main__":
    sys.exit(scorm.main(sys.argv, project=Path(__file__).resolve().parent.parent))
