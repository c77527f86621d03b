"""Strict CSP without violations, no cookies, keyboard-only traversal with visible focus, and reflow."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import wait_for_engine

SITE_PAGES = ["index.html", "privacy.html", "toegankelijkheid.html", "colofon.html", "semm/uitleg.html",
              "semm/scan.html", "semm/resultaat.html", "semm/elementen/e1.html", "topdesk-esm/scan.html"]

# Every element a keyboard user can reach with Tab (one stop per radio group), in document order.
TABBABLES = """() => {
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const all = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter((el) => !el.disabled && el.tabIndex >= 0 && visible(el));
  const seenGroups = new Set();
  return all.filter((el) => {
    if (el.type !== "radio") return true;
    if (seenGroups.has(el.name)) return false;
    seenGroups.add(el.name);
    return true;
  }).map((el) => el.type === "radio" ? `radio:${el.name}` : (el.id || el.outerHTML.slice(0, 80)));
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const label = el.type === "radio" ? el.nextElementSibling : el;
  const ring = getComputedStyle(label);
  const visibleFocus = style.outlineStyle !== "none" || style.boxShadow !== "none"
    || ring.outlineStyle !== "none" || ring.boxShadow !== "none";
  return {key: el.type === "radio" ? `radio:${el.name}` : (el.id || el.outerHTML.slice(0, 80)), visibleFocus};
}"""


def test_whole_journey_has_no_csp_violation_no_foreign_request_and_no_cookie(page, semm_url):
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(semm_url + "scan.html")
    page.locator("#e1a-3").check()
    page.locator("#notitie-e1").fill("<script>alert(1)</script>")
    wait_for_engine(page)
    expect(page.get_by_text("Tussenstand: fase 3")).to_be_visible()
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    expect(page.get_by_text("<script>alert(1)</script>")).to_be_visible()  # shown as text, never run
    with page.expect_download() as download:  # export
        page.get_by_role("button", name="Exporteer (JSON)").click()
    page.goto(semm_url + "scans.html")  # import
    wait_for_engine(page)
    page.get_by_label("Kies een exportbestand").set_input_files(download.value.path())
    expect(page.locator("[role=status][data-status]")).to_contain_text("Het bestand is ingelezen als scan")
    for path in SITE_PAGES:
        page.goto(semm_url + "../" + path)
    assert violations == []
    assert page.context.cookies() == []


@pytest.mark.parametrize("path", SITE_PAGES)
def test_tab_reaches_every_control_once_with_visible_focus(page, site_url, path):
    page.goto(site_url + path)
    expected = page.evaluate(TABBABLES)
    reached: list[dict] = []
    for _ in range(len(expected) + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (reached and focused["key"] == reached[0]["key"]):
            break  # focus left the page or came round again: no trap
        reached.append(focused)
    assert [item["key"] for item in reached] == expected
    assert [item["key"] for item in reached if not item["visibleFocus"]] == []


@pytest.mark.parametrize("path", SITE_PAGES)
def test_no_horizontal_scrolling_at_320_pixels(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


FILLED = {"metingen.html": "[data-review-rows] tr", "plan.html": "[data-action-rows] tr",
          "scans.html": "[data-scan-list] li", "resultaat.html": "[data-steps-section] li"}


@pytest.mark.parametrize("path", FILLED)
def test_pages_with_filled_tables_do_not_scroll_sideways_at_320_pixels(page, site_url, path):
    """The tables of actions, measurements and results scroll inside their own box; nothing in them (not even the
    hidden words of a button) makes the page wider."""
    from .test_result_page import full_record, seed

    record = {**full_record("semm"), "schema": 2,
              "snapshots": [{"id": "m1", "name": "Nulmeting", "taken": "2024-09-01T10:00:00.000Z", "model": "semm",
                             "aspects": {"e1a": 3, "e1b": 4}, "results": {"ra": 1}}],
              "actions": [{"id": "a1", "item": "e2a", "text": "Visie opschrijven met het MT en delen met alle teams.",
                           "owner": "Mira de Vries", "due": "2025-01-31", "status": "open"},
                          {"id": "a2", "item": "e6b", "text": "Klantpanel opzetten.", "status": "in_progress"}]}
    page.set_viewport_size({"width": 320, "height": 640})
    seed(page, site_url, record)
    page.goto(site_url + "semm/" + path)
    expect(page.locator(FILLED[path]).first).to_be_attached(timeout=60_000)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0


@pytest.mark.parametrize("path", ["index.html", "semm/scan.html", "semm/uitleg.html", "privacy.html"])
def test_text_at_200_percent_fits_without_horizontal_scrolling(browser, site_url, path):
    # 200% text on a 1280 px screen; the style is added by the test, so only this context bypasses the CSP.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + path)
    page.add_style_tag(content="html { font-size: 200% !important; }")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    context.close()


def test_status_changes_are_announced(page, semm_url):
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    expect(page.get_by_role("status").filter(has_text="De rekenmodule is klaar.")).to_be_attached()
