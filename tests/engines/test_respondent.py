"""A respondent in Firefox and in WebKit: the whole scan to a result the real engine computes, the scan found again
after a reload, a reload without a network after one visit, and the report on paper."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader

from scoring_py import score
from sitegen.model import load_model
from sitegen.views import parts_in_order
from tests.browser.test_print_running import today

from .conftest import PROJECT, cannot
from .driver import Page

MODEL = load_model(PROJECT / "model" / "semm.yaml")
# The same hand-checked answers as tests/browser/test_scan_journey.py: element 3 is the weakest link (phase 2).
ASPECTS = {"e1a": 4, "e1b": 5, "e2a": 3, "e2b": 4, "e3a": 2, "e3b": 3, "e4a": 4, "e4b": 4, "e5a": 5, "e5b": 5,
           "e6a": 4, "e6b": 3, "e7a": 4, "e7b": 4, "e8a": 5, "e8b": 4, "e9a": 4, "e9b": 4}
RESULTS = {"ra": 2, "rb": 1, "rc": 3, "rd": 0}
LEVELS = {level["id"]: level["name"] for level in MODEL["result_levels"]["items"]}
NOTE = "Besproken in het MT van maart"
ANNA = PROJECT / "tests" / "fixtures" / "team" / "anna.json"

# Resolves once a service worker controls the page: it has copied every file of the build and taken over.
CONTROLLED = """if (navigator.serviceWorker.controller) done(true);
navigator.serviceWorker.addEventListener("controllerchange", () => done(true));
setTimeout(() => done(false), 25000);"""


def next_step(page: Page) -> None:
    page.role("link", "Volgende").click()


def words_of(page: Page, selector: str) -> str:
    return " ".join(page.css(selector).text.split())


def test_whole_scan_to_the_result_and_back(page: Page):
    page.goto("semm/scan.html")
    page.see("Element 1 van 9")
    for element in parts_in_order(dict(MODEL)):  # dimension by dimension, as the scan asks them
        page.role("heading", element["name"])
        for aspect in element["aspects"]:
            page.choose(aspect["name"], f"Fase {ASPECTS[aspect['id']]}")
        if element["id"] == "e3":
            page.fill("Notitie bij dit element", NOTE)
        next_step(page)
    page.role("heading", "Resultaatgebieden", exact=True)
    for area in MODEL["result_areas"]:
        page.choose(area["name"], LEVELS[RESULTS[area["id"]]])
    next_step(page)

    page.see("Je hebt alles ingevuld.")
    page.wait_for_engine()
    page.see("Tussenstand: fase 2 · Pioniersfase")  # computed by Pyodide in this engine's worker
    page.follow("Bekijk je uitslag", exact=False)
    assert page.url.endswith("/resultaat.html")
    page.wait_for_engine()

    expected = score(MODEL, {"model": "semm", "aspects": ASPECTS, "results": RESULTS})
    assert expected["overall"]["phase"] == 2 and expected["overall"]["weakest"] == ["e3"]
    page.role("heading", "Fase 2: Pioniersfase", exact=True)
    page.see("Alles ingevuld")
    assert "Voorlopige uitslag" not in page.text()
    strongest = expected["elements"][4]
    assert words_of(page, "[data-field=weakest]") == "3. Leiderschap en management commitment · fase 2"
    assert words_of(page, "[data-field=strongest]") == f"5. {strongest['name']} · fase 5"
    page.see(expected["next_steps"][0]["description"])
    page.see(NOTE)
    page.role("img", "Fase per element")

    page.goto("semm/scan.html#e1")
    page.role("heading", MODEL["elements"][0]["name"])
    checked = page.evaluate("return [...document.querySelectorAll('input[type=radio]:checked')].map(r => r.id)")
    assert sorted(checked) == sorted([f"{k}-{v}" for k, v in {**ASPECTS, **RESULTS}.items()])
    assert page.evaluate("return document.querySelector('#notitie-e3').value") == NOTE


def test_after_one_visit_the_scan_works_without_a_network(page: Page, site):
    page.goto("semm/scan.html")
    page.wait_for_engine()
    assert page.evaluate_async(CONTROLLED), f"geen service worker nam de pagina over in {page.engine}"

    site.stop()  # from now on every request to the server fails, as without a network
    page.reload()
    page.wait_for_engine()
    page.choose("Ideale klantbeleving", "Fase 2")
    page.see("Tussenstand: fase 2")
    page.choose("Ideale klantbeleving", "Fase 4")
    page.see("Tussenstand: fase 4")
    page.follow("Uitslag")
    page.wait_for_engine()
    page.role("heading", "Fase 4: Structuurfase", exact=True)
    page.follow("Uitleg")
    page.role("heading", "Uitleg")


def import_anna(page: Page) -> None:
    """Read in an export file on "Mijn scans", as a respondent who comes back with their file."""
    page.goto("semm/scans.html")
    page.upload("Kies een exportbestand", str(ANNA))
    page.see("Het bestand is ingelezen als scan Scan Anna")


def test_the_result_prints_as_a_report(page: Page):
    cannot(page, "print")
    import_anna(page)
    page.goto("semm/resultaat.html")
    page.wait_for_engine()
    anna = json.loads(ANNA.read_text(encoding="utf-8"))
    expected = score(MODEL, {key: anna[key] for key in ("model", "aspects", "results")})
    heading = f"Fase {expected['overall']['phase']}: {expected['overall']['phase_name']}"
    page.role("heading", heading, exact=True)

    pages = [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.print_pdf())).pages]
    text = " ".join(" ".join(pages).split())
    assert 1 <= len(pages) <= 4, f"{len(pages)} pagina's in {page.engine}"
    for shown in ("Scan Anna", "Anna", "Klantcontact", heading, "Volgende stappen"):
        assert shown in text, f"'{shown}' staat niet op papier in {page.engine}"
    for hidden in ("Kies of wijzig je ambitie", "Toon als tabel", "Exporteer"):
        assert hidden not in text, f"'{hidden}' staat op papier in {page.engine}"
    # Every sheet says whose scan it is and the day, in running text (not in Chromium's margin boxes alone).
    day = today()
    for number, sheet in enumerate(pages, 1):
        sheet_text = " ".join(sheet.split())
        assert "Scan Anna" in sheet_text and day in sheet_text, f"blad {number} in {page.engine}: {sheet_text[:160]}"

