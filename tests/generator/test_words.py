"""Tests for scoring_py/words.py, and that a model's own words reach everything a visitor reads.

The TOPdesk model calls its stages "niveaus" and its parts "dimensies", with one aspect per dimension. Its pages
(every text and every attribute a person can read or hear), CSV files, reports and messages must never say
"fase" or "element". Validation of the `words` block itself is tested in tests/generator/test_model.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scoring_py import InputError, aggregate, aggregate_csv_rows, score, to_csv, validate_answers
from scoring_py.plan import validate_ambition
from scoring_py.report import render_team_text, render_text
from scoring_py.words import Word, complete_words, model_words, word_forms
from sitegen.model import load_model
from sitegen.pipeline import build

ROOT = Path(__file__).resolve().parents[2]
TOPDESK = ROOT / "model" / "topdesk-esm.yaml"
FORBIDDEN = re.compile(r"\b(fase|fasen|fases|element|elementen)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\w+\}")  # {element} in a data-text template is filled in by the page script
# Attributes that name or point at something; nobody reads them. Every other attribute is checked.
IDENTIFIERS = {"id", "class", "href", "src", "for", "aria-labelledby", "aria-describedby"}


# --- model_words -------------------------------------------------------------------------------------------


def test_a_model_without_words_gets_semms_words() -> None:
    words = model_words({"elements": [{"aspects": [{}, {}]}]})

    assert {key: (w["singular"], w["plural"], w["article"]) for key, w in words.items()} == {
        "stage": ("fase", "fasen", "de"), "part": ("element", "elementen", "het"),
        "aspect": ("aspect", "aspecten", "het"), "area": ("resultaatgebied", "resultaatgebieden", "het"),
        "level": ("niveau", "niveaus", "het"), "group": ("groep", "groepen", "de"),
        "question": ("aspect", "aspecten", "het"),
    }


def test_forms_follow_the_article() -> None:
    words = model_words({"words": {"stage": {"singular": "niveau", "plural": "niveaus", "article": "het"},
                                   "part": {"singular": "dimensie", "plural": "dimensies", "article": "de"}}})

    assert words["stage"] == {
        "singular": "niveau", "Singular": "Niveau", "plural": "niveaus", "Plural": "Niveaus",
        "article": "het", "Article": "Het", "the": "het niveau", "The": "Het niveau", "a": "een niveau",
        "this": "dit", "This": "Dit", "that": "dat", "each": "elk", "Each": "Elk", "same": "hetzelfde", "ending": "",
    }
    assert words["part"] == {
        "singular": "dimensie", "Singular": "Dimensie", "plural": "dimensies", "Plural": "Dimensies",
        "article": "de", "Article": "De", "the": "de dimensie", "The": "De dimensie", "a": "een dimensie",
        "this": "deze", "This": "Deze", "that": "die", "each": "elke", "Each": "Elke", "same": "dezelfde", "ending": "e",
    }


def test_an_older_label_gives_the_singular() -> None:
    model = {"phases": {"label": "niveau"}, "result_levels": {"label": "trede"}}

    assert complete_words(model)["stage"] == {"singular": "niveau", "plural": "niveaus", "article": "het"}
    assert complete_words(model)["level"] == {"singular": "trede", "plural": "treden", "article": "de"}


def test_words_win_over_a_label_and_missing_forms_come_from_the_known_word() -> None:
    model = {"phases": {"label": "fase"}, "words": {"stage": {"plural": "fases"}, "part": {"singular": "aspect"}}}

    assert complete_words(model)["stage"] == {"singular": "fase", "plural": "fases", "article": "de"}
    assert complete_words(model)["part"] == {"singular": "aspect", "plural": "aspecten", "article": "het"}


def test_completing_the_words_of_a_completed_model_changes_nothing() -> None:
    model = load_model(TOPDESK)

    assert complete_words(model) == model["words"]


def test_the_question_is_the_part_when_no_part_has_more_than_one_aspect() -> None:
    words = model_words(load_model(TOPDESK))

    assert words["question"] == words["part"]
    assert words["question"]["singular"] == "dimensie"


# --- the TOPdesk scan in its own words ---------------------------------------------------------------------


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ReadableText(HTMLParser):
    """Every text and every readable attribute value of a page, with its line and the language it is marked in
    (the `lang` of the nearest element that has one)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[tuple[int, str, str]] = []
        self.languages: list[str] = []  # per part
        self.open: list[tuple[str, str]] = [("", "")]  # (tag, language) of each element we are in

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        language = dict(attrs).get("lang") or self.open[-1][1]
        for name, value in attrs:
            if name not in IDENTIFIERS and value:
                self.parts.append((self.getpos()[0], f"<{tag} {name}>", value))
                self.languages.append(language)
        if tag not in VOID:
            self.open.append((tag, language))

    def handle_endtag(self, tag: str) -> None:
        while len(self.open) > 1:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append((self.getpos()[0], "text", data))
            self.languages.append(self.open[-1][1])


def readable(html: str, language: str | None = None) -> list[tuple[int, str, str]]:
    """The readable texts of a page; with `language`, only those in that language (not those marked otherwise)."""
    parser = _ReadableText()
    parser.feed(html)
    return [(line, where, PLACEHOLDER.sub("", text))
            for (line, where, text), marked in zip(parser.parts, parser.languages, strict=True)
            if language is None or marked == language]


def semm_words_in(text: str) -> list[str]:
    return FORBIDDEN.findall(text)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("words") / "dist"
    build(ROOT / "model", out, ROOT / "content", strict=True)
    return out


def test_every_topdesk_page_uses_the_models_words(site: Path) -> None:
    pages = sorted(page for page in (site / "topdesk-esm").rglob("*.html") if "/en/" not in page.as_posix())
    found = [f"{page.relative_to(site)}:{line} {where}: {text.strip()[:120]}"
             for page in pages for line, where, text in readable(page.read_text(encoding="utf-8"))
             if semm_words_in(text)]
    all_text = " ".join(text for page in pages for _, _, text in readable(page.read_text(encoding="utf-8")))

    assert len(pages) == 12
    assert found == []
    assert re.search(r"\bniveau\b", all_text, re.IGNORECASE) and re.search(r"\bdimensie\b", all_text, re.IGNORECASE)


def test_topdesk_pages_show_no_aspect_headings(site: Path) -> None:
    scan = (site / "topdesk-esm" / "scan.html").read_text(encoding="utf-8")
    result = (site / "topdesk-esm" / "resultaat.html").read_text(encoding="utf-8")

    assert "legend-kicker\">Aspect" not in scan
    assert '<legend class="visually-hidden">Mensen en cultuur</legend>' in scan
    assert ">Aspecten</th>" not in result


def test_the_index_names_each_scans_parts_in_its_words(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")

    assert "Elke dimensie heeft een eigen pagina" in index
    assert "Elk element heeft een eigen pagina" in index


TOPDESK_ANSWERS = {"model": "topdesk-esm", "aspects": {"e1a": 2, "e2a": 3, "e3a": "unknown", "e4a": 2}}


def topdesk_outputs() -> dict[str, str]:
    """Everything scoring_py writes for people, for the TOPdesk model."""
    model = load_model(TOPDESK)
    scans = [{"name": "Anna", "respondent": {"unit": "ICT"}, "aspects": {"e1a": 1, "e2a": 3, "e3a": 2}},
             {"name": "Bram", "respondent": {"unit": "HR"}, "aspects": {"e1a": 4, "e2a": 3, "e4a": "unknown"}}]
    team = aggregate(model, scans)
    complete = {"model": "topdesk-esm", "aspects": {"e1a": 2, "e2a": 2, "e3a": 2, "e4a": 2, "e5a": 2}}
    problems: list[str] = []
    for check, data in ((validate_answers, {"model": "topdesk-esm", "aspects": {"e9a": 1, "e1a": 9, "e2a": "x"},
                                            "results": {"ra": 1}}),
                        (validate_ambition, {"elements": {"e9": 2, "e1": 9}})):
        try:
            check(model, data)
        except InputError as error:
            problems += error.problems
    return {
        "to_csv": to_csv(model, {"aspects": TOPDESK_ANSWERS["aspects"], "notes": {"e1": "Een notitie"}}),
        "aggregate_csv_rows": "\n".join(";".join(map(str, row)) for row in aggregate_csv_rows(model, team)),
        "render_text": render_text(model, score(model, TOPDESK_ANSWERS)),
        "render_text complete": render_text(model, score(model, complete)),
        "render_team_text": render_team_text(model, team),
        "messages": "\n".join(problems),
    }


@pytest.mark.parametrize("name", list(topdesk_outputs()))
def test_topdesk_reports_csv_and_messages_use_the_models_words(name: str) -> None:
    text = topdesk_outputs()[name]

    assert semm_words_in(text) == [], text
    assert re.search(r"\b(niveau|dimensie)\b", text, re.IGNORECASE), text


def test_topdesk_csv_headers_and_answers() -> None:
    lines = topdesk_outputs()["to_csv"].splitlines()

    assert lines[0] == "Soort;Dimensie;Id;Naam;Antwoord;Naam van het niveau;Beschrijving;Notitie bij de dimensie;Buiten de beoordeling"
    assert lines[1].startswith("dimensie;1. Mensen en cultuur;e1a;Mensen en cultuur;niveau 2;Controlled service")


def test_topdesk_messages_name_dimensions_and_levels() -> None:
    assert topdesk_outputs()["messages"].splitlines() == [
        "onbekende dimensie 'e9a'",
        "dimensie 'e1a': niveau 9 bestaat niet (kies 1 t/m 5 of \"unknown\")",
        "dimensie 'e2a': \"x\" is geen niveaunummer (kies 1 t/m 5 of \"unknown\")",
        "onbekend resultaatgebied 'ra'",
        "ambitie voor onbekende dimensie 'e9'",
        "ambitie voor dimensie 'e1': niveau 9 bestaat niet (kies 1 t/m 5)",
    ]


def test_topdesk_text_report() -> None:
    lines = topdesk_outputs()["render_text"].splitlines()

    assert lines[2:9] == [
        "Totaal: Niveau 2: Controlled service delivery (beheersen)",
        "  De afdelingen hebben grip op hun eigen service, maar werken nog vooral los van elkaar.",
        'Voorlopige uitkomst: 2 van de 5 dimensies zijn niet beantwoord of staan op "weet ik niet".',
        "  Niet beantwoord:",
        "    - e5a: Leverancier",
        "  Weet ik niet:",
        "    - e3a: Integratie en automatisering",
    ]
    assert "Dimensies" in lines
    assert "  1. Mensen en cultuur — Niveau 2: Controlled service delivery" in lines
    assert any(line.startswith("  - 1. Mensen en cultuur: van niveau 2 naar niveau 3") for line in lines)


def test_an_english_model_gets_english_words_without_articles() -> None:
    from scoring_py.words import model_words

    words = model_words({"language": "en", "words": {"part": {"singular": "practice"}}, "elements": []})

    assert words["stage"]["plural"] == "phases" and words["stage"]["the"] == "the phase"
    assert words["part"]["plural"] == "practices" and words["part"]["This"] == "This"
    assert words["area"]["Singular"] == "Result area"
    assert model_words({"words": {}, "elements": []})["stage"]["the"] == "de fase"  # Dutch stays the default


def test_an_english_model_refuses_an_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.model import check_model_file

    from .test_model import VALID

    monkeypatch.chdir(tmp_path)
    path = Path("engels.yaml")
    path.write_text(VALID.replace('version: "1.0"\n', 'version: "1.0"\nlanguage: en\nwords:\n'
                                  '  part: {singular: practice, plural: practices, article: de}\n'), encoding="utf-8")
    assert [problem.message for problem in check_model_file(path)[1].items] == [
        "in het Engels heeft een woord geen lidwoord; haal 'article' weg"]


@pytest.mark.parametrize(("singular", "language", "expected"), [
    ("element", "en", "an element"), ("aspect", "en", "an aspect"), ("phase", "en", "a phase"),
    ("unit", "en", "a unit"), ("update", "en", "an update"), ("result area", "en", "a result area"),
    ("fase", "nl", "een fase"), ("niveau", "nl", "een niveau")])
def test_a_word_with_its_indefinite_article(singular: str, language: str, expected: str) -> None:
    word: Word = {"singular": singular, "plural": singular + "s", "article": "de" if language == "nl" else ""}

    assert word_forms(word, language)["a"] == expected


def test_the_english_rule_sentence_gives_each_word_its_article(site: Path) -> None:
    result = (site / "semm" / "en" / "resultaat.html").read_text(encoding="utf-8")

    assert "The phase of an element is that of the aspect that is least far along." in result
