"""Any maturity model, the way its respondents meet it: the two fixture models with other words, another scale and
another rule (tests/fixtures/varied) through scan, result, plan, Metingen, team and print, and every page of every
model at 320, 390 and 1280 px without sideways scrolling and without axe violations.

veilig.yaml: three functions (groups) of two practices, two streams each, treden 0 to 3, the mean everywhere.
ladder.yaml: one question per part, four steps, the weakest link, "niet van toepassing" allowed.
"""

from __future__ import annotations

import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from sitegen.serve import start_server

from .conftest import PROJECT, SUBPATH, wait_for_engine
from .test_accessibility import axe_violations

VARIED = PROJECT / "tests" / "fixtures" / "varied"
# Per practice two streams (as in tests/scoring/test_rules.py): the whole is (2 + 1.25 + 1.75)/3, shown 1,6.
STREAMS = {"strategie-doel": 1, "strategie-geld": 2, "opleiding-basis": 3, "opleiding-rol": 2,
           "dreigingen-kaart": 0, "dreigingen-keuze": 1, "eisen-lijst": 2, "eisen-leveranciers": 2,
           "testen-vooraf": 3, "testen-automatisch": 3, "herstel-melding": 1, "herstel-oefenen": 0}
SIZES = {"320": {"width": 320, "height": 640}, "390": {"width": 390, "height": 844},
         "1280": {"width": 1280, "height": 900}}


def scale_model(stages: int) -> str:
    """A small model with a scale of `stages` stages (ids 1 to `stages`), two parts of two aspects, long stage names."""
    phases = "".join(f"    - id: {n}\n      name: Stap {n} met een wat langere naam\n      summary: Stap {n}.\n"
                     for n in range(1, stages + 1))
    parts = "".join(
        f"  - id: d{p}\n    name: Deel {p} van de schaal\n    core: Waar deel {p} over gaat.\n    aspects:\n"
        + "".join(f"      - id: d{p}{a}\n        name: Vraag {a}\n        phases:\n"
                  + "".join(f"          - Beschrijving {n}.\n" for n in range(1, stages + 1)) for a in "ab")
        for p in (1, 2))
    return (f"id: schaal-{stages}\nversion: \"1\"\nname: Model met {stages} stappen\nshort_name: Schaal {stages}\n"
            f"intro: Een model om te zien of een schaal van {stages} stappen op elk scherm past.\n"
            "source:\n  title: Voor de tests\n  authors: Het team\n  publisher: Eigen uitgave\n  year: 2026\n"
            "  note: Alle teksten zijn voor de tests bedacht.\n"
            "words:\n  stage: {singular: stap, plural: stappen, article: de}\n"
            "  part: {singular: deel, plural: delen, article: het}\n"
            f"phases:\n  items:\n{phases}elements:\n{parts}")


# Every fixture model (the varied ones, the minimal and the sample one) and two generated scales, of 2 and 10 stages.
SCALES = (2, 10)
FIXTURE_MODELS = [*sorted(VARIED.glob("model/*.yaml")), PROJECT / "tests" / "fixtures" / "minimal" / "model" /
                  "minimaal.yaml", PROJECT / "tests" / "fixtures" / "sample" / "model" / "sample.yaml"]


@pytest.fixture(scope="module")
def varied_url(tmp_path_factory):
    """The site of every fixture model and two generated scales, built as a publisher builds it and served under a
    subpath."""
    from sitegen.pipeline import build

    host = tmp_path_factory.mktemp("varied-host")
    generated = []
    for stages in SCALES:
        path = host.parent / f"schaal-{stages}.yaml"
        path.write_text(scale_model(stages), encoding="utf-8")
        generated.append(path)
    build(FIXTURE_MODELS + generated, host / SUBPATH, VARIED / "content", site_config=VARIED / "site.yaml")
    server = start_server(host)
    yield f"http://127.0.0.1:{server.server_port}/{SUBPATH}/"
    server.shutdown()


@pytest.fixture
def page(context, varied_url):
    """A page of the varied site that fails the test on any script error or request to another origin."""
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    origin = varied_url.split(f"/{SUBPATH}/")[0]
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: foreign.append(req.url) if not req.url.startswith(origin) else None)
    page.set_default_timeout(20_000)
    yield page
    assert errors == [], f"scriptfouten op de pagina: {errors}"
    assert foreign == [], f"verzoeken naar een andere origin: {foreign}"


def answer_every_stream(page, url) -> None:
    """The scan of veilig, practice by practice, as its list of steps offers them (function by function)."""
    page.goto(url + "veilig/scan.html")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    expect(steps).to_contain_text("Bestuur")
    for number, part in enumerate(["strategie", "opleiding", "dreigingen", "eisen", "testen", "herstel"], 1):
        steps.get_by_role("link", name=f"{number}.").click()
        for stream, value in STREAMS.items():
            if stream.startswith(part):
                page.locator(f"#{stream}-{value}").check()


def answer_the_ladder(page, url) -> None:
    """The three questions of the ladder, one per step of the scan."""
    page.goto(url + "ladder/scan.html")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    for number, (part, value) in enumerate([("beleid", 3), ("inkoop", 1), ("testen", 2)], 1):
        steps.get_by_role("link", name=f"{number}.").click()
        page.locator(f"#{part}-{value}").check()


def test_a_mean_model_from_scan_to_result(page, varied_url):
    answer_every_stream(page, varied_url)
    wait_for_engine(page)
    expect(page.get_by_text("Tussenstand: trede 1,6 · Begin")).to_be_visible()

    page.goto(varied_url + "veilig/resultaat.html")
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name="Trede 1,6: Begin")).to_be_visible()
    expect(page.get_by_text("De trede van je organisatie is het gemiddelde van alle functies.")).to_be_visible()
    summary = page.locator("section.verdict")
    expect(summary.get_by_text("Laagst", exact=True)).to_be_visible()
    expect(summary.locator("[data-field=weakest]")).to_have_text("3. Dreigingen · trede 0,5, 6. Herstel · trede 0,5")
    chart = page.get_by_role("img", name="Trede per praktijk")
    expect(chart.locator("[data-row=ontwerp] [data-bar-label]")).to_have_text("trede 1,2")
    expect(chart.locator("[data-row=strategie] [data-bar-label]")).to_have_text("trede 1,5")
    widths = {row: chart.locator(f"[data-bar={row}]").bounding_box()["width"] for row in ("testen", "eisen")}
    assert widths["testen"] > widths["eisen"] > 0


def test_a_mean_model_through_plan_metingen_team_and_print(page, varied_url):
    answer_every_stream(page, varied_url)
    page.goto(varied_url + "veilig/resultaat.html")
    wait_for_engine(page)
    page.get_by_text("Kies of wijzig je ambitie").first.click()
    page.get_by_label("Eén ambitie voor alle praktijken").select_option("3")
    page.get_by_role("button", name="Voor alle praktijken invullen").click()
    expect(page.locator("[data-ambition-status]")).to_contain_text("bewaard")

    page.goto(varied_url + "veilig/plan.html")
    wait_for_engine(page)
    first = page.locator("[data-list=priorities] > li").first
    expect(first).to_contain_text("Ontwerp")  # the function the practice belongs to
    expect(first).to_contain_text("Nu trede 0,5 · Nog niets. Ambitie: trede 3 · Meetbaar. Nog 2,5 treden.")

    page.goto(varied_url + "veilig/metingen.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Bewaar als meting").click()
    expect(page.locator("[data-snapshot-rows]")).to_contain_text("trede 1,6 · Begin")

    page.goto(varied_url + "veilig/team.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Voeg mijn scans uit deze browser toe").click()
    expect(page.locator("[data-team-overall]")).to_contain_text("Trede 1,6: Begin")

    page.goto(varied_url + "veilig/resultaat.html")
    wait_for_engine(page)
    text = " ".join(" ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
                    .split())
    for expected in ("Trede 1,6: Begin", "Bestuur", "Ontwerp", "Toetsing", "gemiddelde van alle functies"):
        assert expected in text, expected


def test_a_question_not_applicable_in_a_ladder(page, varied_url):
    page.goto(varied_url + "ladder/scan.html")
    question = page.get_by_role("group", name="Weegt toegankelijkheid mee als je software of diensten inkoopt?")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    steps.get_by_role("link", name="1.").click()
    page.get_by_role("group", name="Hoe staat toegankelijkheid in de afspraken van de organisatie?") \
        .get_by_role("radio", name="Stap 3 · Vastgelegd").check()
    steps.get_by_role("link", name="2.").click()
    question.get_by_role("checkbox", name="Niet van toepassing").check()
    expect(question.get_by_role("radio", name="Stap 1 · Losse acties")).to_be_hidden()
    question.get_by_label("Waarom past deze vraag niet?").fill("We kopen niets in")
    steps.get_by_role("link", name="3.").click()
    page.locator("#testen-2").check()
    stored = page.evaluate("""() => { const list = JSON.parse(localStorage.getItem('servicescan:ladder:scans'));
        return JSON.parse(localStorage.getItem('servicescan:ladder:scan:' + list.current)); }""")
    assert stored["not_applicable"] == {"inkoop": "We kopen niets in"} and stored["schema"] == 4

    page.goto(varied_url + "ladder/resultaat.html")
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name="Stap 2: Herhaalbaar")).to_be_visible()
    expect(page.get_by_text("Alles ingevuld", exact=True)).to_be_visible()  # not applicable is not "weet ik niet"
    expect(page.locator("[data-list=excluded]")).to_contain_text("2. Inkoop (reden: niet van toepassing)")
    page.get_by_role("button", name="Maak een deellink").click()
    link = page.get_by_role("textbox", name="Deellink naar deze uitslag").input_value()
    assert link.endswith("#deel=3.ladder.2~1..---")


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("path", ["veilig/scan.html", "veilig/resultaat.html", "veilig/plan.html",
                                  "veilig/metingen.html", "veilig/team.html", "ladder/scan.html",
                                  "ladder/resultaat.html", "ladder/team.html"])
def test_every_page_fits_the_screen_without_sideways_scroll(page, varied_url, path, size):
    if "resultaat" in path or "plan" in path:
        (answer_every_stream if path.startswith("veilig") else answer_the_ladder)(page, varied_url)
    page.set_viewport_size(SIZES[size])
    page.goto(varied_url + path)
    wait_for_engine(page)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.bars-name, .bars-column span, '
        + '.bars-value')].filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize)), 99)""")
    assert smallest >= 12


def test_the_source_and_licence_are_links_that_say_they_leave_the_scan(page, varied_url):
    """As a CC BY-SA model requires: its source and licence named and linked, on the explanation page and the
    colophon, each link saying it goes to another website; the scan loads nothing from them."""
    licence = "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"
    for path in ("veilig/uitleg.html", "colofon.html"):
        page.goto(varied_url + path)
        source = page.get_by_role("link", name="Een verzonnen model voor de tests (andere website)")
        expect(source).to_have_attribute("href", "https://voorbeeld.nl/veilig-bouwen")
        expect(page.get_by_role("link", name="CC BY-SA 4.0 (andere website)", exact=True)).to_have_attribute(
            "href", licence)
    page.goto(varied_url + "veilig/uitleg.html")  # the page's own text may link to the licence too
    expect(page.get_by_role("link", name="licentie CC BY-SA 4.0 (andere website)")).to_have_attribute("href", licence)
    page.goto(varied_url + "ladder/uitleg.html")  # a model without url or licence: its source as text
    expect(page.locator(".source")).to_contain_text("Een verzonnen ladder voor de tests, Het team van de scan")
    assert page.locator(".source a").count() == 0


@pytest.mark.parametrize("path", ["index.html", "veilig/uitleg.html", "veilig/scan.html", "veilig/resultaat.html",
                                  "veilig/plan.html", "veilig/metingen.html", "veilig/scans.html", "veilig/team.html",
                                  "veilig/elementen/strategie.html", "ladder/uitleg.html", "ladder/scan.html",
                                  "ladder/resultaat.html", "ladder/team.html", "ladder/elementen/beleid.html",
                                  "colofon.html"])
def test_every_page_of_the_other_models_has_no_axe_violations(page, varied_url, path):
    page.goto(varied_url + path)
    if path.endswith("scan.html"):
        wait_for_engine(page)
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)


def test_a_whole_group_left_out_at_once(page, varied_url):
    page.goto(varied_url + "veilig/scan.html")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    steps.get_by_role("link", name="5.").click()  # the first practice of Toetsing
    page.get_by_role("checkbox", name="Heel de functie Toetsing laten we buiten deze beoordeling").check()
    stored = page.evaluate("""() => { const list = JSON.parse(localStorage.getItem('servicescan:veilig:scans'));
        return JSON.parse(localStorage.getItem('servicescan:veilig:scan:' + list.current)); }""")
    assert stored["excluded"] == {"testen": "", "herstel": ""}
    expect(steps).to_contain_text("6. Herstel (buiten beoordeling)")
    page.get_by_role("checkbox", name="Heel de functie Toetsing laten we buiten deze beoordeling").uncheck()
    expect(steps).not_to_contain_text("buiten beoordeling")


def test_the_presentation_shows_a_parts_question(page, varied_url):
    answer_the_ladder(page, varied_url)
    page.goto(varied_url + "ladder/team.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Voeg mijn scans uit deze browser toe").click()
    page.get_by_role("button", name="Start de presentatie").click()
    slide = page.get_by_role("dialog")
    expect(slide).to_contain_text("Hoe staat toegankelijkheid in de afspraken van de organisatie?")


def fill_first_answers(page, url, model_id) -> None:
    """Answer every radio group of a model's scan with its first choice but one, part by part."""
    page.goto(url + f"{model_id}/scan.html")
    for link in page.get_by_role("navigation", name="Onderdelen van de scan").get_by_role("link").all():
        link.click()
        for group in page.locator("section.step:not([hidden]) fieldset.question").all():
            radios = group.get_by_role("radio")
            radios.nth(min(1, radios.count() - 2)).check()


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("model_id", ["minimaal", "voorbeeld", *(f"schaal-{stages}" for stages in SCALES)])
def test_the_result_of_any_scale_fits_the_screen(page, varied_url, model_id, size):
    fill_first_answers(page, varied_url, model_id)
    page.set_viewport_size(SIZES[size])
    page.goto(varied_url + f"{model_id}/resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-result-page]")).to_have_attribute("data-result-source", "engine")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.bars-name, .bars-column span, '
        + '.bars-value')].filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize)), 99)""")
    assert smallest >= 12
    assert axe_violations(page) == []


def test_a_glossary_term_is_explained_where_it_first_appears_and_listed_in_print(page, varied_url):
    page.goto(varied_url + "veilig/scan.html")
    steps = page.get_by_role("navigation", name="Onderdelen van de scan")
    for number, part in enumerate(["strategie", "opleiding", "dreigingen", "eisen", "testen", "herstel"], 1):
        steps.get_by_role("link", name=f"{number}.").click()
        for stream in STREAMS:
            if stream.startswith(part):
                page.locator(f"#{stream}-1").check()
        if part == "opleiding":
            # The explanation is plain text in the choice's label: seen, read aloud and reached by touch alike.
            choice = page.get_by_role("radio", name="Elke rol heeft een eigen leerpad.", exact=False)
            expect(choice).to_have_accessible_name(
                "Trede 2 · Afgesproken Elke rol heeft een eigen leerpad. leerpad: Een vaste reeks cursussen en "
                "opdrachten voor één rol, van het begin tot het eind.")
            expect(page.locator("#opleiding .term-note")).to_have_count(1)  # its second use is not explained again
            expect(page.locator("#opleiding .term-note")).to_be_visible()

    page.goto(varied_url + "veilig/resultaat.html")
    wait_for_engine(page)
    terms = page.get_by_role("region", name="Begrippen in deze uitslag")
    expect(terms.locator("dt")).to_have_text(["leerpad", "oplevering"])
    expect(terms).to_contain_text("Het moment waarop het team nieuwe software aan de gebruikers geeft.")
    text = " ".join(" ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
                    .split())
    assert "Begrippen in deze uitslag leerpad Een vaste reeks cursussen" in text
