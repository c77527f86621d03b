"""Ambition and development plan: where the organisation stands against where it wants to be.

The guide's step 2 (set an ambition) and step 3 (develop the weakest elements, build on the strong ones).
An ambition is plain data, as the browser stores it:

    {"elements": {"e1": 4, "e3": 5}, "results": {"ra": 2}}

phase ids per element and level ids per result area; an element or area without a value has no ambition.
Gaps count in steps of the scale (stage ids run without gaps, the build checks that), from the values the model's
rule gives (scoring.py). An aspect's target is the target of its element.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, TypedDict

from .answers import validate_answers
from .errors import InputError
from .model import Model, all_aspects, phase_ids
from .record import answer_problems
from .rules import Decimals, combine, position, scoring_rule, shown, stage_of
from .scoring import LeftOut, NextPhase, score


class AspectGap(TypedDict):
    id: str
    name: str
    label: str
    phase: int | None
    target: int | None
    gap: int | float | None
    next_phase: int | None
    next_phase_name: str | None
    next_step: str | None  # the aspect's description of its next phase, when it is below its target
    added: bool  # that description was written by the publisher (the aspect's `added`); pages say so


class ElementGap(TypedDict):
    id: str
    number: int
    name: str
    label: str
    value: int | float | None  # what the model's rule makes of the part's aspects
    phase: int | None
    phase_name: str | None
    position: int | float | None
    target: int | None
    target_name: str | None
    target_position: int | float | None
    gap: int | float | None  # steps on the scale still to go; 0 = reached, negative = beyond the ambition
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
    gap: int | float | None
    next_level: int | None
    next_level_name: str | None
    next_step: str | None


class OverallGap(TypedDict):
    value: int | float | None
    phase: int | None
    phase_name: str | None
    target: int | float | None  # the rule applied to the parts' ambitions, once every assessed part has one
    target_name: str | None
    gap: int | float | None


class Gaps(TypedDict):
    model: str
    model_version: str
    decimals: Decimals  # how many decimals each kind of value (and its gap) is shown with
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
    value: int | float
    phase: int
    phase_name: str


class PlanItem(TypedDict):
    priority: int
    id: str
    number: int
    name: str
    label: str
    group: str | None  # the name of the part's group, when the model has groups
    value: int | float
    phase: int
    phase_name: str
    target: int
    target_name: str
    gap: int | float
    weakest: bool
    steps: list[AspectGap]  # only the aspects below the target, in model order
    open_aspects: list[str]  # names of aspects not answered (or "weet ik niet"): no step can be given


class Plan(TypedDict):
    model: str
    model_version: str
    decimals: Decimals
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
    by_id = {element["id"]: element for element in result["elements"]}
    groups = {part: group["name"] for group in model.get("groups", []) for part in group["parts"]}
    priorities: list[PlanItem] = [
        {
            "priority": priority,
            "id": element["id"],
            "number": element["number"],
            "name": element["name"],
            "label": element["label"],
            "group": groups.get(element["id"]),
            "value": element["value"],  # type: ignore[typeddict-item]  # gap is set, so value is too
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
    strengths: list[Strength] = [
        {"id": item, "number": by_id[item]["number"], "name": by_id[item]["name"], "label": by_id[item]["label"],
         "value": by_id[item]["value"],  # type: ignore[typeddict-item]  # a strength has a value
         "phase": by_id[item]["phase"], "phase_name": by_id[item]["phase_name"]}  # type: ignore[typeddict-item]
        for item in result["strengths"]
    ]
    return {
        "model": gaps["model"],
        "model_version": gaps["model_version"],
        "decimals": gaps["decimals"],
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
    """The gaps for an already scored result; `ambition` is validated. Gaps count in steps of the scale (stage ids run
    without gaps), from the values the model's rule gives: "nog 1,2 te gaan" under a mean."""
    phase_names = {phase["id"]: phase["name"] for phase in model["phases"]["items"]}
    targets: dict[str, int] = ambition.get("elements", {})
    weakest = set(result["overall"]["weakest"])
    elements: list[ElementGap] = []
    for element in result["elements"]:
        # A part left out of the assessment keeps its stored ambition (for when it is taken back in), unused.
        target = None if element["excluded"] else targets.get(element["id"])
        elements.append({
            "id": element["id"], "number": element["number"], "name": element["name"], "label": element["label"],
            "value": element["value"], "phase": element["phase"], "phase_name": element["phase_name"],
            "position": element["position"], "target": target,
            "target_name": phase_names[target] if target is not None else None,
            "target_position": position(Fraction(target), phase_ids(model)) if target is not None else None,
            "gap": _difference(target, element["value"]),
            "weakest": element["id"] in weakest, "excluded": element["excluded"],
            "aspects": [_aspect_gap(model, aspect, target) for aspect in element["aspects"]],
        })
    assessed = [element for element in elements if not element["excluded"]]
    overall_target = _overall_target(model, assessed)
    overall = result["overall"]
    shown_target = shown(overall_target, result["decimals"]["overall"]) if overall_target is not None else None
    return {
        "model": result["model"],
        "model_version": result["model_version"],
        "decimals": result["decimals"],
        "provisional": overall["provisional"],
        "ambition_set": any(element["target"] is not None for element in assessed) or bool(ambition.get("results")),
        "overall": {
            "value": overall["value"], "phase": overall["phase"], "phase_name": overall["phase_name"],
            "target": shown_target,
            "target_name": phase_names[stage_of(overall_target)] if overall_target is not None else None,
            "gap": _difference(shown_target, overall["value"]),
        },
        "elements": elements,
        "result_areas": _area_gaps(model, result["result_areas"], ambition.get("results", {})),
    }


def _aspect_gap(model: Model, aspect: Any, target: int | None) -> AspectGap:
    """One aspect against its part's target; below it, the next step is the aspect's own description of the stage
    after its current one."""
    phases = model["phases"]["items"]
    ids = phase_ids(model)
    source = next(item for item in all_aspects(model) if item["id"] == aspect["id"])
    gap = _difference(target, aspect["phase"])
    place = ids.index(aspect["phase"]) if aspect["phase"] is not None else None
    following = phases[place + 1] if gap is not None and gap > 0 and place is not None else None
    return {
        "id": aspect["id"], "name": aspect["name"], "label": aspect["label"], "phase": aspect["phase"],
        "target": target, "gap": gap,
        "next_phase": following["id"] if following else None,
        "next_phase_name": following["name"] if following else None,
        "next_step": source["phases"][place + 1] if following and place is not None else None,
        "added": following is not None and following["id"] in source.get("added", []),
    }


def _overall_target(model: Model, assessed: list[ElementGap]) -> Fraction | None:
    """The ambition for the whole: the model's rule applied to the parts' targets (and, with groups, to the groups'),
    once every assessed part has one."""
    if not assessed or any(element["target"] is None for element in assessed):
        return None
    rule = scoring_rule(model)
    targets = {element["id"]: Fraction(element["target"] or 0) for element in assessed}
    if model.get("groups"):
        values = [combine([targets[part] for part in group["parts"] if part in targets], rule["group"])
                  for group in model["groups"]]
        return combine([value for value in values if value is not None], rule["overall"])
    return combine(list(targets.values()), rule["overall"])


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
        place = area["position"]
        following = items[place] if gap is not None and gap > 0 and place is not None else None
        gaps.append({
            "id": area["id"],
            "letter": area["letter"],
            "name": area["name"],
            "label": area["label"],
            "level": area["level"],
            "level_name": area["level_name"],
            "position": place,
            "target": target,
            "target_name": names[target] if target is not None else None,
            "target_position": target_position,
            "gap": gap,
            "next_level": following["id"] if following else None,
            "next_level_name": following["name"] if following else None,
            "next_step": descriptions[area["id"]][place] if following and place is not None else None,
        })
    return gaps


def _difference(target: int | float | None, value: int | float | None) -> int | float | None:
    """Steps still to go (0: reached, below 0: beyond); one decimal when a mean went into the value."""
    if target is None or value is None:
        return None
    difference = target - value
    return difference if isinstance(difference, int) else round(difference, 1)
