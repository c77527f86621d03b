"""Leaving parts out of an assessment, as ISO/TS 19387:2025 allows: hand-computed cases and properties.

The fixture model has three elements of two aspects each (phases 1-6) and two result areas. The same cases run
in Pyodide through tests/fixtures/engine/calls.json (tests/scoring/test_pyodide_parity.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring_py import InputError, aggregate, ambition_gaps, compare, development_plan, score
from scoring_py.model import Model

FIXTURES = Path(__file__).parent.parent / "fixtures" / "engine"
MODEL: Model = json.loads((FIXTURES / "model.json").read_text(encoding="utf-8"))
ELEMENTS = ["e1", "e2", "e3"]
ASPECTS = ["e1a", "e1b", "e2a", "e2b", "e3a", "e3b"]
# e1 is in phase 1 (its weakest aspect), e2 in phase 3, e3 in phase 5.
ANSWERS: dict[str, Any] = {"model": "semm", "aspects": {"e1a": 1, "e1b": 2, "e2a": 4, "e2b": 3, "e3a": 5, "e3b": 5},
                           "results": {"ra": 1, "rb": 2}}


def test_the_weakest_assessed_part_sets_the_phase() -> None:
    result = score(MODEL, {**ANSWERS, "excluded": {"e1": "Daar hebben we als team geen invloed op"}})

    assert result["overall"]["phase"] == 3  # e2; e1 (phase 1) is left out
    assert result["overall"]["excluded"] == ["e1"]
    assert result["overall"]["weakest"] == ["e2"]
    assert result["strengths"] == ["e3"]
    assert result["scope"] == {"assessed": 2, "total": 3, "excluded": [
        {"id": "e1", "number": 1, "name": "Klantbeleving", "label": "1. Klantbeleving",
         "reason": "Daar hebben we als team geen invloed op", "not_applicable": False}], "excluded_groups": []}
    left_out = result["elements"][0]
    assert (left_out["excluded"], left_out["phase"], left_out["position"]) == (True, None, None)
    assert [(step["element"], step["aspect"]) for step in result["next_steps"]] == [("e2", "e2b")]


def test_a_part_left_out_is_never_missing_so_the_result_is_not_provisional() -> None:
    answers = {**ANSWERS, "aspects": {"e2a": 4, "e2b": 3, "e3a": 5, "e3b": 5}, "excluded": {"e1": ""}}
    result = score(MODEL, answers)

    assert result["overall"]["provisional"] is False
    assert result["missing"]["aspects"] == []
    assert result["complete"] is True
    # Without leaving e1 out, its two open aspects make the result provisional.
    assert score(MODEL, {**answers, "excluded": {}})["overall"]["provisional"] is True


def test_the_answers_of_a_part_left_out_are_kept_but_not_scored() -> None:
    result = score(MODEL, {**ANSWERS, "excluded": {"e3": ""}})

    assert result["overall"]["phase"] == 1
    assert [aspect["phase"] for aspect in result["elements"][2]["aspects"]] == [None, None]
    assert result["strengths"] == ["e2"]


def test_leaving_every_part_out_is_an_error() -> None:
    with pytest.raises(InputError) as caught:
        score(MODEL, {**ANSWERS, "excluded": {"e1": "", "e2": "", "e3": ""}})
    assert caught.value.problems == [
        "alle elementen staan buiten de beoordeling; neem er minstens één mee, dan is er iets om te beoordelen"]


def test_unknown_or_disallowed_parts_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        score(MODEL, {**ANSWERS, "excluded": {"e9": "", "e1": 5}})
    assert caught.value.problems == ["buiten de beoordeling: onbekend element 'e9'",
                                     "de reden bij 'e1' moet tekst zijn, gevonden: 5"]
    strict: Any = {key: value for key, value in MODEL.items() if key != "allow_exclusion"}
    with pytest.raises(InputError) as caught:
        score(strict, {**ANSWERS, "excluded": {"e1": ""}})
    assert caught.value.problems == ["dit model laat niet toe dat je het element 'e1' buiten de beoordeling laat"]


def test_no_ambition_and_no_plan_for_a_part_left_out() -> None:
    answers = {**ANSWERS, "excluded": {"e1": ""}}
    ambition = {"elements": {"e1": 6, "e2": 5, "e3": 5}, "results": {}}
    gaps = ambition_gaps(MODEL, answers, ambition)

    e1 = gaps["elements"][0]
    assert (e1["excluded"], e1["target"], e1["gap"]) == (True, None, None)
    assert gaps["overall"]["target"] == 5  # the lowest ambition of the assessed parts (e2, e3), not e1's 6
    plan = development_plan(MODEL, answers, ambition)
    assert [item["id"] for item in plan["priorities"]] == ["e2"]
    assert [part["id"] for part in plan["excluded"]] == ["e1"]


def test_two_measurements_with_different_scopes_say_so_per_part() -> None:
    later = {**ANSWERS, "aspects": {**ANSWERS["aspects"], "e2a": 5, "e2b": 4}, "excluded": {"e1": ""}}
    result = compare(MODEL, ANSWERS, later)

    assert result["overall"]["same_scope"] is False
    assert (result["overall"]["before_excluded"], result["overall"]["after_excluded"]) == ([], ["e1"])
    assert [(e["id"], e["direction"], e["before_excluded"], e["after_excluded"]) for e in result["elements"]] == [
        ("e1", "excluded", False, True), ("e2", "up", False, False), ("e3", "same", False, False)]
    assert result["element_counts"] == {"up": 1, "down": 0, "same": 1, "open": 0, "excluded": 1}
    assert result["aspect_counts"]["excluded"] == 2


def test_the_team_counts_a_part_over_those_who_assessed_it() -> None:
    anna = {"name": "Anna", "aspects": {"e1a": 1, "e1b": 1, "e2a": 3, "e2b": 3}, "excluded": {"e3": ""}}
    bram = {"name": "Bram", "aspects": {"e1a": 3, "e1b": 3, "e2a": 5, "e2b": 5, "e3a": 2, "e3b": 2}}
    cem = {"name": "Cem", "aspects": {"e1a": 5, "e1b": 5, "e2a": 4, "e2b": 4}, "excluded": {"e3": "Nieuw in het team"}}
    team = aggregate(MODEL, [anna, bram, cem])

    e3a = next(item for item in team["aspects"] if item["id"] == "e3a")
    assert (e3a["count"], e3a["left_out"], e3a["median"]) == (1, 2, 2)
    e1a = next(item for item in team["aspects"] if item["id"] == "e1a")
    assert (e1a["count"], e1a["left_out"], e1a["team"]) == (3, 0, 3)
    assert team["team"]["overall"]["excluded"] == []  # Bram assessed e3, so the team does too
    everyone = aggregate(MODEL, [anna, cem])
    assert everyone["team"]["overall"]["excluded"] == ["e3"]


answers_strategy = st.fixed_dictionaries({
    "aspects": st.dictionaries(st.sampled_from(ASPECTS), st.integers(1, 6) | st.just("unknown")),
    "results": st.dictionaries(st.sampled_from(["ra", "rb"]), st.integers(0, 4)),
})
left_out = st.sets(st.sampled_from(ELEMENTS), max_size=2)


@given(answers_strategy, left_out)
def test_leaving_a_part_out_never_lowers_the_overall_phase(answers: dict[str, Any], parts: set[str]) -> None:
    everything = score(MODEL, {"model": "semm", **answers})
    fewer = score(MODEL, {"model": "semm", **answers, "excluded": {part: "" for part in parts}})

    if everything["overall"]["phase"] is not None and fewer["overall"]["phase"] is not None:
        assert fewer["overall"]["phase"] >= everything["overall"]["phase"]
    assert fewer["overall"]["excluded"] == sorted(parts)
    # Leaving parts out never makes a result provisional that was not.
    assert fewer["overall"]["provisional"] <= everything["overall"]["provisional"]


@given(answers_strategy)
def test_with_nothing_left_out_the_result_is_todays(answers: dict[str, Any]) -> None:
    """`excluded: {}` and no `excluded` at all give the same result, which is the result of before this change:
    the hand-computed vectors of tests/scoring/test_scoring.py, unchanged but for the new keys, pin that down."""
    plain = score(MODEL, {"model": "semm", **answers})

    assert score(MODEL, {"model": "semm", **answers, "excluded": {}}) == plain
    assert plain["scope"] == {"assessed": 3, "total": 3, "excluded": [], "excluded_groups": []}
    assert all(element["excluded"] is False for element in plain["elements"])
