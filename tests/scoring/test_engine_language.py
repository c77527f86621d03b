"""The engine speaks the language it is given: its messages, CSV files and report come through `_()`
(scoring_py/i18n.py), and its numbers and CSV separator follow the model's language.

With English translations installed (as bridge.make_engine does for an English model), an export file's problem, a
CSV header, the text report and a refusal come out in English; with none, in Dutch again. Model words stay data in
either language. An English model's CSV is what an English spreadsheet reads: commas between cells, decimal points.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from scoring_py import aggregate, i18n, score
from scoring_py.aggregate import aggregate_csv_rows
from scoring_py.bridge import make_engine
from scoring_py.errors import InputError
from scoring_py.exchange import parse_export, to_csv, write_csv
from scoring_py.report import render_team_text, render_text
from sitegen.i18n import LANGUAGES
from tests.scoring.english import english_semm, messages_of, practices, published_json

MODEL = practices()
SEMM_EN = english_semm()
BROKEN = '{"format": "servicescan",\n  oops}'
ENGLISH = {
    "het bestand is geen JSON (regel %(line)s): kies het .json-bestand dat de scan heeft gemaakt":
        "the file is not JSON (line %(line)s): choose the .json file that the scan made",
    "Soort": "Type",
    "Naam": "Name",
    "Naam van %(the_stage)s": "Name of the %(stage)s",
    "Notitie bij %(the_part)s": "Note on the %(part)s",
    "weet ik niet": "don't know",
}
# Two respondents of the English fixture model: its rule is the mean, so values and medians have decimals.
FIRST = {"strategy-goals": 1, "strategy-means": 2, "training-basics": 3, "training-roles": 2, "testing-before": 0,
         "testing-automatic": 1, "response-reports": 2, "response-practice": 2}
SECOND = {"strategy-goals": 2, "strategy-means": 2, "training-basics": 0, "training-roles": 2, "testing-before": 1,
          "testing-automatic": 1, "response-reports": "unknown", "response-practice": 3}
DUTCH_WORDS = re.compile(r"\b(het|de|een|niet|van|geen|naar|fase|aantal|teamantwoord|bespreekpunt|ja|nee)\b",
                         re.IGNORECASE)


@pytest.fixture(autouse=True)
def dutch_afterwards() -> Iterator[None]:
    """Every other test reads Dutch: whatever a test here installs is taken away after it."""
    yield
    i18n.use_messages({})


@pytest.fixture
def english() -> None:
    """The engine's texts in English from the project's catalog, as an English model's JSON carries them."""
    i18n.use_messages(messages_of(MODEL))


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_export(text, MODEL)
    return caught.value.problems


def rows_of(text: str, separator: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=separator))


def test_an_export_error_and_a_csv_header_follow_the_engine_language() -> None:
    aspect = MODEL["elements"][0]["aspects"][0]["id"]
    record: dict[str, Any] = {"aspects": {aspect: "unknown"}}

    i18n.use_messages(ENGLISH)
    assert problems_of(BROKEN) == ["the file is not JSON (line 2): choose the .json file that the scan made"]
    rows = rows_of(to_csv(MODEL, record))
    assert rows[0][:4] == ["Type", "Practice", "Id", "Name"]  # "Id" has no translation here: it stays Dutch
    assert rows[0][5] == "Name of the level" and rows[0][7] == "Note on the practice"  # the model's own words
    assert rows[1][4] == "don't know"

    i18n.use_messages({})
    assert problems_of(BROKEN) == ["het bestand is geen JSON (regel 2): kies het .json-bestand dat de scan heeft "
                                             "gemaakt"]
    rows = rows_of(to_csv(MODEL, record))  # the texts are Dutch again; the numbers still follow the model
    assert rows[0][:4] == ["Soort", "Practice", "Id", "Naam"]
    assert rows[1][4] == "weet ik niet"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_number_signs_are_the_ones_cldr_gives_for_every_language_of_the_site(language: str) -> None:
    """scoring_py cannot use Babel (the browser's Python has none), so it keeps its own table; it must agree."""
    assert i18n.decimal_mark(language) == get_decimal_symbol(language)
    assert i18n.grouped(2_000_000, language) == f"2{get_group_symbol(language)}000{get_group_symbol(language)}000"
    assert i18n.csv_separator(language) == (";" if get_decimal_symbol(language) == "," else ",")


def test_numbers_and_the_csv_separator_follow_the_language() -> None:
    assert [i18n.number_text(value, "nl", places) for value, places in ((1.8, 1), (2, 1), (2.5, None), (3, None))] == [
        "1,8", "2,0", "2,5", "3"]
    assert [i18n.number_text(value, "en", places) for value, places in ((1.8, 1), (2, 1), (2.5, None), (3, None))] == [
        "1.8", "2.0", "2.5", "3"]
    assert write_csv([["a", "1,5"], ["b;c", 2]]) == 'a;1,5\r\n"b;c";2\r\n'  # Dutch Excel's, as before
    assert write_csv([["a", "1,5"], ["b;c", 2]], "en") == 'a,"1,5"\r\nb;c,2\r\n'


def test_the_english_report_speaks_english_with_decimal_points(english: None) -> None:
    report = render_text(MODEL, score(MODEL, {"model": "practices", "aspects": FIRST}))

    assert report.splitlines()[:4] == [
        "Trusted building scan: Practices for building software you can trust (version 1.0)",
        "",
        "Total: Level 1.6: Starting",
        "  A few people do it, each in their own way.",
    ]
    assert "  (the level that counts is the number rounded down: level 1)" in report
    assert "  1. Strategy — Level 1.5: Starting (2 of 2 streams answered)" in report
    assert "  Verification — Level 1.2: Starting" in report
    assert "  - 3. Testing, stream Before release: from level 0 to level 1 (Starting)" in report
    assert "Points to develop: 3. Testing" in report
    assert not DUTCH_WORDS.search(report), DUTCH_WORDS.search(report)


def test_the_english_semm_report_counts_in_english(english: None) -> None:
    report = render_text(SEMM_EN, score(SEMM_EN, {"model": "semm", "aspects": {"e1a": 4, "e1b": "unknown"}}))

    assert report.splitlines()[0] == "SEMM scan: Service Excellence Maturity Model (version 2022.1)"
    assert 'Provisional result: 17 of the 18 aspects are not answered or are on "don\'t know".' in report
    assert "  Result areas not answered:" in report
    assert "  3. Leadership and management commitment — no phase yet (0 of 2 aspects answered)" in report


def test_the_english_team_report(english: None) -> None:
    report = render_team_text(MODEL, aggregate(MODEL, [{"aspects": FIRST}, {"aspects": SECOND}]))

    assert report.splitlines()[:5] == [
        "Trusted building scan: team figures of 2 respondents",
        "Team answer = the median, rounded down. Point to discuss = answers are 2 or more steps apart.",
        "",
        "Streams (count; lowest / median / highest; team)",
        "  strategy-goals Goals: 2; 1 / 1.5 / 2; team 1",
    ]
    assert "  training-basics Basics: 2; 0 / 1.5 / 3; team 0  POINT TO DISCUSS" in report
    assert "Result of the team: Level 1: Starting" in report
    assert "Points to discuss: training-basics" in report


def test_the_english_csv_is_what_an_english_spreadsheet_reads(english: None) -> None:
    text = to_csv(MODEL, {"aspects": FIRST, "notes": {"strategy": "Goals first, then means"}})
    rows = rows_of(text)

    assert text.startswith("Type,Practice,ID,Name,Answer,Name of the level,Description,Note on the practice,"
                           "Left out of the assessment,Not applicable\r\n")
    assert rows[1] == ["stream", "1. Strategy", "strategy-goals", "Goals", "level 1", "Starting",
                       "Some projects have their own goals.", "Goals first, then means", "", ""]
    assert ["Outcome", "ID", "Name", "Level (value)", "Name of the level"] in rows
    assert ["practice", "strategy", "1. Strategy", "1.5", "Starting"] in rows
    assert ["Total", "", "Trusted building", "1.6", "Starting"] in rows


def test_the_english_semm_csv_names_its_columns_in_english(english: None) -> None:
    rows = rows_of(to_csv(SEMM_EN, {"aspects": {"e1a": 4}}))

    assert rows[0] == ["Type", "Element", "ID", "Name", "Answer", "Name of the phase or level", "Description",
                       "Note on the element", "Left out of the assessment"]
    assert rows[1][:6] == ["aspect", "1. Designing and renewing an exceptional customer experience", "e1a",
                           "Ideal customer experience", "phase 4", "Structure phase"]


def test_the_english_team_csv(english: None) -> None:
    team = aggregate(MODEL, [{"aspects": FIRST}, {"aspects": SECOND}])
    rows = rows_of(write_csv(aggregate_csv_rows(MODEL, team), "en"))

    assert rows[0] == ["Type", "ID", "Name", "Number of answers", "I don't know", "Lowest", "Median", "Highest",
                       "Spread", "Team answer", "Point to discuss", "Left out of the assessment", "Not applicable"]
    assert rows[1] == ["stream", "strategy-goals", "Goals", "2", "0", "1", "1.5", "2", "1", "1", "no", "0", "0"]
    assert rows[3][6] == "1.5" and rows[3][10] == "yes"


def test_an_english_model_json_makes_the_engine_refuse_in_english() -> None:
    """The route the browser takes: the published JSON carries the messages, make_engine installs them."""
    engine = make_engine(published_json(SEMM_EN))

    answers = [json.loads(engine(operation, args)) for operation, args in (
        ("score", "[1]"), ("score", "{niet"),
        ("team_scan", json.dumps({"session": {"respondents": []}, "team": "Noord", "date": "2025-03-01"})),
        ("decode_share", json.dumps({"fragment": "3.semm.12"})))]

    assert [answer["problems"] for answer in answers] == [
        ["the operation 'score' expects an object with answers, found: a list"],
        ["the data for the operation are not valid JSON (line 1, character 2)"],
        ["the session has no scans yet: first add the participants' scans"],
        ["this link is not a share link of the scan, or it was not copied completely"]]
    assert json.loads(engine("to_csv", json.dumps({"record": {}})))["value"].startswith("Type,Element,ID,Name,")
