"""Small units stay anonymous, as a facilitator meets it in Chromium: a unit with fewer respondents than the site's
minimum (site.yaml `team.min_unit_size`, 3 by default) has no column and no count of its own in the team view, the
presentation, the printed team report, the team CSV or the team scan; small units together form 'Overige
afdelingen' when they reach the minimum, and the page says why. A site with a minimum of 4 and another model shows
that the setting reaches the browser."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import expect

from scoring_py import export_json
from scoring_py.model import Model
from sitegen.model import load_model
from sitegen.serve import start_server

from .conftest import PROJECT, SUBPATH, current_record, wait_for_engine

MODEL = load_model(PROJECT / "model" / "semm.yaml")
LADDER = PROJECT / "tests" / "fixtures" / "varied" / "model" / "ladder.yaml"
RULE = "Een afdeling met minder dan 3 deelnemers krijgt geen eigen cijfers: zo is niet te zien wat één persoon heeft " \
       "ingevuld."
OWN_NOTE = "Alleen ik werk bij West en ik vind het hier slecht geregeld."


def exports(folder: Path, model: Model, units: list[str | None], seed: int = 5) -> list[str]:
    """One export file per unit given: a named respondent of that unit, with random answers and a note of their own."""
    chance = random.Random(seed)
    scale = [phase["id"] for phase in model["phases"]["items"]]
    files = []
    for number, unit in enumerate(units, 1):
        record = {"name": f"Scan {number}",
                  "respondent": {"name": f"Persoon {number}", **({"unit": unit} if unit else {})},
                  "aspects": {aspect["id"]: chance.choice(scale) for element in model["elements"]
                              for aspect in element["aspects"]},
                  "results": {area["id"]: chance.choice([1, 2, 3]) for area in model.get("result_areas", [])},
                  "notes": {model["elements"][0]["id"]: OWN_NOTE}}
        path = folder / f"persoon-{number}.json"
        path.write_text(export_json(model, record, "2025-03-01T10:00:00.000Z"), encoding="utf-8")
        files.append(str(path))
    return files


def cli_team(files: list[str], *options: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "sitegen", "aggregate", *files, "--json", *options], cwd=PROJECT,
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(done.stdout)


def add_exports(page, url: str, files: list[str]) -> None:
    page.goto(url + "team.html")
    wait_for_engine(page)
    page.get_by_label("Exportbestanden (.json)").set_input_files(files)
    expect(page.locator("[data-team-status]")).to_contain_text(f"Er staan nu {len(files)} scans in de sessie.")


def units_table(page):
    return page.get_by_role("table", name="Fase per element, per afdeling")


def printed_text(page, folder: Path) -> str:
    """The team report as the printer gets it: page.pdf, read by pdftotext (pypdf where poppler is missing)."""
    pdf = folder / "teamrapport.pdf"
    page.pdf(path=str(pdf), format="A4")
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              encoding="utf-8", check=True).stdout
    return "\n".join(sheet.extract_text() for sheet in pypdf.PdfReader(pdf).pages)


def downloaded_csv(page) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download de teamcijfers (CSV)").click()
    return Path(download.value.path()).read_text(encoding="utf-8-sig")


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces, as a sentence reads on paper."""
    return " ".join(text.split())


def test_units_of_three_one_and_one_show_only_the_large_one(page, semm_url, tmp_path):
    files = exports(tmp_path, MODEL, ["Noord", "Noord", "Noord", "Zuid", "West"])
    add_exports(page, semm_url, files)

    # The team view: everyone, and Noord; Zuid and West have no column and no count, and the page says why.
    table = units_table(page)
    expect(table.get_by_role("columnheader")).to_have_text(["Element", "Iedereen (5)", "Noord (3)"])
    note = page.locator("[data-units-note]")
    expect(note).to_have_text(f"{RULE} Dat geldt hier voor 2 afdelingen, samen 2 deelnemers. Dat zijn er minder dan "
                              "3, dus ze staan ook niet samen in één kolom. Ze tellen wel mee in de uitslag van het "
                              "team.")
    main = page.locator("main")
    for hidden in ("West (1)", "Zuid (1)", "Overige afdelingen"):
        expect(main.get_by_role("columnheader", name=hidden)).to_have_count(0)
        expect(main).not_to_contain_text(hidden)
    # Noord's column holds Noord's own figures: the same as the command line gives.
    team = cli_team(files)
    assert [unit["label"] for unit in team["units"]] == ["Noord"] and team["units_note"] == note.text_content()
    noord = team["units"][0]
    expect(table.get_by_role("row", name="Hele organisatie").get_by_role("cell")).to_have_text(
        [str(team["team"]["overall"]["value"]), str(noord["value"])])

    # A respondent's own note never reaches the team page; the group's notes carry no name and no unit.
    expect(main).not_to_contain_text(OWN_NOTE)
    page.locator("#akkoord-e1a-notitie").fill("Het verschil komt door de klanten in het zuiden.")

    # The presentation: no units, no names, no own notes, on any slide.
    page.get_by_role("button", name="Start de presentatie").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    for hidden in ("West", "Zuid", "Noord", "Persoon", OWN_NOTE):
        expect(dialog).not_to_contain_text(hidden)
    page.keyboard.press("Escape")

    # The CSV holds the figures per aspect and result area only: no unit, no count per unit.
    csv = downloaded_csv(page)
    assert csv.startswith("Soort;Id;Naam;Aantal antwoorden")
    for hidden in ("West", "Zuid", "Noord", "Persoon"):
        assert hidden not in csv

    # The printed report: Noord with its count, the two small units only as a number together, and why.
    page.get_by_label("Naam van het team of de afdeling").fill("Regio")
    page.get_by_label("Datum van de sessie").fill("2025-03-01")
    text = printed_text(page, tmp_path)
    assert "Deelnemers per afdeling: Noord (3), kleinere afdelingen (2)." in flat(text)
    assert note.text_content() in flat(text)
    for hidden in ("West", "Zuid", "Overige afdelingen", "Persoon", OWN_NOTE):
        assert hidden not in text, hidden

    # With names on, names show beside the respondents; the small units still have no column of their own.
    page.get_by_label("Toon de namen").check()
    expect(page.locator("[data-team-people] li strong")).to_have_text([f"Persoon {n}" for n in range(1, 6)])
    expect(table.get_by_role("columnheader")).to_have_text(["Element", "Iedereen (5)", "Noord (3)"])
    for hidden in ("West (1)", "Zuid (1)"):
        assert hidden not in printed_text(page, tmp_path)

    # The team scan carries the team's name, how many took part, the day and the group's notes: no units.
    page.get_by_role("button", name="Bewaar als teamscan").click()
    expect(page.locator("[data-team-scan-next]")).to_be_visible()
    record = json.dumps(current_record(page), ensure_ascii=False)
    for hidden in ("West", "Zuid", "Noord", "Persoon", OWN_NOTE):
        assert hidden not in record


def test_units_of_three_two_and_two_show_the_small_ones_together(page, semm_url, tmp_path):
    files = exports(tmp_path, MODEL, ["Noord", "Zuid", "Noord", "West", "Zuid", "Noord", "West"], seed=7)
    add_exports(page, semm_url, files)

    table = units_table(page)
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Element", "Iedereen (7)", "Noord (3)", "Overige afdelingen (4)"])
    expect(page.locator("[data-units-note]")).to_have_text(
        f"{RULE} Dat geldt hier voor 2 afdelingen. Samen zijn dat 4 deelnemers: ze staan samen onder "
        "‘Overige afdelingen’.")
    main = page.locator("main")
    for hidden in ("West (2)", "Zuid (2)"):
        expect(main.get_by_role("columnheader", name=hidden)).to_have_count(0)
        expect(main).not_to_contain_text(hidden)
    # The combined column is West and Zuid computed together, as the command line computes them.
    together = cli_team(files)["units"][1]
    assert (together["label"], together["count"], together["combined"]) == ("Overige afdelingen", 4, True)
    cells = table.get_by_role("row", name="Hele organisatie").get_by_role("cell")
    expect(cells.nth(2)).to_have_text(str(together["value"]))

    page.get_by_role("button", name="Start de presentatie").click()
    dialog = page.get_by_role("dialog")
    for hidden in ("West", "Zuid", "Overige afdelingen"):
        expect(dialog).not_to_contain_text(hidden)
    page.keyboard.press("Escape")

    csv = downloaded_csv(page)
    assert "West" not in csv and "Zuid" not in csv

    text = flat(printed_text(page, tmp_path))
    assert "Deelnemers per afdeling: Noord (3), Overige afdelingen (4)." in text
    assert "Overige afdelingen (4)" in text and "West" not in text and "Zuid" not in text


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory):
    """The ladder model on a site that asks for at least 4 respondents per unit."""
    from sitegen.pipeline import build

    host = tmp_path_factory.mktemp("units-host")
    site = host.parent / "site-4.yaml"
    site.write_text("name: Scans met grotere groepen\nteam:\n  min_unit_size: 4\n", encoding="utf-8")
    build([LADDER], host / SUBPATH, PROJECT / "tests" / "fixtures" / "varied" / "content", site_config=site)
    server = start_server(host)
    yield f"http://127.0.0.1:{server.server_port}/{SUBPATH}/ladder/"
    server.shutdown()


@pytest.fixture
def ladder_page(context, strict_site):
    """A page of that site which fails the test on any script error or request to another origin."""
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    origin = strict_site.split(f"/{SUBPATH}/")[0]
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: foreign.append(req.url) if not req.url.startswith(origin) else None)
    page.set_default_timeout(20_000)
    yield page
    assert errors == [] and foreign == [], (errors, foreign)


def test_the_site_setting_reaches_the_team_page_of_another_model(ladder_page, strict_site, tmp_path):
    page = ladder_page
    ladder = load_model(LADDER)
    files = exports(tmp_path, ladder, ["Inkoop"] * 4 + ["Beheer"] * 3 + [None])
    add_exports(page, strict_site, files)

    table = page.get_by_role("table", name="Stap per onderwerp, per afdeling")  # the model's own words
    expect(table.get_by_role("columnheader")).to_have_text(["Onderwerp", "Iedereen (8)", "Inkoop (4)",
                                                            "Overige afdelingen (4)"])
    expect(page.locator("[data-units-note]")).to_have_text(
        "Een afdeling met minder dan 4 deelnemers krijgt geen eigen cijfers: zo is niet te zien wat één persoon "
        "heeft ingevuld. Dat geldt hier voor 1 afdeling en de groep zonder afdeling. Samen zijn dat 4 deelnemers: "
        "ze staan samen onder ‘Overige afdelingen’.")
    expect(page.locator("main")).not_to_contain_text("Beheer (3)")
