"""One rule for what a scan may hold, proven in the browser: generated export files, read in on "Mijn scans".

Any file the import accepts is stored, survives a reload without quarantine, and opens on every page of its model
(scan, result, plan, measurements, team) with no uncaught error; any file it refuses changes nothing that was stored.
Whether Python accepts the file is decided here by scoring_py itself, so the test cannot drift from the rule.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import expect

from scoring_py import InputError, parse_export
from sitegen.model import load_model
from tests.strategies import records

from .conftest import PROJECT, wait_for_engine

MODEL = load_model(PROJECT / "model" / "semm.yaml")
PREFIX = "servicescan:semm:"
PAGES = ("scan.html", "resultaat.html", "plan.html", "metingen.html", "team.html")
EXISTING = {  # a scan already in the browser, which a refused file must leave exactly as it is
    f"{PREFIX}scans": json.dumps({"schema": 1, "current": "s1", "scans": [
        {"id": "s1", "name": "Al bewaard", "created": "2025-01-01T09:00:00.000Z", "updated": "2025-01-02T09:00:00.000Z"}]}),
    f"{PREFIX}scan:s1": json.dumps({"schema": 1, "id": "s1", "name": "Al bewaard", "model": "semm",
                                    "model_version": MODEL["version"], "created": "2025-01-01T09:00:00.000Z",
                                    "updated": "2025-01-02T09:00:00.000Z", "respondent": {}, "aspects": {"e1a": 2},
                                    "results": {}, "notes": {}, "ambition": {"elements": {}, "results": {}},
                                    "step": None, "snapshots": []}),
}


def as_export(content: dict[str, Any]) -> str:
    scan = {key: content.pop(key) for key in ("name", "created", "updated") if key in content}
    return json.dumps({"format": "servicescan", "format_version": 1, "model": "semm", "scan": scan, **content},
                      ensure_ascii=False)


def accepted(text: str) -> bool:
    try:
        parse_export(text, MODEL)
    except InputError:
        return False
    return True


exports = st.one_of(records(MODEL, valid_only=True), records(MODEL)).map(as_export)


def storage(page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


# A few files per run: each one costs a fresh browser profile and six page loads (about ten seconds); the cheap
# agreement test (tests/js/test_record_agreement.py) covers the rule itself with many more.
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(exports)
def test_what_the_import_accepts_opens_everywhere_and_what_it_refuses_changes_nothing(browser, site_url, text):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.add_init_script(f"if (!sessionStorage.getItem('klaar')) {{ sessionStorage.setItem('klaar', '1'); "
                             f"for (const [k, v] of Object.entries({json.dumps(EXISTING)})) localStorage.setItem(k, v); }}")
        page.goto(site_url + "semm/scans.html")
        wait_for_engine(page)
        before = storage(page)
        page.get_by_label("Kies een exportbestand").set_input_files(
            {"name": "scan.json", "mimeType": "application/json", "buffer": text.encode("utf-8")})
        if not accepted(text):
            expect(page.locator("[data-import-error]")).to_be_visible()
            assert storage(page) == before
            return
        expect(page.locator("[role=status][data-status]")).to_contain_text("Het bestand is ingelezen als scan")
        for path in PAGES:
            page.goto(site_url + "semm/" + path)
            # Ready, or not started at all (a result or plan page without answers needs no engine).
            page.wait_for_function("() => document.documentElement.dataset.engine === 'ready' "
                                   "|| document.querySelector('[data-engine-status]').hidden", timeout=60_000)
            if path == "team.html":
                page.get_by_role("button", name="Voeg mijn scans uit deze browser toe").click()
                expect(page.locator("[data-team-result]")).to_be_visible()
            elif path != "scan.html":
                page.wait_for_timeout(200)  # the page's own calls to the engine answer now
            assert page.locator("[data-page-error]").is_hidden(), page.locator("[data-page-error]").inner_text()
            assert page.locator("[data-storage-notice]").is_hidden(), path
        assert not [key for key in storage(page) if key.startswith(f"{PREFIX}onleesbaar:")]
        assert errors == []
    finally:
        context.close()
