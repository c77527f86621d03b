"""The site's menu and footer: which pages they lead to and what they are called, in one place.

Site pages sit at the root; the pages of a scan in the folder of its model. Links are relative, so the site works
under any URL subpath: `root` is the way back to the site root, `model_root` the way to the model's folder.
"""

from __future__ import annotations

from typing import Literal, TypedDict

# (key, where the page lives, file, label); `key` is what a page names as its current menu item (OutputPage.nav).
MENU: list[tuple[str, Literal["site", "model"], str, str]] = [
    ("index", "site", "index.html", "Start"),
    ("uitleg", "model", "uitleg.html", "Uitleg"),
    ("scan", "model", "scan.html", "Scan"),
    ("resultaat", "model", "resultaat.html", "Uitslag"),
    ("plan", "model", "plan.html", "Plan"),
    ("metingen", "model", "metingen.html", "Metingen"),
    ("scans", "model", "scans.html", "Mijn scans"),
    ("team", "model", "team.html", "Team"),
]
FOOTER = [("privacy.html", "Privacy"), ("toegankelijkheid.html", "Toegankelijkheid"), ("colofon.html", "Colofon")]


class Link(TypedDict):
    url: str
    label: str


class MenuItem(Link):
    current: bool  # the page the visitor is on (aria-current)


def menu_items(root: str, model_root: str, current: str) -> list[MenuItem]:
    """The main menu as a page shows it; `current` is the page's own menu key."""
    return [{"url": (root if where == "site" else model_root) + file, "label": label, "current": key == current}
            for key, where, file, label in MENU]


def footer_links(root: str) -> list[Link]:
    """The links at the foot of every page."""
    return [{"url": root + file, "label": label} for file, label in FOOTER]
