"""Several scans, export and import, share links and the team view, driven as a person would in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import PROJECT, current_record, stored, wait_for_engine

TEAM = PROJECT / "tests" / "fixtures" / "team"
TEAM_FILES = [str(TEAM / f"{name}.json") for name in ("anna", "bram", "cem")]
PREFIX = "servicescan:semm:"
AMBITION = {"elements": {"e1": 4, "e3": 3}, "results": {"ra": 3}}
SNAPSHOTS = [{"id": "s0nul", "name": "Nulmeting", "taken": "2024-11-01T10:00:00.000Z", "aspects": {"e1a": 2},
              "results": {}}]


def answer_a_few(page, semm_url) -> None:
    page.goto(semm_url + "scan.html#e1")
    page.get_by_role("group", name="Ideale klantbeleving").get_by_role("radio", name="Fase 4").check()
    page.get_by_role("group", name="Klantfeedback").get_by_role("radio", name="Weet ik niet").check()
    page.get_by_role("textbox", name="Notitie bij dit element").fill("Gesprek met = teken")
    page.goto(semm_url + "scan.html#resultaten")
    page.locator("#rb-3").check()


def test_export_then_import_gives_back_the_same_scan(page, semm_url):
    answer_a_few(page, semm_url)
    # Ambition and history belong to another part of the site; put them in the record as that part would.
    page.evaluate("""([prefix, ambition, snapshots]) => {
        const index = JSON.parse(localStorage.getItem(prefix + "scans"));
        const key = prefix + "scan:" + index.current;
        const record = JSON.parse(localStorage.getItem(key));
        Object.assign(record, {ambition, snapshots, respondent: {name: "Eva", unit: "Zuid"}});
        localStorage.setItem(key, JSON.stringify(record));
    }""", [PREFIX, AMBITION, SNAPSHOTS])
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    original = current_record(page)
    expect(page.get_by_text("Open scan: Mijn scan")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer (JSON)").click()
    assert download.value.suggested_filename.startswith("semm-mijn-scan-")
    export_path = download.value.path()
    expect(page.get_by_role("status").filter(has_text="staat in je downloads")).to_be_visible()

    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download voor Excel (CSV)").click()
    csv = Path(csv_download.value.path()).read_bytes()
    assert csv.startswith(b"\xef\xbb\xbfSoort;Element;Id;") and b";e1a;Ideale klantbeleving;fase 4;" in csv
    assert b";'=" not in csv  # the note starts with a letter; only formula-like cells get a quote

    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Verwijder Mijn scan").click()
    expect(page.locator("[role=status][data-status]")).to_have_text("De scan Mijn scan is verwijderd.")
    assert stored(page)[PREFIX + "scans"]["scans"] == []
    page.get_by_label("Kies een exportbestand").set_input_files(export_path)
    expect(page.locator("[role=status][data-status]")).to_have_text("Het bestand is ingelezen als scan Mijn scan. Die staat nu open.")
    imported = current_record(page)
    for field in ("name", "aspects", "results", "notes", "ambition", "snapshots", "respondent", "created", "updated"):
        assert imported[field] == original[field], field
    assert imported["id"] != original["id"]


BAD_FILES = [
    ("kapot.json", "Naam;Fase\nA;3", "het bestand is geen JSON (regel 1)"),
    ("nieuwer.json", {"format_version": 9}, "dit bestand heeft formaatversie 9"),
    ("ander-model.json", {"model": "topdesk-esm"}, "dit bestand hoort bij model 'topdesk-esm', niet bij 'semm'"),
    ("onbekend.json", {"aspects": {"e10a": 3}}, "onbekend aspect 'e10a'"),
    ("te-hoog.json", {"aspects": {"e1a": 9}}, "aspect 'e1a': fase 9 bestaat niet"),
    ("soort.json", {"notes": {"e1": ["<b>lijst</b>"]}}, "notitie 'e1' moet tekst zijn, gevonden: een lijst"),
    ("geen-export.json", '{"model": "semm"}', 'het veld "format" met de waarde "servicescan" ontbreekt'),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_import_shows_its_message_and_changes_nothing(page, semm_url, name, content, message):
    if isinstance(content, dict):
        content = json.dumps({**json.loads((TEAM / "anna.json").read_text(encoding="utf-8")), **content})
    answer_a_few(page, semm_url)
    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    before = stored(page)
    page.get_by_label("Kies een exportbestand").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content.encode("utf-8")})
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(f"{name}: Dit bestand kan niet worden ingelezen. Er is niets veranderd.")
    expect(alert).to_contain_text(message)
    assert page.locator("[data-problems-list] b").count() == 0  # file text is shown as text, never as HTML
    assert stored(page) == before


def test_several_scans_rename_switch_delete_and_undo(page, semm_url):
    answer_a_few(page, semm_url)
    page.goto(semm_url + "scans.html")
    page.get_by_role("textbox", name="Naam, bijvoorbeeld van je team of afdeling").fill("Team Noord")
    page.get_by_role("button", name="Maak een nieuwe scan").click()
    expect(page.locator("[role=status][data-status]")).to_have_text("De scan Team Noord is gemaakt en staat nu open.")
    page.goto(semm_url + "scan.html#e1")
    expect(page.get_by_text("Open scan: Team Noord")).to_be_visible()
    expect(page.locator("#e1a-4")).not_to_be_checked()  # the new scan has its own answers
    page.locator("#e1a-2").check()

    page.get_by_role("link", name="Mijn scans").first.click()
    page.get_by_role("textbox", name="Naam van de scan").fill("Team Noord-West")
    page.get_by_role("textbox", name="Team of afdeling (niet verplicht)").fill("Noord")
    page.get_by_role("button", name="Gegevens opslaan").click()
    expect(page.locator("[role=status][data-status]")).to_have_text("De gegevens van Team Noord-West zijn opgeslagen.")
    page.get_by_role("button", name="Open Mijn scan").click()
    expect(page.locator("[role=status][data-status]")).to_have_text("De scan Mijn scan staat nu open.")
    page.goto(semm_url + "scan.html#e1")
    expect(page.locator("#e1a-4")).to_be_checked()

    page.goto(semm_url + "scans.html")
    page.get_by_role("button", name="Verwijder Team Noord-West").click()
    undo = page.get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_focused()
    expect(page.get_by_role("listitem").filter(has_text="Team Noord-West")).to_have_count(0)
    page.keyboard.press("Enter")
    expect(page.locator("[role=status][data-status]")).to_have_text("De scan Team Noord-West is terug.")
    records = [r for k, r in stored(page).items() if ":scan:" in k]
    restored = next(r for r in records if r["name"] == "Team Noord-West")
    assert restored["aspects"] == {"e1a": 2} and restored["respondent"] == {"unit": "Noord"}
    assert len(stored(page)[PREFIX + "scans"]["scans"]) == 2


def test_share_link_round_trips_and_can_be_kept(page, semm_url, context):
    answer_a_few(page, semm_url)
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Maak een deellink").click()
    link = page.get_by_role("textbox", name="Deellink naar deze uitslag")
    expect(link).to_have_value(semm_url + "resultaat.html#deel=3.semm.3_----------------.-3--.---------")

    other = context.browser.new_context(locale="nl-NL")  # another person's browser: nothing stored there
    viewer = other.new_page()
    viewer.goto(link.input_value())
    wait_for_engine(viewer)
    expect(viewer.get_by_text("Je bekijkt een gedeelde uitslag.")).to_be_visible()
    expect(viewer.get_by_role("heading", level=2, name=re.compile(r"^Fase 4: "))).to_be_visible()
    expect(viewer.get_by_text("Gesprek met = teken")).to_have_count(0)  # notes are not shared
    assert viewer.evaluate("Object.keys(localStorage).length") == 0
    viewer.get_by_role("button", name="Bewaar als scan in deze browser").click()
    expect(viewer.get_by_role("status").filter(has_text="bewaard")).to_have_text(
        "De uitslag is bewaard als scan Gedeelde uitslag. Die staat nu open. Naar Mijn scans")
    kept = current_record(viewer)
    assert kept["aspects"] == {"e1a": 4, "e1b": "unknown"} and kept["results"] == {"rb": 3}
    other.close()


def test_broken_share_link_says_what_is_wrong(page, semm_url):
    page.goto(semm_url + "resultaat.html#deel=1.semm.3_--.-3--")
    wait_for_engine(page)
    expect(page.get_by_role("alert")).to_have_text(
        "Deze deellink kan niet worden gelezen: deze link heeft 4 antwoorden voor de aspecten, verwacht 18: "
        "hij is misschien niet helemaal gekopieerd")


def test_team_view_matches_hand_computed_figures_and_the_cli(page, semm_url):
    page.goto(semm_url + "team.html")
    wait_for_engine(page)  # on a busy machine the engine can take longer than an expect() waits
    page.get_by_label("Exportbestanden (.json)").set_input_files(TEAM_FILES)
    expect(page.get_by_role("status").filter(has_text="toegevoegd")).to_have_text(
        "3 scan(s) toegevoegd. Er staan nu 3 scans in de sessie.")
    expect(page.get_by_text("Fase 2: Pioniersfase")).to_be_visible()
    # Anonymous until the facilitator chooses otherwise; the unit is shown.
    people = page.locator("[data-team-people] li")
    expect(people).to_have_text(["Respondent 1 · KlantcontactWeghalen", "Respondent 2 · KlantcontactWeghalen",
                                 "Respondent 3 · FinanciënWeghalen"])
    for name in ("Anna", "Bram", "Cem"):
        expect(page.get_by_text(name, exact=True)).to_have_count(0)
    page.get_by_label("Toon de namen").check()
    expect(people.first).to_have_text("Anna · KlantcontactWeghalen")
    page.get_by_label("Toon de namen").uncheck()

    table = page.get_by_role("table", name="Antwoorden per aspect")
    def row(name):
        return [c.strip() for c in table.get_by_role("row", name=name).get_by_role("cell").all_text_contents()]
    assert row("1a. Ideale klantbeleving") == ["3", "2", "3", "4", "3", "Bespreekpunt"]
    assert row("2a. Klantvisie") == ["2", "2", "2,5", "3", "2", ""]
    assert row("3a. Leiderschapsfocus") == ["3", "1", "2", "4", "2", "Bespreekpunt"]
    expect(page.locator("[data-team-discussion] li")).to_have_text([
        "1a. Ideale klantbeleving: antwoorden van 2 tot 4", "3a. Leiderschapsfocus: antwoorden van 1 tot 4",
        "5a. Cultuurontwikkeling: antwoorden van 3 tot 5", "a. Excellente serviceprestaties: antwoorden van 1 tot 3"])
    chart = page.get_by_role("img", name="Spreiding van de antwoorden per aspect")
    expect(chart).to_be_visible()
    assert "Ideale klantbeleving: van 2 tot 4, mediaan 3." in page.locator("[data-chart-desc]").text_content()
    # Financiën (1) and Klantcontact (2) are both below the minimum of 3: no unit has figures of its own.
    units = page.get_by_role("table", name="Fase per element, per afdeling")
    expect(units.get_by_role("columnheader")).to_have_text(["Element", "Iedereen (3)"])
    expect(units.get_by_role("row", name="Hele organisatie").get_by_role("cell")).to_have_text(["2"])
    expect(page.locator("[data-units-note]")).to_contain_text("Dat geldt hier voor 2 afdelingen, dus geen afdeling "
                                                              "staat apart.")

    # The command line gives the same figures for the same files.
    cli = subprocess.run([sys.executable, "-m", "sitegen", "aggregate", *TEAM_FILES, "--json"], cwd=PROJECT,
                         capture_output=True, text=True, encoding="utf-8", check=True)
    team = json.loads(cli.stdout)
    for item in team["aspects"]:
        cells = [c.strip() for c in page.locator(f"[data-team-row={item['id']}] td").all_text_contents()]
        def show(v):
            return str(v).replace(".", ",")
        assert cells == [str(item["count"]), show(item["lowest"]), show(item["median"]), show(item["highest"]),
                         show(item["team"]), "Bespreekpunt" if item["discuss"] else ""], item["id"]
    for element in team["team"]["elements"]:
        expect(page.locator(f"[data-team-element={element['id']}]")).to_have_text(
            f"{element['phase']} · {element['phase_name']}")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download de teamcijfers (CSV)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbfSoort;Id;Naam;Aantal antwoorden")

    page.get_by_role("button", name="Weghalen: Respondent 3").click()
    expect(page.get_by_role("status").filter(has_text="uit de sessie")).to_have_text(
        "Respondent 3 is uit de sessie gehaald.")
    expect(units.get_by_role("columnheader")).to_have_text(["Element", "Iedereen (2)"])


def test_team_view_reports_bad_files_and_links(page, semm_url):
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    page.get_by_label("Exportbestanden (.json)").set_input_files(
        [{"name": "anna.json", "mimeType": "application/json", "buffer": (TEAM / "anna.json").read_bytes()},
         {"name": "kapot.json", "mimeType": "application/json", "buffer": b"nee"}])
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("paragraph")).to_have_text("Niet alles kon worden toegevoegd:")
    expect(alert.get_by_role("listitem")).to_have_text(
        ["kapot.json kan niet worden gebruikt: het bestand is geen JSON (regel 1): kies het .json-bestand dat de scan "
         "heeft gemaakt"])
    page.get_by_label("Deellinks, één per regel").fill("https://example.org/semm/resultaat.html#deel=1.semm."
                                                        "333333333333333333.2222\nkapot")
    page.get_by_role("button", name="Voeg de links toe").click()
    expect(page.get_by_role("status").filter(has_text="toegevoegd")).to_have_text(
        "1 scan(s) toegevoegd. Er staan nu 2 scans in de sessie.")
    expect(page.get_by_role("alert")).to_contain_text("Link 2 kan niet worden gebruikt:")
    expect(page.locator("[data-team-people] li")).to_have_text([
        "Respondent 1 · KlantcontactWeghalen", "Respondent 2 · Zonder afdelingWeghalen"])
