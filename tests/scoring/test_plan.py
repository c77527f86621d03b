"""Tests for scoring_py.plan: gaps against an ambition, priority order, next steps, strengths.

The fixture model (tests/fixtures/engine/model.json) has phases 1-6, elements e1 Klantbeleving, e2 Leiderschap,
e3 Medewerkers with aspects a and b, levels 0-4 (Beperkt zicht .. Uitzicht) and result areas ra, rb. Aspect
descriptions read "<aspect> in fase <n>.", level descriptions "<area> niveau <n>."; phase 3 has `completed`
"Afgerond 3.1." and "Afgerond 3.2.". All expected values below are worked out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scoring_py import InputError, ambition_gaps, development_plan, validate_ambition
from scoring_py.model import Model

MODEL: Model = json.loads((Path(__file__).parent.parent / "fixtures" / "engine" / "model.json").read_text("utf-8"))

# e1 = min(4, 5) = 4, e2 = min(2, 3) = 2 (weakest link, overall phase 2), e3 = min(5, 5) = 5 (strength).
ANSWERS = {"model": "semm", "aspects": {"e1a": 4, "e1b": 5, "e2a": 2, "e2b": 3, "e3a": 5, "e3b": 5},
           "results": {"ra": 1, "rb": 3}}


def steps(item: Any) -> list[tuple[str, int, int, str]]:
    return [(step["id"], step["phase"], step["next_phase"], step["next_step"]) for step in item["steps"]]


def test_gaps_per_element_aspect_and_area() -> None:
    gaps = ambition_gaps(MODEL, ANSWERS, {"elements": {"e1": 5, "e2": 4, "e3": 4}, "results": {"ra": 2, "rb": 2}})

    assert [(e["id"], e["phase"], e["target"], e["gap"], e["weakest"]) for e in gaps["elements"]] == [
        ("e1", 4, 5, 1, False), ("e2", 2, 4, 2, True), ("e3", 5, 4, -1, False)]
    assert [(a["id"], a["gap"], a["next_phase"], a["next_step"]) for a in gaps["elements"][0]["aspects"]] == [
        ("e1a", 1, 5, "e1a in fase 5."), ("e1b", 0, None, None)]
    assert gaps["elements"][1]["target_name"] == "Structuurfase"
    assert gaps["overall"] == {"value": 2, "phase": 2, "phase_name": "Pioniersfase", "target": 4, "target_name": "Structuurfase",
                               "gap": 2}
    # ra: level 1 (Zicht, place 2) to 2 (Inzicht, place 3); rb: level 3 is already beyond Inzicht.
    assert [(a["id"], a["level_name"], a["target_name"], a["gap"], a["next_level_name"], a["next_step"])
            for a in gaps["result_areas"]] == [("ra", "Zicht", "Inzicht", 1, "Inzicht", "ra niveau 2."),
                                               ("rb", "Doorzicht", "Inzicht", -1, None, None)]
    assert gaps["ambition_set"] is True and gaps["provisional"] is False


def test_without_ambition_nothing_has_a_gap() -> None:
    gaps = ambition_gaps(MODEL, ANSWERS, {"elements": {}, "results": {}})

    assert [e["gap"] for e in gaps["elements"]] == [None, None, None]
    assert gaps["overall"]["target"] is None and gaps["overall"]["gap"] is None
    assert gaps["ambition_set"] is False
    assert development_plan(MODEL, ANSWERS, {})["priorities"] == []


def test_overall_target_needs_every_element() -> None:
    gaps = ambition_gaps(MODEL, ANSWERS, {"elements": {"e1": 6, "e2": 6}})

    assert gaps["overall"]["target"] is None
    assert gaps["ambition_set"] is True


def test_plan_order_weakest_link_then_largest_gap_then_model_order() -> None:
    # Gaps: e1 4 -> 6 = 2, e2 2 -> 3 = 1 (the weakest link), e3 5 -> 6 = 1.
    plan = development_plan(MODEL, ANSWERS, {"elements": {"e1": 6, "e2": 3, "e3": 6}})

    assert [(p["priority"], p["id"], p["gap"], p["weakest"]) for p in plan["priorities"]] == [
        (1, "e2", 1, True), (2, "e1", 2, False), (3, "e3", 1, False)]
    assert steps(plan["priorities"][0]) == [("e2a", 2, 3, "e2a in fase 3.")]
    assert steps(plan["priorities"][1]) == [("e1a", 4, 5, "e1a in fase 5."), ("e1b", 5, 6, "e1b in fase 6.")]
    assert steps(plan["priorities"][2]) == [("e3a", 5, 6, "e3a in fase 6."), ("e3b", 5, 6, "e3b in fase 6.")]


def test_equal_gaps_keep_the_model_order() -> None:
    answers = {"model": "semm", "aspects": {"e1a": 3, "e1b": 3, "e2a": 3, "e2b": 3, "e3a": 3, "e3b": 3}}
    plan = development_plan(MODEL, answers, {"elements": {"e3": 4, "e2": 4, "e1": 4}})

    # All three are the weakest link with the same gap, so the model decides.
    assert [p["id"] for p in plan["priorities"]] == ["e1", "e2", "e3"]


def test_elements_at_or_beyond_their_ambition_are_not_in_the_plan() -> None:
    plan = development_plan(MODEL, ANSWERS, {"elements": {"e1": 4, "e2": 2, "e3": 3}, "results": {"rb": 3}})

    assert plan["priorities"] == []
    assert plan["result_areas"] == []
    assert plan["ambition_set"] is True


def test_plan_has_transition_strengths_and_result_areas() -> None:
    answers = {"model": "semm", "aspects": {"e1a": 3, "e1b": 4, "e2a": 4, "e2b": 4, "e3a": 5, "e3b": 6},
               "results": {"ra": 0}}
    plan = development_plan(MODEL, answers, {"elements": {"e1": 4}, "results": {"ra": 2, "rb": 2}})

    assert [p["id"] for p in plan["priorities"]] == ["e1"]
    assert plan["next_phase"] is not None
    assert plan["next_phase"]["id"] == 4
    assert plan["next_phase"]["transition"] == ["Afgerond 3.1.", "Afgerond 3.2."]
    assert plan["strengths"] == [{"id": "e3", "number": 3, "name": "Medewerkers", "label": "3. Medewerkers", "value": 5,
                                  "phase": 5,
                                  "phase_name": "Cultuurfase"}]
    # rb is not answered: no gap to give. ra: from Beperkt zicht one step to Zicht.
    assert [(a["id"], a["gap"], a["next_level_name"], a["next_step"]) for a in plan["result_areas"]] == [
        ("ra", 2, "Zicht", "ra niveau 1.")]


def test_unanswered_aspects_are_named_not_planned() -> None:
    answers = {"model": "semm", "aspects": {"e1a": 2, "e1b": "unknown", "e2a": 4, "e2b": 4, "e3a": 4, "e3b": 4}}
    plan = development_plan(MODEL, answers, {"elements": {"e1": 3}})

    assert plan["provisional"] is True
    item = plan["priorities"][0]
    assert steps(item) == [("e1a", 2, 3, "e1a in fase 3.")]
    assert item["open_aspects"] == ["Klantbeleving tweede aspect"]


def test_validate_ambition_lists_every_problem() -> None:
    with pytest.raises(InputError) as caught:
        validate_ambition(MODEL, {"elements": {"e1": 7, "e9": 3, "e2": "4", "e3": True},
                                  "results": {"ra": 5}, "doel": 1})
    assert caught.value.problems == [
        "onbekende sleutel 'doel' in de ambitie (toegestaan: elements, results)",
        "ambitie voor element 'e1': fase 7 bestaat niet (kies 1 t/m 6)",
        "ambitie voor onbekend element 'e9'",
        "ambitie voor element 'e2': \"4\" is geen fasenummer (kies 1 t/m 6)",
        "ambitie voor element 'e3': true is geen fasenummer (kies 1 t/m 6)",
        "ambitie voor resultaatgebied 'ra': niveau 5 bestaat niet (kies 0 t/m 4)",
    ]


def test_answers_and_ambition_problems_come_together() -> None:
    with pytest.raises(InputError) as caught:
        development_plan(MODEL, {"model": "semm", "aspects": {"e1a": 0}}, {"elements": []})
    assert caught.value.problems == [
        "aspect 'e1a': fase 0 bestaat niet (kies 1 t/m 6 of \"unknown\")",
        "'ambition.elements' moet een object zijn met element-id's als sleutels, gevonden: een lijst",
    ]
    with pytest.raises(InputError, match="de ambitie moet een object zijn, gevonden: null"):
        validate_ambition(MODEL, None)


def test_a_step_whose_description_the_publisher_wrote_says_so() -> None:
    """TOPdesk's own descriptions (the aspect's `added`) are marked on the plan as on the result."""
    from sitegen.model import load_model

    topdesk = load_model(Path(__file__).resolve().parents[2] / "model" / "topdesk-esm.yaml")
    answers = {"model": "topdesk-esm", "aspects": {"e1a": 1, "e2a": 2, "e3a": 4, "e4a": 4, "e5a": 4}}
    plan = development_plan(topdesk, answers, {"elements": dict.fromkeys(["e1", "e2", "e3", "e4", "e5"], 5)})
    marks = {step["id"]: (step["next_phase"], step["added"]) for item in plan["priorities"] for step in item["steps"]}
    added = {aspect["id"]: aspect.get("added", []) for element in topdesk["elements"] for aspect in element["aspects"]}
    assert marks and all(flag == (phase in added[aspect]) for aspect, (phase, flag) in marks.items())
    assert marks["e2a"] == (3, True)  # Proces, niveau 3: a description we wrote (the source has none)
