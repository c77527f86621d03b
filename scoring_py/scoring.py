"""The scoring rules: from answers to a phase per element, an overall phase and next steps.

The rules follow the SEMM guide: an element is as far as its weakest aspect, and the organisation is as
far as its weakest element ("de zwakste schakel bepaalt de kracht van de ketting"). Result areas are
reported one by one; the guide gives no overall rule for them.

An assessment may leave parts out (ISO/TS 19387:2025 allows assessing selected elements), when the model allows
it: `answers["excluded"]` maps a part's id to the reason. A left-out part is not scored and never counts as
missing: the overall phase is the weakest of the parts that were assessed, and the result says which were not.
Its answers stay where they are, so taking the part back in restores them.
"""

from __future__ import annotations

from typing import Any, TypedDict

from .answers import UNKNOWN, validate_answers
from .labels import item_labels
from .model import Element, Model, Phase, all_aspects


class AspectScore(TypedDict):
    id: str
    name: str
    label: str  # "2a. Klantvisie" (labels.py), the way every page names it
    phase: int | None
    unknown: bool


class ElementScore(TypedDict):
    id: str
    number: int
    name: str
    label: str  # "2. Klantbeleving"
    excluded: bool  # left out of this assessment: not scored, shown as "niet beoordeeld"
    reason: str | None  # why, when it was left out (may be empty)
    phase: int | None
    phase_name: str | None
    position: int | None
    answered: int
    total: int
    aspects: list[AspectScore]


class Overall(TypedDict):
    excluded: list[str]  # ids of the parts left out of this assessment, in model order
    phase: int | None
    phase_name: str | None
    verb: str | None
    summary: str | None
    characteristics: list[str]
    completed: list[str]  # what an organisation shows once it has completed this phase (may be empty)
    provisional: bool
    weakest: list[str]


class Missing(TypedDict):
    aspects: list[str]
    result_areas: list[str]
    unknown_aspects: list[str]
    unknown_result_areas: list[str]


class ResultAreaScore(TypedDict):
    id: str
    letter: str
    name: str
    label: str  # "a. Excellente serviceprestaties"
    level: int | None
    level_name: str | None
    position: int | None
    unknown: bool


class NextStep(TypedDict):
    element: str
    element_name: str
    aspect: str
    aspect_name: str
    phase: int
    next_phase: int
    next_phase_name: str
    description: str
    added: bool  # the publisher wrote this description itself (the aspect's `added`); pages say so


class NextPhase(TypedDict):
    id: int
    name: str
    verb: str
    summary: str
    characteristics: list[str]
    transition: list[str]


class LeftOut(TypedDict):
    id: str
    number: int
    name: str
    label: str
    reason: str


class Scope(TypedDict):
    assessed: int  # how many parts were assessed ...
    total: int  # ... of how many the model has
    excluded: list[LeftOut]


class ScoreResult(TypedDict):
    model: str
    model_version: str
    complete: bool
    elements: list[ElementScore]
    overall: Overall
    missing: Missing
    result_areas: list[ResultAreaScore]
    strengths: list[str]
    development_points: list[str]
    next_steps: list[NextStep]
    next_phase: NextPhase | None
    scope: Scope


def score(model: Model, answers: Any) -> ScoreResult:
    """Validate `answers` against `model` and compute the scan result (plain, JSON-ready data)."""
    validate_answers(model, answers)
    aspect_answers: dict[str, Any] = answers.get("aspects", {})
    result_answers: dict[str, Any] = answers.get("results", {})
    excluded: dict[str, str] = answers.get("excluded", {})
    phases = model["phases"]["items"]  # leaving every part out is refused by the record rule (validate_answers)

    labels = item_labels(model)
    elements = [
        _score_element(phases, element, number, aspect_answers, excluded.get(element["id"]), labels)
        for number, element in enumerate(model["elements"], 1)
    ]
    element_phases = [element["phase"] for element in elements if element["phase"] is not None]
    lowest = min(element_phases, default=None)
    highest = max(element_phases, default=None)
    weakest = [element["id"] for element in elements if lowest is not None and element["phase"] == lowest]
    # A strength only means something next to a weaker element; when all are equal there is none.
    strengths = [
        element["id"]
        for element in elements
        if lowest is not None and highest is not None and highest > lowest and element["phase"] == highest
    ]
    missing = _missing(model, aspect_answers, result_answers, excluded)
    current = _find_phase(phases, lowest)
    left_out: list[LeftOut] = [{"id": element["id"], "number": element["number"], "name": element["name"],
                                "label": element["label"], "reason": element["reason"] or ""}
                               for element in elements if element["excluded"]]

    return {
        "model": model["id"],
        "model_version": model["version"],
        "complete": not missing["aspects"] and not missing["result_areas"],
        "elements": elements,
        "overall": {
            "excluded": [element["id"] for element in left_out],
            "phase": lowest,
            "phase_name": current["name"] if current else None,
            "verb": current["verb"] if current else None,
            "summary": current["summary"] if current else None,
            "characteristics": list(current["characteristics"]) if current else [],
            "completed": list(current.get("completed", [])) if current else [],
            "provisional": bool(missing["aspects"]),
            "weakest": weakest,
        },
        "missing": missing,
        "result_areas": _score_result_areas(model, result_answers, labels),
        "strengths": strengths,
        "development_points": list(weakest),
        "next_steps": _next_steps(model, elements, weakest),
        "next_phase": _next_phase(phases, lowest),
        "scope": {"assessed": len(elements) - len(left_out), "total": len(elements), "excluded": left_out},
    }


def _answered(value: Any) -> int | None:
    """The chosen phase or level id; None for "unknown" and for no answer."""
    return None if value is None or value == UNKNOWN else value


def _score_element(
    phases: list[Phase], element: Element, number: int, aspect_answers: dict[str, Any], reason: str | None,
    labels: dict[str, str],
) -> ElementScore:
    """One part: as far as its weakest aspect; a part left out (`reason` is not None) is not scored at all."""
    scored = reason is None
    aspects: list[AspectScore] = [
        {
            "id": aspect["id"],
            "name": aspect["name"],
            "label": labels[aspect["id"]],
            "phase": _answered(aspect_answers.get(aspect["id"])) if scored else None,
            "unknown": scored and aspect_answers.get(aspect["id"]) == UNKNOWN,
        }
        for aspect in element["aspects"]
    ]
    answered = [aspect["phase"] for aspect in aspects if aspect["phase"] is not None]
    # The weakest aspect sets the element's phase, as the weakest element sets the overall phase.
    phase = min(answered, default=None)
    current = _find_phase(phases, phase)
    return {
        "id": element["id"],
        "number": number,
        "name": element["name"],
        "label": labels[element["id"]],
        "excluded": not scored,
        "reason": reason,
        "phase": phase,
        "phase_name": current["name"] if current else None,
        # 1-based place on the scale, for charts: ids need not run 1, 2, 3.
        "position": _position(phases, phase) + 1 if phase is not None else None,
        "answered": len(answered),
        "total": len(aspects),
        "aspects": aspects,
    }


def _missing(model: Model, aspect_answers: dict[str, Any], result_answers: dict[str, Any],
             excluded: dict[str, str]) -> Missing:
    """What is still open in the parts that are assessed (a part left out is never missing)."""
    aspect_ids = [aspect["id"] for element in model["elements"] if element["id"] not in excluded
                  for aspect in element["aspects"]]
    area_ids = [area["id"] for area in model.get("result_areas", [])]
    return {
        "aspects": [item for item in aspect_ids if _answered(aspect_answers.get(item)) is None],
        "result_areas": [item for item in area_ids if _answered(result_answers.get(item)) is None],
        "unknown_aspects": [item for item in aspect_ids if aspect_answers.get(item) == UNKNOWN],
        "unknown_result_areas": [item for item in area_ids if result_answers.get(item) == UNKNOWN],
    }


def _score_result_areas(model: Model, result_answers: dict[str, Any],
                        labels: dict[str, str]) -> list[ResultAreaScore]:
    levels = model.get("result_levels")
    level_names = {level["id"]: level["name"] for level in levels["items"]} if levels else {}
    level_positions = {level["id"]: place for place, level in enumerate(levels["items"], 1)} if levels else {}
    scores: list[ResultAreaScore] = []
    for area in model.get("result_areas", []):
        level = _answered(result_answers.get(area["id"]))
        scores.append(
            {
                "id": area["id"],
                "letter": area["letter"],
                "name": area["name"],
                "label": labels[area["id"]],
                "level": level,
                "level_name": level_names[level] if level is not None else None,
                "position": level_positions[level] if level is not None else None,
                "unknown": result_answers.get(area["id"]) == UNKNOWN,
            }
        )
    return scores


def _next_steps(model: Model, elements: list[ElementScore], development_points: list[str]) -> list[NextStep]:
    """For each weakest element: the aspects holding it back, and what the next phase asks of them."""
    phases = model["phases"]["items"]
    descriptions = {aspect["id"]: aspect["phases"] for aspect in all_aspects(model)}
    added = {aspect["id"]: aspect.get("added", []) for aspect in all_aspects(model)}
    steps: list[NextStep] = []
    for element in elements:
        phase = element["phase"]
        if element["id"] not in development_points or phase is None:
            continue
        position = _position(phases, phase)
        if position + 1 == len(phases):
            continue
        following = phases[position + 1]
        for aspect in element["aspects"]:
            if aspect["phase"] == phase:
                steps.append(
                    {
                        "element": element["id"],
                        "element_name": element["name"],
                        "aspect": aspect["id"],
                        "aspect_name": aspect["name"],
                        "phase": phase,
                        "next_phase": following["id"],
                        "next_phase_name": following["name"],
                        # Aspect descriptions are listed in the order of phases.items.
                        "description": descriptions[aspect["id"]][position + 1],
                        "added": following["id"] in added[aspect["id"]],
                    }
                )
    return steps


def _next_phase(phases: list[Phase], phase_id: int | None) -> NextPhase | None:
    """What the next overall phase asks; None at the top phase or when nothing is answered."""
    if phase_id is None:
        return None
    position = _position(phases, phase_id)
    if position + 1 == len(phases):
        return None
    current, following = phases[position], phases[position + 1]
    return {
        "id": following["id"],
        "name": following["name"],
        "verb": following["verb"],
        "summary": following["summary"],
        "characteristics": list(following["characteristics"]),
        "transition": list(current.get("completed", [])),
    }


def _position(phases: list[Phase], phase_id: int) -> int:
    """Index of a phase in the model; phase ids need not be 1, 2, 3, so never compute with them."""
    for position, phase in enumerate(phases):
        if phase["id"] == phase_id:
            return position
    # validate_answers only lets through ids from the model, so this means a bug, not a user mistake.
    raise ValueError(f"phase {phase_id!r} is not in the model")


def _find_phase(phases: list[Phase], phase_id: int | None) -> Phase | None:
    return None if phase_id is None else phases[_position(phases, phase_id)]
