"""Check every link in the content pages against the pages the site will really have."""

from __future__ import annotations

import posixpath
from collections.abc import Set
from urllib.parse import urlsplit

from .content import Page, collect_ids
from .errors import Problem
from .i18n import _


def site_anchors(rendered: dict[str, bytes]) -> dict[str, set[str]]:
    """Every HTML page of the rendered site with the ids in it, including those the templates add."""
    return {path: collect_ids(html.decode("utf-8")) for path, html in rendered.items() if path.endswith(".html")}


def check_links(pages: dict[str, Page], anchors: dict[str, set[str]], set_aside: Set[str] = frozenset(),
                allowed: Set[str] = frozenset()) -> list[Problem]:
    """A broken internal link or anchor is an error with file and line; other origins are not allowed.

    `anchors` maps every page of the rendered site to its ids, so links into template-made headings work too.
    A link into the folder of a model that is `set_aside` (not built in this preview) is a warning. A link (not an
    image) to an address in `allowed`, a model's source or licence, may leave the scan.
    """
    known = set(anchors)
    problems = []
    for name, page in pages.items():
        for href, line in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel"):
                continue
            if (parts.scheme or parts.netloc) and href in allowed and href not in page.images:
                continue  # a model's source or licence: shown as leaving the scan, loading nothing
            if parts.scheme or parts.netloc:
                problems.append(Problem(page.source, line, _(
                    "link naar een andere website '%(href)s': de scan laadt niets van buiten; noem het adres als tekst "
                    "(alleen een link naar de bron of de licentie van een model mag: 'source.url' of "
                    "'source.license.url')") % {"href": href}))
                continue
            here = f"{name}.html"
            # Links are relative to the page's own folder, as the browser reads them.
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path)) if parts.path else here
            if target.split("/")[0] in set_aside:
                problems.append(Problem(page.source, line, _(
                    "link naar '%(href)s': dat model bouw je nu niet mee, dus werkt de link alleen in de volledige "
                    "site") % {"href": href}, warning=True))
            elif target not in known:
                problems.append(Problem(page.source, line, _(
                    "link naar '%(href)s': die pagina bestaat niet (bestaande pagina's: %(pages)s, ...)") % {
                    "href": href, "pages": ", ".join(sorted(known)[:6])}))
            elif parts.fragment and parts.fragment not in anchors[target]:
                problems.append(Problem(page.source, line, _(
                    "link naar '%(href)s': het anker '#%(anchor)s' bestaat niet op %(page)s") % {
                    "href": href, "anchor": parts.fragment, "page": target}))
    return problems


def source_addresses(models: list[dict]) -> set[str]:
    """The addresses of the models' sources and licences: the only other websites a content page may link to."""
    found = set()
    for model in models:
        source = model["source"]
        found |= {source["url"], source["license"]["url"] if source["license"] else ""}
    return {address for address in found if address}
