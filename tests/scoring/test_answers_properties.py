"""Property-based: whatever arrives as answers, scoring either works or raises InputError, never anything else."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from scoring_py import InputError, score, validate_answers
from sitegen.model import load_model

MODEL = load_model(Path(__file__).resolve().parents[2] / "model" / "semm.yaml")
ASPECTS = [a["id"] for e in MODEL["elements"] for a in e["aspects"]]
AREAS = [a["id"] for a in MODEL["result_areas"]]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
hostile_keys = st.sampled_from(["__proto__", "constructor", "prototype", "__class__", "<script>", ""]) | st.text(max_size=8)


@given(json_values)
def test_any_json_value_is_scored_or_refused_with_our_error(value) -> None:
    try:
        result = score(MODEL, value)
    except InputError as exc:
        assert exc.problems and all(isinstance(p, str) for p in exc.problems)
    else:
        json.dumps(result)  # whatever is scored stays plain data


@given(st.dictionaries(hostile_keys | st.sampled_from(ASPECTS), json_values, max_size=6),
       st.dictionaries(hostile_keys | st.sampled_from(AREAS), json_values, max_size=4))
def test_answers_with_strange_keys_and_values(aspects, results) -> None:
    answers = {"model": "semm", "aspects": aspects, "results": results}
    try:
        validate_answers(MODEL, answers)
    except InputError as exc:
        assert exc.problems


@given(st.dictionaries(st.sampled_from(ASPECTS), st.sampled_from([1, 2, 3, 4, 5, 6, "unknown"])),
       st.dictionaries(st.sampled_from(AREAS), st.sampled_from([0, 1, 2, 3, 4, "unknown"])))
def test_every_valid_scan_is_scored_by_the_weakest_link(aspects, results) -> None:
    result = score(MODEL, {"model": "semm", "aspects": aspects, "results": results})
    chosen = [v for v in aspects.values() if v != "unknown"]
    assert result["overall"]["phase"] == (min(chosen) if chosen else None)
    assert result["overall"]["provisional"] == (len(chosen) < len(ASPECTS))
