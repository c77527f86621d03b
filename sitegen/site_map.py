"""The site's pages, one row each: the one English name code uses for a page, the Dutch file a visitor sees, its
template and script, its label in the menu or the footer, its title. The menu, the footer, the links between pages
and each page's script are derived from this table (navigation.py, pages.py), so a page is renamed in one place.

Site pages sit at the root; the pages of a scan in the folder of its model (`semm/resultaat.html`); a part's page in
the model's `elementen/` folder. Titles and summaries of site pages come from their Markdown front matter.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .i18n import N_

Where = Literal["site", "model"]


@dataclass(frozen=True)
class PageKind:
    """What every page of one kind shares."""

    name: str  # the page's one name in code: a template's `links.<name>`, OutputPage.nav, ...
    file: str  # where it is published, in the site's root or in the model's folder: the Dutch URL
    where: Where
    template: str
    script: str = "page.js"  # its module in assets/js/
    menu: str | None = None  # its label in the main menu (texts in Dutch, marked for the catalog: navigation.py
    # and pages.py translate them into the page's language)
    footer: str | None = None  # its label in the footer
    title: str = ""  # for a model page; a site page takes its title from its content
    summary: str = ""  # the page's description; "{short_name}" is the model's short name
    content: str | None = None  # the Markdown page it shows (content/<content>.md)
    engine: bool = False  # does the page start the scoring engine?
    early_engine: bool = False  # ... at once, while the page is parsed (a page that always needs it)


PAGES: tuple[PageKind, ...] = (
    PageKind("index", "index.html", "site", "index.html", menu=N_("Start"), content="index"),
    PageKind("explanation", "uitleg.html", "model", "explanation.html", menu=N_("Uitleg")),
    PageKind("scan", "scan.html", "model", "scan.html", "scan.js", menu=N_("Scan"), title=N_("De scan"),
             summary=N_("Vul de {short_name}-scan in."), engine=True, early_engine=True),
    PageKind("result", "resultaat.html", "model", "result.html", "result.js", menu=N_("Uitslag"),
             title=N_("Je uitslag"),
             summary=N_("De uitslag van je scan."), engine=True),
    PageKind("plan", "plan.html", "model", "plan.html", "plan.js", menu=N_("Plan"),
             title=N_("Je ontwikkelplan"),
             summary=N_("Wat je organisatie als eerste kan oppakken om haar ambitie te halen."), engine=True),
    PageKind("history", "metingen.html", "model", "history.html", "history.js", menu=N_("Metingen"),
             title=N_("Je metingen"),
             summary=N_("Bewaar je scan als meting en vergelijk hem later met een nieuwe."), engine=True),
    PageKind("scans", "scans.html", "model", "scans.html", "scans.js", menu=N_("Mijn scans"),
             title=N_("Mijn scans"),
             summary=N_("Je scans in deze browser: openen, hernoemen, verwijderen en inlezen."), engine=True),
    PageKind("team", "team.html", "model", "team.html", "team.js", menu=N_("Team"), title=N_("Team"),
             summary=N_("Zet de scans van meerdere mensen of afdelingen naast elkaar."), engine=True),
    PageKind("element", "elementen/{id}.html", "model", "element.html"),
    PageKind("privacy", "privacy.html", "site", "privacy.html", "privacy.js", footer=N_("Privacy"),
             content="privacy"),
    PageKind("accessibility", "toegankelijkheid.html", "site", "page.html", footer=N_("Toegankelijkheid"),
             content="toegankelijkheid"),
    PageKind("colophon", "colofon.html", "site", "colophon.html", footer=N_("Colofon"), content="colofon"),
)
BY_NAME = {page.name: page for page in PAGES}
SITE_CONTENT: tuple[str, ...] = tuple(kind.content for kind in PAGES if kind.content)
"""The Markdown pages every site needs (content/<name>.md)."""


def page(name: str) -> PageKind:
    """The kind of page with this name."""
    return BY_NAME[name]


def model_folder(model: Mapping[str, Any]) -> str:
    """Where the pages of a model's scan are in dist/: the folder named after its id, and for a translation of it
    the folder of its language inside (semm/en, sitegen/editions.py)."""
    return str(model.get("folder") or model["id"])


def part_page(folder: str, part_id: str) -> str:
    """The path in dist/ of one part's page, in the scan at `folder`."""
    return f"{folder}/{page('element').file.format(id=part_id)}"


def links(here: str, folder: str) -> dict[str, str]:
    """Every page's address as seen from the page at `here` (its path in dist/, such as 'semm/resultaat.html'), for
    the scan in `folder` (model_folder): relative, so the site works under any URL subpath. The part pages are left
    out, they take an id."""
    base = posixpath.dirname(here) or "."
    return {kind.name: posixpath.relpath(kind.file if kind.where == "site" else f"{folder}/{kind.file}", base)
            for kind in PAGES if "{" not in kind.file}
