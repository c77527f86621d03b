"""The site's menu and footer: which pages they lead to and what they are called, derived from the site map.

Links are relative to the page they are on (site_map.links), so the site works under any URL subpath.
"""

from __future__ import annotations

from typing import TypedDict

from .i18n import N_, _
from .site_map import PAGES, links

MENU_BUTTON = N_("Menu")  # the button that opens the menu on a narrow screen


class Link(TypedDict):
    url: str
    label: str


class MenuItem(Link):
    current: bool  # the page the visitor is on (aria-current)
    shared: bool  # a page of the whole site (in the site's language), not of the model's scan


class Menu(TypedDict):
    """The main menu of one page. On a narrow screen it folds behind one button, which names the current page."""

    items: list[MenuItem]
    button: str
    here: str | None  # the label of the page's own item ("Uitslag"); None on a page the footer leads to


def menu_items(here: str, folder: str, current: str) -> list[MenuItem]:
    """The main menu's links as the page at `here` shows them, for the scan in `folder`; `current` is the name of
    the page's own menu item."""
    urls = links(here, folder)
    return [{"url": urls[kind.name], "label": _(kind.menu), "current": kind.name == current,
             "shared": kind.where == "site"} for kind in PAGES if kind.menu]


def page_menu(here: str, folder: str, current: str) -> Menu:
    """The main menu of a page, with what its button on a narrow screen says."""
    items = menu_items(here, folder, current)
    return {"items": items, "button": _(MENU_BUTTON),
            "here": next((item["label"] for item in items if item["current"]), None)}


def footer_links(here: str) -> list[Link]:
    """The links at the foot of every page."""
    urls = links(here, "")
    return [{"url": urls[kind.name], "label": _(kind.footer)} for kind in PAGES if kind.footer]
