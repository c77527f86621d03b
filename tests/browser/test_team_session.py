"""A facilitated session from start to finish, as a facilitator does it in Chromium: five respondents' scans,
anonymous; the presentation by keyboard; two team answers changed with notes; the team scan; an ambition; a plan
with two actions with owners and dates; the export; the import in another browser with the actions intact; the
team report on paper. `python build.py aggregate` gives the medians the team answers start from."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pypdf
from playwright.sync_api import expect

from scoring_py import export_json
from sitegen.model import load_model

from .conftest import PROJECT, current_record, stored, wait_for_engine

TEAM = PROJECT / "tests" / "fixtures" / "team"
FIVE = [str(TEAM / f"{name}.json") for name in ("anna", "bram", "cem", "dirk", "eva")]
NAMES = ("Anna", "Bram", "Cem", "Dirk", "Eva")
PREFIX = "servicescan:semm:"
MODEL = load_model(PROJECT / "model" / "semm.yaml")


def cli_team(files: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-m", "sitegen", "aggregate", *files, "--json"], cwd=PROJECT,
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(done.stdout)


def test_a_whole_session_from_individual_scans_to_a_plan_with_owners(page, semm_url, browser, tmp_path):
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    page.get_by_label("Exportbestanden (.json)").set_input_files(FIVE)
    expect(page.locator("[data-team-status]")).to_have_text("5 scan(s) toegevoegd. Er staan nu 5 scans in de sessie.")

    # Anonymous: numbers and units, no names, on the page and in the presentation.
    expect(page.locator("[data-team-people] li strong")).to_have_text([f"Respondent {n}" for n in range(1, 6)])
    main = page.locator("main")
    for name in NAMES:
        expect(main).not_to_contain_text(name)

    # The team answers start from the median, rounded down: the same numbers as the command line.
    team = cli_team(FIVE)
    for item in team["aspects"] + team["result_areas"]:
        expect(page.locator(f"#akkoord-{item['id']}")).to_have_value(str(item["team"]))
    expect(page.locator("[data-consensus-progress]")).to_have_text("Afgesproken: 0 van 22.")

    # The presentation, by keyboard only: the widest spread first, one aspect at a time.
    assert team["by_spread"][:3] == ["e1a", "e3a", "e4a"]
    page.get_by_role("button", name="Start de presentatie").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    title = dialog.locator(".slide:not([hidden]) h3")
    expect(title).to_have_text("1a. Ideale klantbeleving")
    expect(title).to_be_focused()
    expect(dialog.locator("[data-presenter-position]")).to_have_text("1 van 22")
    slide = dialog.locator(".slide:not([hidden])")
    # Anna 2, Bram 4, Cem 3, Dirk 5, Eva 3.
    expect(slide.locator("[data-count]")).to_have_text(["0", "1", "2", "1", "1", "0"])
    expect(slide.locator("[data-slide-summary]")).to_have_text("5 antwoord(en) · van 2 tot 5 · mediaan 3")
    expect(slide.locator("[data-step='3'] [data-marks]")).to_have_text("mediaanvoorstel")
    page.keyboard.press("ArrowRight")
    expect(title).to_have_text("3a. Leiderschapsfocus")
    expect(dialog.locator("[data-presenter-position]")).to_have_text("2 van 22")
    page.keyboard.press("End")
    expect(dialog.locator("[data-presenter-position]")).to_have_text("22 van 22")
    page.keyboard.press("Home")
    expect(title).to_have_text("1a. Ideale klantbeleving")
    page.keyboard.press("ArrowLeft")  # the first stays the first
    expect(dialog.locator("[data-presenter-position]")).to_have_text("1 van 22")
    for name in NAMES:
        expect(dialog).not_to_contain_text(name)

    # First changed answer, on the slide: the group agrees on phase 4, with a note.
    page.keyboard.press("Tab")  # from the heading to the slide's own answer
    expect(slide.get_by_label("Teamantwoord")).to_be_focused()
    slide.get_by_label("Teamantwoord").select_option("4")
    slide.get_by_label("Notitie").fill("Eén van ons ziet het al in de hele organisatie; we kiezen 4.")
    expect(slide.locator("[data-step='4'] [data-marks]")).to_have_text("afgesproken")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Start de presentatie")).to_be_focused()

    # Second changed answer, in the list on the page.
    row = page.locator("[data-consensus-item=e3a]")
    row.get_by_label("Teamantwoord bij 3a. Leiderschapsfocus").select_option("1")
    row.get_by_label("Notitie bij het gesprek over 3a. Leiderschapsfocus").fill("Eerlijk is eerlijk: fase 1.")
    expect(page.locator("[data-consensus-progress]")).to_have_text("Afgesproken: 2 van 22.")
    expect(page.locator("#akkoord-e1a")).to_have_value("4")  # what the slide agreed shows in the list too

    # Saved as it was typed: a reload shows the same session, still anonymous.
    page.reload()
    wait_for_engine(page)
    expect(page.locator("[data-session-status]")).to_have_text(
        "De sessie staat nog klaar: 5 scan(s). Ga verder waar je was, of begin een nieuwe sessie.")
    expect(page.locator("#akkoord-e1a")).to_have_value("4")
    expect(page.locator("#akkoord-e3a")).to_have_value("1")
    expect(page.locator("#akkoord-e1a-notitie")).to_have_value("Eén van ons ziet het al in de hele organisatie; we kiezen 4.")
    session = stored(page)[PREFIX + "teamsessie"]
    assert session["consensus"] == {"aspects": {"e1a": 4, "e3a": 1}, "results": {}, "notes": {
        "e1a": "Eén van ons ziet het al in de hele organisatie; we kiezen 4.", "e3a": "Eerlijk is eerlijk: fase 1."}}

    # The team scan: an ordinary scan, without names.
    page.get_by_label("Naam van het team of de afdeling").fill("Klantcontact")
    page.get_by_label("Datum van de sessie").fill("2025-03-01")
    page.get_by_role("button", name="Bewaar als teamscan").click()
    expect(page.locator("[data-team-scan-status]")).to_have_text(
        "De teamscan ‘Teamscan Klantcontact’ is bewaard en staat nu open. Afgesproken: 2. Het voorstel (de mediaan): 20. "
        "Open: 0.")
    record = current_record(page)
    proposals = {item["id"]: item["team"] for item in team["aspects"]}
    assert record["aspects"] == {**proposals, "e1a": 4, "e3a": 1}
    assert record["team"] == {"respondents": 5, "date": "2025-03-01", "notes": session["consensus"]["notes"]}
    assert not any(name in json.dumps(record) for name in NAMES)

    # An ambition for the team scan, then a plan with two actions with owners and dates.
    page.get_by_role("link", name="Kies een ambitie").click()
    wait_for_engine(page)
    expect(page.get_by_text("Open scan: Teamscan Klantcontact")).to_be_visible()
    page.get_by_label("Eén ambitie voor alle elementen").select_option("4")
    page.get_by_role("button", name="Voor alle elementen invullen").click()
    page.goto(semm_url + "plan.html")
    first = page.get_by_role("button", name="Maak hier een actie van").first
    expect(first).to_be_visible(timeout=30_000)
    first.click()  # element 3 is the weakest link: its aspect a (phase 1) comes first
    editors = page.locator(".action-editor")
    expect(editors.first.get_by_label("Wat gaan jullie doen?")).to_be_focused()
    expect(editors.first.get_by_label("Wat gaan jullie doen?")).to_have_value(
        MODEL["elements"][2]["aspects"][0]["phases"][1])  # the next phase's description
    editors.first.get_by_label("Eigenaar").fill("Mira de Vries")
    editors.first.get_by_label("Klaar op").fill("2025-01-15")
    page.get_by_role("button", name="Maak hier een actie van").first.click()
    second = editors.nth(1)
    second.get_by_label("Eigenaar").fill("Tom")
    second.get_by_label("Klaar op").fill("2030-06-30")
    second.get_by_label("Status").select_option("in_progress")
    second.get_by_label("Notitie").fill("Start na de zomer")
    rows = page.get_by_role("table", name="Acties met eigenaar, datum en status").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Mira de Vries")
    expect(rows.first).to_contain_text("15 januari 2025 te laat")
    expect(rows.nth(1)).to_contain_text("30 juni 2030")
    expect(rows.nth(1)).to_contain_text("bezig")

    # The export carries the actions (format version 3) and no names.
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer (JSON)").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["format_version"] == 3 and exported["team"]["respondents"] == 5
    assert [(a["owner"], a["due"], a["status"]) for a in exported["actions"]] == [
        ("Mira de Vries", "2025-01-15", "open"), ("Tom", "2030-06-30", "in_progress")]
    assert not any(name in json.dumps(exported) for name in NAMES)

    # In a fresh browser: read in, and the actions are all there, on the plan and when measuring again.
    other = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        fresh = other.new_page()
        fresh.goto(semm_url + "scans.html")
        wait_for_engine(fresh)
        fresh.get_by_label("Kies een exportbestand").set_input_files(download.value.path())
        expect(fresh.locator("[role=status][data-status]")).to_have_text(
            "Het bestand is ingelezen als scan Teamscan Klantcontact. Die staat nu open.")
        imported = current_record(fresh)
        assert imported["actions"] == exported["actions"] and imported["team"] == exported["team"]
        fresh.goto(semm_url + "plan.html")
        expect(fresh.locator(".action-editor")).to_have_count(2, timeout=30_000)
        expect(fresh.locator(".action-editor").first.get_by_label("Eigenaar")).to_have_value("Mira de Vries")
        fresh.goto(semm_url + "metingen.html")
        review = fresh.get_by_role("table", name="Acties uit je plan").locator("tbody tr")
        expect(review).to_have_count(2, timeout=30_000)
        expect(review.first).to_contain_text("te laat")
        expect(fresh.locator("[data-review-summary]")).to_have_text("Nog niet klaar: 2, waarvan 1 te laat.")
        review.first.get_by_role("combobox").select_option("done")
        expect(fresh.locator("[data-review-status]")).to_contain_text("is nu ‘klaar’")
        expect(review.last).to_contain_text("Mira de Vries")  # done goes last
        assert current_record(fresh)["actions"][0]["status"] == "done"
    finally:
        other.close()


def twelve_exports(folder: Path) -> list[str]:
    """The five fixture respondents and seven more, in three units."""
    chance = random.Random(12)
    files = list(FIVE)
    for number in range(7):
        record = {"name": f"Scan {number}", "respondent": {"name": f"Persoon {number}",
                                                            "unit": ["Klantcontact", "Financiën", "ICT"][number % 3]},
                  "aspects": {aspect["id"]: chance.choice([2, 3, 3, 4]) for element in MODEL["elements"]
                              for aspect in element["aspects"]},
                  "results": {area["id"]: chance.choice([1, 2, 3]) for area in MODEL["result_areas"]}}
        path = folder / f"persoon-{number}.json"
        path.write_text(export_json(MODEL, record, "2025-03-01T10:00:00.000Z"), encoding="utf-8")
        files.append(str(path))
    return files


def test_the_team_report_for_twelve_respondents_fits_on_three_pages(page, semm_url, tmp_path):
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    files = twelve_exports(tmp_path)
    page.get_by_label("Exportbestanden (.json)").set_input_files(files)
    expect(page.locator("[data-team-status]")).to_contain_text("Er staan nu 12 scans in de sessie.")
    note = "Na het gesprek gekozen; de afdelingen zien dit verschillend door hun eigen klanten."
    for item in cli_team(files)["discussion_points"]:
        row = page.locator(f"[data-consensus-item={item}]")
        row.locator("textarea").fill(note)
        row.get_by_role("button", name="Akkoord").click()
    page.get_by_label("Naam van het team of de afdeling").fill("Service en Financiën")
    page.get_by_label("Datum van de sessie").fill("2025-03-01")

    pdf = tmp_path / "teamrapport.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = pypdf.PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) <= 3, f"{len(reader.pages)} pagina's"
    assert "Teamrapport van Service en Financiën: 12 respondent(en), sessie van 1 maart 2025." in text
    # ICT has two respondents, below the minimum of 3: it is not named with its count.
    assert "Deelnemers per afdeling: Financiën (4), Klantcontact (6), kleinere afdelingen (2)." in text
    assert "ICT" not in text
    for heading in ("Uitslag van het team", "Spreiding per aspect", "Bespreekpunten", "Teamantwoorden",
                    "Per afdeling"):
        assert heading in text
    assert text.count("Na het gesprek gekozen") >= 5 and "Anna" not in text and "Persoon" not in text
    for hidden in ("Start de presentatie", "Scans toevoegen", "Bewaar als teamscan"):
        assert hidden not in text


def test_bad_input_gets_a_dutch_message_and_changes_nothing_stored(page, semm_url):
    """A team note or an action's owner that is too long, and an export with a day that does not exist: each is
    refused by the record rule with a Dutch message, and what was stored stays as it was."""
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    page.get_by_label("Exportbestanden (.json)").set_input_files(FIVE[:3])
    page.locator("#akkoord-e1a-notitie").fill("Kort")
    before = stored(page)[PREFIX + "teamsessie"]
    page.evaluate("""() => { const note = document.querySelector('#akkoord-e1a-notitie');
        note.value = 'x'.repeat(10001); note.dispatchEvent(new Event('input', {bubbles: true})); }""")
    expect(page.locator("[data-consensus-error]")).to_have_text(
        "De notitie bij 1a. Ideale klantbeleving is te lang (10001 tekens, hooguit 10000). Wat eerder paste, blijft "
        "bewaard.")
    assert stored(page)[PREFIX + "teamsessie"]["consensus"] == before["consensus"]

    page.get_by_label("Naam van het team of de afdeling").fill("Noord")
    page.get_by_label("Datum van de sessie").fill("")
    page.get_by_role("button", name="Bewaar als teamscan").click()
    expect(page.locator("[data-team-scan-error]")).to_contain_text(
        'de datum van de sessie is geen bestaande datum zoals 2025-06-30 (gevonden: "")')
    assert PREFIX + "scans" not in stored(page)  # no scan was made
    page.get_by_label("Datum van de sessie").fill("2025-03-01")
    page.get_by_role("button", name="Bewaar als teamscan").click()
    expect(page.locator("[data-team-scan-next]")).to_be_visible()

    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    page.get_by_text("Kies of wijzig je ambitie per element").click()
    page.get_by_label("Eén ambitie voor alle elementen").select_option("5")
    page.get_by_role("button", name="Voor alle elementen invullen").click()
    page.goto(semm_url + "plan.html")
    page.get_by_role("button", name="Maak hier een actie van").first.click()
    editor = page.locator(".action-editor").first
    editor.get_by_label("Eigenaar").fill("Mira")
    expect(editor.locator("[data-action-status]")).to_have_text("De actie is bewaard.")
    action = current_record(page)["actions"][0]
    page.evaluate("""() => { const owner = document.querySelector('.action-editor [data-action-field=owner]');
        owner.value = 'y'.repeat(201); owner.dispatchEvent(new Event('input', {bubbles: true})); }""")
    expect(editor.locator("[data-action-error]")).to_have_text(
        "Niet bewaard: de naam van de eigenaar is te lang (hooguit 200 tekens).")
    assert current_record(page)["actions"] == [action]

    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer (JSON)").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    exported["actions"][0]["due"] = "2025-02-30"
    exported["actions"][0]["status"] = "bezig"
    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    before = stored(page)
    page.get_by_label("Kies een exportbestand").set_input_files(
        {"name": "teamscan.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode("utf-8")})
    expect(page.locator("[data-import-error] li")).to_have_text([
        "actie 1: de datum ('due') is geen bestaande datum zoals 2025-06-30 (gevonden: \"2025-02-30\")",
        "actie 1: de status ('status') moet \"open\", \"in_progress\" of \"done\" zijn, gevonden: \"bezig\""])
    assert stored(page) == before
