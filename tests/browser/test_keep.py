"""Stored work survives the browser's policies: the scan asks for persistent storage once there is something to keep,
and where the browser does not grant it (or in Safari, which deletes a site's data after seven days without a
visit) the result page and "Mijn scans" say so once, quietly, and offer the export file with the date of the last
export. Chromium's navigator.storage is stubbed before the page's scripts run: granted, or refused."""

from __future__ import annotations

import datetime
import json

import pytest
from playwright.sync_api import expect

from .conftest import current_record, wait_for_engine
from .test_result_page import MONTHS, SCAN_NAME, full_record, seed

# persist() and persisted() as a browser answers them; `__asked` counts the requests made on this page.
STUB = """(() => {
  let granted = %s;
  window.__asked = 0;
  navigator.storage.persisted = async () => granted;
  navigator.storage.persist = async () => { window.__asked += 1; granted = %s; return granted; };
})();"""
REFUSED = STUB % ("false", "false")
GRANTED = STUB % ("true", "true")
SAFARI = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
          "Safari/605.1.15")
NOTE = "Je scan later terugvinden"


def today() -> str:
    day = datetime.date.today()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def note(page):
    return page.get_by_role("region", name=NOTE)


def no_dialogs(page) -> list[str]:
    """The messages of every dialog the page opens (each dismissed); nothing here may open one."""
    shown: list[str] = []

    def dismiss(dialog) -> None:
        shown.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return shown


def test_persistent_storage_is_asked_for_once_there_is_something_to_keep(page, semm_url):
    page.add_init_script(REFUSED)
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    assert page.evaluate("window.__asked") == 0  # nothing to keep yet, so nothing is asked
    page.get_by_role("group", name="Ideale klantbeleving").get_by_role("radio", name="Fase 3").check()
    page.wait_for_function("window.__asked === 1")
    page.get_by_role("group", name="Klantfeedback (klachten, wensen, opmerkingen)").get_by_role("radio", name="Fase 2").check()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__asked") == 1  # once per page, not on every answer


def test_where_storage_is_not_kept_one_note_offers_the_export_with_its_date(page, site_url):
    page.add_init_script(REFUSED)
    dialogs = no_dialogs(page)
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/resultaat.html")
    wait_for_engine(page)
    box = note(page)
    expect(box).to_be_visible()
    expect(box).to_contain_text("Deze browser heeft niet beloofd je scans te bewaren.")
    expect(box).to_contain_text("Bewaar dan een exportbestand. Dat bestand lees je later weer in op de pagina Mijn scans.")
    expect(box).to_contain_text(f"Je hebt {SCAN_NAME} nog niet geëxporteerd.")

    with page.expect_download() as download:
        box.get_by_role("button", name="Bewaar een exportbestand").click()
    assert download.value.suggested_filename.endswith(".json")
    expect(box).to_contain_text(f"Laatste export van {SCAN_NAME}: {today()}.")
    record = current_record(page)
    assert record["exported"].startswith(datetime.date.today().isoformat()[:4])
    assert record["updated"] == "2025-03-01T10:00:00.000Z"  # exporting does not change the scan
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert "exported" not in exported.get("scan", exported)  # the browser's own field stays in the browser

    page.reload()
    wait_for_engine(page)
    expect(note(page)).to_have_count(1)
    expect(note(page)).to_contain_text(f"Laatste export van {SCAN_NAME}: {today()}.")

    page.goto(site_url + "semm/scans.html")
    expect(note(page)).to_contain_text(f"Laatste export van {SCAN_NAME}: {today()}.")
    expect(page.locator(".scan-date")).to_contain_text(f"laatst geëxporteerd: {today()}")
    expect(page.get_by_text("Deze browser heeft beloofd")).to_be_hidden()
    assert dialogs == []


def test_an_export_from_the_exchange_panel_is_noted_too(page, site_url):
    page.add_init_script(REFUSED)
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/resultaat.html")
    wait_for_engine(page)
    expect(note(page)).to_contain_text("nog niet geëxporteerd")
    with page.expect_download():
        page.get_by_role("button", name="Exporteer (JSON)").click()
    expect(note(page)).to_contain_text(f"Laatste export van {SCAN_NAME}: {today()}.")


def test_where_storage_is_kept_there_is_no_note_and_mijn_scans_says_it_is_kept(page, site_url):
    page.add_init_script(GRANTED)
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-result-page]")).to_have_attribute("data-result-source", "engine")
    expect(note(page)).to_be_hidden()
    expect(page.get_by_text("Deze browser heeft beloofd")).to_be_hidden()  # the result page says nothing at all
    page.goto(site_url + "semm/scans.html")
    expect(page.get_by_text("Deze browser heeft beloofd je scans te bewaren: hij wist ze niet zelf.")).to_be_visible()
    expect(note(page)).to_be_hidden()


@pytest.mark.context_options(user_agent=SAFARI)
def test_in_safari_the_note_names_the_seven_days_even_when_storage_is_kept(page, site_url):
    page.add_init_script(GRANTED)
    seed(page, site_url, full_record("semm"))
    for path in ("semm/resultaat.html", "semm/scans.html"):
        page.goto(site_url + path)
        expect(note(page)).to_contain_text("wist je scans als je deze site 7 dagen niet opent.")
        expect(note(page)).to_contain_text(f"Je hebt {SCAN_NAME} nog niet geëxporteerd.")


def test_an_empty_browser_gets_no_note_and_is_not_asked(page, semm_url):
    page.add_init_script(REFUSED)
    page.goto(semm_url + "scans.html")
    expect(page.get_by_text("Er staat nog geen scan in deze browser.")).to_be_visible()
    expect(note(page)).to_be_hidden()
    assert page.evaluate("window.__asked") == 0
