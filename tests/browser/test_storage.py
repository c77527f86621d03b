"""Storage that never loses a scan: every released layout restored, unreadable data kept and offered, failing
saves with an export at hand, two tabs that do not overwrite each other, and the privacy page's list of keys."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scoring_py.record_shape import SCHEMA

from .conftest import PROJECT, wait_for_engine

FIXTURES = PROJECT / "tests" / "fixtures" / "storage"
PREFIX = "servicescan:semm:"
QUOTA = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""


def seed(page, site_url, items: dict[str, str]) -> None:
    """Put stored data in the browser as an earlier visit left it, then leave the page."""
    page.goto(site_url + "colofon.html")
    page.evaluate("items => { localStorage.clear(); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  items)


def storage(page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def copies(page) -> dict[str, str]:
    return {key: value for key, value in storage(page).items() if key.startswith(PREFIX + "onleesbaar:")}


def index(page) -> dict:
    return json.loads(storage(page)[PREFIX + "scans"])


def test_schema_1_as_stored_today_is_restored_everywhere(page, site_url, semm_url):
    data = json.loads((FIXTURES / "schema-1.json").read_text(encoding="utf-8"))
    seed(page, site_url, data)
    page.goto(semm_url + "scan.html")
    expect(page.get_by_text("Open scan: Team Noord")).to_be_visible()
    expect(page.locator("section#e2")).to_be_visible()  # the stored step
    for checked in ("#e1a-4", "#e1b-3", "#e2a-unknown"):
        expect(page.locator(checked)).to_be_checked()
    expect(page.locator("#notitie-e1")).to_have_value("Met notitie")
    expect(page.locator("[data-storage-notice]")).to_be_hidden()
    assert storage(page) == data  # nothing rewritten just by opening

    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-ambition-item=e1]")).to_have_value("5")
    page.goto(semm_url + "metingen.html")
    expect(page.get_by_text("Nulmeting").first).to_be_visible()
    page.goto(semm_url + "scans.html")
    expect(page.locator(".scan-name")).to_have_text(["Team Noord", "Oude scan"])
    page.get_by_role("button", name="Open Oude scan").click()
    page.goto(semm_url + "scan.html#e3")
    expect(page.locator("#e3a-2")).to_be_checked()
    page.locator("#e3b-1").check()  # the older record gets the later fields when it is saved
    record = json.loads(storage(page)[PREFIX + "scan:sm2efgh5678"])
    assert record["aspects"] == {"e3a": 2, "e3b": 1}
    assert record["respondent"] == {} and record["snapshots"] == [] and record["ambition"] == {"elements": {}, "results": {}}
    assert copies(page) == {}


def test_schema_2_with_actions_and_a_team_session_is_restored_everywhere(page, site_url, semm_url):
    data = json.loads((FIXTURES / "schema-2.json").read_text(encoding="utf-8"))
    seed(page, site_url, data)
    page.goto(semm_url + "plan.html")
    editors = page.locator(".action-editor")
    expect(editors).to_have_count(2, timeout=30_000)
    expect(editors.first.get_by_label("Eigenaar")).to_have_value("Mira")
    expect(editors.nth(1).get_by_label("Status")).to_have_value("in_progress")
    page.goto(semm_url + "metingen.html")
    review = page.get_by_role("table", name="Acties uit je plan").locator("tbody tr")
    expect(review.first).to_contain_text("te laat", timeout=30_000)
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    expect(page.locator("[data-team-people] li strong")).to_have_text(["Respondent 1", "Respondent 2", "Respondent 3"])
    expect(page.locator("#akkoord-e3a")).to_have_value("2")
    expect(page.locator("#akkoord-e3a-notitie")).to_have_value("Na lang praten: fase 2")
    expect(page.locator("[data-consensus-progress]")).to_have_text("Afgesproken: 1 van 22.")
    expect(page.locator("[data-storage-notice]")).to_be_hidden()
    assert storage(page) == data  # nothing rewritten just by opening
    assert copies(page) == {}


def test_schema_3_is_restored_as_it_is_and_an_export_is_noted_in_schema_4(page, site_url, semm_url):
    data = json.loads((FIXTURES / "schema-3.json").read_text(encoding="utf-8"))
    seed(page, site_url, data)
    page.goto(semm_url + "scan.html")
    expect(page.get_by_text("Open scan: Afdeling Service")).to_be_visible()
    expect(page.locator("section#e2")).to_be_visible()  # the stored step
    expect(page.locator("#e1a-3")).to_be_checked()
    expect(page.locator("#notitie-e1")).to_have_value("Schema 3")
    page.goto(semm_url + "scans.html")
    expect(page.locator(".scan-name")).to_have_text(["Afdeling Service"])
    expect(page.locator("[data-storage-notice]")).to_be_hidden()
    assert storage(page) == data  # nothing rewritten just by opening

    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    with page.expect_download():
        page.get_by_role("button", name="Exporteer (JSON)").click()
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).exported", arg=PREFIX + "scan:sm4drie0001")
    record = json.loads(storage(page)[PREFIX + "scan:sm4drie0001"])
    assert record["schema"] == SCHEMA == 4 and record["updated"] == "2026-01-12T15:30:00.000Z"
    assert record["excluded"] == {"e3": "Geen invloed op de strategie"}
    assert copies(page) == {}


def test_a_team_session_that_does_not_fit_is_cleaned_and_the_original_kept(page, site_url, semm_url):
    session = {"schema": 1, "order": "willekeurig", "respondents": [{"aspects": {"e1a": 3}}, {"aspects": {"e1a": 9}}],
               "consensus": {"aspects": {"e1a": 4}, "results": {}, "notes": {"e1a": "x" * 10_001}}}
    raw = json.dumps(session)
    seed(page, site_url, {PREFIX + "teamsessie": raw})
    page.goto(semm_url + "team.html")
    wait_for_engine(page)
    expect(page.locator("[data-storage-notice]")).to_contain_text(
        "In de teamsessie waren deze gegevens niet te lezen: het veld order, scan 2 in de teamsessie, het teamantwoord "
        "of de notitie bij e1a. Die zijn weggelaten; de rest van de sessie staat er nog.")
    expect(page.locator("[data-team-people] li")).to_have_count(1)
    expect(page.locator("#akkoord-e1a")).to_have_value("4")
    assert list(copies(page).values()) == [raw]
    cleaned = json.loads(storage(page)[PREFIX + "teamsessie"])
    assert cleaned["order"] == "spread" and cleaned["consensus"]["notes"] == {}


def test_the_first_version_with_one_scan_per_model_is_moved_into_the_list(page, site_url, semm_url):
    seed(page, site_url, json.loads((FIXTURES / "eerste-versie.json").read_text(encoding="utf-8")))
    page.goto(semm_url + "scan.html")
    expect(page.get_by_text("Open scan: Mijn scan")).to_be_visible()
    for checked in ("#e1a-2", "#e1b-unknown", "#e2a-3"):
        expect(page.locator(checked)).to_be_checked()
    expect(page.locator("#notitie-e1")).to_have_value("Eerste versie")
    assert PREFIX + "scan" not in storage(page)
    assert [scan["name"] for scan in index(page)["scans"]] == ["Mijn scan"]


def record_text(**changes) -> str:
    record = json.loads(json.loads((FIXTURES / "schema-1.json").read_text(encoding="utf-8"))[PREFIX + "scan:sm1abcd1234"])
    return json.dumps({**record, **changes})


def one_scan(record: str) -> dict[str, str]:
    entry = {"id": "sm1abcd1234", "name": "Team Noord", "created": "2025-02-01T09:00:00.000Z",
             "updated": "2025-03-01T10:00:00.000Z"}
    return {PREFIX + "scans": json.dumps({"schema": 1, "current": "sm1abcd1234", "scans": [entry]}),
            PREFIX + "scan:sm1abcd1234": record}


def test_wrongly_typed_fields_are_left_out_kept_and_offered(page, site_url, semm_url):
    raw = record_text(aspects={"e1a": "drie", "e1b": 3}, notes={"e1": 42, "e2": "blijft"}, extra=[1])
    seed(page, site_url, one_scan(raw))
    page.goto(semm_url + "scan.html")
    notice = page.locator("[data-storage-notice]")
    expect(notice).to_contain_text("In de scan Team Noord waren deze gegevens niet te lezen: het antwoord bij aspect "
                                   "e1a, de notitie bij element e1, het veld extra. Die zijn weggelaten; de rest van "
                                   "de scan staat er nog. Een kopie van wat er stond, is bewaard in deze browser.")
    expect(page.locator("#e1b-3")).to_be_checked()
    assert list(copies(page).values()) == [raw]
    with page.expect_download() as download:
        notice.get_by_role("button", name="Download wat er stond").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == raw
    page.reload()
    expect(notice).to_be_hidden()  # reported once; the copy stays
    assert list(copies(page).values()) == [raw]


@pytest.mark.parametrize("raw", ['{"schema": 1, "id": "sm1abcd1234", "aspe', "[1, 2, 3]", '"tekst"'],
                         ids=["afgebroken", "lijst", "tekst"])
def test_an_unreadable_scan_is_kept_offered_and_the_page_still_works(page, site_url, semm_url, raw):
    seed(page, site_url, one_scan(raw))
    page.goto(semm_url + "scan.html")
    expect(page.locator("[data-storage-notice]")).to_contain_text(
        "De scan Team Noord was niet te lezen. Je kunt hem hier niet meer openen. Een kopie van wat er stond, is "
        "bewaard in deze browser.")
    assert list(copies(page).values()) == [raw]
    page.locator("#e1a-2").check()  # the page works: a new scan
    expect(page.get_by_text("Open scan: Mijn scan")).to_be_visible()
    page.goto(semm_url + "scans.html")
    copy = page.get_by_role("listitem").filter(has_text="Kopie van")
    with page.expect_download() as download:
        copy.get_by_role("button", name=re.compile("Download de kopie van")).click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == raw
    copy.get_by_role("button", name=re.compile("Wis de kopie van")).click()
    expect(page.locator("[role=status][data-status]")).to_contain_text("is gewist.")
    assert copies(page) == {}


def test_an_unreadable_list_is_rebuilt_from_the_scans(page, site_url, semm_url):
    items = one_scan(record_text())
    items[PREFIX + "scans"] = '{"schema": 1, "current": "sm1a'
    seed(page, site_url, items)
    page.goto(semm_url + "scans.html")
    expect(page.locator("[data-storage-notice]")).to_contain_text("De lijst van je scans was niet te lezen.")
    expect(page.locator(".scan-name")).to_have_text(["Team Noord"])
    assert list(copies(page).values()) == ['{"schema": 1, "current": "sm1a']


def test_a_scan_from_a_newer_version_is_left_untouched(page, site_url, semm_url):
    newer = record_text(schema=SCHEMA + 1, later={"iets": "nieuws"})  # this version writes SCHEMA
    seed(page, site_url, one_scan(newer))
    page.goto(semm_url + "scan.html")
    expect(page.locator("[data-storage-notice]")).to_contain_text(
        "De scan Team Noord is bewaard door een nieuwere versie van deze site. We laten hem ongewijzigd.")
    page.locator("#e1a-2").check()
    assert storage(page)[PREFIX + "scan:sm1abcd1234"] == newer
    assert copies(page) == {}


def test_a_full_storage_warns_offers_the_export_and_keeps_the_answers(page, semm_url):
    page.add_init_script(QUOTA)
    page.goto(semm_url + "scan.html#e1")
    warning = page.locator("[data-save-warning]")
    page.locator("#e1a-4").check()
    expect(warning).to_contain_text("opslaan in deze browser lukt niet")
    export = warning.get_by_role("button", name="Bewaar je antwoorden als bestand (JSON)")
    expect(export).to_be_visible()
    page.locator("#notitie-e1").fill("Alleen in dit venster")
    page.get_by_role("link", name="Volgende: 6.").click()  # the dimension of element 1 goes on with element 6
    page.locator("#e6a-3").check()
    page.get_by_role("navigation", name="Onderdelen van de scan").get_by_role("link", name="1.").click()
    expect(page.locator("#e1a-4")).to_be_checked()
    expect(page.locator("#notitie-e1")).to_have_value("Alleen in dit venster")
    with page.expect_download() as download:
        export.click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["aspects"] == {"e1a": 4, "e6a": 3} and exported["notes"] == {"e1": "Alleen in dit venster"}
    assert page.evaluate("Object.keys(localStorage).length") == 0


def test_two_tabs_on_the_same_scan_do_not_overwrite_each_other(page, context, semm_url):
    page.goto(semm_url + "scan.html#e1")
    page.locator("#e1a-2").check()
    other = context.new_page()
    other.goto(semm_url + "scan.html#e1")
    expect(other.locator("#e1a-2")).to_be_checked()

    page.locator("#e1b-3").check()  # the other tab is told and shows this version
    expect(other.get_by_role("status").filter(has_text="in een ander venster gewijzigd")).to_have_text(
        "Deze scan is in een ander venster gewijzigd. Je ziet nu die nieuwste versie. Er is niets verloren.")
    expect(other.locator("#e1b-3")).to_be_checked()
    other.locator("#e1a-5").check()
    expect(page.locator("#e1a-5")).to_be_checked()
    assert len(index(page)["scans"]) == 1
    record = json.loads(storage(page)[f"{PREFIX}scan:{index(page)['current']}"])
    assert record["aspects"] == {"e1a": 5, "e1b": 3}
    other.close()


def test_a_tab_that_missed_the_other_tabs_change_keeps_both_versions(page, context, semm_url):
    page.goto(semm_url + "scan.html#e1")
    page.locator("#e1a-2").check()
    stale = context.new_page()
    # This tab does not hear of the other one's saves, as when both save at almost the same moment.
    stale.add_init_script("window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);")
    stale.goto(semm_url + "scan.html#e1")
    page.locator("#e1b-3").check()
    stale.locator("#e1a-6").check()
    expect(stale.get_by_role("status").filter(has_text="ook in een ander venster")).to_have_text(
        "Deze scan is ook in een ander venster gewijzigd. Die versie blijft bewaard als Mijn scan. Jouw antwoorden "
        "uit dit venster staan nu in een nieuwe scan: Mijn scan (kopie uit dit venster).")
    expect(stale.get_by_text("Open scan: Mijn scan (kopie uit dit venster)")).to_be_visible()
    records = {json.loads(v)["name"]: json.loads(v)["aspects"] for k, v in storage(page).items() if ":scan:" in k}
    assert records == {"Mijn scan": {"e1a": 2, "e1b": 3}, "Mijn scan (kopie uit dit venster)": {"e1a": 6}}
    assert sorted(scan["name"] for scan in index(page)["scans"]) == ["Mijn scan", "Mijn scan (kopie uit dit venster)"]
    stale.close()


def test_privacy_page_lists_every_stored_key_and_alles_wissen_removes_them(page, site_url, semm_url):
    page.goto(semm_url + "scan.html#e1")
    page.locator("#e1a-3").check()
    page.goto(semm_url + "resultaat.html#ambitie")  # the address opens the ambition's form
    wait_for_engine(page)
    page.locator("[data-ambition-item=e1]").select_option("5")
    page.goto(semm_url + "metingen.html")
    wait_for_engine(page)
    page.get_by_role("button", name="Bewaar als meting").click()
    expect(page.locator("[data-keep-status]")).to_contain_text("Bewaard:")
    page.goto(semm_url + "scans.html")
    page.get_by_role("textbox", name="Naam, bijvoorbeeld van je team of afdeling").fill("Tweede")
    page.get_by_role("button", name="Maak een nieuwe scan").click()
    page.evaluate("prefix => localStorage.setItem(prefix + 'scan:kapot', '{kapot')", PREFIX)
    page.goto(semm_url + "scan.html")  # the broken record goes into quarantine when the list is read
    page.goto(semm_url + "../topdesk-esm/scan.html")
    page.locator("input[type=radio]").first.check()
    page.goto(site_url + "privacy.html")
    listed = page.locator("table code").all_text_contents()
    patterns = [re.compile(re.escape(key).replace("…", ".+") + "$") for key in listed]
    keys = list(storage(page))
    assert any(":onleesbaar:" in key for key in keys) and any("topdesk-esm" in key for key in keys)
    assert len([k for k in keys if k.startswith(PREFIX + "scan:")]) == 2
    assert [key for key in keys if not any(p.match(key) for p in patterns)] == []
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Alles wissen").click()
    expect(page.get_by_role("status")).to_have_text(
        "Alles is gewist. Er staan geen gegevens van deze scan meer in deze browser.")
    assert storage(page) == {}
