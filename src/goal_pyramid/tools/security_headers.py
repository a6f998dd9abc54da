"""The headers every page needs, written for the common servers from one setting.

    python scripts/security_headers.py SITE_DIR [--config mkdocs.yml] [--out dist/headers]

One header set, from `extra.security` in mkdocs.yml (the hosts allowed to
frame the embed pages) and `site_url` (the path the site lives under):

- every page: a strict Content-Security-Policy (scripts and styles from this
  host only, nothing inline), `X-Content-Type-Options` and `Referrer-Policy`;
  a full page may be framed by this site only, an embed page also by the
  hosts a company allows;
- cache: Material's hashed assets for a year, everything else revalidated.

Written as ready-to-use files: `_headers` (Netlify, Cloudflare Pages and other
hosts that read one) and `web.config` (IIS) into the site's root, where those
hosts read them, and all four, with `nginx.conf` and `apache.conf`, into
--out, which is not served.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

# A host a company allows to frame the embeds: a CSP source such as https://wiki.acme.example,
# https://*.atlassian.net or https://intranet.acme.example:8443 (no path, no quotes, no ';').
_HOST = re.compile(r"^https?://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?/?$", re.IGNORECASE)

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
OTHER_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "no-cache"  # kept, but checked with the server on every use
# Material's assets carry a content hash in their names (bundle.a5f9d56c.min.js); ours do not.
HASHED = r"\.[0-9a-f]{8}\.min\.(js|css)$"


class SecurityError(Exception):
    """A bad `extra.security` setting: one line naming it and its variable."""


@dataclass(frozen=True)
class HeaderSet:
    prefix: str  # the site's path, "/" or "/learning/goals/"
    embed_hosts: tuple[str, ...]

    @property
    def page_csp(self) -> str:
        return f"{POLICY}; frame-ancestors 'self'"

    @property
    def embed_csp(self) -> str:
        ancestors = " ".join(("'self'", *self.embed_hosts))
        return f"{POLICY}; frame-ancestors {ancestors}"

    def headers(self, path: str) -> dict[str, str]:
        """Every header for a page at this path (under the prefix)."""
        embed = path.startswith(self.prefix + "embed/")
        return {"Content-Security-Policy": self.embed_csp if embed else self.page_csp, **OTHER_HEADERS}


def header_set(site_url: str, embed_hosts: str | list | None) -> HeaderSet:
    hosts = embed_hosts.split() if isinstance(embed_hosts, str) else [str(host) for host in embed_hosts or []]
    for host in hosts:
        if not _HOST.match(host):
            raise SecurityError(
                f"extra.security.embed_hosts (GOAL_PYRAMID_EMBED_HOSTS): {host!r} is not a host to allow; "
                "give origins separated by spaces, such as https://wiki.acme.example https://*.atlassian.net")
    prefix = "/" + urlsplit(site_url or "/").path.strip("/") + "/"
    return HeaderSet(prefix=prefix.replace("//", "/"), embed_hosts=tuple(host.rstrip("/") for host in hosts))


def from_config(config_file: str) -> HeaderSet:
    from mkdocs.config import load_config

    config = load_config(config_file=config_file)
    security = (config.extra or {}).get("security") or {}
    return header_set(config.site_url or "/", security.get("embed_hosts"))


def page_paths(site_dir: Path, prefix: str) -> list[str]:
    """The address of every page: a folder's index.html answers at the folder and by name."""
    paths = []
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        if page.name == "index.html":
            paths.append(prefix + relative[: -len("index.html")])
        paths.append(prefix + relative)
    return paths


def netlify_headers(headers: HeaderSet, site_dir: Path) -> str:
    """_headers: one block per page, so no two Content-Security-Policy headers ever meet."""
    lines = ["# Goal Pyramid's headers, written by scripts/security_headers.py: do not edit, rebuild.",
             f"{headers.prefix}*"] + [f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]
    for path in page_paths(site_dir, headers.prefix):
        lines += [path, f"  Content-Security-Policy: {headers.headers(path)['Content-Security-Policy']}"]
    return "\n".join(lines) + "\n"


def nginx_conf(headers: HeaderSet) -> str:
    """A location block for a server { }: its root is the folder that holds the site's path."""
    prefix = headers.prefix

    def block(csp: str, cache: str, indent: str) -> list[str]:
        return [f'{indent}add_header {name} "{value}" always;'
                for name, value in {"Content-Security-Policy": csp, **OTHER_HEADERS, "Cache-Control": cache}.items()]

    lines = ["# Goal Pyramid's headers, written by scripts/security_headers.py: do not edit, rebuild.",
             f"# Include inside server {{ }}; `root` there is the folder that holds {prefix}.",
             "# (nginx: add_header in a nested location replaces the outer ones, so each block lists all.)",
             f"location {prefix} {{",
             f"    error_page 404 {prefix}404.html;",
             *block(headers.page_csp, SHORT_CACHE, "    "),
             f"    location {prefix}embed/ {{",
             *block(headers.embed_csp, SHORT_CACHE, "        "),
             "    }",
             f'    location ~ "{HASHED}" {{',
             *block(headers.page_csp, LONG_CACHE, "        "),
             "    }",
             "}"]
    return "\n".join(lines) + "\n"


def apache_conf(headers: HeaderSet) -> str:
    """For a <VirtualHost> (needs mod_headers); later sections override earlier ones."""
    prefix = headers.prefix
    quoted = re.escape(prefix)
    sets = [f'    Header always set {name} "{value}"' for name, value in OTHER_HEADERS.items()]
    return "\n".join([
        "# Goal Pyramid's headers, written by scripts/security_headers.py: do not edit, rebuild.",
        "# Include inside <VirtualHost>; needs mod_headers (a2enmod headers).",
        f"ErrorDocument 404 {prefix}404.html",
        f'<Location "{prefix}">',
        f'    Header always set Content-Security-Policy "{headers.page_csp}"',
        *sets,
        f'    Header always set Cache-Control "{SHORT_CACHE}"',
        "</Location>",
        f'<LocationMatch "^{quoted}embed/">',
        f'    Header always set Content-Security-Policy "{headers.embed_csp}"',
        "</LocationMatch>",
        f'<LocationMatch "^{quoted}.*{HASHED}">',
        f'    Header always set Cache-Control "{LONG_CACHE}"',
        "</LocationMatch>",
    ]) + "\n"


def web_config(headers: HeaderSet) -> str:
    """IIS reads web.config from the site's root; paths inside it are relative to that root."""

    def custom(csp: str) -> str:
        adds = "".join(f"\n          <add name={quoteattr(name)} value={quoteattr(value)} />"
                       for name, value in {"Content-Security-Policy": csp, **OTHER_HEADERS}.items())
        removes = "".join(f"\n          <remove name={quoteattr(name)} />"
                          for name in ("Content-Security-Policy", *OTHER_HEADERS))
        return (f"<httpProtocol>\n        <customHeaders>{removes}{adds}\n"
                "        </customHeaders>\n      </httpProtocol>")

    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- Goal Pyramid's headers, written by scripts/security_headers.py: do not edit, rebuild. -->
<configuration>
  <system.webServer>
      {custom(headers.page_csp)}
      <staticContent>
        <clientCache cacheControlMode="DisableCache" />
      </staticContent>
      <httpErrors errorMode="Custom" existingResponse="Replace">
        <remove statusCode="404" />
        <error statusCode="404" path={quoteattr(headers.prefix + "404.html")} responseMode="ExecuteURL" />
      </httpErrors>
  </system.webServer>
  <location path="embed">
    <system.webServer>
      {custom(headers.embed_csp)}
    </system.webServer>
  </location>
</configuration>
"""


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                     delete=False) as part:
        part.write(text)
    os.replace(part.name, path)


def write(headers: HeaderSet, site_dir: Path, out_dir: Path | None) -> None:
    files = {"_headers": netlify_headers(headers, site_dir), "web.config": web_config(headers)}
    for name in ("_headers", "web.config"):
        _write(site_dir / name, files[name])
    if out_dir is not None:
        files |= {"nginx.conf": nginx_conf(headers), "apache.conf": apache_conf(headers)}
        for name, text in files.items():
            _write(out_dir / name, text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv[1:])
    try:
        headers = from_config(args.config)
    except SecurityError as error:
        print(f"ERROR - {error}", file=sys.stderr)
        return 1
    write(headers, args.site_dir, args.out)
    return 0

