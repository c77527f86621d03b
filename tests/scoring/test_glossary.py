"""The glossary's one rule, where a term occurs in a text (scoring_py/glossary.py), and the terms a result lists."""

from __future__ import annotations

from pathlib import Path

from scoring_py import score
from scoring_py.glossary import first_uses, terms_in
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
MODEL = {"id": "proef", "glossary": [
    {"term": "NPS", "explanation": "Een getal voor aanbevelen."},
    {"term": "eNPS", "explanation": "Hetzelfde voor medewerkers."},
    {"term": "CRM", "explanation": "Klantgegevens op één plek."},
    {"term": "stakeholders", "forms": ["stakeholder"], "explanation": "Wie belang heeft."},
    {"term": "kpi", "explanation": "Een cijfer voor een doel."},
]}


def found(text: str) -> list[str]:
    return [text[place["start"]:place["end"]] for place in first_uses(text, MODEL)]


def test_a_term_is_found_as_a_whole_word_only() -> None:
    assert found("Ze meten de eNPS.") == ["eNPS"]  # not NPS inside it
    assert found("De NPS-score stijgt.") == ["NPS"]  # a hyphen ends a word
    assert found("SNPS en NPSX zijn iets anders.") == []


def test_a_term_is_found_in_any_case_and_before_an_apostrophe() -> None:
    assert found("Een crm-systeem en drie KPI's.") == ["crm", "KPI"]


def test_the_longest_form_wins_and_only_the_first_use_counts() -> None:
    assert found("Eén stakeholder, daarna alle stakeholders.") == ["stakeholder"]
    assert found("Alle stakeholders, en één stakeholder.") == ["stakeholders"]
    assert found("NPS, NPS en nog eens NPS.") == ["NPS"]


def test_found_places_follow_the_text_and_skip_what_is_done() -> None:
    text = "CRM eerst, dan NPS."
    assert found(text) == ["CRM", "NPS"]
    assert [place["entry"] for place in first_uses(text, MODEL, skip=[2])] == [0]


def test_terms_in_gives_the_glossarys_order_once_each() -> None:
    assert terms_in(["kpi en CRM", "CRM en NPS"], MODEL) == [
        {"term": "NPS", "explanation": "Een getal voor aanbevelen."},
        {"term": "CRM", "explanation": "Klantgegevens op één plek."},
        {"term": "kpi", "explanation": "Een cijfer voor een doel."}]
    assert terms_in(["niets hier"], MODEL) == []
    assert terms_in(["CRM"], {"id": "zonder"}) == []


def test_a_result_lists_the_terms_of_the_texts_it_shows() -> None:
    model = load_model(ROOT / "tests" / "fixtures" / "varied" / "model" / "veilig.yaml")
    aspects = [aspect["id"] for element in model["elements"] for aspect in element["aspects"]]

    low = score(model, {"model": "veilig", "aspects": dict.fromkeys(aspects, 1)})
    top = score(model, {"model": "veilig", "aspects": dict.fromkeys(aspects, 3)})

    # The next steps at trede 2 speak of a leerpad and an oplevering; at the top there are no next steps.
    assert [term["term"] for term in low["terms"]] == ["leerpad", "oplevering"]
    assert top["terms"] == []


def test_semm_explains_its_jargon() -> None:
    model = load_model(ROOT / "model" / "semm.yaml")
    terms = {entry["term"] for entry in model.get("glossary", [])}

    assert {"PDCA", "NPS", "eNPS", "CRM", "stakeholders", "empowerment", "CES", "kpi"} <= terms
