"""Tests for scoring_py.bridge: the JSON entry point the browser's worker calls."""

from __future__ import annotations

import json
from pathlib import Path

from scoring_py.bridge import make_scorer

MODEL_JSON = (Path(__file__).parent / "fixtures" / "scoring" / "model.json").read_text(encoding="utf-8")
ANSWERS = {"model": "semm", "aspects": {"e1a": 3, "e1b": 3, "e2a": 2, "e2b": 4, "e3a": 5, "e3b": 5}}


def call(request: object) -> dict:
    return json.loads(make_scorer(MODEL_JSON)(json.dumps(request)))


def test_plain_answers_are_scored_as_before() -> None:
    outcome = call(ANSWERS)

    assert outcome["ok"] is True
    assert outcome["result"]["overall"]["phase"] == 2
    assert call({"kind": "score", "answers": ANSWERS}) == outcome


def test_plan_request_gives_gaps_and_plan() -> None:
    outcome = call({"kind": "plan", "answers": ANSWERS, "ambition": {"elements": {"e1": 4, "e2": 4}}})

    assert outcome["ok"] is True
    assert [e["gap"] for e in outcome["result"]["gaps"]["elements"]] == [1, 2, None]
    assert [p["id"] for p in outcome["result"]["plan"]["priorities"]] == ["e2", "e1"]


def test_compare_request() -> None:
    later = {**ANSWERS, "aspects": {**ANSWERS["aspects"], "e2a": 3}}
    outcome = call({"kind": "compare", "before": ANSWERS, "after": later})

    assert outcome["result"]["overall"]["change"] == 1
    assert outcome["result"]["elements"][1]["direction"] == "up"


def test_problems_come_back_as_readable_lists() -> None:
    assert call({"kind": "wat"}) == {"ok": False, "problems": ['onbekende opdracht "wat" (kies score, plan, compare)']}
    assert call({"kind": "plan", "answers": ANSWERS, "ambition": {"elements": {"e1": 9}}}) == {
        "ok": False, "problems": ["ambitie voor element 'e1': 9 is geen fase (kies 1 t/m 6)"]}
    assert make_scorer(MODEL_JSON)("{niet").startswith('{"ok": false, "problems": ["de antwoorden zijn geen geldige JSON')


def test_many_exports_in_one_call_give_one_outcome_per_file_in_order() -> None:
    from scoring_py.bridge import make_caller

    calls = json.loads((Path(__file__).parent / "fixtures" / "scoring" / "calls.json").read_text(encoding="utf-8"))
    single = {case["name"]: case["args"]["text"] for case in calls if case["operation"] == "parse_export"}
    caller = make_caller(MODEL_JSON)
    texts = [single["export lezen"], single["geen JSON"], single["ander model"], single["export met BOM"]]

    outcome = json.loads(caller("parse_exports", json.dumps({"texts": texts})))
    one_by_one = [json.loads(caller("parse_export", json.dumps({"text": text}))) for text in texts]

    assert outcome["ok"] is True
    assert outcome["value"] == one_by_one
    assert [file["ok"] for file in outcome["value"]] == [True, False, False, True]
    assert outcome["value"][0]["value"]["name"] == "Team Zuid"
