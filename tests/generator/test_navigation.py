"""Tests for sitegen/navigation.py: the main menu of a page, and what its button says on a narrow screen."""

from __future__ import annotations

from sitegen.navigation import footer_links, page_menu


def test_the_menu_marks_the_current_page_and_its_button_names_it() -> None:
    menu = page_menu("semm/resultaat.html", "semm", "result")

    assert [item["label"] for item in menu["items"]] == ["Start", "Uitleg", "Scan", "Uitslag", "Plan", "Metingen",
                                                         "Mijn scans", "Team"]
    assert [item["label"] for item in menu["items"] if item["current"]] == ["Uitslag"]
    assert menu["items"][0]["url"] == "../index.html" and menu["items"][3]["url"] == "resultaat.html"
    element = page_menu("semm/elementen/e1.html", "semm", "explanation")
    assert [item["url"] for item in element["items"][:3]] == ["../../index.html", "../uitleg.html", "../scan.html"]
    assert (menu["button"], menu["here"]) == ("Menu", "Uitslag")


def test_a_page_the_footer_leads_to_has_no_current_menu_item() -> None:
    menu = page_menu("privacy.html", "semm", "privacy")

    assert not any(item["current"] for item in menu["items"])
    assert menu["here"] is None
    assert [link["url"] for link in footer_links("privacy.html")] == ["privacy.html", "toegankelijkheid.html",
                                                                       "colofon.html"]
    assert footer_links("semm/scan.html")[0]["url"] == "../privacy.html"
