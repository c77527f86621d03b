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
MENU_BUTTON = "Menu"  # the button that opens the menu on a narrow screen
FOOTER = [("privacy.html", "Privacy"), ("toegankelijkheid.html", "Toegankelijkheid"), ("colofon.html", "Colofon")]


class Link(TypedDict):
    url: str
    label: str


class MenuItem(Link):
    current: bool  # the page the visitor is on (aria-current)


class Menu(TypedDict):
    """The main menu of one page. On a narrow screen it folds behind one button, which names the current page."""

    items: list[MenuItem]
    button: str
    here: str | None  # the label of the page's own item ("Uitslag"); None on a page the footer leads to


def menu_items(root: str, model_root: str, current: str) -> list[MenuItem]:
    """The main menu's links as a page shows them; `current` is the page's own menu key."""
    return [{"url": (root if where == "site" else model_root) + file, "label": label, "current": key == current}
            for key, where, file, label in MENU]


def page_menu(root: str, model_root: str, current: str) -> Menu:
    """The main menu of a page, with what its button on a narrow screen says."""
    items = menu_items(root, model_root, current)
    return {"items": items, "button": MENU_BUTTON,
            "here": next((item["label"] for item in items if item["current"]), None)}


def footer_links(root: str) -> list[Link]:
    """The links at the foot of every page."""
    return [{"url": root + file, "label": label} for file, label in FOOTER]
