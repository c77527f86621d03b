"""The scan inside an intranet portal's iframe, and in a browser that refuses to store anything."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import SUBPATH, wait_for_engine

BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("De opslag is uitgeschakeld.", "SecurityError"); },
});"""


def test_scan_in_an_iframe_of_another_site_has_minimal_surroundings_and_works(page, site_root, site_url):
    port = site_url.split(":")[2].split("/")[0]
    (site_root / "portaal.html").write_text(
        f'<!doctype html><html lang="nl"><title>Intranet</title><h1>Intranet</h1>'
        f'<iframe title="Servicescan" src="http://127.0.0.1:{port}/{SUBPATH}/semm/scan.html" width="900" height="700">'
        f"</iframe></html>", encoding="utf-8")
    page.goto(f"http://localhost:{port}/portaal.html")  # another origin than the scan itself
    scan = page.frame_locator("iframe[title=Servicescan]")
    expect(scan.get_by_role("heading", level=1, name="De scan")).to_be_visible()
    expect(scan.get_by_role("link", name="Service Excellence Scan")).to_be_hidden()
    expect(scan.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    scan.locator("#e1a-2").check()
    scan.locator("#e1b-3").check()
    expect(scan.get_by_text("Tussenstand: fase 2 · Pioniersfase")).to_be_visible(timeout=60_000)


def test_preview_of_the_embedded_look_with_a_query(page, semm_url):
    page.goto(semm_url + "uitleg.html?ingebed")
    expect(page.locator("html")).to_have_class("is-embedded")
    expect(page.get_by_role("link", name="Service Excellence Scan")).to_be_hidden()


def test_without_storage_the_scan_keeps_answers_in_memory_and_says_so(page, semm_url):
    page.add_init_script(BLOCK_STORAGE)
    page.goto(semm_url + "scan.html")
    expect(page.get_by_role("alert")).to_contain_text("opslaan in deze browser lukt niet")
    page.locator("#e1a-4").check()
    page.locator("#notitie-e1").fill("Alleen in dit venster")
    page.get_by_role("link", name="Volgende: 6.").click()  # the dimension of element 1 goes on with element 6
    page.locator("#e6a-3").check()
    page.get_by_role("navigation", name="Onderdelen van de scan").get_by_role("link", name="1.").click()
    expect(page.locator("#e1a-4")).to_be_checked()
    expect(page.locator("#notitie-e1")).to_have_value("Alleen in dit venster")
    wait_for_engine(page)
    expect(page.get_by_text("Tussenstand: fase 3")).to_be_visible()
