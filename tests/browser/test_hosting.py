"""Hosting under a sub-path, as a company wiki might: https://wiki.example.com/learning/goals/.

Served twice: by the test server, and by a real nginx with the configuration
the build writes (dist/headers/nginx.conf), including the 404 page.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from goal_pyramid.tools import security_headers
from goal_pyramid.tools.site_server import built_site, headers_for, read_headers_file
from tests.browser.components import card, layer, verdict
from tests.browser.conftest import PageWatch
from tests.browser.test_embeds import RECORD_VIOLATIONS
from tests.conftest import ROOT

PREFIX = "learning/goals"
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


@pytest.fixture(scope="module")
def sub_path_site():
    with built_site(ROOT, prefix=PREFIX) as site:
        yield site


@dataclass
class NginxSite:
    url: str
    directory: Path
    headers_dir: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


NGINX_CONF = """daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {root}/temp; proxy_temp_path {root}/temp; fastcgi_temp_path {root}/temp;
    uwsgi_temp_path {root}/temp; scgi_temp_path {root}/temp;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        include {root}/headers/nginx.conf;
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx_site():
    """The site built for /learning/goals/, served by nginx with the build's own nginx.conf."""
    if NGINX is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx; make test installs it where apt exists)")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        root.chmod(0o755)  # nginx's workers run as another user
        port = free_port()
        url = f"http://127.0.0.1:{port}/{PREFIX}/"
        site_dir = root / "www" / PREFIX
        build = subprocess.run(
            [sys.executable, str(ROOT / "scripts/build_site.py"), "--site-dir", str(site_dir),
             "--headers-dir", str(root / "headers")],
            cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", GOAL_PYRAMID_SITE_URL=url),
            capture_output=True, text=True, check=False)
        assert build.returncode == 0, build.stdout + build.stderr
        for folder in (root / "www", root / "www/learning", site_dir):
            folder.chmod(0o755)
        (root / "temp").mkdir()
        (root / "nginx.conf").write_text(NGINX_CONF.format(root=root, port=port), encoding="utf-8")
        server = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf"),
                                   "-e", str(root / "error.log")],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            for _ in range(100):
                if server.poll() is not None:
                    pytest.fail("nginx stopped: " + server.stdout.read().decode()
                                + (root / "error.log").read_text(errors="replace"))
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            yield NginxSite(url=url, directory=site_dir, headers_dir=root / "headers")
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.mark.parametrize("server", ["sub_path_site", "nginx_site"])
def test_built_for_a_sub_path_every_asset_and_link_stays_under_it(request, server, browser):
    site = request.getfixturevalue(server)
    assert site.url.endswith("/learning/goals/")
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    watch = PageWatch(site.url)  # this site has its own host and port
    page = watch.attach(context.new_page())
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(site.url + "examples/#reduce-latency")
    expect(card(page, "Reduce data pipeline latency")).to_have_js_property("open", True)
    expect(verdict(page, "reduce-latency")).to_be_visible()
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(link => link.href)")
    local = [h for h in hrefs if h.startswith(site.url.split("/learning/")[0])]
    assert local and all("/learning/goals/" in h for h in local), local
    # Instant navigation under the prefix, then a deep link into the pyramid.
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="The goal pyramid").click()
    expect(page).to_have_url(re.compile(r"/learning/goals/pyramid/$"))
    assert page.evaluate("window.__sameDocument") is True
    layer(page, "Task").locator("summary").click()
    page.get_by_role("link", name="Why? Up to Delivery increment").click()
    expect(layer(page, "Delivery increment").locator("summary")).to_be_focused()
    assert failed == []
    assert page.evaluate("window.__violations") == []
    assert watch.console == [] and watch.foreign == []
    context.close()


def test_nginx_sends_the_header_set_the_build_wrote(nginx_site, browser):
    context = browser.new_context()
    page = context.new_page()
    rules = read_headers_file(nginx_site.directory / "_headers")
    for path, csp_ends in (("", "frame-ancestors 'self'"), ("embed/examples/", "frame-ancestors 'self'")):
        response = page.goto(nginx_site.url + path)
        assert response.status == 200
        csp = response.headers["content-security-policy"]
        assert csp == headers_for(rules, f"/{PREFIX}/{path}")["Content-Security-Policy"]
        assert csp.startswith(security_headers.POLICY) and csp.endswith(csp_ends)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert response.headers["cache-control"] == "no-cache"  # HTML: checked on every visit
    bundle = next((nginx_site.directory / "assets/javascripts").glob("bundle.*.min.js")).name
    asset = page.request.get(nginx_site.url + "assets/javascripts/" + bundle)
    assert asset.ok and asset.headers["cache-control"] == security_headers.LONG_CACHE  # hashed: kept a year
    ours = page.request.get(nginx_site.url + "components/core/core.js")
    assert ours.ok and ours.headers["cache-control"] == "no-cache"  # not hashed: revalidated
    context.close()


def test_nginx_serves_the_404_page_under_the_sub_path_with_its_assets(nginx_site, browser):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    watch = PageWatch(nginx_site.url)
    page = watch.attach(context.new_page())
    failed = []
    page.on("response", lambda response: failed.append(response.url)
            if response.status >= 400 and "/no-such-page/" not in response.url else None)
    response = page.goto(nginx_site.url + "practice/no-such-page/")
    assert response.status == 404
    assert response.headers["content-security-policy"].endswith("frame-ancestors 'self'")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("404"))
    expect(page.get_by_role("banner")).to_be_visible()  # Material's styles and scripts loaded from the prefix
    home = page.get_by_role("banner").get_by_role("link").first
    expect(home).to_have_attribute("href", re.compile(r"/learning/goals/$"))
    assert failed == []
    assert page.evaluate("window.__violations") == []
    watch.console = [m for m in watch.console if "404" not in m]  # the page itself answered 404, as it should
    assert watch.console == [] and watch.foreign == []
    context.close()
