"""The glossary in the build: declared and checked in the model file, and marked where a term first appears on a
page (sitegen/terms.py), in the model's own words; a term no text uses is a warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.model import check_model_file
from sitegen.pipeline import build
from sitegen.terms import PageTerms

from .test_model import FILE, VALID, _in_tmp, edit, line_of, messages, write_model  # noqa: F401 (_in_tmp: in tmp)

ROOT = Path(__file__).resolve().parents[2]
VARIED = ROOT / "tests" / "fixtures" / "varied"
GLOSSARY = """\
glossary:
  - term: PDCA
    explanation: Plannen, doen, nakijken en bijsturen, steeds opnieuw.
  - term: teams
    forms: [team]
    explanation: Groepen mensen die samen aan iets werken.
"""
WITH_PDCA = edit("          - e1a in fase 2.", "          - e1a in fase 2, volgens PDCA.", VALID + GLOSSARY)


def test_a_glossary_whose_terms_the_texts_use_is_valid() -> None:
    model, problems = check_model_file(write_model(WITH_PDCA))

    assert problems.items == []
    assert [entry["term"] for entry in model["glossary"]] == ["PDCA", "teams"]


def test_a_term_no_text_uses_is_a_warning_on_its_line() -> None:
    text = VALID + GLOSSARY  # "Teams werken volgens afspraken" uses teams; PDCA is nowhere

    assert messages(text) == [
        f"{FILE}:{line_of(text, '- term: PDCA')}: waarschuwing: het begrip 'PDCA' staat in geen enkele tekst van het "
        "model, dus de scan legt het nergens uit; haal het weg of kijk de schrijfwijze na (voeg andere vormen toe bij "
        "'forms')"]


def test_a_term_without_explanation_is_refused_by_its_term() -> None:
    text = edit("    explanation: Groepen mensen die samen aan iets werken.\n", "", WITH_PDCA)

    assert messages(text) == [f"{FILE}:{line_of(text, '- term: teams')}: begrip 2 mist de verplichte sleutel "
                              "'explanation'"]


def test_a_form_that_is_not_text_is_refused() -> None:
    text = edit("    forms: [team]", "    forms: [[team]]", WITH_PDCA)

    assert any("vorm 1 van begrip 'teams'" in message for message in messages(text))


def test_mark_explains_a_term_once_per_scope_and_escapes_the_rest() -> None:
    terms = PageTerms({"glossary": [{"term": "CRM", "explanation": "Klant <gegevens>."}]})

    first = terms.mark("Het CRM & meer, CRM.", "stap-1")
    again = terms.mark("Weer CRM.", "stap-1")
    other = terms.mark("Ook CRM.", "stap-2")

    assert str(first) == ('Het <span class="term">CRM</span> &amp; meer, CRM. <span class="term-note"><dfn>CRM</dfn>: '
                          'Klant &lt;gegevens&gt;.</span>')
    assert str(again) == "Weer CRM."
    assert 'class="term-note"' in str(other)
    assert str(PageTerms({}).mark("<b>CRM</b>")) == "&lt;b&gt;CRM&lt;/b&gt;"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("glossary") / "dist"
    build(VARIED / "model", out, VARIED / "content", strict=True, site_config=VARIED / "site.yaml")
    return out


def notes(html: str) -> list[str]:
    return re.findall(r'<span class="term-note"><dfn>([^<]*)</dfn>', html)


def test_each_step_of_the_scan_explains_its_own_first_uses(site: Path) -> None:
    scan = (site / "veilig" / "scan.html").read_text(encoding="utf-8")
    steps = re.split(r'<section class="step" id="', scan)[1:]
    by_step = {step.split('"', 1)[0]: notes(step) for step in steps}

    # leerpad occurs in two choices of one stroom of Opleiding: explained once there; oplevering in Testen.
    assert by_step["opleiding"] == ["leerpad"]
    assert by_step["testen"] == ["oplevering"]
    assert [name for name, found in by_step.items() if found] == ["opleiding", "testen"]


def test_a_page_of_a_part_explains_its_term_once(site: Path) -> None:
    page = next((site / "veilig" / "elementen").glob("*opleiding*.html")).read_text(encoding="utf-8")

    assert notes(page) == ["leerpad"]
    assert page.count('<span class="term">') == 1


def test_the_explanation_stays_text_inside_a_choices_label(site: Path) -> None:
    scan = (site / "veilig" / "scan.html").read_text(encoding="utf-8")
    label = re.search(r'<label for="[^"]+">(?:(?!</label>).)*leerpad(?:(?!</label>).)*</label>', scan, re.S)

    assert label is not None
    assert not re.search(r"<(a|button|input|details)\b", label.group(0))
