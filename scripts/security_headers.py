#!/usr/bin/env python3
"""python scripts/security_headers.py SITE_DIR [--config mkdocs.yml] [--out dist/headers]

Writes the header files for a built site (goal_pyramid.tools.security_headers does the work).
"""

import sys

from goal_pyramid.tools import security_headers

if __name__ == "__main__":
    sys.exit(security_headers.main(sys.argv))
