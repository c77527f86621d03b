"""One model in two languages (model/translations/semm.en.yaml): each page links to itself in the other language,
and a scan, an export or a share link made in one opens in the other, with the texts, the engine's messages, the
CSV and the share texts in the language of the page."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal
from playwright.sync_api import expect

from .conftest import current_record, wait_for_engine
from .test_exchange_journey import answer_a_few
from .test_print_running import sheets
from .test_result_page import SCAN_NAME, full_record, seed


def test_a_scan_begun_in_dutch_goes_on_in_english(page, semm_url):
    answer_a_few(page, semm_url)
    page.goto(semm_url + "scan.html#e1")
    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(semm_url + "en/scan.html#e1")
    assert page.evaluate("document.documentElement.lang") == "en"
    ideal = page.get_by_role("group", name="Ideal customer experience")
    expect(ideal.get_by_role("radio", name="Phase 4")).to_be_checked()
    page.get_by_role("group", name="Customer feedback (complaints, wishes, comments)").get_by_role(
        "radio", name="Phase 2").check()
    page.get_by_role("link", name="Result", exact=True).click()
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^Phase \d: "))).to_be_visible()

    page.get_by_role("link", name="Nederlands").click()
    expect(page).to_have_url(semm_url + "resultaat.html")
    assert current_record(page)["aspects"] == {"e1a": 4, "e1b": 2}


def test_a_share_link_made_in_dutch_opens_in_english(page, semm_url, context):
    answer_a_few(page, semm_url)
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Maak een deellink").click()
    link = page.get_by_role("textbox", name="Deellink naar deze uitslag").input_value()

    viewer = context.browser.new_context(locale="en-GB").new_page()  # someone else's browser
    viewer.goto(link)
    wait_for_engine(viewer)
    viewer.get_by_role("link", name="English").click()
    wait_for_engine(viewer)

    expect(viewer).to_have_url(semm_url + "en/resultaat.html#" + link.split("#")[1])
    expect(viewer.get_by_text("You are looking at a shared result.")).to_be_visible()
    expect(viewer.get_by_role("heading", level=2, name=re.compile(r"^Phase 4: "))).to_be_visible()
    viewer.context.close()


def test_an_english_export_reads_in_dutch_and_the_files_speak_english(page, semm_url):
    answer_a_few(page, semm_url)
    page.goto(semm_url + "en/resultaat.html")
    wait_for_engine(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export (JSON)").click()
    export = download.value.path()
    expect(page.get_by_role("status").filter(has_text="downloads")).to_contain_text("is in your downloads")
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download for Excel (CSV)").click()
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")

    assert csv.startswith("Type,Element,ID,Name,Answer,")  # an English spreadsheet's CSV: commas between cells
    assert ",e1a,Ideal customer experience,phase 4,Structure phase," in csv
    page.get_by_role("button", name="Create a share link").click()
    expect(page.get_by_role("textbox", name="Share link to this result")).to_have_value(
        semm_url + "en/resultaat.html#deel=3.semm.3_----------------.-3--.---------")  # the code the Dutch page makes
    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Verwijder Mijn scan").click()
    page.get_by_label("Kies een exportbestand").set_input_files(export)
    expect(page.locator("[role=status][data-status]")).to_have_text(
        "Het bestand is ingelezen als scan Mijn scan. Die staat nu open.")
    assert current_record(page)["aspects"] == {"e1a": 4, "e1b": "unknown"}


def test_the_engine_refuses_a_bad_file_in_english(page, semm_url):
    page.goto(semm_url + "en/scans.html")
    wait_for_engine(page)
    page.get_by_label("Choose an export file").set_input_files(
        {"name": "other.json", "mimeType": "application/json",
         "buffer": b'{"format": "servicescan", "format_version": 1, "model": "topdesk-esm"}'})

    expect(page.get_by_role("alert")).to_contain_text("topdesk-esm")
    assert not re.search(r"\b(het|hoort|bij|niet)\b", page.get_by_role("alert").inner_text())


@pytest.mark.parametrize(("path", "language"), [("semm/scan.html", "nl"), ("semm/en/scan.html", "en")])
def test_dates_and_numbers_in_the_browser_are_written_as_babel_writes_them(page, site_url, path, language):
    """The browser formats with Intl in the page's language; the build's Python (Babel, CLDR) agrees."""
    page.goto(site_url + path)
    shown = page.evaluate("""async () => {
        const script = document.querySelector('script[src*="/js/"]').src;
        const dom = await import(new URL("dom.js", script));
        return {day: dom.formatDate("2026-12-02T10:00:00.000Z", {day: "numeric", month: "long", year: "numeric"}),
                value: dom.formatValue(1.5, 1), whole: dom.formatValue(3)};
    }""")

    assert shown == {"day": format_date(datetime.date(2026, 12, 2), "long", locale=language),
                     "value": format_decimal(1.5, format="0.0", locale=language), "whole": "3"}


def test_every_printed_sheet_of_the_english_report_is_in_english(page, site_url):
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/en/resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-result-page]")).to_have_attribute("data-result-source", "engine")

    pages = sheets(page)
    today = format_date(datetime.date.today(), "long", locale="en")
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert f"{SCAN_NAME} · Your result" in text and today in text, f"sheet {number}: {text[:160]}"
    # The notes in the record are the respondent's own (in Dutch); the report's own words are English
    assert "Filled in by Anna de Vries" in pages[0]
    assert not [label for label in ("Ingevuld door", "Volgende stappen", "Fase ", "Je uitslag", "Begrippen")
                if label in " ".join(pages)]


def test_the_filled_in_english_result_and_plan_have_no_axe_violations(page, site_url):
    from .test_accessibility import axe_violations

    seed(page, site_url, full_record("semm"))
    for path in ("semm/en/resultaat.html", "semm/en/plan.html", "semm/en/metingen.html"):
        page.goto(site_url + path)
        wait_for_engine(page)
        assert axe_violations(page) == [], path


def test_on_a_phone_the_other_language_is_the_menus_last_item(page, semm_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(semm_url + "en/plan.html#ambitie")
    menu = page.get_by_role("navigation", name="Main menu")

    menu.get_by_role("button", name=re.compile(r"^Menu")).click()
    links = menu.get_by_role("link")
    expect(links.last).to_have_accessible_name("Nederlands")
    links.last.click()
    expect(page).to_have_url(semm_url + "plan.html#ambitie")
    assert page.locator(".site-header").bounding_box()["height"] <= 90
