"""The result page people take to management, on a phone, on a screen and on paper.

A complete scan with an ambition and a note on every part (SEMM and TOPdesk), put in the browser as a visit to the
scan leaves it. On a 390x844 phone and a 1280x900 screen the summary fits the first screen; every chart label is at
least 12 CSS px and no name is cut; at 320 px nothing scrolls sideways in any state; the menu takes one line and works
by keyboard; printed, the page is a report of at most three A4 pages that names the scan and the date; a return visit
shows the stored result before the engine is ready; descriptions the publisher wrote are marked; axe finds nothing.
"""

from __future__ import annotations

import datetime
import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from sitegen.model import load_model
from sitegen.views import parts_chart

from .conftest import PROJECT, wait_for_engine
from .test_accessibility import axe_violations
from .test_scan_journey import ASPECTS, RESULTS

MODELS = {model_id: load_model(PROJECT / "model" / f"{model_id}.yaml") for model_id in ("semm", "topdesk-esm")}
TOPDESK_ASPECTS = {"e1a": 3, "e2a": 2, "e3a": 4, "e4a": 3, "e5a": 2}  # dimensions 2 and 5 hold it at niveau 2
PHONE, SCREEN, NARROW = {"width": 390, "height": 844}, {"width": 1280, "height": 900}, {"width": 320, "height": 640}
SCAN_NAME = "Klantenservice Noord 2025"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def full_record(model_id: str) -> dict:
    """A complete scan: every answer, an ambition for every part and area, a note on every part, the respondent."""
    model = MODELS[model_id]
    parts = [element["id"] for element in model["elements"]]
    aspects, results = (ASPECTS, RESULTS) if model_id == "semm" else (TOPDESK_ASPECTS, {})
    return {
        "schema": 1, "id": "s1", "name": SCAN_NAME, "model": model_id, "model_version": model["version"],
        "created": "2025-02-01T09:00:00.000Z", "updated": "2025-03-01T10:00:00.000Z",
        "respondent": {"name": "Anna de Vries", "role": "Teamleider", "unit": "Klantcontact"},
        "aspects": aspects, "results": results,
        "notes": {part: f"Notitie bij {part}: in het MT besproken; eerst de basis op orde, dan kijken wat klanten "
                        "echt merken van de verbeteringen." for part in parts},
        "ambition": {"elements": dict.fromkeys(parts, 4), "results": dict.fromkeys(results, 3)},
        "step": None, "snapshots": [],
    }


def seed(page, site_url, record: dict) -> None:
    """Put one scan in the browser, as the scan page leaves it."""
    prefix = f"servicescan:{record['model']}:"
    page.goto(site_url + "colofon.html")
    page.evaluate("items => { localStorage.clear(); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  {f"{prefix}scans": json.dumps({"schema": 1, "current": record["id"], "scans": [
                      {"id": record["id"], "name": record["name"], "created": record["created"],
                       "updated": record["updated"]}]}),
                   f"{prefix}scan:{record['id']}": json.dumps(record)})


def open_result(page, site_url, model_id: str = "semm", size: dict | None = None, record: dict | None = None) -> None:
    page.set_viewport_size(size or SCREEN)
    seed(page, site_url, record or full_record(model_id))
    page.goto(site_url + f"{model_id}/resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-result-page]")).to_have_attribute("data-result-source", "engine")


def sideways(page) -> int:
    """How far the page scrolls sideways (0: not at all)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


# --- the first screen ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("model_id", MODELS)
@pytest.mark.parametrize("size", [PHONE, SCREEN], ids=["390x844", "1280x900"])
def test_the_summary_fits_the_first_screen(page, site_url, model_id, size):
    open_result(page, site_url, model_id, size)
    summary = page.locator("section.verdict")
    expect(summary.get_by_role("heading", level=2)).to_have_text(
        "Fase 2: Pioniersfase" if model_id == "semm" else "Niveau 2: Controlled service delivery")
    expect(summary.locator("[data-field=open]")).to_have_text("Niets: je hebt alles ingevuld.")
    box = summary.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], box


# --- charts that work on any screen --------------------------------------------------------------------------

# The size every piece of text in a chart is drawn at, in CSS px: for SVG text its font size times the scale of the
# SVG; the names and the widest element in each chart (to find text that is cut off or runs out of its box).
MEASURE = """() => {
  const sizes = [];
  for (const chart of document.querySelectorAll('.bars, .axes-chart, .chart-legend')) {
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      const scale = element instanceof SVGElement ? element.getScreenCTM().a : 1;
      sizes.push({ text: node.textContent.trim(), px: Math.round(size * scale * 10) / 10 });
    }
  }
  const names = [...document.querySelectorAll('.bars-name')].map((name) => ({
    text: name.firstChild.textContent.trim(), cut: name.scrollWidth > name.clientWidth + 1 }));
  return { sizes, names };
}"""


@pytest.mark.parametrize("model_id", MODELS)
@pytest.mark.parametrize("size", [PHONE, NARROW], ids=["390", "320"])
def test_every_chart_label_is_at_least_12px_and_names_are_whole(page, site_url, model_id, size):
    open_result(page, site_url, model_id, size)
    measured = page.evaluate(MEASURE)
    small = [item for item in measured["sizes"] if item["px"] < 12]
    assert measured["sizes"] and small == []
    model = MODELS[model_id]
    whole = [row["label"] for row in parts_chart(dict(model))["rows"]]  # with groups, each group's row above its parts
    whole += [f"{area['letter']}. {area['name']}" for area in model.get("result_areas", [])]
    assert [name["text"] for name in measured["names"]] == whole
    assert [name for name in measured["names"] if name["cut"]] == []
    assert sideways(page) == 0


def test_the_part_chart_shows_position_overall_line_weakest_and_ambition(page, site_url):
    open_result(page, site_url)
    chart = page.get_by_role("img", name="Fase per element")
    widths = {row: chart.locator(f"[data-bar={row}]").bounding_box()["width"] for row in ("e3", "e4", "e5")}
    assert widths["e5"] > widths["e4"] > widths["e3"] > 0
    expect(chart.locator(".is-weakest")).to_have_count(1)
    expect(chart.locator("[data-row=e3]").get_by_text("zwakste schakel")).to_be_visible()
    lines = chart.locator("[data-overall-mark]")
    expect(lines).to_have_count(9 + 4)  # nine elements and the four dimensions' rows
    line_x = {round(box["x"]) for box in (lines.nth(n).bounding_box() for n in range(13))}
    assert len(line_x) == 1  # one straight line: the overall stage
    assert abs(line_x.pop() - (chart.locator("[data-bar=e3]").bounding_box()["x"] + widths["e3"])) <= 2
    expect(chart.locator("[data-target=e1]")).to_be_visible()
    expect(chart.locator("[data-target-label=e3]")).to_have_text("ambitie fase 4: nog 2")
    # Screen readers get every row, the weakest and the line in the chart's name.
    name = chart.evaluate("el => [...el.getAttribute('aria-labelledby').split(' ')].map(id => document.getElementById(id).textContent).join(' ')")
    assert "3. Leiderschap en management commitment: fase 2, de zwakste schakel." not in name  # it has an ambition
    assert "3. Leiderschap en management commitment: nu fase 2, ambitie fase 4 · Structuurfase (nog 2 fasen te gaan)." in name
    assert "De lijn staat bij fase 2: de fase van je organisatie." in name


def test_the_stages_on_two_axes_read_on_a_phone(page, site_url):
    open_result(page, site_url, "topdesk-esm", PHONE)
    chart = page.get_by_role("img", name="De niveaus op de assen houding en bedrijfsfocus")
    expect(chart).to_be_visible()
    expect(page.locator("[data-axes-label='2']")).to_contain_text("Controlled service delivery je organisatie")
    name = chart.evaluate("el => [...el.getAttribute('aria-labelledby').split(' ')].map(id => document.getElementById(id).textContent).join(' ')")
    assert "Je organisatie staat op niveau 2: Controlled service delivery." in name


# --- no sideways scrolling, in every state -------------------------------------------------------------------


def open_everything(page) -> None:
    """Open every disclosure on the page, as a curious visitor does."""
    for summary in page.locator("details:not([hidden]) > summary").all():
        if summary.is_visible():
            summary.click()


@pytest.mark.parametrize("state", ["empty", "partial", "full", "shared", "topdesk"])
def test_nothing_scrolls_sideways_at_320px(page, site_url, state):
    page.set_viewport_size(NARROW)
    if state == "empty":
        page.goto(site_url + "semm/resultaat.html")
        expect(page.get_by_text("Je hebt in deze browser nog niets ingevuld.")).to_be_visible()
    elif state == "shared":
        page.goto(site_url + "semm/resultaat.html#deel=1.semm.333333333333333333.2222")
        page.get_by_text("Je bekijkt een gedeelde uitslag.").wait_for()
    elif state == "partial":
        record = {**full_record("semm"), "aspects": {"e1a": 4, "e2a": 3, "e3a": "unknown"}, "results": {},
                  "ambition": {"elements": {}, "results": {}}, "notes": {}}
        open_result(page, site_url, size=NARROW, record=record)
        expect(page.get_by_text("Voorlopige uitslag")).to_be_visible()
    else:
        open_result(page, site_url, "topdesk-esm" if state == "topdesk" else "semm", NARROW)
    assert sideways(page) == 0
    open_everything(page)
    assert sideways(page) == 0
    page.get_by_role("button", name="Menu").click()
    assert sideways(page) == 0


# --- the menu on a phone ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [PHONE, NARROW], ids=["390", "320"])
def test_the_menu_takes_one_line_and_works_by_keyboard(page, site_url, size):
    page.set_viewport_size(size)
    page.goto(site_url + "semm/plan.html")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    button = menu.get_by_role("button", name="Menu je bent op: Plan")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Uitleg")).to_be_hidden()
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-menu-button]')).lineHeight)")
    assert button.bounding_box()["height"] < 2 * line + 20  # one line of text, with its padding
    assert page.locator(".site-header").bounding_box()["height"] <= 90

    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site's name
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Plan")).to_have_attribute("aria-current", "page")
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Start")).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(menu.get_by_role("link", name="Start")).to_be_hidden()
    page.keyboard.press("Enter")
    menu.get_by_role("link", name="Metingen").click()
    page.wait_for_url("**/metingen.html")
    expect(page.get_by_role("button", name="Menu je bent op: Metingen")).to_be_visible()


def test_on_a_wide_screen_the_whole_menu_shows_on_one_line(page, site_url):
    page.goto(site_url + "semm/resultaat.html")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("button")).to_be_hidden()
    tops = {round(link.bounding_box()["y"]) for link in menu.get_by_role("link").all()}
    assert len(tops) == 1
    expect(menu.get_by_role("link", name="Uitslag")).to_have_attribute("aria-current", "page")


LAYOUT_SHIFT = """() => new Promise((resolve) => {
  new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, entry) => sum + entry.value, 0)))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(0), 500);
})"""


def test_on_a_phone_the_menu_is_folded_from_the_first_paint(page, site_url):
    """The header does not shrink once menu.js has run, so nothing below it moves (Lighthouse counted 0.13 CLS)."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + "semm/scan.html", wait_until="load")
    expect(page.get_by_role("button", name="Menu je bent op: Scan")).to_be_visible()
    assert page.evaluate(LAYOUT_SHIFT) == 0


@pytest.mark.context_options(java_script_enabled=False)
def test_without_scripts_the_whole_menu_shows_on_a_phone(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "semm/scan.html")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("button")).to_be_hidden()
    expect(menu.get_by_role("link", name="Uitleg")).to_be_visible()


# --- the printed report ----------------------------------------------------------------------------------------


def print_pdf(page) -> PdfReader:
    """The page as Chromium prints it (print styles, A4, without background graphics, as a browser's default)."""
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))


@pytest.mark.parametrize("model_id", MODELS)
def test_the_report_is_at_most_three_pages_and_names_the_scan(page, site_url, model_id):
    open_result(page, site_url, model_id)
    pdf = print_pdf(page)
    pages = [sheet.extract_text() for sheet in pdf.pages]
    text = " ".join(" ".join(pages).split())
    today = datetime.date.today()
    model = MODELS[model_id]

    assert 1 <= len(pages) <= 3
    for expected in (SCAN_NAME, "Anna de Vries", "Teamleider", "Klantcontact", "1 maart 2025",
                     f"{today.day} {MONTHS[today.month - 1]} {today.year}", f"{model['name']}, versie {model['version']}",
                     "Notitie bij e1:", f"Notitie bij {model['elements'][-1]['id']}:", "Volgende stappen"):
        assert expected in text, expected
    assert "Kies of wijzig je ambitie" not in text and "Toon als tabel" not in text and "Exporteer" not in text
    for number, sheet in enumerate(pages, 1):
        assert f"{number} / {len(pages)}" in sheet  # the page numbers in the margin
    # No page is left mostly empty: every page but the last holds at least half as much text as the fullest one.
    fullest = max(len(sheet) for sheet in pages)
    assert all(len(sheet) >= fullest / 2 for sheet in pages[:-1])


def test_a_report_with_a_part_left_out_and_no_notes_leaves_no_scrap_page(page, site_url):
    """Without notes but with a reason for a part left out, the last next step once ran onto a page of its own."""
    record = {**full_record("semm"), "schema": 2, "notes": {},
              "excluded": {"e3": "Onze afdeling heeft geen invloed op de visie en strategie van de hele organisatie."}}
    record["ambition"] = {"elements": {part: 4 for part in record["ambition"]["elements"] if part != "e3"},
                          "results": dict.fromkeys(RESULTS, 3)}
    open_result(page, site_url, record=record)
    pages = [sheet.extract_text() for sheet in print_pdf(page).pages]
    text = " ".join(" ".join(pages).split())

    assert "8 van de 9 elementen" in text and "niet beoordeeld" in text and "Volgende stappen" in text
    assert len(pages) <= 3
    fullest = max(len(sheet) for sheet in pages)
    assert all(len(sheet) >= fullest / 3 for sheet in pages), [len(sheet) for sheet in pages]


def test_a_shared_result_prints_as_a_report_too(page, site_url):
    page.goto(site_url + "semm/resultaat.html#deel=1.semm.333333333333333333.2222")
    page.get_by_text("Je bekijkt een gedeelde uitslag.").wait_for()
    text = " ".join(sheet.extract_text() for sheet in print_pdf(page).pages)
    assert "Gedeelde uitslag" in text and "Fase 4: Structuurfase" in text
    assert "Bewaar als scan" not in text


# --- a return visit is instant ---------------------------------------------------------------------------------


# Without the service worker's copy, so that blocking the engine's download below really blocks it.
@pytest.mark.context_options(service_workers="block")
def test_a_return_visit_shows_the_stored_result_before_the_engine(page, site_url):
    open_result(page, site_url)  # the first visit: the engine computes the result, the page keeps it
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('servicescan:semm:scan:s1'))")
    assert stored["result"]["key"] == page.locator("[data-result-page]").get_attribute("data-result-key")
    assert stored["updated"] == "2025-03-01T10:00:00.000Z"  # keeping the result is not a change to the scan

    page.context.route("**/pyodide.asm.wasm", lambda route: route.abort())  # the engine cannot start now
    page.reload()
    expect(page.locator("[data-result-page]")).to_have_attribute("data-result-source", "stored")
    expect(page.get_by_role("heading", level=2, name="Fase 2: Pioniersfase")).to_be_visible()
    expect(page.locator("[data-field=ambition-overall]")).to_have_text("fase 4 · Structuurfase (nog 2 fasen te gaan)")
    expect(page.get_by_role("img", name="Fase per element").locator("[data-target=e3]")).to_be_visible()
    wait_for_engine(page, "error")
    expect(page.get_by_role("heading", level=2, name="Fase 2: Pioniersfase")).to_be_visible()

    # Changed answers (here: in another tab) are never shown from the stored result: the page waits for the engine.
    page.evaluate("""() => { const key = 'servicescan:semm:scan:s1'; const record = JSON.parse(localStorage.getItem(key));
                             record.aspects.e3a = 4; localStorage.setItem(key, JSON.stringify(record)); }""")
    page.reload()
    wait_for_engine(page, "error")
    expect(page.locator("[data-result]")).to_be_hidden()
    page.context.unroute("**/pyodide.asm.wasm")
    page.reload()
    wait_for_engine(page)
    expect(page.get_by_role("heading", level=2, name="Fase 3: Visie- en designfase")).to_be_visible()


def test_a_result_stored_by_another_build_waits_for_the_engine(page, site_url):
    record = {**full_record("semm"), "result": {"key": "2022.1/oud", "answers": "{}", "score": {}}}
    open_result(page, site_url, record=record)
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('servicescan:semm:scan:s1'))")
    assert stored["result"]["key"] != "2022.1/oud" and stored["result"]["score"]["overall"]["phase"] == 2


# --- our own words are marked ----------------------------------------------------------------------------------

ADDED = "Door ons geschreven: de bron heeft hier geen tekst."


def test_descriptions_the_publisher_wrote_are_marked_everywhere(page, site_url):
    topdesk = MODELS["topdesk-esm"]
    page.goto(site_url + "topdesk-esm/scan.html")
    marked = page.locator("label", has_text=ADDED)
    expect(marked).to_have_count(13)
    expect(page.locator("label[for='e2a-4']")).to_contain_text(ADDED)
    expect(page.locator("label[for='e2a-5']")).not_to_contain_text(ADDED)
    page.goto(site_url + "topdesk-esm/elementen/e1.html")
    cells = page.get_by_role("table").get_by_role("cell")
    expect(cells.filter(has_text=ADDED)).to_have_count(len(topdesk["elements"][0]["aspects"][0]["added"]))
    page.goto(site_url + "semm/scan.html")
    expect(page.get_by_text(ADDED)).to_have_count(0)  # the SEMM guide describes every phase itself

    open_result(page, site_url, "topdesk-esm")
    steps = page.locator("[data-list=next-steps] > li")
    expect(steps).to_have_count(2)  # Proces and Leverancier, both from niveau 2 to niveau 3: descriptions we wrote
    expect(steps.filter(has_text=ADDED)).to_have_count(2)
    text = " ".join(" ".join(sheet.extract_text() for sheet in print_pdf(page).pages).split())
    assert text.count(ADDED) == 2

    # The plan shows the same next-stage descriptions as steps; those we wrote are marked there too.
    page.goto(site_url + "topdesk-esm/plan.html")
    wait_for_engine(page)
    plan_steps = page.locator(".plan-steps > li")
    expect(plan_steps.first).to_be_visible()
    marked_steps = plan_steps.filter(has_text=ADDED)
    assert 2 <= marked_steps.count() < plan_steps.count()  # only the steps whose description we wrote


# --- accessibility in every state ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [PHONE, SCREEN], ids=["390", "1280"])
def test_every_state_of_the_result_page_has_no_axe_violations(page, site_url, size):
    open_result(page, site_url, size=size)
    assert axe_violations(page) == []
    open_everything(page)
    assert axe_violations(page) == []
    if size == PHONE:
        page.get_by_role("button", name="Menu").click()
        assert axe_violations(page) == []
    record = {**full_record("semm"), "aspects": {"e1a": 4}, "results": {"ra": "unknown"}, "notes": {},
              "ambition": {"elements": {"e1": 5}, "results": {}}}
    open_result(page, site_url, size=size, record=record)
    open_everything(page)
    assert axe_violations(page) == []
    open_result(page, site_url, "topdesk-esm", size)
    open_everything(page)
    assert axe_violations(page) == []


def test_keeping_the_result_does_not_disturb_the_scan_open_in_another_tab(page, site_url):
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/scan.html#e3")
    result = page.context.new_page()
    result.goto(site_url + "semm/resultaat.html")
    wait_for_engine(result)
    expect(result.locator("[data-result-page]")).to_have_attribute("data-result-source", "engine")
    assert "result" in result.evaluate("() => JSON.parse(localStorage.getItem('servicescan:semm:scan:s1'))")
    page.bring_to_front()
    page.locator("#e3a-4").check()  # an answer after the other tab kept its result: no copy, no message
    expect(page.get_by_text("Opgeslagen in deze browser")).to_be_visible()
    expect(page.locator("[data-sync-status]")).to_be_empty()
    names = page.evaluate("() => JSON.parse(localStorage.getItem('servicescan:semm:scans')).scans.map(s => s.name)")
    assert names == [SCAN_NAME]
    result.close()


def test_the_plan_still_prints_as_an_action_list(page, site_url):
    seed(page, site_url, full_record("semm"))
    page.goto(site_url + "semm/plan.html")
    wait_for_engine(page)
    expect(page.locator("[data-list=priorities] > li").first).to_be_visible()
    pdf = print_pdf(page)
    text = " ".join(" ".join(sheet.extract_text() for sheet in pdf.pages).split())
    assert "Je ontwikkelplan" in text and "Element 3: Leiderschap en management commitment" in text
    assert "1 / " in pdf.pages[0].extract_text()
    assert page.locator(".plan-steps .tick").first.is_visible()  # the boxes to tick, printed only
