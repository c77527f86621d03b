"""A facilitator's session in Firefox and in WebKit: five export files read in, anonymous, the team answers from
the engine's medians (the same as the command line's), the presentation by keyboard, an answer changed on a slide,
the session kept over a reload, and the team scan saved. tests/browser/test_team_session.py goes on from there in
Chromium (ambition, plan, export and import in another browser, the team report)."""

from __future__ import annotations

import json

from tests.browser.test_team_session import FIVE, NAMES, PREFIX, cli_team

from .driver import Page, wait

NOTE = "Eén van ons ziet het al in de hele organisatie; we kiezen 4."


def value_of(page: Page, selector: str) -> str:
    return page.evaluate("return document.querySelector(arguments[0]).value", selector)


def test_a_session_from_five_files_to_a_team_scan(page: Page):
    page.goto("semm/team.html")
    page.wait_for_engine()
    page.upload("Exportbestanden (.json)", *FIVE)
    page.see("5 scan(s) toegevoegd. Er staan nu 5 scans in de sessie.")
    for number in range(1, 6):
        page.see(f"Respondent {number}", page.css("[data-team-people]"))
    main = page.css("main").text
    assert [name for name in NAMES if name in main] == [], f"namen op de pagina in {page.engine}"

    team = cli_team(FIVE)
    medians = {item["id"]: str(item["team"]) for item in team["aspects"] + team["result_areas"]}
    shown = "return Object.fromEntries(arguments[0].map(id => [id, document.querySelector('#akkoord-' + id).value]))"
    wait(lambda: page.evaluate(shown, list(medians)) == medians, f"de teamantwoorden zijn de medianen in {page.engine}")
    page.see("Afgesproken: 0 van 22.")

    # The presentation, by keyboard only.
    start = page.role("button", "Start de presentatie")
    page.evaluate("arguments[0].focus()", start)
    page.press("Enter")
    dialog = page.role("dialog")
    title = page.role("heading", "1a. Ideale klantbeleving", dialog, exact=True)
    wait(lambda: page.focused() == title, f"de kop van de dia heeft de focus in {page.engine}")
    page.see("1 van 22", dialog)
    page.press("ArrowRight")
    page.role("heading", "3a. Leiderschapsfocus", dialog, exact=True)
    page.press("End")
    page.see("22 van 22", dialog)
    page.press("Home")
    page.role("heading", "1a. Ideale klantbeleving", dialog, exact=True)
    assert [name for name in NAMES if name in dialog.text] == []

    # The group agrees on phase 4 on the slide, with a note.
    slide_answer = page.role("combobox", "Teamantwoord", dialog, exact=True)
    page.select("Teamantwoord", "4", dialog)
    slide_note = page.role("textbox", "Notitie", dialog)
    slide_note.send_keys(NOTE)
    assert slide_answer.get_attribute("value") == "4"
    page.press("Escape")
    wait(lambda: not page.find_all("dialog"), f"de presentatie is dicht in {page.engine}")
    wait(lambda: page.focused() == start, f"de focus is terug op de knop in {page.engine}")
    page.see("Afgesproken: 1 van 22.")

    page.reload()
    page.wait_for_engine()
    page.see("De sessie staat nog klaar: 5 scan(s).")
    wait(lambda: value_of(page, "#akkoord-e1a") == "4", f"het teamantwoord staat er nog in {page.engine}")
    wait(lambda: value_of(page, "#akkoord-e1a-notitie") == NOTE, f"de notitie staat er nog in {page.engine}")

    page.fill("Naam van het team of de afdeling", "Klantcontact")
    page.set_date("Datum van de sessie", "2025-03-01")
    page.role("button", "Bewaar als teamscan").click()
    page.see("De teamscan ‘Teamscan Klantcontact’ is bewaard en staat nu open. Afgesproken: 1.")
    stored = page.storage()
    current = json.loads(stored[PREFIX + "scans"])["current"]
    record = json.loads(stored[f"{PREFIX}scan:{current}"])
    assert record["team"]["respondents"] == 5 and record["aspects"]["e1a"] == 4
    assert [name for name in NAMES if name in json.dumps(record)] == []
