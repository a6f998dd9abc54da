"""PageLinks: the address of another page of the site, from the page being drawn.

A component whose template links to a page (the workbench's "read more", the
cards' and questions' "Rewrite it in the workbench") is drawn on a full page
and on its embed page, one folder deeper, so no link may be written as a fixed
'../'. MkDocs gives each page's Markdown its relative-link processor, which
knows the page and the site's files; plain Python-Markdown (and Zensical) has
none, and then `url` says None, or the fallback the caller gives.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class PageLinks:
    page: object | None = None  # MkDocs' File of the page being drawn
    files: object | None = None  # MkDocs' Files of the site

    @classmethod
    def of(cls, md) -> PageLinks:
        processors = getattr(md, "treeprocessors", None)
        relpath = processors["relpath"] if processors is not None and "relpath" in processors else None
        page, files = getattr(relpath, "file", None), getattr(relpath, "files", None)
        return cls(page, files) if page is not None and files is not None else cls()

    @property
    def key(self) -> str:
        """What the links depend on: the page's folder (every page of one folder gets the same HTML)."""
        if self.page is None:
            return ""
        return posixpath.dirname(getattr(self.page, "url", "") or "") + "/"

    def url(self, page: str, anchor: str | None = None) -> str | None:
        """The address of docs/<page> (e.g. 'pyramid.md') from this page, or None where it is not known."""
        if self.page is None:
            return None
        target = self.files.get_file_from_path(page)
        if target is None:
            return None
        return target.url_relative_to(self.page) + (f"#{anchor}" if anchor else "")


NO_LINKS = PageLinks()  # no page known: plain Python-Markdown, Zensical, a test
