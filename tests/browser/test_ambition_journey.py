"""Steps 2 to 4 of the guide in the browser: set an ambition, read the plan, keep measurements, measure again, compare.

Hand-checked case (SEMM): the answers of test_scan_journey give elements e1..e9 the phases 4, 3, 2, 4, 5, 3, 4, 4, 4
(overall 2, weakest link e3). With ambition fase 4 for all and fase 5 for e1, the gaps are e1 1, e2 1, e3 2, e6 1
and none elsewhere, so the plan reads: e3 (weakest link), then e1, e2, e6 (gap 1 each, in model order).
The second measurement changes e3a 2->4, e3b 3->4, e6b 3->5 and e5a 5->3: e3 goes 2 -> 4, e6 3 -> 4, e5 5 -> 3,
and the organisation goes from fase 2 to fase 3 (now e2 and e5 are the weakest).
"""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import wait_for_engine
from .test_accessibility import axe_violations
from .test_scan_journey import ASPECTS, MODEL, RESULTS

NAMES = {e["id"]: f"{i + 1}. {e['name']}" for i, e in enumerate(MODEL["elements"])}
ASPECT_NAMES = {a["id"]: a["name"] for e in MODEL["elements"] for a in e["aspects"]}
CHANGES = {"e3a": 4, "e3b": 4, "e6b": 5, "e5a": 3}


def fill_scan(page, semm_url, answers, results) -> None:
    page.goto(semm_url + "scan.html")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    for number in range(1, 10):
        steps.get_by_role("link", name=f"{number}.").click()
        for suffix in "ab":
            page.locator(f"#e{number}{suffix}-{answers[f'e{number}{suffix}']}").check()
    steps.get_by_role("link", name="Resultaatgebieden").click()
    for area, level in results.items():
        page.locator(f"#{area}-{level}").check()


def ambition(page, name):
    return page.get_by_role("combobox", name=name, exact=True)


def row_cells(table, name):
    return table.get_by_role("row", name=name).get_by_role("cell")


def test_ambition_plan_measure_again_and_compare(page, semm_url):
    fill_scan(page, semm_url, ASPECTS, RESULTS)

    # Step 2: the ambition, in the form beside the chart: first one value for all elements, then one element higher.
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-field=ambition-overall]")).to_have_text("Nog niet gekozen.")
    page.get_by_text("Kies of wijzig je ambitie per element").click()
    expect(page.get_by_text("Veel organisaties kiezen voor fase 4")).to_be_visible()
    page.get_by_label("Eén ambitie voor alle elementen").select_option("4")
    page.get_by_role("button", name="Voor alle elementen invullen").click()
    status = page.locator("[data-ambition-status]")
    expect(status).to_have_text("Fase 4 is nu de ambitie voor alle elementen. Dit is bewaard in deze browser.")
    expect(status).to_have_attribute("role", "status")
    ambition(page, NAMES["e1"]).select_option("5")
    expect(status).to_have_text("Je ambitie is bewaard in deze browser.")
    page.get_by_text("Kies of wijzig je ambitie per resultaatgebied").click()
    ambition(page, "a. Excellente serviceprestaties").select_option("2")

    page.get_by_text("Toon als tabel: fase en ambitie per element").click()
    gaps = page.get_by_role("table", name="Fase en ambitie per element")
    expect(row_cells(gaps, NAMES["e1"])).to_have_text(["4 · Structuurfase", "Ideale klantbeleving: 4; Klantfeedback (klachten, wensen, opmerkingen): 5",
                                                       "fase 5 · Cultuurfase", "nog 1 fase te gaan"])
    expect(row_cells(gaps, NAMES["e3"]).nth(2)).to_have_text("fase 4 · Structuurfase")
    expect(row_cells(gaps, NAMES["e3"]).last).to_have_text("nog 2 fasen te gaan")
    expect(row_cells(gaps, NAMES["e4"]).last).to_have_text("ambitie gehaald")
    expect(row_cells(gaps, NAMES["e5"]).last).to_have_text("1 fase verder dan je ambitie")
    page.get_by_text("Toon als tabel: niveau en ambitie per resultaatgebied").click()
    areas = page.get_by_role("table", name="Niveau en ambitie per resultaatgebied")
    expect(row_cells(areas, "a. Excellente serviceprestaties")).to_have_text(["Inzicht", "Inzicht", "ambitie gehaald"])
    expect(row_cells(areas, "b. Enthousiaste en loyale klanten").last).to_have_text("geen ambitie gekozen")
    expect(page.locator("[data-field=ambition-overall]")).to_have_text("fase 4 · Structuurfase (nog 2 fasen te gaan)")
    chart = page.get_by_role("img", name="Fase per element")
    expect(chart).to_be_visible()
    expect(chart.locator("[data-target=e3]")).to_be_visible()
    expect(chart.locator("[data-target-label=e3]")).to_have_text("ambitie fase 4: nog 2")
    expect(chart.locator("[data-target-label=e4]")).to_have_text("ambitie fase 4: gehaald")
    assert axe_violations(page) == []

    # The ambition is kept: after a reload the choices are still there.
    page.reload()
    wait_for_engine(page)
    expect(page.locator("[data-field=ambition-overall]")).to_have_text("fase 4 · Structuurfase (nog 2 fasen te gaan)")
    page.get_by_role("link", name="Wijzig je ambitie").click()  # the summary's link opens the form
    expect(ambition(page, NAMES["e1"])).to_have_value("5")
    expect(ambition(page, NAMES["e9"])).to_have_value("4")

    # Step 3: the plan, in the hand-checked order, with the next step per aspect.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plan").click()
    wait_for_engine(page)
    items = page.locator("[data-list=priorities] > li")
    expect(items.locator("h3")).to_have_text([f"Element {n}: {MODEL['elements'][n - 1]['name']}" for n in (3, 1, 2, 6)])
    expect(items.first.get_by_text("Zwakste schakel")).to_be_visible()
    expect(items.first.locator(".plan-steps strong")).to_have_text([
        f"{ASPECT_NAMES['e3a']}: van fase 2 naar fase 3 · Visie- en designfase",
        f"{ASPECT_NAMES['e3b']}: van fase 3 naar fase 4 · Structuurfase"])
    e3a = MODEL["elements"][2]["aspects"][0]["phases"]
    expect(items.first.get_by_text(e3a[2], exact=True)).to_be_visible()  # the description of fase 3
    expect(items.nth(1).locator(".plan-steps strong")).to_have_text([f"{ASPECT_NAMES['e1a']}: van fase 4 naar fase 5 · Cultuurfase"])
    expect(items.nth(3).locator(".plan-steps strong")).to_have_text([f"{ASPECT_NAMES['e6b']}: van fase 3 naar fase 4 · Structuurfase"])
    expect(page.locator("[data-list=strengths] li")).to_have_text([f"{NAMES['e5']} (fase 5 · Cultuurfase)"])
    expect(page.get_by_role("heading", name="Resultaatgebieden")).to_be_hidden()  # ra reached Inzicht already
    assert axe_violations(page) == []

    # Step 4: keep this scan as a measurement.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Metingen").click()
    wait_for_engine(page)
    expect(page.get_by_text("Je hebt nog geen metingen bewaard.")).to_be_visible()
    page.get_by_label("Naam van de meting").fill("Nulmeting")
    page.get_by_label("Naam van de meting").press("Enter")
    expect(page.locator("[data-keep-status]")).to_contain_text("Bewaard: Nulmeting")
    saved = page.get_by_role("table", name="Bewaarde metingen, de nieuwste onderaan")
    expect(row_cells(saved, "Nulmeting").nth(1)).to_have_text("fase 2 · Pioniersfase")
    expect(page.get_by_label("Naam van de meting")).to_have_value("Meting 2")

    # Open it read-only.
    page.get_by_role("button", name="Bekijk Nulmeting").click()
    heading = page.get_by_role("heading", level=2, name="Meting: Nulmeting")
    expect(heading).to_be_focused()
    view = page.get_by_role("table", name="Fase per element in deze meting (alleen lezen)")
    expect(row_cells(view, NAMES["e3"]).first).to_have_text("fase 2 · Pioniersfase")
    assert page.locator("[data-view-section] input, [data-view-section] select").count() == 0

    # A new measurement starts from the last one; change some answers and keep it too.
    page.get_by_role("button", name="Begin een nieuwe meting").click()
    page.wait_for_url("**/scan.html#e1")
    expect(page.locator("#e1a-4")).to_be_checked()
    for aspect, phase in CHANGES.items():
        page.goto(semm_url + f"scan.html#{aspect[:2]}")
        page.locator(f"#{aspect}-{phase}").check()
    page.goto(semm_url + "metingen.html")
    wait_for_engine(page)
    page.get_by_label("Naam van de meting").fill("Na een jaar")
    page.get_by_role("button", name="Bewaar als meting").click()
    expect(row_cells(saved, "Na een jaar").nth(1)).to_have_text("fase 3 · Visie- en designfase")

    # Compare the two: the defaults are the last two kept measurements.
    expect(page.get_by_label("Eerste meting")).to_have_value(page.locator("[data-compare-first] option").first.get_attribute("value"))
    page.get_by_label("Eerste meting").select_option(label=page.locator("[data-compare-first] option", has_text="Nulmeting").text_content())
    page.get_by_label("Tweede meting").select_option(label=page.locator("[data-compare-second] option", has_text="Na een jaar").text_content())
    page.get_by_role("button", name="Vergelijk", exact=True).click()
    expect(page.get_by_text("Fase van je organisatie: van fase 2 · Pioniersfase naar fase 3 · Visie- en designfase. "
                            "Dat is 1 fase hoger.")).to_be_visible()
    expect(page.get_by_text("Elementen: 2 hoger, 1 lager, 6 gelijk. Aspecten: 3 hoger, 1 lager, 14 gelijk.")).to_be_visible()
    changes = page.get_by_role("table", name="Verandering per element")
    expected = {"e3": ("fase 2 · Pioniersfase", "fase 4 · Structuurfase", "2 fasen hoger"),
                "e5": ("fase 5 · Cultuurfase", "fase 3 · Visie- en designfase", "2 fasen lager"),
                "e6": ("fase 3 · Visie- en designfase", "fase 4 · Structuurfase", "1 fase hoger")}
    for element_id, name in NAMES.items():
        want = expected.get(element_id)
        if want:
            expect(row_cells(changes, name)).to_have_text(list(want))
        else:
            expect(row_cells(changes, name).last).to_have_text("gelijk")
    per_aspect = page.get_by_role("table", name="Verandering per aspect")
    expect(per_aspect.get_by_role("row", name=ASPECT_NAMES["e3a"]).get_by_role("cell").last).to_have_text("2 fasen hoger")
    expect(per_aspect.get_by_role("row", name=ASPECT_NAMES["e3b"]).get_by_role("cell").last).to_have_text("1 fase hoger")
    expect(per_aspect.get_by_role("row", name=ASPECT_NAMES["e6b"]).get_by_role("cell").last).to_have_text("2 fasen hoger")
    expect(per_aspect.get_by_role("row", name=ASPECT_NAMES["e5a"]).get_by_role("cell").last).to_have_text("2 fasen lager")
    expect(page.locator("[data-compare-cell$='-change'].change-up")).to_have_count(2 + 3)
    expect(page.locator("[data-compare-cell$='-change'].change-down")).to_have_count(1 + 1)
    compare_chart = page.get_by_role("img", name="Fase per element in de twee metingen")
    expect(compare_chart).to_be_visible()
    assert float(page.locator("[data-after=e3]").get_attribute("width")) > float(page.locator("[data-before=e3]").get_attribute("width"))
    assert axe_violations(page) == []


def test_plan_without_ambition_points_to_the_result(page, semm_url):
    fill_scan(page, semm_url, ASPECTS, RESULTS)
    page.goto(semm_url + "plan.html")
    wait_for_engine(page)
    expect(page.get_by_text("Je hebt nog geen ambitie gekozen.")).to_be_visible()
    expect(page.get_by_role("link", name="Kies je ambitie")).to_have_attribute("href", "resultaat.html#ambitie")
    assert axe_violations(page) == []


def test_empty_plan_and_measurements_pages(page, semm_url):
    page.goto(semm_url + "plan.html")
    expect(page.get_by_text("Je hebt in deze browser nog niets ingevuld.")).to_be_visible()
    page.goto(semm_url + "metingen.html")
    page.get_by_role("button", name="Bewaar als meting").click()
    expect(page.locator("[data-keep-status]")).to_have_text(
        "Je hebt nog niets ingevuld. Doe eerst de scan; daarna kun je hem hier bewaren.")
    expect(page.get_by_role("heading", name="Vergelijk twee metingen")).to_be_hidden()
