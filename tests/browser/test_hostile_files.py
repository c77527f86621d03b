"""Files from other people are untrusted: script payloads stay text, and each hostile file gets its own message
before anything is stored; a huge file is refused before it is read."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .conftest import PROJECT, wait_for_engine

ANNA = json.loads((PROJECT / "tests" / "fixtures" / "team" / "anna.json").read_text(encoding="utf-8"))
PAYLOAD = '<img src=x onerror="window.__geraakt=1"><script>window.__geraakt=2</script>'
COUNT_READS = """window.__gelezen = 0;
const text = Blob.prototype.text;
Blob.prototype.text = function () { window.__gelezen += 1; return text.call(this); };"""


def stored(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def import_file(page, name: str, content: bytes) -> None:
    page.get_by_label("Kies een exportbestand").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content})


def test_script_payloads_in_every_text_field_are_shown_as_text(page, semm_url):
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    # Every field that holds free text gets the payload; dates must be dates, so they cannot carry it.
    hostile = {**ANNA, "scan": {"name": PAYLOAD, "created": "2025-01-01", "updated": "2025-01-02"},
               "respondent": {"name": PAYLOAD, "role": PAYLOAD, "unit": PAYLOAD}, "model_version": PAYLOAD,
               "exported": PAYLOAD, "notes": {"e1": PAYLOAD, "e2": PAYLOAD},
               "snapshots": [{"id": "x", "name": PAYLOAD, "taken": "2025-01-01", "model_version": PAYLOAD,
                              "aspects": {}, "results": {}, "notes": {"e1": PAYLOAD}}]}
    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    import_file(page, "aanval.json", json.dumps(hostile).encode("utf-8"))
    expect(page.locator("[role=status][data-status]")).to_contain_text("Het bestand is ingelezen als scan")
    expect(page.locator(".scan-name")).to_have_text([PAYLOAD])
    expect(page.get_by_label("Je rol of functie (niet verplicht)")).to_have_value(PAYLOAD)
    for path in ("scan.html#e1", "resultaat.html", "metingen.html", "plan.html"):
        page.goto(semm_url + path)
        wait_for_engine(page)
    page.goto(semm_url + "resultaat.html")
    wait_for_engine(page)
    expect(page.locator("[data-list=notes]").get_by_text(PAYLOAD).first).to_be_visible()
    for field in ("report-title", "report-name", "report-role", "report-unit"):  # the printed report's heading
        expect(page.locator(f"[data-field={field}]")).to_have_text(PAYLOAD)
    assert page.evaluate("window.__geraakt") is None
    assert page.locator("main img[src=x], main script:not([src])").count() == 0
    assert violations == []


HOSTILE = [
    ("diep.json", '{"format": "servicescan", "format_version": 1, "model": "semm", "ambition": '
     + "[" * 5000 + "]" * 5000 + "}", "het bestand is te diep genest (meer dan 64 niveaus)"),
    ("groot-getal.json", json.dumps(ANNA)[:-1] + ', "ambition": {"elements": {"e1": ' + "9" * 5000 + "}}}",
     "het bestand bevat een te groot getal"),
    ("oneindig.json", json.dumps(ANNA)[:-1] + ', "ambition": {"elements": {"e1": 1e400}}}',
     "het bestand bevat een te groot getal (1e400)"),
    ("proto.json", json.dumps(ANNA)[:-1] + ', "__proto__": {"isAdmin": true}}',
     "het bestand bevat de sleutel '__proto__'; die hoort niet in een exportbestand en is niet veilig"),
    ("constructor.json", json.dumps({**ANNA, "ambition": {"constructor": {}}}),
     "het bestand bevat de sleutel 'constructor'"),
    ("ander-model.json", json.dumps({**ANNA, "model": "topdesk-esm"}),
     "dit bestand hoort bij model 'topdesk-esm', niet bij 'semm'"),
]


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_gets_its_message_and_nothing_is_stored(page, semm_url, name, content, message):
    page.goto(semm_url + "scan.html")
    page.locator("#e1a-2").check()
    page.goto(semm_url + "scans.html")
    wait_for_engine(page)
    before = stored(page)
    import_file(page, name, content.encode("utf-8"))
    alert = page.locator("[data-import-error]")
    expect(alert).to_contain_text(f"{name}: Dit bestand kan niet worden ingelezen. Er is niets veranderd.")
    expect(alert).to_contain_text(message)
    assert stored(page) == before


def test_a_50_mb_file_is_refused_before_it_is_read(page, semm_url, tmp_path):
    huge = tmp_path / "enorm.json"
    with huge.open("wb") as file:
        file.truncate(50_000_000)
    page.add_init_script(COUNT_READS)
    page.goto(semm_url + "scans.html")
    before = stored(page)
    page.get_by_label("Kies een exportbestand").set_input_files(str(huge))
    alert = page.locator("[data-import-error]")
    expect(alert.locator("[data-problems-title]")).to_have_text(
        "enorm.json: Dit bestand kan niet worden ingelezen. Er is niets veranderd. Wat klopt er niet:")
    expect(alert.get_by_role("listitem")).to_have_text(
        ["Het bestand is te groot (50 MB). Een exportbestand van de scan is hooguit 2 MB. Het is niet gelezen."])
    assert page.evaluate("window.__gelezen") == 0
    assert stored(page) == before

    page.goto(semm_url + "team.html")
    page.get_by_label("Exportbestanden (.json)").set_input_files(str(huge))
    expect(page.get_by_role("alert").get_by_role("listitem")).to_have_text([
        "enorm.json kan niet worden gebruikt: het bestand is te groot (50 MB). Een exportbestand van de scan is "
        "hooguit 2 MB. Het is niet gelezen."])
    assert page.evaluate("window.__gelezen") == 0
