"""scoring_py.bridge: one registry of operations, one entry point, one answer shape, Dutch problems for bad calls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scoring_py.bridge import OPERATIONS, call, make_engine
from scoring_py.model import Model

FIXTURES = Path(__file__).parent.parent / "fixtures" / "engine"
MODEL_JSON = (FIXTURES / "model.json").read_text(encoding="utf-8")
MODEL: Model = json.loads(MODEL_JSON)
ANSWERS: dict[str, Any] = {"model": "semm", "aspects": {"e1a": 3, "e1b": 3, "e2a": 2, "e2b": 4, "e3a": 5, "e3b": 5}}


def engine(operation: str, args: object) -> dict:
    return json.loads(make_engine(MODEL_JSON)(operation, json.dumps(args)))


def test_score() -> None:
    answer = engine("score", {"answers": ANSWERS})

    assert set(answer) == {"ok", "value"}
    assert answer["value"]["overall"]["phase"] == 2


def test_gaps_and_plan_are_two_operations() -> None:
    args = {"answers": ANSWERS, "ambition": {"elements": {"e1": 4, "e2": 4}}}

    assert [e["gap"] for e in engine("gaps", args)["value"]["elements"]] == [1, 2, None]
    assert [p["id"] for p in engine("plan", args)["value"]["priorities"]] == ["e2", "e1"]


def test_compare() -> None:
    later = {**ANSWERS, "aspects": {**ANSWERS["aspects"], "e2a": 3}}
    value = engine("compare", {"before": ANSWERS, "after": later})["value"]

    assert value["overall"]["change"] == 1
    assert value["elements"][1]["direction"] == "up"


@pytest.mark.parametrize(("operation", "args", "problems"), [
    ("wat", {}, ['de rekenmodule kent de opdracht "wat" niet (wel: ' + ", ".join(OPERATIONS) + ")"]),
    ("score", [1], ["de opdracht 'score' verwacht een object met answers, gevonden: een lijst"]),
    ("plan", {"answers": ANSWERS, "doel": 4},
     ["de opdracht 'plan' mist 'ambition'", "de opdracht 'plan' kent 'doel' niet (wel: answers, ambition)"]),
    ("aggregate", {"scans": "anna.json", "min_unit_size": 3},
     ["'scans' van de opdracht 'aggregate' moet een lijst met scans zijn, gevonden: \"anna.json\""]),
    ("aggregate", {"scans": []}, ["de opdracht 'aggregate' mist 'min_unit_size'"]),
    ("aggregate", {"scans": [], "min_unit_size": "3"},
     ["'min_unit_size' van de opdracht 'aggregate' moet een geheel getal zijn, gevonden: \"3\""]),
    ("aggregate", {"scans": [], "min_unit_size": 2},  # no page can ask for smaller units than the rule allows
     ["de kleinste afdeling met eigen cijfers moet een geheel getal van minstens 3 zijn (gevonden: 2); met minder "
      "deelnemers is te zien wat één persoon heeft ingevuld"]),
    ("parse_exports", {"texts": ["{}", 5]},
     ["'texts' van de opdracht 'parse_exports' moet een lijst met teksten zijn, gevonden: een lijst"]),
    ("gaps", {"answers": ANSWERS, "ambition": {"elements": {"e1": 9}}},
     ["ambitie voor element 'e1': fase 9 bestaat niet (kies 1 t/m 6)"]),
    ("team_scan", {"session": [], "team": "Noord", "date": "2025-03-01"},
     ["'session' van de opdracht 'team_scan' moet een object (een teamsessie) zijn, gevonden: een lijst"]),
    ("team_scan", {"session": {"consensus": {"aspects": {"e1a": 0}}}, "team": "Noord", "date": "2025-03-01"},
     ["teamantwoorden: aspect 'e1a': fase 0 bestaat niet (kies 1 t/m 6)"]),
    ("actions", {"record": {"actions": [{"id": "a1", "item": "e1a", "text": "", "status": "open", "due": "2025-02-29"}]},
                 "today": "2025-03-01"},
     ["actie 1: de datum ('due') is geen bestaande datum zoals 2025-06-30 (gevonden: \"2025-02-29\")"]),
])
def test_bad_calls_get_dutch_problems(operation: str, args: object, problems: list[str]) -> None:
    assert engine(operation, args) == {"ok": False, "problems": problems}


def test_text_that_is_not_json() -> None:
    assert json.loads(make_engine(MODEL_JSON)("score", "{niet")) == {
        "ok": False, "problems": ["de gegevens voor de opdracht zijn geen geldige JSON (regel 1, teken 2)"]}


def test_a_scan_handed_to_an_operation_must_pass_the_record_rule() -> None:
    """A CSV, an export or a team overview is never made from data the import would refuse."""
    bad = {"schema": 1, "id": "s1", "respondent": "Anna", "aspects": {"e1a": 9}}

    assert engine("to_csv", {"record": bad})["problems"] == [
        "'respondent' moet een object zijn, gevonden: \"Anna\"",
        "aspect 'e1a': fase 9 bestaat niet (kies 1 t/m 6 of \"unknown\")"]
    assert engine("aggregate", {"scans": [{"aspects": {"e1a": 2}}, bad], "min_unit_size": 3})["problems"][0] == (
        "scan 2: 'respondent' moet een object zijn, gevonden: \"Anna\"")
    # What the browser keeps besides the content (schema, id, step) is left out, not refused.
    assert engine("export_json", {"record": {"schema": 1, "id": "s1", "step": "e2", "name": "Zuid"},
                                  "exported": "2025-03-01"})["ok"] is True


def test_a_bug_inside_an_operation_is_still_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    from scoring_py import bridge

    def broken(model: dict, answers: dict) -> None:
        raise KeyError("scans")

    monkeypatch.setitem(bridge.OPERATIONS, "score", bridge.Operation({"answers": "object"}, broken, "test"))
    answer = call(MODEL, "score", {"answers": {}})

    assert answer["ok"] is False
    assert answer["problems"][0].startswith("de rekenmodule liep vast op een fout in de scan zelf")


def test_many_exports_in_one_call_give_one_outcome_per_file_in_order() -> None:
    cases = json.loads((FIXTURES / "calls.json").read_text(encoding="utf-8"))
    single = {case["name"]: case["args"]["text"] for case in cases if case["operation"] == "parse_export"}
    texts = [single["export lezen"], single["geen JSON"], single["ander model"], single["export met BOM"]]

    answer = engine("parse_exports", {"texts": texts})
    one_by_one = [engine("parse_export", {"text": text}) for text in texts]

    assert answer["ok"] is True
    assert answer["value"] == one_by_one
    assert [file["ok"] for file in answer["value"]] == [True, False, False, True]
    assert answer["value"][0]["value"]["name"] == "Team Zuid"
