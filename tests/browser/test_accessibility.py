"""axe-core (WCAG 2.1 A and AA) on every page, and on the result page with a filled-in scan."""

from __future__ import annotations

import json

import pytest

from .conftest import PROJECT, wait_for_engine

AXE = (PROJECT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["index.html", "privacy.html", "toegankelijkheid.html", "colofon.html",
         "semm/uitleg.html", "semm/scan.html", "semm/resultaat.html", "semm/plan.html", "semm/metingen.html",
         "semm/scans.html", "semm/team.html", "topdesk-esm/uitleg.html", "topdesk-esm/scan.html",
         "topdesk-esm/resultaat.html", "topdesk-esm/plan.html", "topdesk-esm/metingen.html", "topdesk-esm/scans.html",
         "topdesk-esm/team.html", "topdesk-esm/elementen/e1.html"] + [f"semm/elementen/e{n}.html" for n in range(1, 10)]
# The English editions (model/translations): other texts, other lengths, the links to the Dutch pages.
PAGES += [f"semm/en/{name}" for name in ("uitleg.html", "scan.html", "resultaat.html", "plan.html", "metingen.html",
                                         "scans.html", "team.html", "elementen/e1.html")]
PAGES += ["topdesk-esm/en/scan.html", "topdesk-esm/en/resultaat.html", "topdesk-esm/en/uitleg.html"]


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's strict CSP stays as it is.
    page.evaluate(AXE)
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"]]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(page, site_url, path):
    page.goto(site_url + path)
    if path.endswith("scan.html"):
        wait_for_engine(page)
    assert axe_violations(page) == [], json.dumps(axe_violations(page), indent=1)


def test_every_scan_step_has_no_axe_violations(page, semm_url):
    page.goto(semm_url + "scan.html")
    for step in ["e1", "e5", "e9", "resultaten", "overzicht"]:
        page.goto(semm_url + f"scan.html#{step}")
        assert axe_violations(page) == [], step


def test_filled_in_result_has_no_axe_violations(page, semm_url):
    page.goto(semm_url + "scan.html")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    for number in range(1, 10):
        steps.get_by_role("link", name=f"{number}.").click()
        page.locator(f"#e{number}a-3").check()
    page.locator("#e9b-unknown").check()
    page.locator("#notitie-e9").fill("Een notitie")
    steps.get_by_role("link", name="Resultaatgebieden").click()
    page.locator("#ra-2").check()
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    page.get_by_role("heading", level=2, name="Fase 3: Visie- en designfase").wait_for()
    assert axe_violations(page) == []


def test_filled_in_team_page_has_no_axe_violations(page, semm_url):
    page.goto(semm_url + "team.html")
    page.get_by_label("Exportbestanden (.json)").set_input_files(
        [str(PROJECT / "tests" / "fixtures" / "team" / f"{n}.json") for n in ("anna", "bram", "cem")])
    page.get_by_role("heading", level=2, name="Uitslag van het team").wait_for()
    page.locator("[data-team-overall]:not(:empty)").wait_for()
    assert axe_violations(page) == []


def test_scans_page_with_scans_and_a_shared_result_have_no_axe_violations(page, semm_url):
    page.goto(semm_url + "scans.html")
    page.get_by_role("button", name="Maak een nieuwe scan").click()
    page.get_by_label("Kies een exportbestand").set_input_files(
        {"name": "kapot.json", "mimeType": "application/json", "buffer": b"nee"})
    page.get_by_role("alert").wait_for()
    assert axe_violations(page) == []
    page.goto(semm_url + "resultaat.html#deel=1.semm.333333333333333333.2222")
    page.get_by_text("Je bekijkt een gedeelde uitslag.").wait_for()
    assert axe_violations(page) == []


def test_every_state_of_a_team_session_has_no_axe_violations(page, semm_url):
    """Anonymous list, team answers, the presentation (modal, on a projector's 1280x720), a refused note, the team
    scan, and then the plan with actions and the review of actions on Metingen."""
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    page.get_by_label("Exportbestanden (.json)").set_input_files(
        [str(PROJECT / "tests" / "fixtures" / "team" / f"{n}.json") for n in ("anna", "bram", "cem", "dirk", "eva")])
    page.locator("[data-team-overall]:not(:empty)").wait_for()
    page.locator("#akkoord-e1a").select_option("4")
    page.locator("#akkoord-e1a-notitie").fill("Besproken")
    assert axe_violations(page) == [], "team answers"

    page.set_viewport_size({"width": 1280, "height": 720})
    page.get_by_role("button", name="Start de presentatie").click()
    page.get_by_role("dialog").wait_for()
    assert axe_violations(page) == [], "presentation"
    page.keyboard.press("End")
    page.get_by_text("22 van 22", exact=True).wait_for()
    assert axe_violations(page) == [], "presentation, last slide"
    page.evaluate("""() => { const note = document.querySelector('.slide:not([hidden]) [data-slide-note]');
        note.value = 'x'.repeat(10001); note.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.locator(".slide:not([hidden]) [data-slide-error]").wait_for()
    assert axe_violations(page) == [], "presentation, a note that is too long"
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_label("Toon de namen").check()
    assert axe_violations(page) == [], "phone, names shown"

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Naam van het team of de afdeling").fill("Klantcontact")
    page.get_by_role("button", name="Bewaar als teamscan").click()
    page.locator("[data-team-scan-next]:not([hidden])").wait_for()
    assert axe_violations(page) == [], "team scan saved"

    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    page.get_by_text("Kies of wijzig je ambitie per element").click()
    page.get_by_label("Eén ambitie voor alle elementen").select_option("5")
    page.get_by_role("button", name="Voor alle elementen invullen").click()
    page.goto(semm_url + "plan.html")
    page.get_by_role("button", name="Maak hier een actie van").first.click()
    page.locator(".action-editor").first.get_by_label("Eigenaar").fill("Mira")
    page.locator(".action-editor").first.get_by_label("Klaar op").fill("2024-01-31")
    page.locator("[data-action-rows] tr").first.wait_for()
    page.evaluate("""() => { const owner = document.querySelector('.action-editor [data-action-field=owner]');
        owner.value = 'x'.repeat(201); owner.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.locator(".action-editor [data-action-error]").first.wait_for()
    assert axe_violations(page) == [], "plan with an action and a refused owner"
    page.goto(semm_url + "metingen.html")
    page.locator("[data-review-rows] tr").first.wait_for(timeout=30_000)
    assert axe_violations(page) == [], "actions on Metingen"
