"""Every printed sheet says whose scan it is and the day, in the running line at its top (print.css), not only in
Chromium's page margins: the report (SEMM and TOPdesk, three sheets), the plan, a shared result, the team report and
a page without a scan. Chromium prints here; the same line is a fixed element, which Firefox and WebKit repeat too."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from .conftest import wait_for_engine
from .test_result_page import MONTHS, SCAN_NAME, full_record, open_result, print_pdf, seed
from .test_team_session import twelve_exports


def today() -> str:
    day = datetime.date.today()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def sheets(page) -> list[str]:
    """The text of every printed sheet, whitespace folded."""
    return [" ".join(sheet.extract_text().split()) for sheet in print_pdf(page).pages]


def assert_every_sheet_carries(pages: list[str], running: str) -> None:
    for number, text in enumerate(pages, 1):
        assert running in text, f"blad {number} van {len(pages)}: {text[:160]}"
        assert today() in text, f"blad {number} van {len(pages)} zonder datum"


@pytest.mark.parametrize("model_id", ["semm", "topdesk-esm"])
def test_every_sheet_of_the_report_names_the_scan_and_the_day(page, site_url, model_id):
    open_result(page, site_url, model_id)
    pages = sheets(page)
    assert len(pages) >= 2  # a line on the first sheet alone would prove nothing
    assert_every_sheet_carries(pages, f"{SCAN_NAME} · Je uitslag")


def test_the_running_line_never_covers_the_report(page, site_url):
    open_result(page, site_url)
    page.emulate_media(media="print")
    line = page.locator("[data-print-running]").bounding_box()
    head = page.locator(".report-head").bounding_box()
    assert line and head and line["y"] + line["height"] <= head["y"]
    page.emulate_media(media="screen")
    expect(page.locator("[data-print-running]")).to_be_hidden()  # on screen it is not there at all


def test_every_sheet_of_the_plan_names_the_scan(page, site_url):
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/plan.html")
    wait_for_engine(page)
    expect(page.locator("[data-list=priorities] > li").first).to_be_visible()
    pages = sheets(page)
    assert len(pages) >= 2
    assert_every_sheet_carries(pages, f"{SCAN_NAME} · Je ontwikkelplan")


def test_a_shared_result_is_named_as_shared_not_as_the_open_scan(page, site_url):
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/resultaat.html#deel=1.semm.333333333333333333.2222")
    page.get_by_text("Je bekijkt een gedeelde uitslag.").wait_for()
    pages = sheets(page)
    assert_every_sheet_carries(pages, "Gedeelde uitslag · Je uitslag")
    assert not any(SCAN_NAME in text for text in pages)


def test_every_sheet_of_the_team_report_names_the_team(page, semm_url, tmp_path):
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    page.get_by_label("Exportbestanden (.json)").set_input_files(twelve_exports(tmp_path))
    expect(page.locator("[data-team-status]")).to_contain_text("Er staan nu 12 scans in de sessie.")
    page.get_by_label("Naam van het team of de afdeling").fill("Service en Financiën")
    pages = sheets(page)
    assert len(pages) >= 2
    assert_every_sheet_carries(pages, "Service en Financiën · Team")


def test_a_page_without_a_scan_names_itself_and_the_site(page, site_url):
    page.goto(site_url + "semm/uitleg.html")
    pages = sheets(page)
    assert len(pages) >= 2
    assert_every_sheet_carries(pages, "Uitleg over het model · Service Excellence Scan")
