"""Leaving a part out of an assessment, as a respondent meets it: scan, result, ambition, plan, measurements, share
link, team view and CSV.

Hand-checked case: the answers of test_scan_journey give e1..e9 the phases 4, 3, 2, 4, 5, 3, 4, 4, 4 (overall 2,
because of e3). Leaving e3 out, the weakest assessed parts are e2 and e6 (phase 3): the organisation is in phase 3,
8 of the 9 elements are assessed, and nothing is provisional.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from scoring_py import score

from .conftest import current_record, wait_for_engine
from .test_accessibility import axe_violations
from .test_ambition_journey import NAMES, fill_scan
from .test_scan_journey import ASPECTS, MODEL, RESULTS

REASON = "Strategie bepalen we niet als team"


def test_leave_a_part_out_and_take_it_back_in(page, semm_url):
    fill_scan(page, semm_url, ASPECTS, RESULTS)
    expected = score(MODEL, {"model": "semm", "aspects": ASPECTS, "results": RESULTS, "excluded": {"e3": REASON}})
    assert expected["overall"]["phase"] == 3 and expected["overall"]["weakest"] == ["e2", "e6"]

    page.goto(semm_url + "scan.html#e3")
    leave_out = page.get_by_role("checkbox", name="Dit element laten we buiten deze beoordeling")
    question = page.get_by_role("group", name=MODEL["elements"][2]["aspects"][0]["name"])
    expect(question).to_be_visible()
    leave_out.check()
    expect(question).to_be_hidden()  # folded away, not deleted
    page.get_by_role("textbox", name="Waarom laten jullie dit element buiten de beoordeling?").fill(REASON)
    notice = page.locator("[data-exclusion-notice]")
    expect(notice).to_contain_text("Je laat 1 van de 9 elementen buiten deze beoordeling.")
    expect(page.locator('[data-step-status="e3"]')).to_have_text("(buiten beoordeling)")
    expect(page.locator("[data-score-line]")).to_have_text("Tussenstand: fase 3 · Visie- en designfase")
    assert axe_violations(page) == []
    record = current_record(page)
    assert record["excluded"] == {"e3": REASON}
    assert record["aspects"]["e3a"] == ASPECTS["e3a"]  # the answers are kept

    page.reload()
    expect(leave_out).to_be_checked()
    expect(page.get_by_role("textbox", name="Waarom laten jullie dit element buiten de beoordeling?")).to_have_value(
        REASON)

    # The result: the weakest assessed part sets the phase; the part left out is named, never shown as zero.
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name="Fase 3: Visie- en designfase")).to_be_visible()
    expect(page.get_by_text("Alles ingevuld", exact=True)).to_be_visible()
    expect(page.locator("[data-missing]")).to_be_hidden()  # a part left out is never "still open"
    scope = page.locator("[data-scope]")
    expect(scope).to_contain_text("8 van de 9 elementen.")
    expect(scope.get_by_role("listitem")).to_have_text([f"{NAMES['e3']} (reden: {REASON})"])
    expect(page.locator('[data-cell="e3-phase"]')).to_have_text("niet beoordeeld")
    expect(page.locator('[data-bar-label="e3"]')).to_have_text("niet beoordeeld")
    expect(page.locator('[data-gap="e3"]')).to_have_text("")
    assert axe_violations(page) == []

    # No ambition for it, and no steps in the plan.
    page.get_by_text("Kies of wijzig je ambitie").first.click()
    expect(page.get_by_role("combobox", name=NAMES["e3"], exact=True)).to_be_disabled()
    page.get_by_label("Eén ambitie voor alle elementen").select_option("5")
    page.get_by_role("button", name="Voor alle elementen invullen").click()
    expect(page.locator("[data-ambition-status]")).to_contain_text("Fase 5 is nu de ambitie")
    assert "e3" not in current_record(page)["ambition"]["elements"]
    page.goto(semm_url + "plan.html")
    wait_for_engine(page)
    expect(page.locator("[data-excluded-section]")).to_contain_text(f"Element 3: {MODEL['elements'][2]['name']}")
    expect(page.get_by_role("heading", level=3, name=f"Element 3: {MODEL['elements'][2]['name']}")).to_have_count(0)

    # The CSV says which part was left out, and why.
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download voor Excel (CSV)").click()
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0].endswith(";Buiten de beoordeling")
    assert f";e3a;{MODEL['elements'][2]['aspects'][0]['name']};" in csv and f";ja: {REASON}" in csv

    # A share link carries which part was left out (not the reason) and opens as such.
    page.get_by_role("button", name="Maak een deellink").click()
    link = page.get_by_role("textbox", name="Deellink naar deze uitslag").input_value()
    assert "#deel=3.semm." in link and link.endswith(".--x------")
    page.goto(link)
    wait_for_engine(page)
    expect(page.locator("[data-scope]")).to_contain_text("8 van de 9 elementen.")

    # Taken back in, its answers count again.
    page.goto(semm_url + "scan.html#e3")
    leave_out.uncheck()
    expect(question).to_be_visible()
    expect(page.locator(f"#e3a-{ASPECTS['e3a']}")).to_be_checked()
    expect(page.locator("[data-score-line]")).to_have_text("Tussenstand: fase 2 · Pioniersfase")
    expect(page.locator("[data-exclusion-notice]")).to_be_hidden()


def test_measurements_with_different_scopes_say_so(page, semm_url):
    fill_scan(page, semm_url, ASPECTS, RESULTS)
    page.goto(semm_url + "metingen.html")
    page.get_by_role("button", name="Bewaar als meting").click()
    expect(page.locator("[data-keep-status]")).to_contain_text("Bewaard: Meting 1")
    page.goto(semm_url + "scan.html#e3")
    page.get_by_role("checkbox", name="Dit element laten we buiten deze beoordeling").check()
    page.goto(semm_url + "metingen.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Vergelijk").click()
    expect(page.locator('[data-field="scope-change"]')).to_contain_text(
        "in deze twee metingen zijn niet dezelfde elementen beoordeeld")
    expect(page.locator('[data-compare-cell="e3-after"]')).to_have_text("niet beoordeeld")
    expect(page.locator('[data-compare-cell="e3-change"]')).to_have_text(
        "niet te vergelijken: niet beoordeeld in een van de twee metingen")
    assert axe_violations(page) == []


def test_not_every_part_can_be_left_out(page, semm_url):
    page.goto(semm_url + "scan.html#e1")
    for number in range(1, 9):
        page.goto(semm_url + f"scan.html#e{number}")
        page.get_by_role("checkbox", name="Dit element laten we buiten deze beoordeling").check()
    page.goto(semm_url + "scan.html#e9")
    page.get_by_role("checkbox", name="Dit element laten we buiten deze beoordeling").click()  # the last one
    expect(page.locator("[data-sync-status]")).to_have_text(
        "Je kunt niet alle elementen buiten de beoordeling laten: dan is er niets om te beoordelen.")
    expect(page.get_by_role("checkbox", name="Dit element laten we buiten deze beoordeling")).not_to_be_checked()
    assert len(current_record(page)["excluded"]) == 8


def test_the_team_counts_a_part_over_those_who_assessed_it(page, semm_url):
    fill_scan(page, semm_url, ASPECTS, RESULTS)
    page.goto(semm_url + "scan.html#e3")
    page.get_by_role("checkbox", name="Dit element laten we buiten deze beoordeling").check()
    page.goto(semm_url + "scans.html")
    page.get_by_role("textbox", name="Naam, bijvoorbeeld van je team of afdeling").fill("Tweede")
    page.get_by_role("button", name="Maak een nieuwe scan").click()
    fill_scan(page, semm_url, ASPECTS, RESULTS)
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Voeg mijn scans uit deze browser toe").click()
    expect(page.locator('[data-team-cell="e3a-count"]')).to_have_text("1 (1 buiten beoordeling)")
    expect(page.locator('[data-team-cell="e1a-count"]')).to_have_text("2")


def test_files_and_links_from_before_still_open(page, semm_url, tmp_path):
    """An export of format version 1 and a share link of version 1, both made before parts could be left out."""
    version_one = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "team" / "anna.json").read_text())
    assert version_one["format_version"] == 1 and "excluded" not in version_one
    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    page.get_by_label("Kies een exportbestand").set_input_files(
        {"name": "anna.json", "mimeType": "application/json", "buffer": json.dumps(version_one).encode()})
    expect(page.locator("[role=status][data-status]")).to_contain_text("Het bestand is ingelezen als scan")
    assert current_record(page)["excluded"] == {}
    page.goto(semm_url + "resultaat.html#deel=1.semm.333333333333333333.2222")
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name="Fase 4: Structuurfase")).to_be_visible()
    expect(page.locator("[data-scope]")).to_be_hidden()
