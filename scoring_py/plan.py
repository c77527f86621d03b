"""Ambition and development plan: where the organisation stands against where it wants to be.

The guide's step 2 (set an ambition) and step 3 (develop the weakest elements, build on the strong ones).
An ambition is plain data, as the browser stores it:

    {"elements": {"e1": 4, "e3": 5}, "results": {"ra": 2}}

phase ids per element and level ids per result area; an element or area without a value has no ambition.
Gaps are counted in places on the scale (positions), never by subtracting ids, because ids need not run
1, 2, 3. An aspect's target is the target of its element.
"""

from __future__ import annotations

from typing import Any, TypedDict

from .answers import validate_answers
from .errors import InputError
from .model import Model
from .record import answer_problems
from .scoring import LeftOut, NextPhase, score


class AspectGap(TypedDict):
    id: str
    name: str
    label: str
    phase: int | None
    target: int | None
    gap: int | None
    next_phase: int | None
    next_phase_name: str | None
    next_step: str | None  # the aspect's description of its next phase, when it is below its target
    added: bool  # that description was written by the publisher (the aspect's `added`); pages say so


class ElementGap(TypedDict):
    id: str
    number: int
    name: str
    label: str
    phase: int | None
    phase_name: str | None
    position: int | None
    target: int | None
    target_name: str | None
    target_position: int | None
    gap: int | None  # places on the scale still to go; 0 = reached, negative = beyond the ambition
    weakest: bool
    excluded: bool  # left out of this assessment: no ambition counts for it, and no step is planned
    aspects: list[AspectGap]


class AreaGap(TypedDict):
    id: str
    letter: str
    name: str
    label: str
    level: int | None
    level_name: str | None
    position: int | None
    target: int | None
    target_name: str | None
    target_position: int | None
    gap: int | None
    next_level: int | None
    next_level_name: str | None
    next_step: str | None


class OverallGap(TypedDict):
    phase: int | None
    phase_name: str | None
    target: int | None  # the lowest element ambition, once every assessed element has one
    target_name: str | None
    gap: int | None


class Gaps(TypedDict):
    model: str
    model_version: str
    provisional: bool
    ambition_set: bool
    overall: OverallGap
    elements: list[ElementGap]
    result_areas: list[AreaGap]


class Strength(TypedDict):
    id: str
    number: int
    name: str
    label: str
    phase: int
    phase_name: str


class PlanItem(TypedDict):
    priority: int
    id: str
    number: int
    name: str
    label: str
    phase: int
    phase_name: str
    target: int
    target_name: str
    gap: int
    weakest: bool
    steps: list[AspectGap]  # only the aspects below the target, in model order
    open_aspects: list[str]  # names of aspects not answered (or "weet ik niet"): no step can be given


class Plan(TypedDict):
    model: str
    model_version: str
    provisional: bool
    ambition_set: bool
    overall: OverallGap
    priorities: list[PlanItem]
    result_areas: list[AreaGap]  # only the areas below their target
    next_phase: NextPhase | None
    strengths: list[Strength]
    excluded: list[LeftOut]  # the parts left out of this assessment, with their reasons


def validate_ambition(model: Model, ambition: Any) -> None:
    """Raise InputError listing every way `ambition` does not fit `model` (the record rule, record.py)."""
    problems = answer_problems(model, {"ambition": ambition})
    if problems:
        raise InputError([problem.message for problem in problems])


def ambition_gaps(model: Model, answers: Any, ambition: Any) -> Gaps:
    """Position against ambition for every element, its aspects and every result area (model order)."""
    _check(model, answers, ambition)
    return _gaps(model, score(model, answers), ambition)


def development_plan(model: Model, answers: Any, ambition: Any) -> Plan:
    """The elements below their ambition in order of priority, with a concrete next step per aspect.

    Priority: the weakest link first (it holds the whole organisation back), then the largest gap to the
    ambition, then the order of the model.
    """
    _check(model, answers, ambition)
    result = score(model, answers)
    gaps = _gaps(model, result, ambition)
    behind = [element for element in gaps["elements"] if element["gap"] is not None and element["gap"] > 0]
    behind.sort(key=lambda element: (not element["weakest"], -(element["gap"] or 0), element["number"]))
    priorities: list[PlanItem] = [
        {
            "priority": priority,
            "id": element["id"],
            "number": element["number"],
            "name": element["name"],
            "label": element["label"],
            "phase": element["phase"],  # type: ignore[typeddict-item]  # gap is set, so phase is too
            "phase_name": element["phase_name"],  # type: ignore[typeddict-item]
            "target": element["target"],  # type: ignore[typeddict-item]
            "target_name": element["target_name"],  # type: ignore[typeddict-item]
            "gap": element["gap"],  # type: ignore[typeddict-item]
            "weakest": element["weakest"],
            "steps": [aspect for aspect in element["aspects"] if aspect["next_step"] is not None],
            "open_aspects": [aspect["name"] for aspect in element["aspects"] if aspect["phase"] is None],
        }
        for priority, element in enumerate(behind, 1)
    ]
    by_id = {element["id"]: element for element in result["elements"]}
    strengths: list[Strength] = [
        {"id": item, "number": by_id[item]["number"], "name": by_id[item]["name"], "label": by_id[item]["label"],
         "phase": by_id[item]["phase"], "phase_name": by_id[item]["phase_name"]}  # type: ignore[typeddict-item]
        for item in result["strengths"]
    ]
    return {
        "model": gaps["model"],
        "model_version": gaps["model_version"],
        "provisional": gaps["provisional"],
        "ambition_set": gaps["ambition_set"],
        "overall": gaps["overall"],
        "priorities": priorities,
        "result_areas": [area for area in gaps["result_areas"] if area["gap"] is not None and area["gap"] > 0],
        "next_phase": result["next_phase"],
        "strengths": strengths,
        "excluded": result["scope"]["excluded"],
    }


def _gaps(model: Model, result: Any, ambition: Any) -> Gaps:
    """The gaps for an already scored result; `ambition` is validated."""
    phases = model["phases"]["items"]
    phase_places = {phase["id"]: place for place, phase in enumerate(phases, 1)}
    phase_names = {phase["id"]: phase["name"] for phase in phases}
    descriptions = {aspect["id"]: aspect["phases"] for element in model["elements"] for aspect in element["aspects"]}
    added = {aspect["id"]: aspect.get("added", []) for element in model["elements"] for aspect in element["aspects"]}
    targets: dict[str, int] = ambition.get("elements", {})
    weakest = set(result["overall"]["weakest"])

    elements: list[ElementGap] = []
    for element in result["elements"]:
        # A part left out of the assessment keeps its stored ambition (for when it is taken back in), unused.
        target = None if element["excluded"] else targets.get(element["id"])
        target_position = phase_places[target] if target is not None else None
        aspects: list[AspectGap] = []
        for aspect in element["aspects"]:
            position = phase_places[aspect["phase"]] if aspect["phase"] is not None else None
            gap = _difference(target_position, position)
            # Below the target, the next step is the aspect's own description of the phase after its current one.
            following = phases[position] if gap is not None and gap > 0 and position is not None else None
            aspects.append({
                "id": aspect["id"],
                "name": aspect["name"],
                "label": aspect["label"],
                "phase": aspect["phase"],
                "target": target,
                "gap": gap,
                "next_phase": following["id"] if following else None,
                "next_phase_name": following["name"] if following else None,
                "next_step": descriptions[aspect["id"]][position] if following and position is not None else None,
                "added": following is not None and following["id"] in added[aspect["id"]],
            })
        elements.append({
            "id": element["id"],
            "number": element["number"],
            "name": element["name"],
            "label": element["label"],
            "phase": element["phase"],
            "phase_name": element["phase_name"],
            "position": element["position"],
            "target": target,
            "target_name": phase_names[target] if target is not None else None,
            "target_position": target_position,
            "gap": _difference(target_position, element["position"]),
            "weakest": element["id"] in weakest,
            "excluded": element["excluded"],
            "aspects": aspects,
        })

    all_targets = [element["target"] for element in elements if not element["excluded"]]
    overall_target = min(all_targets) if all_targets and None not in all_targets else None  # type: ignore[type-var]
    overall_phase = result["overall"]["phase"]
    return {
        "model": result["model"],
        "model_version": result["model_version"],
        "provisional": result["overall"]["provisional"],
        "ambition_set": any(target is not None for target in all_targets) or bool(ambition.get("results")),
        "overall": {
            "phase": overall_phase,
            "phase_name": result["overall"]["phase_name"],
            "target": overall_target,
            "target_name": phase_names[overall_target] if overall_target is not None else None,
            "gap": _difference(phase_places.get(overall_target) if overall_target is not None else None,
                               phase_places.get(overall_phase) if overall_phase is not None else None),
        },
        "elements": elements,
        "result_areas": _area_gaps(model, result["result_areas"], ambition.get("results", {})),
    }


def _check(model: Model, answers: Any, ambition: Any) -> None:
    """Every problem in the answers and in the ambition at once."""
    problems: list[str] = []
    for check, data in ((validate_answers, answers), (validate_ambition, ambition)):
        try:
            check(model, data)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)


def _area_gaps(model: Model, scores: list[Any], targets: dict[str, int]) -> list[AreaGap]:
    levels = model.get("result_levels")
    items = levels["items"] if levels else []
    places = {level["id"]: place for place, level in enumerate(items, 1)}
    names = {level["id"]: level["name"] for level in items}
    descriptions = {area["id"]: area["levels"] for area in model.get("result_areas", [])}
    gaps: list[AreaGap] = []
    for area in scores:
        target = targets.get(area["id"])
        target_position = places[target] if target is not None else None
        gap = _difference(target_position, area["position"])
        position = area["position"]
        following = items[position] if gap is not None and gap > 0 and position is not None else None
        gaps.append({
            "id": area["id"],
            "letter": area["letter"],
            "name": area["name"],
            "label": area["label"],
            "level": area["level"],
            "level_name": area["level_name"],
            "position": position,
            "target": target,
            "target_name": names[target] if target is not None else None,
            "target_position": target_position,
            "gap": gap,
            "next_level": following["id"] if following else None,
            "next_level_name": following["name"] if following else None,
            "next_step": descriptions[area["id"]][position] if following and position is not None else None,
        })
    return gaps


def _difference(target: int | None, position: int | None) -> int | None:
    return None if target is None or position is None else target - position
