"""Check every link in the content pages against the pages the site will really have."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from .content import Page
from .errors import Problem
from .views import OutputPage

SCAN_ANCHORS_OK = {"scan.html", "resultaat.html"}  # their steps are made in the browser


def check_links(pages: dict[str, Page], planned: list[OutputPage]) -> list[Problem]:
    """A broken internal link or anchor is an error with file and line; other origins are not allowed."""
    known = {p.path for p in planned}
    anchors = {f"{name}.html": page.anchors for name, page in pages.items()}
    problems = []
    for name, page in pages.items():
        for href, line in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.scheme or parts.netloc:
                problems.append(Problem(page.source, line, f"link naar een andere website '{href}': de scan laadt "
                                                           "niets van buiten; noem het adres als tekst"))
                continue
            target = posixpath.normpath(parts.path) if parts.path else f"{name}.html"
            if target not in known:
                problems.append(Problem(page.source, line, f"link naar '{href}': die pagina bestaat niet "
                                                           f"(bestaande pagina's: {', '.join(sorted(known)[:6])}, ...)"))
            elif parts.fragment and target not in SCAN_ANCHORS_OK and parts.fragment not in anchors.get(target, {parts.fragment}):
                problems.append(Problem(page.source, line, f"link naar '{href}': het anker '#{parts.fragment}' "
                                                           f"bestaat niet op {target}"))
    return problems
