"""What goes wrong, in Firefox and in WebKit: a storage that is really full, a stored scan that cannot be read, and
files from other people that are hostile, and one whose every text is a script. Each engine raises its own errors and parses JSON its own way."""

from __future__ import annotations

import json

from selenium.webdriver.common.by import By

from sitegen.model import load_model
from tests.browser.test_hostile_files import ANNA, HOSTILE, PAYLOAD
from tests.browser.test_storage import PREFIX, one_scan

from .conftest import PROJECT
from .driver import Page, wait

MODEL = load_model(PROJECT / "model" / "semm.yaml")

# Fill this origin's localStorage until the browser refuses more, whatever its quota: the engine's own
# QuotaExceededError, not a stand-in. Halving the piece that does not fit leaves less than one character free.
FILL = """let piece = 1 << 22, count = 0;
while (piece >= 1) {
  try { localStorage.setItem("vulling-" + count, "x".repeat(piece)); count += 1; }
  catch (error) { if (error.name !== "QuotaExceededError") return error.name; piece = Math.floor(piece / 2); }
}
try { localStorage.setItem("proef", "1"); return "er past nog iets"; } catch (error) { return error.name; }"""


def fill_the_storage(page: Page) -> None:
    page.goto("colofon.html")
    assert page.evaluate(FILL) == "QuotaExceededError"


def test_a_full_storage_warns_offers_the_export_and_keeps_the_answers(page: Page):
    fill_the_storage(page)
    try:
        page.goto("semm/scan.html#e1")
        page.choose("Ideale klantbeleving", "Fase 4")
        warning = page.role("alert", "")
        page.see("opslaan in deze browser lukt niet", warning)
        page.role("button", "Bewaar je antwoorden als bestand (JSON)", warning)
        page.fill("Notitie bij dit element", "Alleen in dit venster")
        page.role("link", "Volgende: 6.").click()  # the dimension of element 1 goes on with element 6
        page.choose(MODEL["elements"][5]["aspects"][0]["name"], "Fase 3")
        page.role("link", "1.", page.role("navigation", "Onderdelen van de scan")).click()
        page.role("heading", MODEL["elements"][0]["name"])
        assert page.evaluate("return document.querySelector('#e1a-4').checked")
        assert page.evaluate("return document.querySelector('#notitie-e1').value") == "Alleen in dit venster"
        page.wait_for_engine()
        page.see("Tussenstand: fase")  # the engine still computes from the answers kept in the page
        assert not [key for key in page.storage() if key.startswith(PREFIX)]
    finally:
        page.evaluate("localStorage.clear()")  # Firefox counts one quota for every port of 127.0.0.1


def test_an_unreadable_scan_is_kept_offered_and_the_page_still_works(page: Page):
    raw = '{"schema": 1, "id": "sm1abcd1234", "aspe'
    page.goto("colofon.html")
    page.evaluate("for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);", one_scan(raw))
    page.goto("semm/scan.html")
    page.see("De scan Team Noord was niet te lezen. Je kunt hem hier niet meer openen.", page.role("alert", ""))
    assert [value for key, value in page.storage().items() if key.startswith(PREFIX + "onleesbaar:")] == [raw]
    page.choose("Ideale klantbeleving", "Fase 2")  # the page works: a new scan
    page.see("Open scan: Mijn scan")


def test_hostile_files_get_their_message_then_script_payloads_stay_text(page: Page, tmp_path):
    page.goto("semm/scan.html")
    page.choose("Ideale klantbeleving", "Fase 2")
    page.goto("semm/scans.html")
    page.wait_for_engine()
    before = page.storage()
    for name, content, message in HOSTILE:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.upload("Kies een exportbestand", str(path))
        alert = page.css("[data-import-error]")
        page.see(f"{name}: Dit bestand kan niet worden ingelezen. Er is niets veranderd.", alert)
        page.see(message, alert)
        assert page.storage() == before, f"{name} veranderde de opslag in {page.engine}"

    hostile = {**ANNA, "scan": {"name": PAYLOAD, "created": "2025-01-01", "updated": "2025-01-02"},
               "respondent": {"name": PAYLOAD, "role": PAYLOAD, "unit": PAYLOAD}, "notes": {"e1": PAYLOAD}}
    path = tmp_path / "aanval.json"
    path.write_text(json.dumps(hostile), encoding="utf-8")
    page.upload("Kies een exportbestand", str(path))
    page.see("Het bestand is ingelezen als scan")
    wait(lambda: PAYLOAD in [name.text for name in page.driver.find_elements(By.CSS_SELECTOR, ".scan-name")],
         f"de naam staat er als tekst in {page.engine}")
    page.goto("semm/resultaat.html")
    page.wait_for_engine()
    page.see(PAYLOAD, page.css("[data-list=notes]"))
    assert page.evaluate("return window.__geraakt") is None
    assert page.evaluate("return document.querySelectorAll('main img[src=x], main script:not([src])').length") == 0
