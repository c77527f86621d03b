"""A respondent completes the whole scan by keyboard only, sees the correct result, and finds it all after reload."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from scoring_py import score
from sitegen.model import load_model
from sitegen.views import parts_in_order

from .conftest import PROJECT, wait_for_engine

MODEL = load_model(PROJECT / "model" / "semm.yaml")
# Hand-checked answers: element 3 (2 and 3) is the weakest link, so the organisation is in phase 2 overall;
# element 5 (5 and 5) is the strength. Result areas: Inzicht, Zicht, Doorzicht, Beperkt zicht.
ASPECTS = {"e1a": 4, "e1b": 5, "e2a": 3, "e2b": 4, "e3a": 2, "e3b": 3, "e4a": 4, "e4b": 4, "e5a": 5, "e5b": 5,
           "e6a": 4, "e6b": 3, "e7a": 4, "e7b": 4, "e8a": 5, "e8b": 4, "e9a": 4, "e9b": 4}
RESULTS = {"ra": 2, "rb": 1, "rc": 3, "rd": 0}
NOTE = "Besproken in het MT van maart"


def press_tab_until(page, locator, limit: int = 40) -> None:
    """Move focus with Tab only, as a keyboard user does, until the locator has it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab bereikt {locator} niet binnen {limit} stappen")


def choose_by_keyboard(page, group: str, position: int) -> None:
    """Tab into a radio group, select the first choice with Space, then move down with the arrow keys."""
    press_tab_until(page, page.locator(f"input[name={group}]").first)
    page.keyboard.press("Space")
    for _ in range(position):
        page.keyboard.press("ArrowDown")


def next_link(page):
    return page.locator("section.step:not([hidden])").get_by_role("link", name="Volgende")


def test_whole_scan_by_keyboard_then_result_and_restore(page, semm_url):
    page.goto(semm_url + "scan.html")
    expect(page.get_by_text("Element 1 van 9")).to_be_visible()
    phase_ids = [p["id"] for p in MODEL["phases"]["items"]]
    for element in parts_in_order(dict(MODEL)):  # dimension by dimension, as the scan asks them
        heading = page.get_by_role("heading", level=2, name=element["name"])
        expect(heading).to_be_visible()
        for aspect in element["aspects"]:
            choose_by_keyboard(page, aspect["id"], phase_ids.index(ASPECTS[aspect["id"]]))
        if element["id"] == "e3":
            press_tab_until(page, page.get_by_role("textbox", name="Notitie bij dit element"))
            page.keyboard.type(NOTE)
        press_tab_until(page, next_link(page))
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=2, name="Resultaatgebieden")).to_be_focused()
    for area in MODEL["result_areas"]:
        choose_by_keyboard(page, area["id"], RESULTS[area["id"]])
    press_tab_until(page, next_link(page))
    page.keyboard.press("Enter")

    overview = page.get_by_role("heading", level=2, name="Overzicht")
    expect(overview).to_be_focused()
    expect(page.get_by_text("Je hebt alles ingevuld.")).to_be_visible()
    wait_for_engine(page)
    expect(page.get_by_text("Tussenstand: fase 2 · Pioniersfase")).to_be_visible()

    press_tab_until(page, page.get_by_role("link", name="Bekijk je uitslag"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/resultaat.html")
    wait_for_engine(page)

    expected = score(MODEL, {"model": "semm", "aspects": ASPECTS, "results": RESULTS})
    assert expected["overall"]["phase"] == 2 and expected["overall"]["weakest"] == ["e3"]
    expect(page.get_by_role("heading", level=2, name="Fase 2: Pioniersfase")).to_be_visible()
    expect(page.get_by_text("Alles ingevuld", exact=True)).to_be_visible()
    expect(page.get_by_text("Voorlopige uitslag")).to_be_hidden()
    summary = page.locator("section.verdict")
    expect(summary.locator("[data-field=weakest]")).to_have_text("3. Leiderschap en management commitment · fase 2")
    expect(summary.locator("[data-field=strongest]")).to_have_text("5. " + MODEL["elements"][4]["name"] + " · fase 5")
    expect(summary.locator("[data-field=open]")).to_have_text("Niets: je hebt alles ingevuld.")
    page.get_by_text("Toon als tabel: fase en ambitie per element").click()
    table = page.get_by_role("table", name="Fase en ambitie per element")
    for scored in expected["elements"]:
        row = table.get_by_role("row", name=f"{scored['number']}. {scored['name']}")
        expect(row.get_by_role("cell").first).to_have_text(f"{scored['phase']} · {scored['phase_name']}")
    page.get_by_text("Toon als tabel: niveau en ambitie per resultaatgebied").click()
    areas = page.get_by_role("table", name="Niveau en ambitie per resultaatgebied")
    for scored_area in expected["result_areas"]:
        row = areas.get_by_role("row", name=f"{scored_area['letter']}. {scored_area['name']}")
        expect(row.get_by_role("cell").first).to_have_text(str(scored_area["level_name"]))
    next_step = expected["next_steps"][0]
    expect(page.get_by_text(next_step["description"])).to_be_visible()
    expect(page.get_by_text(NOTE)).to_be_visible()
    chart = page.get_by_role("img", name="Fase per element")
    expect(chart).to_be_visible()
    assert chart.locator("[data-bar=e5]").bounding_box()["width"] > chart.locator("[data-bar=e3]").bounding_box()["width"] > 0
    expect(chart.locator("[data-row=e3]").get_by_text("zwakste schakel")).to_be_visible()

    page.goto(semm_url + "scan.html#e1")
    for aspect_id, phase in ASPECTS.items():
        expect(page.locator(f"#{aspect_id}-{phase}")).to_be_checked()
    for area_id, level in RESULTS.items():
        expect(page.locator(f"#{area_id}-{level}")).to_be_checked()
    expect(page.locator("#notitie-e3")).to_have_value(NOTE)


def test_unknown_and_open_parts_give_a_provisional_result(page, semm_url):
    page.goto(semm_url + "scan.html#e2")
    page.get_by_role("group", name="Klantvisie").get_by_role("radio", name="Fase 3").check()
    page.get_by_role("group", name="Klantstrategie").get_by_role("radio", name="Weet ik niet").check()
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    expect(page.get_by_text("Voorlopige uitslag")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Fase 3: Visie- en designfase")).to_be_visible()
    missing = page.locator("[data-list=missing] li")
    expect(missing.filter(has_text="Klantstrategie")).to_have_count(1)
    expect(missing).to_have_count(17 + 4)


def cut_after(seconds: float):
    """A route handler that lets the download of the engine fail, at once or after a while."""
    def handler(route) -> None:
        time.sleep(seconds)
        route.abort()
    return handler


# Failing at once and failing late take different paths through Pyodide's loader (see engine-worker.js).
@pytest.mark.parametrize("delay", [0, 1.5], ids=["at-once", "late"])
def test_answering_works_while_the_engine_cannot_load(page, semm_url, delay):
    page.context.route("**/pyodide.asm.wasm", cut_after(delay))
    page.goto(semm_url + "scan.html")
    page.get_by_role("group", name="Ideale klantbeleving").get_by_role("radio", name="Fase 2").check()
    wait_for_engine(page, "error")
    expect(page.get_by_text("De rekenmodule kon niet starten.")).to_be_visible()
    page.reload()
    expect(page.locator("#e1a-2")).to_be_checked()


def test_empty_result_page_points_to_the_scan(page, semm_url):
    page.goto(semm_url + "resultaat.html")
    expect(page.get_by_text("Je hebt in deze browser nog niets ingevuld.")).to_be_visible()
    expect(page.get_by_role("link", name="Start de scan").last).to_have_attribute("href", "scan.html")
