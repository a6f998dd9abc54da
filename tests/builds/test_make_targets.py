"""The Makefile's small promises: serve watches the extra data, offline needs no browser, preview serves as built."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT


def dry_run(target: str, **variables: str) -> str:
    extra = [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(["make", "-n", "--always-make", target, *extra], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout


def test_serve_watches_the_extra_data_folder_only_when_one_is_set():
    assert '--watch "examples/company-data"' in dry_run("serve", GOAL_PYRAMID_EXTRA_DATA="examples/company-data")
    assert "--watch" not in dry_run("serve")


def test_offline_asks_for_npm_only_not_the_browser_or_java():
    commands = dry_run("offline")
    assert "ensure-system-tools.sh npm" in commands
    assert "ensure-system-tools.sh\n" not in commands and "playwright" not in commands
    assert "scripts/make_offline.py" in commands


def test_build_and_test_go_through_the_safe_build():
    assert "scripts/build_site.py --site-dir site --headers-dir dist/headers" in dry_run("build")
    assert "mkdocs build" not in dry_run("build")


def test_preview_serves_a_built_site_under_its_path_with_its_headers(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>home</title>", encoding="utf-8")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://learning.example.com/learning/goals/</loc></url></urlset>", encoding="utf-8")
    (site / "_headers").write_text("/learning/goals/\n  X-Test: from the file\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(ROOT / "scripts/site_server.py"), str(site), "--port", str(port)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert f"http://127.0.0.1:{port}/learning/goals/" in server.stdout.readline()
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/learning/goals/") as response:
            assert response.headers["X-Test"] == "from the file"
            assert b"<title>home</title>" in response.read()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_scorm_asks_for_npm_only_and_writes_the_package_zip():
    commands = dry_run("scorm")
    assert "ensure-system-tools.sh npm" in commands
    assert "ensure-system-tools.sh\n" not in commands and "playwright" not in commands
    assert "scripts/make_scorm.py --out dist/goal-pyramid-scorm12.zip" in commands
