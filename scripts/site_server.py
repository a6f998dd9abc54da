#!/usr/bin/env python3
"""make preview: python scripts/site_server.py [SITE_DIR] [--port 8000]

Serves a built site/ as built, on 127.0.0.1 (goal_pyramid.tools.site_server does the work).
"""

from goal_pyramid.tools import site_server

if __name__ == "__main__":
    site_server.main()
