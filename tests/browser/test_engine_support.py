"""A browser that cannot run the engine is told so in plain Dutch before anything of Pyodide is fetched, and answering
and saving still work. Chromium plays such a browser: an init script takes away WebAssembly, its exception handling
or module workers before the page's scripts run. The host records every request, the service worker's included."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import current_record, wait_for_engine
from .test_missing_files import RecordingHandler, recorded_url  # noqa: F401 (the fixture)

WITHOUT = {
    "webassembly": ("delete globalThis.WebAssembly;", "WebAssembly"),
    "wasm-exceptions": ("WebAssembly.validate = () => false;", "uitzonderingen in WebAssembly"),
    # A Worker that ignores its options, as a browser without module workers does.
    "module-worker": ("const Plain = Worker; globalThis.Worker = function Worker(url) { return new Plain(url); };",
                      "Web Workers als module"),
}
EXPLANATION = "Deze browser kan je uitslag niet berekenen"


def pyodide_requests() -> list[str]:
    return [path for _, path in RecordingHandler.answers if "pyodide" in path or "scoring_py" in path]


@pytest.mark.parametrize("missing", WITHOUT)
def test_a_browser_without_what_the_engine_needs_is_told_and_can_still_answer(context, recorded_url, missing):  # noqa: F811
    script, name = WITHOUT[missing]
    context.add_init_script(script)
    RecordingHandler.answers.clear()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(recorded_url + "semm/scan.html")

    status = page.get_by_role("status").filter(has_text=EXPLANATION)
    expect(status).to_be_visible()
    expect(status).to_contain_text("Je kunt de scan wel invullen")
    expect(status).to_contain_text("werk je browser bij")
    expect(status).to_contain_text(f"Wat ontbreekt: {name}.")
    wait_for_engine(page, "error")

    page.get_by_role("group", name="Ideale klantbeleving").get_by_role("radio", name="Fase 3").check()
    page.get_by_role("textbox", name="Notitie bij dit element").fill("Zonder rekenmodule ingevuld")
    page.reload()
    expect(page.locator("#e1a-3")).to_be_checked()
    assert current_record(page)["aspects"] == {"e1a": 3}
    expect(page.get_by_role("status").filter(has_text=EXPLANATION)).to_be_visible()

    page.goto(recorded_url + "semm/resultaat.html")  # the result page says the same, and fetches nothing either
    expect(page.get_by_role("status").filter(has_text=EXPLANATION)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert pyodide_requests() == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert errors == []


def test_chromium_has_everything_the_engine_needs(page, semm_url):
    page.goto(semm_url + "scan.html")
    wait_for_engine(page)
    missing = page.evaluate("""async () => {
        const url = [...document.querySelectorAll("link[rel=modulepreload]")].find(l => l.href.includes("engine-support"));
        return (await import(url.href)).missingFeatures();
    }""")
    assert missing == []
    expect(page.get_by_role("status").filter(has_text=EXPLANATION)).to_have_count(0)
