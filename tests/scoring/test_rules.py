"""The scoring rule as data (scoring_py/rules.py), groups and "not applicable", computed by hand on the two fixture
models with other words, another scale and another rule: tests/fixtures/varied/model/veilig.yaml (groups, the mean
everywhere, treden 0 to 3) and ladder.yaml (one question per part, the weakest link, marks allowed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring_py import InputError, ambition_gaps, compare, development_plan, score
from scoring_py.model import Model
from sitegen.model import load_model

VARIED = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "varied" / "model"
VEILIG = load_model(VARIED / "veilig.yaml")
LADDER = load_model(VARIED / "ladder.yaml")
SEMM = load_model(Path(__file__).resolve().parents[2] / "model" / "semm.yaml")

# Per practice two streams: strategie 1 and 2, opleiding 3 and 2, dreigingen 0 and 1, eisen 2 and 2, testen 3 and 3,
# herstel 1 and 0.
STREAMS = {"strategie-doel": 1, "strategie-geld": 2, "opleiding-basis": 3, "opleiding-rol": 2,
           "dreigingen-kaart": 0, "dreigingen-keuze": 1, "eisen-lijst": 2, "eisen-leveranciers": 2,
           "testen-vooraf": 3, "testen-automatisch": 3, "herstel-melding": 1, "herstel-oefenen": 0}


def veilig(**changes: object) -> dict:
    return {"model": "veilig", "aspects": {**STREAMS, **changes}}


def test_the_mean_everywhere_by_hand() -> None:
    result = score(VEILIG, veilig())

    # Practices: (1+2)/2, (3+2)/2, (0+1)/2, 2, 3, (1+0)/2.
    assert [(e["id"], e["value"], e["phase"]) for e in result["elements"]] == [
        ("strategie", 1.5, 1), ("opleiding", 2.5, 2), ("dreigingen", 0.5, 0), ("eisen", 2.0, 2),
        ("testen", 3.0, 3), ("herstel", 0.5, 0)]
    # Functions: (1.5+2.5)/2 = 2, (0.5+2)/2 = 1.25 shown as 1.2, (3+0.5)/2 = 1.75 shown as 1.7 (rounded down, so the
    # decimal never points at a stage not reached).
    assert [(g["id"], g["value"], g["phase"]) for g in result["groups"]] == [
        ("bestuur", 2.0, 2), ("ontwerp", 1.2, 1), ("toetsing", 1.7, 1)]
    # The whole: the mean of the functions' unrounded values, (2 + 1.25 + 1.75)/3 = 5/3 = 1.66..., shown 1.6.
    assert (result["overall"]["value"], result["overall"]["phase"], result["overall"]["phase_name"]) == (1.6, 1,
                                                                                                        "Begin")
    assert result["decimals"] == {"part": 1, "group": 1, "overall": 1}
    assert result["scoring"] == {"part": "mean", "group": "mean", "overall": "mean"}


def test_weakest_and_strongest_are_the_lowest_and_highest_value() -> None:
    result = score(VEILIG, veilig())

    assert result["overall"]["weakest"] == ["dreigingen", "herstel"]
    assert result["strengths"] == ["testen"]
    # The next steps of the lowest practices: the streams at or below the stage the practice stands at (0).
    assert [(step["aspect"], step["phase"], step["next_phase"]) for step in result["next_steps"]] == [
        ("dreigingen-kaart", 0, 1), ("herstel-oefenen", 0, 1)]


def test_a_stage_zero_is_nothing_yet_on_the_chart() -> None:
    result = score(VEILIG, veilig())

    positions = {element["id"]: element["position"] for element in result["elements"]}
    assert positions == {"strategie": 1.5, "opleiding": 2.5, "dreigingen": 0.5, "eisen": 2, "testen": 3,
                         "herstel": 0.5}
    nothing = score(VEILIG, veilig(**{"herstel-melding": 0}))["elements"][5]
    assert (nothing["value"], nothing["position"]) == (0.0, 0)  # no bar at all


def test_an_incomplete_scan_stays_provisional_under_the_mean() -> None:
    result = score(VEILIG, veilig(**{"eisen-lijst": "unknown"}))

    assert result["overall"]["provisional"] is True
    assert result["elements"][3]["value"] == 2.0  # over the streams that are answered


def test_semm_keeps_the_weakest_link_and_gets_its_four_dimensions() -> None:
    aspects = {aspect["id"]: 4 for element in SEMM["elements"] for aspect in element["aspects"]}
    aspects.update({"e3a": 2, "e8b": 3})
    result = score(SEMM, {"model": "semm", "aspects": aspects})

    assert [(g["id"], g["value"], g["parts"]) for g in result["groups"]] == [
        ("klantervaring", 4, ["e1", "e6", "e7"]), ("leiderschap", 2, ["e2", "e3"]), ("cultuur", 4, ["e4", "e5"]),
        ("operationeel", 3, ["e8", "e9"])]
    assert (result["overall"]["value"], result["overall"]["phase"], result["overall"]["weakest"]) == (2, 2, ["e3"])
    assert result["decimals"] == {"part": 0, "group": 0, "overall": 0}


def test_not_applicable_scores_the_part_over_its_other_aspects() -> None:
    result = score(LADDER, {"model": "ladder", "aspects": {"beleid": 3, "inkoop": 1, "testen": 2},
                            "not_applicable": {"inkoop": "We kopen niets in"}})

    # inkoop's only question does not apply: the part counts as left out, and its answer (1) stays but is not used.
    assert (result["overall"]["value"], result["overall"]["weakest"]) == (2, ["testen"])
    assert result["scope"]["excluded"] == [{"id": "inkoop", "number": 2, "name": "Inkoop", "label": "2. Inkoop",
                                            "reason": "", "not_applicable": True}]
    assert result["missing"]["not_applicable"] == ["inkoop"]
    assert result["overall"]["provisional"] is False  # not applicable is not "weet ik niet"


def test_a_part_with_one_aspect_not_applicable_keeps_its_others() -> None:
    model: Model = {**VEILIG, "allow_not_applicable": True}
    result = score(model, {**veilig(), "not_applicable": {"strategie-doel": ""}})

    assert result["elements"][0]["value"] == 2.0  # strategie over its other stream
    assert result["elements"][0]["aspects"][0]["not_applicable"] is True
    assert result["elements"][0]["total"] == 1


def test_not_applicable_is_refused_where_the_model_does_not_allow_it() -> None:
    with pytest.raises(InputError) as caught:
        score(VEILIG, {**veilig(), "not_applicable": {"strategie-doel": ""}})

    assert caught.value.problems == [
        "dit model laat niet toe dat je de stroom 'strategie-doel' 'niet van toepassing' noemt"]


def test_gaps_and_the_plan_count_in_steps_from_the_value() -> None:
    ambition = {"elements": {element["id"]: 3 for element in VEILIG["elements"]}}
    gaps = ambition_gaps(VEILIG, veilig(), ambition)

    assert [(e["id"], e["gap"]) for e in gaps["elements"]] == [
        ("strategie", 1.5), ("opleiding", 0.5), ("dreigingen", 2.5), ("eisen", 1.0), ("testen", 0.0),
        ("herstel", 2.5)]
    assert (gaps["overall"]["target"], gaps["overall"]["gap"]) == (3.0, 1.4)  # 3 - 1.6
    plan = development_plan(VEILIG, veilig(), ambition)
    # The lowest practices first, then the largest gap, then the model's order.
    assert [item["id"] for item in plan["priorities"]] == ["dreigingen", "herstel", "strategie", "eisen", "opleiding"]


def test_a_comparison_moves_in_values() -> None:
    result = compare(VEILIG, veilig(), veilig(**{"dreigingen-kaart": 2}))

    change = result["elements"][2]
    assert (change["before_value"], change["after_value"], change["change"], change["direction"]) == (
        0.5, 1.5, 1.0, "up")
    # Ontwerp (1.5 + 2)/2 = 1.75; the whole (2 + 1.75 + 1.75)/3 = 1.83..., shown 1.8: up 0.2.
    assert (result["overall"]["before_value"], result["overall"]["after_value"], result["overall"]["change"]) == (
        1.6, 1.8, 0.2)
