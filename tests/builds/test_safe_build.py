"""A failed build never breaks a good one: `make build` and `make offline` swap in only what succeeded.

Also the header files the build writes (scripts/security_headers.py), read as
a server would: well-formed, one policy per page, the embed hosts a company
allows on the embed pages alone.
"""

from __future__ import annotations

import os
import shutil
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

from goal_pyramid.tools import security_headers
from tests.builds.test_builds import project_copy, run
from tests.conftest import ROOT


def build_site(project: Path, **env_vars: str):
    return run([sys.executable, str(project / "scripts/build_site.py"), "--site-dir", "site",
                "--headers-dir", "dist/headers"], project, **env_vars)


@pytest.fixture
def built_project(tmp_path) -> Path:
    """A project copy with a good site/ and dist/headers/ built, each marked so a rebuild shows."""
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    (project / "site/served-marker").write_text("the copy being served", encoding="utf-8")
    (project / "dist/headers/served-marker").write_text("the copy in use", encoding="utf-8")
    return project


def break_the_data(project: Path) -> None:
    examples = project / "quiz_data/examples.yml"
    examples.write_text(examples.read_text(encoding="utf-8").replace("explanation:", "explanaton:", 1),
                        encoding="utf-8")


def left_behind(project: Path) -> list[str]:
    return sorted(p.name for p in [*project.glob(".site.*"), *(project / "dist").glob(".*")])


def test_a_failing_build_leaves_the_served_site_and_headers_intact(built_project):
    index = (built_project / "site/index.html").read_text(encoding="utf-8")
    break_the_data(built_project)
    result = build_site(built_project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "explanaton" in output  # the build's own message, naming the typo
    assert output.rstrip().endswith("The build failed (mkdocs build failed): site/ is unchanged.")
    assert (built_project / "site/served-marker").is_file()
    assert (built_project / "site/index.html").read_text(encoding="utf-8") == index
    assert (built_project / "dist/headers/served-marker").is_file()
    assert left_behind(built_project) == []


def test_a_bad_embed_host_stops_the_build_before_it_starts(built_project):
    result = build_site(built_project, GOAL_PYRAMID_EMBED_HOSTS="https://wiki.example.com;script-src *")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "ERROR - extra.security.embed_hosts (GOAL_PYRAMID_EMBED_HOSTS): 'https://wiki.example.com;script-src" \
        in output
    assert "Traceback" not in output
    assert (built_project / "site/served-marker").is_file()


def test_a_good_build_replaces_the_site_and_writes_every_header_file(built_project):
    result = build_site(built_project, GOAL_PYRAMID_EMBED_HOSTS="https://wiki.acme.example",
                        GOAL_PYRAMID_SITE_URL="https://learning.acme.example/goals/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (built_project / "site/served-marker").exists()
    assert sorted(p.name for p in (built_project / "dist/headers").iterdir()) == \
        ["_headers", "apache.conf", "nginx.conf", "web.config"]
    for name in ("_headers", "web.config"):  # read from the site's root by the hosts that use them
        assert (built_project / "site" / name).read_text() == (built_project / "dist/headers" / name).read_text()
    headers = (built_project / "site/_headers").read_text(encoding="utf-8")
    assert "/goals/embed/examples/\n  Content-Security-Policy: " in headers
    embed_csp = headers.split("/goals/embed/examples/\n  Content-Security-Policy: ")[1].splitlines()[0]
    assert embed_csp.endswith("frame-ancestors 'self' https://wiki.acme.example")
    embeds = len(list((built_project / "docs/embed").glob("*.md")))
    assert embeds >= 7
    assert headers.count("frame-ancestors 'self' https://wiki.acme.example") == 2 * embeds  # two addresses each
    config = ElementTree.parse(built_project / "site/web.config").getroot()
    embed = config.find("location[@path='embed']/system.webServer/httpProtocol/customHeaders")
    assert embed.find("add[@name='Content-Security-Policy']").get("value") == embed_csp
    error = config.find("system.webServer/httpErrors/error")
    assert error.get("path") == "/goals/404.html"
    nginx = (built_project / "dist/headers/nginx.conf").read_text(encoding="utf-8")
    assert "location /goals/ {" in nginx and "location /goals/embed/ {" in nginx
    assert "error_page 404 /goals/404.html;" in nginx
    apache = (built_project / "dist/headers/apache.conf").read_text(encoding="utf-8")
    assert '<LocationMatch "^/goals/embed/">' in apache and "ErrorDocument 404 /goals/404.html" in apache
    assert left_behind(built_project) == []


def test_a_failing_offline_build_leaves_the_old_zip_intact(tmp_path):
    project = project_copy(tmp_path)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copy(ROOT / "mkdocs.offline.yml", project)
    os.symlink(ROOT / "node_modules", project / "node_modules")
    zip_path = project / "dist/goal-pyramid-offline.zip"
    zip_path.parent.mkdir()
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("goal-pyramid/index.html", "the copy people have")
    break_the_data(project)
    result = run([sys.executable, "scripts/make_offline.py", "--out", str(zip_path)], project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "explanaton" in output
    assert output.rstrip().endswith("The mkdocs.offline.yml build failed: the zip is unchanged.")
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.read("goal-pyramid/index.html") == b"the copy people have"
    assert sorted(p.name for p in zip_path.parent.iterdir()) == ["goal-pyramid-offline.zip"]


def test_hosts_allowed_to_frame_the_embeds_reach_their_policy_only():
    headers = security_headers.header_set("https://learning.acme.example/goals/",
                                          "https://wiki.acme.example https://*.atlassian.net")
    assert headers.prefix == "/goals/"
    embed = headers.headers("/goals/embed/examples/")["Content-Security-Policy"]
    page = headers.headers("/goals/examples/")["Content-Security-Policy"]
    assert embed.endswith("frame-ancestors 'self' https://wiki.acme.example https://*.atlassian.net")
    assert page.endswith("frame-ancestors 'self'")


@pytest.mark.parametrize("bad", ["https://wiki.example.com; script-src *", "'unsafe-inline'", "wiki.example.com",
                                 "https://wiki.example.com/path", "*"])
def test_a_bad_embed_host_is_refused_naming_the_setting(bad):
    with pytest.raises(security_headers.SecurityError) as caught:
        security_headers.header_set("https://learning.acme.example/", bad)
    assert str(caught.value).startswith("extra.security.embed_hosts (GOAL_PYRAMID_EMBED_HOSTS): ")


def test_the_hosting_guide_shows_the_header_set_the_build_writes():
    guide = (ROOT / "docs/hosting.md").read_text(encoding="utf-8")
    headers = security_headers.header_set("https://learning.example.com/goals/", "https://wiki.example.com")
    assert f"Content-Security-Policy: {headers.page_csp}\n" in guide
    for name, value in security_headers.OTHER_HEADERS.items():
        assert f"{name}: {value}\n" in guide
    assert headers.embed_csp.endswith("`frame-ancestors 'self' https://wiki.example.com`".strip("`"))
    assert "`frame-ancestors 'self' https://wiki.example.com`" in guide
    assert f"`Cache-Control: {security_headers.LONG_CACHE}`" in guide
