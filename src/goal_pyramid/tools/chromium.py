"""Which Chromium to drive, and with which flags: one answer for tests, scripts and benchmarks.

Debian's chromium where it is installed (Playwright cannot download its own
browser on our machines; set GOAL_PYRAMID_CHROMIUM to choose another), else
Playwright's own download.
"""

from __future__ import annotations

import os
import shutil

FLAGS = [
    # Our machines have no network beyond package registries: keep Chromium from trying.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def executable() -> str | None:
    return os.environ.get("GOAL_PYRAMID_CHROMIUM") or shutil.which("chromium")


def flags() -> list[str]:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return [*FLAGS, "--no-sandbox"]  # Chromium refuses to run as root with its sandbox
    return list(FLAGS)


def launch_options() -> dict:
    """Keyword arguments for playwright's chromium.launch()."""
    options: dict = {"args": flags()}
    if executable():
        options["executable_path"] = executable()
    return options
