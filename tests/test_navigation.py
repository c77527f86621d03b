"""Tests for sitegen/navigation.py: the main menu of a page, and what its button says on a narrow screen."""

from __future__ import annotations

from sitegen.navigation import footer_links, page_menu


def test_the_menu_marks_the_current_page_and_its_button_names_it() -> None:
    menu = page_menu("../", "../semm/", "resultaat")

    assert [item["label"] for item in menu["items"]] == ["Start", "Uitleg", "Scan", "Uitslag", "Plan", "Metingen",
                                                         "Mijn scans", "Team"]
    assert [item["label"] for item in menu["items"] if item["current"]] == ["Uitslag"]
    assert menu["items"][0]["url"] == "../index.html" and menu["items"][3]["url"] == "../semm/resultaat.html"
    assert (menu["button"], menu["here"]) == ("Menu", "Uitslag")


def test_a_page_the_footer_leads_to_has_no_current_menu_item() -> None:
    menu = page_menu("", "semm/", "privacy")

    assert not any(item["current"] for item in menu["items"])
    assert menu["here"] is None
    assert [link["url"] for link in footer_links("")] == ["privacy.html", "toegankelijkheid.html", "colofon.html"]
