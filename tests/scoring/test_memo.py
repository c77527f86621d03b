"""Values derived from a model alone are worked out once per model object, and never shared between models."""

from __future__ import annotations

import copy
from pathlib import Path

from scoring_py.memo import MODELS_KEPT, per_model
from scoring_py.record import record_rules
from scoring_py.words import model_words
from sitegen.model import load_model

MODEL = load_model(Path(__file__).resolve().parents[2] / "model" / "topdesk-esm.yaml")


def test_a_value_is_worked_out_once_per_model_object() -> None:
    calls: list[str] = []

    @per_model
    def name(model: dict) -> str:
        calls.append(model["id"])
        return model["id"].upper()

    first, second = {"id": "a"}, {"id": "a"}  # equal, but two objects: each gets its own value
    assert [name(first), name(first), name(second), name(first)] == ["A", "A", "A", "A"]
    assert calls == ["a", "a"]


def test_many_models_never_mix_up_their_values() -> None:
    @per_model
    def name(model: dict) -> str:
        return model["id"]

    models = [{"id": f"m{number}"} for number in range(3 * MODELS_KEPT)]
    for _ in range(2):
        assert [name(model) for model in models] == [model["id"] for model in models]


def test_the_words_and_the_rule_follow_the_model_they_are_asked_for() -> None:
    other = copy.deepcopy(MODEL)
    other["words"] = {**other.get("words", {}), "part": {"singular": "onderdeel", "plural": "onderdelen",
                                                         "article": "het"}}
    other["allow_exclusion"] = False

    assert model_words(MODEL)["part"]["singular"] == "dimensie"
    assert model_words(other)["part"]["singular"] == "onderdeel"
    assert model_words(MODEL) is model_words(MODEL)
    assert record_rules(MODEL)["excluded"]["ids"] and not record_rules(other)["excluded"]["ids"]
