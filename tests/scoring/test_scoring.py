"""Tests for scoring_py: the weakest-link rules, missing answers, next steps and answer validation.

The fixture model (tests/fixtures/engine/model.json) has 6 phases, 3 elements with 2 aspects each
(e1a, e1b, e2a, e2b, e3a, e3b), 5 result levels (0-4) and 2 result areas (ra, rb). Aspect descriptions
read "<aspect id> in fase <n>.", and phases 3, 4 and 5 have `completed` lists ("Afgerond <n>.1.").
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import scoring_py
from scoring_py import InputError, score, validate_answers
from scoring_py.model import Model

FIXTURES = Path(__file__).parent.parent / "fixtures" / "engine"
MODEL: Model = json.loads((FIXTURES / "model.json").read_text(encoding="utf-8"))
ASPECT_IDS = ["e1a", "e1b", "e2a", "e2b", "e3a", "e3b"]


def answers(*phases: Any, results: dict[str, Any] | None = None) -> dict[str, Any]:
    """Answers with the given phases for e1a ... e3b in order; None leaves an aspect unanswered."""
    given = {aspect: phase for aspect, phase in zip(ASPECT_IDS, phases, strict=False) if phase is not None}
    return {"model": "semm", "aspects": given, "results": results or {}}


def element_phases(result: Any) -> dict[str, Any]:
    return {element["id"]: element["phase"] for element in result["elements"]}


def test_package_exports() -> None:
    assert scoring_py.__all__ == [
        "InputError", "__version__", "score", "validate_answers",
        "ambition_gaps", "compare", "development_plan", "validate_ambition",
        "aggregate", "aggregate_csv_rows", "decode_share", "encode_share", "export_json", "parse_export", "team_scan",
        "to_csv", "write_csv", "action_list", "check_record", "check_session", "record_rules",
    ]  # fmt: skip
    assert scoring_py.__version__ == "1.0.0"
    assert issubclass(InputError, ValueError)


def test_result_keys_in_documented_order() -> None:
    result = score(MODEL, answers(3, 3, 3, 3, 3, 3))

    assert list(result) == [
        "model", "model_version", "complete", "scoring", "decimals", "elements", "groups", "overall", "missing",
        "result_areas", "strengths", "development_points", "next_steps", "next_phase", "scope", "terms",
    ]  # fmt: skip
    assert list(result["overall"]) == [
        "excluded", "value", "phase", "phase_name", "position", "verb", "summary", "characteristics", "completed",
        "provisional", "weakest",
    ]  # fmt: skip


def test_all_elements_equal() -> None:
    result = score(MODEL, answers(3, 3, 3, 3, 3, 3, results={"ra": 2, "rb": 2}))

    assert result["model"] == "semm"
    assert result["model_version"] == "2022.1"
    assert result["complete"] is True
    assert element_phases(result) == {"e1": 3, "e2": 3, "e3": 3}
    assert result["overall"] == {
        "excluded": [],
        "value": 3,
        "phase": 3,
        "phase_name": "Visie & designfase",
        "position": 3,
        "verb": "richten",
        "summary": "Samenvatting fase 3.",
        "characteristics": ["Kenmerk 3.1.", "Kenmerk 3.2."],
        "completed": ["Afgerond 3.1.", "Afgerond 3.2."],
        "provisional": False,
        "weakest": ["e1", "e2", "e3"],
    }
    assert result["strengths"] == []
    assert result["development_points"] == ["e1", "e2", "e3"]
    assert [(step["aspect"], step["phase"], step["next_phase"]) for step in result["next_steps"]] == [
        ("e1a", 3, 4), ("e1b", 3, 4), ("e2a", 3, 4), ("e2b", 3, 4), ("e3a", 3, 4), ("e3b", 3, 4),
    ]  # fmt: skip
    assert result["next_phase"] == {
        "id": 4,
        "name": "Structuurfase",
        "verb": "inrichten",
        "summary": "Samenvatting fase 4.",
        "characteristics": ["Kenmerk 4.1.", "Kenmerk 4.2."],
        "transition": ["Afgerond 3.1.", "Afgerond 3.2."],
    }


def test_guide_example_weakest_element_sets_overall_phase() -> None:
    # Leidraad stap 1: elements in phases 4, 2 and 5 put the organisation in phase 2.
    result = score(MODEL, answers(4, 5, 2, 3, 5, 5, results={"ra": 1, "rb": 3}))

    assert element_phases(result) == {"e1": 4, "e2": 2, "e3": 5}
    assert result["overall"]["phase"] == 2
    assert result["overall"]["phase_name"] == "Pioniersfase"
    assert result["overall"]["verb"] == "belichten"
    assert result["overall"]["weakest"] == ["e2"]
    assert result["strengths"] == ["e3"]
    assert result["development_points"] == ["e2"]
    assert result["next_steps"] == [
        {
            "element": "e2",
            "element_name": "Leiderschap",
            "aspect": "e2a",
            "aspect_name": "Leiderschap eerste aspect",
            "phase": 2,
            "next_phase": 3,
            "next_phase_name": "Visie & designfase",
            "description": "e2a in fase 3.",
            "added": False,
        }
    ]
    # Phase 2 has no `completed` list in the model, so there is no transition text.
    assert result["next_phase"] == {
        "id": 3,
        "name": "Visie & designfase",
        "verb": "richten",
        "summary": "Samenvatting fase 3.",
        "characteristics": ["Kenmerk 3.1.", "Kenmerk 3.2."],
        "transition": [],
    }


def test_element_phase_is_lowest_aspect_phase() -> None:
    result = score(MODEL, answers(6, 1, 3, 4, 5, 5))

    assert element_phases(result) == {"e1": 1, "e2": 3, "e3": 5}
    assert result["elements"][0] == {
        "id": "e1",
        "number": 1,
        "name": "Klantbeleving",
        "label": "1. Klantbeleving",
        "group": None,
        "excluded": False,
        "reason": None,
        "value": 1,
        "phase": 1,
        "phase_name": "Ideefase",
        "position": 1,
        "answered": 2,
        "total": 2,
        "aspects": [
            {"id": "e1a", "name": "Klantbeleving eerste aspect", "label": "1a. Klantbeleving eerste aspect", "phase": 6,
             "unknown": False, "not_applicable": False},
            {"id": "e1b", "name": "Klantbeleving tweede aspect", "label": "1b. Klantbeleving tweede aspect", "phase": 1,
             "unknown": False, "not_applicable": False},
        ],
    }
    assert result["overall"]["phase"] == 1
    assert result["strengths"] == ["e3"]
    # Only the aspect that holds the element back gets a next step, not the one already in phase 6.
    assert [(step["aspect"], step["next_phase"], step["description"]) for step in result["next_steps"]] == [
        ("e1b", 2, "e1b in fase 2.")
    ]


def test_incomplete_scan_is_provisional_with_exact_missing_ids() -> None:
    result = score(MODEL, answers(3, None, None, 4, None, None))

    assert result["complete"] is False
    assert result["overall"]["provisional"] is True
    assert result["missing"] == {
        "aspects": ["e1b", "e2a", "e3a", "e3b"],
        "result_areas": ["ra", "rb"],
        "unknown_aspects": [],
        "unknown_result_areas": [],
        "not_applicable": [],
    }
    assert [(e["id"], e["phase"], e["answered"], e["total"]) for e in result["elements"]] == [
        ("e1", 3, 1, 2),
        ("e2", 4, 1, 2),
        ("e3", None, 0, 2),
    ]
    # An element without answers has no phase and takes no part in the weakest-link rule.
    assert result["elements"][2]["phase_name"] is None
    assert result["overall"]["phase"] == 3
    assert result["overall"]["weakest"] == ["e1"]
    assert result["strengths"] == ["e2"]


def test_unknown_counts_as_unanswered_and_is_listed() -> None:
    result = score(MODEL, answers("unknown", 3, 3, 3, 4, "unknown", results={"ra": "unknown"}))

    assert result["missing"] == {
        "aspects": ["e1a", "e3b"],
        "result_areas": ["ra", "rb"],
        "unknown_aspects": ["e1a", "e3b"],
        "unknown_result_areas": ["ra"],
        "not_applicable": [],
    }
    assert result["elements"][0]["aspects"][0] == {
        "id": "e1a",
        "name": "Klantbeleving eerste aspect",
        "label": "1a. Klantbeleving eerste aspect",
        "phase": None,
        "unknown": True,
        "not_applicable": False,
    }
    assert [(e["id"], e["phase"], e["answered"]) for e in result["elements"]] == [
        ("e1", 3, 1),
        ("e2", 3, 2),
        ("e3", 4, 1),
    ]
    assert result["overall"]["provisional"] is True
    assert result["overall"]["weakest"] == ["e1", "e2"]
    assert result["result_areas"][0] == {
        "id": "ra",
        "letter": "a",
        "name": "Serviceprestaties",
        "label": "a. Serviceprestaties",
        "level": None,
        "level_name": None,
        "position": None,
        "unknown": True,
    }
    # An "unknown" aspect never becomes a next step: there is no phase to step up from.
    assert [step["aspect"] for step in result["next_steps"]] == ["e1b", "e2a", "e2b"]


def test_nothing_answered_gives_no_overall_phase() -> None:
    result = score(MODEL, {"model": "semm"})

    assert result == {
        "model": "semm",
        "model_version": "2022.1",
        "complete": False,
        "scoring": {"part": "weakest", "group": "weakest", "overall": "weakest"},
        "decimals": {"part": 0, "group": 0, "overall": 0},
        "elements": [
            {
                "id": element_id,
                "number": number,
                "name": name,
                "label": f"{number}. {name}",
                "group": None,
                "excluded": False,
                "reason": None,
                "value": None,
                "phase": None,
                "phase_name": None,
                "position": None,
                "answered": 0,
                "total": 2,
                "aspects": [
                    {"id": f"{element_id}a", "name": f"{name} eerste aspect", "label": f"{number}a. {name} eerste aspect",
                     "phase": None, "unknown": False, "not_applicable": False},
                    {"id": f"{element_id}b", "name": f"{name} tweede aspect", "label": f"{number}b. {name} tweede aspect",
                     "phase": None, "unknown": False, "not_applicable": False},
                ],
            }
            for number, (element_id, name) in enumerate(
                [("e1", "Klantbeleving"), ("e2", "Leiderschap"), ("e3", "Medewerkers")], 1
            )
        ],
        "groups": [],
        "overall": {
            "excluded": [],
            "value": None,
            "phase": None,
            "phase_name": None,
            "position": None,
            "verb": None,
            "summary": None,
            "characteristics": [],
            "completed": [],
            "provisional": True,
            "weakest": [],
        },
        "missing": {
            "aspects": ASPECT_IDS,
            "result_areas": ["ra", "rb"],
            "unknown_aspects": [],
            "unknown_result_areas": [],
            "not_applicable": [],
        },
        "result_areas": [
            {"id": area_id, "letter": letter, "name": name, "label": f"{letter}. {name}", "level": None, "level_name": None,
             "position": None, "unknown": False}
            for area_id, letter, name in [("ra", "a", "Serviceprestaties"), ("rb", "b", "Loyale klanten")]
        ],
        "strengths": [],
        "development_points": [],
        "next_steps": [],
        "next_phase": None,
        "scope": {"assessed": 3, "total": 3, "excluded": [], "excluded_groups": []},
        "terms": [],
    }


def test_all_unknown_is_like_nothing_answered() -> None:
    result = score(MODEL, answers(*["unknown"] * 6, results={"ra": "unknown", "rb": "unknown"}))

    assert result["overall"]["phase"] is None
    assert result["missing"]["unknown_aspects"] == ASPECT_IDS
    assert result["missing"]["unknown_result_areas"] == ["ra", "rb"]
    assert result["next_steps"] == []
    assert result["next_phase"] is None


def test_top_phase_has_no_next_phase_and_no_next_steps() -> None:
    result = score(MODEL, answers(6, 6, 6, 6, 6, 6, results={"ra": 4, "rb": 4}))

    assert result["overall"]["phase"] == 6
    assert result["overall"]["phase_name"] == "Vernieuwingsfase"
    assert result["overall"]["completed"] == []  # the fixture's phase 6 has no `completed` list
    assert result["complete"] is True
    assert result["strengths"] == []
    assert result["development_points"] == ["e1", "e2", "e3"]
    assert result["next_steps"] == []
    assert result["next_phase"] is None


def test_one_step_below_top() -> None:
    result = score(MODEL, answers(6, 6, 6, 5, 6, 6))

    assert result["overall"]["phase"] == 5
    assert result["strengths"] == ["e1", "e3"]
    assert result["next_steps"] == [
        {
            "element": "e2",
            "element_name": "Leiderschap",
            "aspect": "e2b",
            "aspect_name": "Leiderschap tweede aspect",
            "phase": 5,
            "next_phase": 6,
            "next_phase_name": "Vernieuwingsfase",
            "description": "e2b in fase 6.",
            "added": False,
        }
    ]
    assert result["next_phase"] == {
        "id": 6,
        "name": "Vernieuwingsfase",
        "verb": "verdichten",
        "summary": "Samenvatting fase 6.",
        "characteristics": ["Kenmerk 6.1.", "Kenmerk 6.2."],
        "transition": ["Afgerond 5.1.", "Afgerond 5.2."],
    }


def test_a_next_step_says_when_the_publisher_wrote_its_description() -> None:
    model = copy.deepcopy(MODEL)
    model["elements"][1]["aspects"][0]["added"] = [3, 4]  # e2a: the descriptions of phases 3 and 4

    steps = score(model, answers(4, 4, 2, 3, 4, 4))["next_steps"]
    later = score(model, answers(6, 6, 4, 6, 6, 6))["next_steps"]

    assert [(step["aspect"], step["next_phase"], step["added"]) for step in steps] == [("e2a", 3, True)]
    assert [(step["aspect"], step["next_phase"], step["added"]) for step in later] == [("e2a", 5, False)]


def test_next_steps_cover_every_weakest_element_in_model_order() -> None:
    result = score(MODEL, answers(2, 4, 4, 2, 4, 5))

    assert element_phases(result) == {"e1": 2, "e2": 2, "e3": 4}
    assert result["development_points"] == ["e1", "e2"]
    assert result["strengths"] == ["e3"]
    assert [(step["element"], step["aspect"], step["description"]) for step in result["next_steps"]] == [
        ("e1", "e1a", "e1a in fase 3."),
        ("e2", "e2b", "e2b in fase 3."),
    ]


def test_result_areas_reported_separately_without_overall_rule() -> None:
    result = score(MODEL, answers(3, 3, 3, 3, 3, 3, results={"ra": 0, "rb": 4}))

    assert result["result_areas"] == [
        {"id": "ra", "letter": "a", "name": "Serviceprestaties", "label": "a. Serviceprestaties", "level": 0, "level_name": "Beperkt zicht",
         "position": 1, "unknown": False},
        {"id": "rb", "letter": "b", "name": "Loyale klanten", "label": "b. Loyale klanten", "level": 4, "level_name": "Uitzicht",
         "position": 5, "unknown": False},
    ]  # fmt: skip
    # Result levels do not pull down the phase.
    assert result["overall"]["phase"] == 3


def test_complete_needs_result_areas_but_provisional_only_looks_at_aspects() -> None:
    result = score(MODEL, answers(3, 3, 3, 3, 3, 3, results={"ra": 2}))

    assert result["complete"] is False
    assert result["overall"]["provisional"] is False
    assert result["missing"]["aspects"] == []
    assert result["missing"]["result_areas"] == ["rb"]


def test_model_without_result_areas() -> None:
    model = copy.deepcopy(MODEL)
    del model["result_levels"], model["result_areas"]

    result = score(model, answers(3, 3, 3, 3, 3, 3))

    assert result["result_areas"] == []
    assert result["missing"]["result_areas"] == []
    assert result["complete"] is True
    with pytest.raises(InputError) as caught:
        score(model, answers(3, 3, 3, 3, 3, 3, results={"ra": 2}))
    assert caught.value.problems == ["onbekend resultaatgebied 'ra'"]


def test_phase_ids_come_from_the_model() -> None:
    # Nothing may assume that phase n + 1 follows phase n: the next phase is the next item in the model.
    model = copy.deepcopy(MODEL)
    for phase, new_id in zip(model["phases"]["items"], [0, 2, 4, 6, 8, 10], strict=False):
        phase["id"] = new_id

    result = score(model, answers(4, 8, 2, 4, 10, 10))

    assert element_phases(result) == {"e1": 4, "e2": 2, "e3": 10}
    assert result["overall"]["phase"] == 2
    assert result["overall"]["phase_name"] == "Pioniersfase"
    assert [(step["aspect"], step["next_phase"], step["description"]) for step in result["next_steps"]] == [
        ("e2a", 4, "e2a in fase 3.")
    ]
    assert result["next_steps"][0]["next_phase_name"] == "Visie & designfase"
    assert result["next_phase"] is not None
    assert result["next_phase"]["id"] == 4
    assert result["next_phase"]["name"] == "Visie & designfase"
    with pytest.raises(InputError) as caught:
        score(model, answers(3))
    assert caught.value.problems == ["aspect 'e1a': fase 3 bestaat niet (kies 0, 2, 4, 6, 8, 10 of \"unknown\")"]


def test_score_is_pure() -> None:
    model_before = copy.deepcopy(MODEL)
    given = answers(4, 5, 2, 3, 5, 5, results={"ra": 1})
    given["notes"] = {"e1": "Vrije tekst"}
    answers_before = copy.deepcopy(given)

    first = score(MODEL, given)
    # The result shares no lists with the model: a caller may change it freely.
    assert first["next_phase"] is not None
    first["next_phase"]["characteristics"].append("extra")
    second = score(MODEL, given)

    assert model_before == MODEL
    assert given == answers_before
    assert second["next_phase"] is not None
    assert second["next_phase"]["characteristics"] == ["Kenmerk 3.1.", "Kenmerk 3.2."]
    assert json.loads(json.dumps(second)) == second


def test_notes_are_ignored_by_scoring() -> None:
    plain = answers(3, 4, 3, 4, 3, 4)
    with_notes = {**plain, "notes": {"e1": "Vrije tekst", "e2": ""}, "model_version": "2022.1"}

    assert score(MODEL, with_notes) == score(MODEL, plain)


def test_score_validates_first() -> None:
    with pytest.raises(InputError) as caught:
        score(MODEL, answers(7))

    assert caught.value.problems == ["aspect 'e1a': fase 7 bestaat niet (kies 1 t/m 6 of \"unknown\")"]


def test_valid_answers_pass() -> None:
    validate_answers(MODEL, answers(1, "unknown", 6, results={"ra": 0, "rb": "unknown"}))  # raises nothing
    validate_answers(MODEL, {"model": "semm"})


@pytest.mark.parametrize(
    ("given", "problems"),
    [
        pytest.param(
            {"model": "semm", "aspects": {"e1z": 3, "e4a": 2, "e1a": 3}, "results": {"rz": 1}},
            ["onbekend aspect 'e1z'", "onbekend aspect 'e4a'", "onbekend resultaatgebied 'rz'"],
            id="unknown-ids",
        ),
        pytest.param(
            {"model": "semm", "aspects": {"e1a": 7, "e1b": 0}, "results": {"ra": 5, "rb": -1}},
            [
                "aspect 'e1a': fase 7 bestaat niet (kies 1 t/m 6 of \"unknown\")",
                "aspect 'e1b': fase 0 bestaat niet (kies 1 t/m 6 of \"unknown\")",
                "resultaatgebied 'ra': niveau 5 bestaat niet (kies 0 t/m 4 of \"unknown\")",
                "resultaatgebied 'rb': niveau -1 bestaat niet (kies 0 t/m 4 of \"unknown\")",
            ],
            id="out-of-range",
        ),
        pytest.param(
            {"model": "semm", "aspects": {"e1a": "drie", "e1b": 3.0, "e2a": None, "e2b": "Unknown", "e3a": [3]}},
            [
                "aspect 'e1a': \"drie\" is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
                "aspect 'e1b': 3.0 is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
                "aspect 'e2a': null is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
                "aspect 'e2b': \"Unknown\" is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
                "aspect 'e3a': een lijst is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
            ],
            id="wrong-type",
        ),
        pytest.param(
            {"model": "semm", "aspects": {"e1a": True, "e1b": False}, "results": {"ra": True}},
            [
                "aspect 'e1a': true is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
                "aspect 'e1b': false is geen fasenummer (kies 1 t/m 6 of \"unknown\")",
                "resultaatgebied 'ra': true is geen niveaunummer (kies 0 t/m 4 of \"unknown\")",
            ],
            id="bool",
        ),
        pytest.param(
            {"model": "x", "aspects": {"e1a": 3}},
            ["dit antwoordbestand hoort bij model 'x', niet bij 'semm'"],
            id="wrong-model",
        ),
        pytest.param(
            {"aspects": {"e1a": 3}},
            ['het antwoordbestand noemt geen model (verwacht "model": "semm")'],
            id="no-model",
        ),
        pytest.param(
            [1, 2, 3],
            ["het antwoordbestand moet een object zijn, gevonden: een lijst"],
            id="not-an-object",
        ),
        pytest.param(
            {
                "model": "semm",
                "model_version": 2022,
                "aspect": {"e1a": 3},
                "aspects": [3],
                "results": "ra",
                "notes": {"e1": 5},
            },
            [
                "onbekende sleutel 'aspect' in het antwoordbestand "
                "(toegestaan: model, model_version, aspects, results, notes, excluded, not_applicable)",
                "'model_version' moet tekst zijn, gevonden: 2022",
                "'aspects' moet een object zijn met aspect-id's als sleutels, gevonden: een lijst",
                "'results' moet een object zijn met resultaatgebied-id's als sleutels, gevonden: \"ra\"",
                "notitie 'e1' moet tekst zijn, gevonden: 5",
            ],
            id="wrong-sections",
        ),
        pytest.param(
            {"model": "semm", "notes": ["tekst"], "aspects": None},
            [
                "'aspects' moet een object zijn met aspect-id's als sleutels, gevonden: null",
                "'notes' moet een object zijn, gevonden: een lijst",
            ],
            id="null-and-list-sections",
        ),
    ],
)
def test_validate_answers_problems(given: Any, problems: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        validate_answers(MODEL, given)

    assert caught.value.problems == problems
    assert str(caught.value) == "\n".join(problems)
