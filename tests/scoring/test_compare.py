"""Tests for scoring_py.compare: two measurements side by side (fixture model as in tests/scoring/test_plan.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring_py import InputError, compare
from scoring_py.model import Model

MODEL: Model = json.loads((Path(__file__).parent.parent / "fixtures" / "engine" / "model.json").read_text("utf-8"))
BEFORE = {"model": "semm", "aspects": {"e1a": 4, "e1b": 5, "e2a": 2, "e2b": 3, "e3a": 5, "e3b": 5},
          "results": {"ra": 1, "rb": 3}}
# e2a 2 -> 4 lifts e2 from 2 to 3 (e2b stays 3); e3b 5 -> 4 drops e3 to 4; e1 stays 4.
AFTER = {"model": "semm", "aspects": {"e1a": 4, "e1b": 5, "e2a": 4, "e2b": 3, "e3a": 5, "e3b": 4},
         "results": {"ra": 2, "rb": "unknown"}}


def test_changes_per_element_and_overall() -> None:
    result = compare(MODEL, BEFORE, AFTER)

    assert [(e["id"], e["before"], e["after"], e["change"], e["direction"]) for e in result["elements"]] == [
        ("e1", 4, 4, 0, "same"), ("e2", 2, 3, 1, "up"), ("e3", 5, 4, -1, "down")]
    assert result["overall"] == {"before": 2, "before_value": 2, "before_name": "Pioniersfase", "after": 3,
                                 "after_value": 3,
                                 "after_name": "Visie & designfase", "change": 1, "direction": "up",
                                 "before_provisional": False, "after_provisional": False, "same_scope": True,
                                 "before_excluded": [], "after_excluded": []}
    assert result["element_counts"] == {"up": 1, "down": 1, "same": 1, "open": 0, "excluded": 0}


def test_changes_per_aspect() -> None:
    result = compare(MODEL, BEFORE, AFTER)

    assert [(a["id"], a["before"], a["after"], a["change"], a["direction"])
            for e in result["elements"] for a in e["aspects"]] == [
        ("e1a", 4, 4, 0, "same"), ("e1b", 5, 5, 0, "same"), ("e2a", 2, 4, 2, "up"), ("e2b", 3, 3, 0, "same"),
        ("e3a", 5, 5, 0, "same"), ("e3b", 5, 4, -1, "down")]
    assert result["elements"][1]["aspects"][0]["after_name"] == "Structuurfase"
    assert result["aspect_counts"] == {"up": 1, "down": 1, "same": 4, "open": 0, "excluded": 0}


def test_result_areas_and_open_answers() -> None:
    result = compare(MODEL, BEFORE, AFTER)

    assert [(a["id"], a["before_name"], a["after_name"], a["change"], a["direction"])
            for a in result["result_areas"]] == [("ra", "Zicht", "Inzicht", 1, "up"),
                                                  ("rb", "Doorzicht", None, None, "open")]


def test_comparing_with_an_incomplete_measurement() -> None:
    result = compare(MODEL, {"model": "semm", "aspects": {"e1a": 2}}, AFTER)

    assert result["elements"][0]["before"] == 2 and result["elements"][0]["change"] == 2
    assert [e["direction"] for e in result["elements"]] == ["up", "open", "open"]
    assert result["overall"]["before_provisional"] is True
    assert result["overall"]["change"] == 1  # overall 2 (only e1 answered) to 3


def test_same_answers_change_nothing() -> None:
    result = compare(MODEL, BEFORE, BEFORE)

    assert {e["direction"] for e in result["elements"]} == {"same"}
    assert result["overall"]["change"] == 0 and result["overall"]["direction"] == "same"


def test_problems_say_which_measurement() -> None:
    with pytest.raises(InputError) as caught:
        compare(MODEL, {"model": "semm", "aspects": {"e1a": 9}}, {"model": "andere"})
    assert caught.value.problems == [
        "eerste meting: aspect 'e1a': fase 9 bestaat niet (kies 1 t/m 6 of \"unknown\")",
        "tweede meting: dit antwoordbestand hoort bij model 'andere', niet bij 'semm'",
    ]
