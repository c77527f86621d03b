"""The scoring: from answers to a value and a stage per part, per group and for the whole, and the next steps.

How values combine is the model's rule (rules.py): SEMM's weakest link by default ("de zwakste schakel bepaalt de
kracht van de ketting"), or a mean. Every part, group and the whole get a `value` and the `phase` it stands at (the
value rounded down); weakest and strongest mean lowest and highest value. Result areas are reported one by one.

Parts may be left out of an assessment (ISO/TS 19387:2025 allows assessing selected elements) when the model allows
it: `answers["excluded"]` maps a part's id to the reason. One aspect may be marked "not applicable" when the model
allows that: `answers["not_applicable"]` maps an aspect's id to the reason; the part is then scored over its other
aspects, and a part whose aspects are all not applicable counts as left out. Neither is ever missing, so neither
makes a result provisional (an aspect on "weet ik niet" does). Their answers stay, so taking them back restores them.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, TypedDict

from .answers import UNKNOWN, validate_answers
from .glossary import Term, terms_in
from .labels import item_labels
from .model import Element, Model, Phase, all_aspects, phase_ids
from .rules import Decimals, combine, decimals, position, scoring_rule, shown, stage_of


class AspectScore(TypedDict):
    id: str
    name: str
    label: str  # "2a. Klantvisie" (labels.py), the way every page names it
    phase: int | None
    unknown: bool
    not_applicable: bool  # marked "niet van toepassing": not scored, never missing


class ElementScore(TypedDict):
    id: str
    number: int
    name: str
    label: str  # "2. Klantbeleving"
    group: str | None  # the id of its group, when the model has groups
    excluded: bool  # left out of this assessment (or all its aspects not applicable): shown as "niet beoordeeld"
    reason: str | None  # why, when it was left out (may be empty)
    value: int | float | None  # what the rule makes of its aspects (a mean with one decimal)
    phase: int | None  # the stage it stands at: the value rounded down
    phase_name: str | None
    position: int | float | None  # its place on the chart's columns (rules.position)
    answered: int
    total: int
    aspects: list[AspectScore]


class GroupScore(TypedDict):
    id: str
    name: str
    label: str
    parts: list[str]
    excluded: bool  # every part left out
    value: int | float | None
    phase: int | None
    phase_name: str | None
    position: int | float | None


class Overall(TypedDict):
    excluded: list[str]  # ids of the parts left out of this assessment, in model order
    value: int | float | None
    phase: int | None
    phase_name: str | None
    position: int | float | None  # its place on the chart's columns: the line through every row
    verb: str | None
    summary: str | None
    characteristics: list[str]
    completed: list[str]  # what an organisation shows once it has completed this phase (may be empty)
    provisional: bool
    weakest: list[str]  # the parts with the lowest value


class Missing(TypedDict):
    aspects: list[str]
    result_areas: list[str]
    unknown_aspects: list[str]
    unknown_result_areas: list[str]
    not_applicable: list[str]  # aspects marked "niet van toepassing" (never missing)


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
    not_applicable: bool  # left out because every aspect is not applicable, not by choice


class Scope(TypedDict):
    assessed: int  # how many parts were assessed ...
    total: int  # ... of how many the model has
    excluded: list[LeftOut]
    excluded_groups: list[str]  # groups all of whose parts were left out


class ScoreResult(TypedDict):
    model: str
    model_version: str
    complete: bool
    scoring: dict[str, str]  # the model's rule (rules.py)
    decimals: Decimals  # how many decimals each kind of value is shown with
    elements: list[ElementScore]
    groups: list[GroupScore]
    overall: Overall
    missing: Missing
    result_areas: list[ResultAreaScore]
    strengths: list[str]
    development_points: list[str]
    next_steps: list[NextStep]
    next_phase: NextPhase | None
    scope: Scope
    terms: list[Term]  # the glossary terms the texts above use, for the report's list of terms


class _Values:
    """The exact values behind a result (fractions), for the levels above and for the next steps."""

    def __init__(self) -> None:
        self.parts: dict[str, Fraction] = {}
        self.groups: dict[str, Fraction] = {}


def score(model: Model, answers: Any) -> ScoreResult:
    """Validate `answers` against `model` and compute the scan result (plain, JSON-ready data)."""
    validate_answers(model, answers)
    aspect_answers: dict[str, Any] = answers.get("aspects", {})
    excluded: dict[str, str] = answers.get("excluded", {})
    not_applicable: dict[str, str] = answers.get("not_applicable", {})
    labels = item_labels(model)
    places = decimals(model)
    exact = _Values()
    elements = [_score_element(model, element, number, aspect_answers, excluded.get(element["id"]), not_applicable,
                               labels, exact, places["part"])
                for number, element in enumerate(model["elements"], 1)]
    groups = _score_groups(model, elements, labels, exact, places["group"])
    whole = combine(list(exact.groups.values()) if model.get("groups") else list(exact.parts.values()),
                    scoring_rule(model)["overall"])
    lowest = min(exact.parts.values(), default=None)
    highest = max(exact.parts.values(), default=None)
    weakest = [item for item, value in exact.parts.items() if value == lowest]
    # A strength only means something next to a weaker part; when all are equal there is none.
    strengths = [item for item, value in exact.parts.items()
                 if lowest is not None and highest is not None and highest > lowest and value == highest]
    missing = _missing(model, answers, excluded, not_applicable, elements)
    result: ScoreResult = {
        "model": model["id"],
        "model_version": model["version"],
        "complete": not missing["aspects"] and not missing["result_areas"],
        "scoring": dict(scoring_rule(model)),
        "decimals": places,
        "elements": elements,
        "groups": groups,
        "overall": _overall(model, whole, places["overall"], elements, weakest, bool(missing["aspects"])),
        "missing": missing,
        "result_areas": _score_result_areas(model, answers.get("results", {}), labels),
        "strengths": strengths,
        "development_points": list(weakest),
        "next_steps": _next_steps(model, elements, weakest),
        "next_phase": _next_phase(model["phases"]["items"], stage_of(whole) if whole is not None else None),
        "scope": _scope(elements, groups),
        "terms": [],
    }
    result["terms"] = terms_in(shown_texts(result), model)
    return result


def shown_texts(result: ScoreResult) -> list[str]:
    """The model's texts a result shows and the report prints: what the stage means, the next steps, the next stage."""
    overall, upcoming = result["overall"], result["next_phase"]
    texts = [overall["summary"] or "", *overall["characteristics"], *overall["completed"]]
    texts += [step["description"] for step in result["next_steps"]]
    if upcoming:
        texts += [upcoming["summary"], *upcoming["characteristics"], *upcoming["transition"]]
    return texts


def _answered(value: Any) -> int | None:
    """The chosen phase or level id; None for "unknown" and for no answer."""
    return None if value is None or value == UNKNOWN else value


def _score_element(model: Model, element: Element, number: int, aspect_answers: dict[str, Any], reason: str | None,
                   not_applicable: dict[str, str], labels: dict[str, str], exact: _Values,
                   places: int) -> ElementScore:
    """One part: what the rule makes of its answered aspects; a part left out is not scored at all, and a part whose
    aspects are all not applicable counts as left out."""
    phases = model["phases"]["items"]
    all_na = all(aspect["id"] in not_applicable for aspect in element["aspects"])
    scored = reason is None and not all_na
    aspects: list[AspectScore] = [
        {"id": aspect["id"], "name": aspect["name"], "label": labels[aspect["id"]],
         "phase": _answered(aspect_answers.get(aspect["id"])) if scored and aspect["id"] not in not_applicable
         else None,
         "unknown": scored and aspect["id"] not in not_applicable and aspect_answers.get(aspect["id"]) == UNKNOWN,
         "not_applicable": aspect["id"] in not_applicable}
        for aspect in element["aspects"]
    ]
    answered = [Fraction(aspect["phase"]) for aspect in aspects if aspect["phase"] is not None]
    value = combine(answered, scoring_rule(model)["part"])
    if value is not None:
        exact.parts[element["id"]] = value
    phase = stage_of(value) if value is not None else None
    current = _find_phase(phases, phase)
    return {
        "id": element["id"], "number": number, "name": element["name"], "label": labels[element["id"]],
        "group": _group_of(model, element["id"]),
        "excluded": not scored,
        "reason": reason if reason is not None else ("" if all_na else None),
        "value": shown(value, places) if value is not None else None,
        "phase": phase,
        "phase_name": current["name"] if current else None,
        "position": position(value, phase_ids(model)),
        "answered": len(answered),
        "total": len([aspect for aspect in aspects if not aspect["not_applicable"]]),
        "aspects": aspects,
    }


def _group_of(model: Model, part: str) -> str | None:
    return next((group["id"] for group in model.get("groups", []) if part in group["parts"]), None)


def _score_groups(model: Model, elements: list[ElementScore], labels: dict[str, str], exact: _Values,
                  places: int) -> list[GroupScore]:
    """Each group's value: what the rule makes of its assessed parts' values."""
    by_id = {element["id"]: element for element in elements}
    phases = model["phases"]["items"]
    groups: list[GroupScore] = []
    for group in model.get("groups", []):
        values = [exact.parts[part] for part in group["parts"] if part in exact.parts]
        value = combine(values, scoring_rule(model)["group"])
        if value is not None:
            exact.groups[group["id"]] = value
        phase = stage_of(value) if value is not None else None
        current = _find_phase(phases, phase)
        groups.append({"id": group["id"], "name": group["name"], "label": group["name"], "parts": list(group["parts"]),
                       "excluded": all(by_id[part]["excluded"] for part in group["parts"]),
                       "value": shown(value, places) if value is not None else None, "phase": phase,
                       "phase_name": current["name"] if current else None,
                       "position": position(value, phase_ids(model))})
    return groups


def _overall(model: Model, whole: Fraction | None, places: int, elements: list[ElementScore], weakest: list[str],
             provisional: bool) -> Overall:
    phase = stage_of(whole) if whole is not None else None
    current = _find_phase(model["phases"]["items"], phase)
    return {
        "excluded": [element["id"] for element in elements if element["excluded"]],
        "value": shown(whole, places) if whole is not None else None,
        "phase": phase,
        "phase_name": current["name"] if current else None,
        "position": position(whole, phase_ids(model)),
        "verb": current.get("verb") if current else None,
        "summary": current["summary"] if current else None,
        "characteristics": list(current.get("characteristics", [])) if current else [],
        "completed": list(current.get("completed", [])) if current else [],
        "provisional": provisional,
        "weakest": weakest,
    }


def _scope(elements: list[ElementScore], groups: list[GroupScore]) -> Scope:
    left_out: list[LeftOut] = [{"id": e["id"], "number": e["number"], "name": e["name"], "label": e["label"],
                                "reason": e["reason"] or "",
                                "not_applicable": e["excluded"] and all(a["not_applicable"] for a in e["aspects"])}
                               for e in elements if e["excluded"]]
    return {"assessed": len(elements) - len(left_out), "total": len(elements), "excluded": left_out,
            "excluded_groups": [group["id"] for group in groups if group["excluded"]]}


def _missing(model: Model, answers: dict[str, Any], excluded: dict[str, str], not_applicable: dict[str, str],
             elements: list[ElementScore]) -> Missing:
    """What is still open in the parts that are assessed (a part left out, or an aspect not applicable, never is)."""
    aspect_answers: dict[str, Any] = answers.get("aspects", {})
    result_answers: dict[str, Any] = answers.get("results", {})
    assessed = {element["id"] for element in elements if not element["excluded"]}
    aspect_ids = [aspect["id"] for element in model["elements"] if element["id"] in assessed
                  for aspect in element["aspects"] if aspect["id"] not in not_applicable]
    area_ids = [area["id"] for area in model.get("result_areas", [])]
    return {
        "aspects": [item for item in aspect_ids if _answered(aspect_answers.get(item)) is None],
        "result_areas": [item for item in area_ids if _answered(result_answers.get(item)) is None],
        "unknown_aspects": [item for item in aspect_ids if aspect_answers.get(item) == UNKNOWN],
        "unknown_result_areas": [item for item in area_ids if result_answers.get(item) == UNKNOWN],
        "not_applicable": [aspect["id"] for aspect in all_aspects(model) if aspect["id"] in not_applicable],
    }


def _score_result_areas(model: Model, result_answers: dict[str, Any],
                        labels: dict[str, str]) -> list[ResultAreaScore]:
    levels = model.get("result_levels")
    level_names = {level["id"]: level["name"] for level in levels["items"]} if levels else {}
    level_positions = {level["id"]: place for place, level in enumerate(levels["items"], 1)} if levels else {}
    scores: list[ResultAreaScore] = []
    for area in model.get("result_areas", []):
        level = _answered(result_answers.get(area["id"]))
        scores.append({"id": area["id"], "letter": area["letter"], "name": area["name"], "label": labels[area["id"]],
                       "level": level, "level_name": level_names[level] if level is not None else None,
                       "position": level_positions[level] if level is not None else None,
                       "unknown": result_answers.get(area["id"]) == UNKNOWN})
    return scores


def _next_steps(model: Model, elements: list[ElementScore], development_points: list[str]) -> list[NextStep]:
    """For each weakest part: the aspects holding it back (at or below the stage the part stands at), and what the
    stage after each one's own asks of it."""
    phases = model["phases"]["items"]
    descriptions = {aspect["id"]: aspect["phases"] for aspect in all_aspects(model)}
    added = {aspect["id"]: aspect.get("added", []) for aspect in all_aspects(model)}
    steps: list[NextStep] = []
    for element in elements:
        phase = element["phase"]
        if element["id"] not in development_points or phase is None:
            continue
        for aspect in element["aspects"]:
            if aspect["phase"] is None or aspect["phase"] > phase:
                continue
            place = _position(phases, aspect["phase"])
            if place + 1 == len(phases):
                continue
            following = phases[place + 1]
            steps.append({
                "element": element["id"], "element_name": element["name"], "aspect": aspect["id"],
                "aspect_name": aspect["name"], "phase": aspect["phase"], "next_phase": following["id"],
                "next_phase_name": following["name"],
                # Aspect descriptions are listed in the order of phases.items.
                "description": descriptions[aspect["id"]][place + 1],
                "added": following["id"] in added[aspect["id"]],
            })
    return steps


def _next_phase(phases: list[Phase], phase_id: int | None) -> NextPhase | None:
    """What the next overall phase asks; None at the top phase or when nothing is answered."""
    if phase_id is None:
        return None
    place = _position(phases, phase_id)
    if place + 1 == len(phases):
        return None
    current, following = phases[place], phases[place + 1]
    return {
        "id": following["id"],
        "name": following["name"],
        "verb": following.get("verb", ""),
        "summary": following["summary"],
        "characteristics": list(following.get("characteristics", [])),
        "transition": list(current.get("completed", [])),
    }


def _position(phases: list[Phase], phase_id: int) -> int:
    """Index of a phase in the model."""
    for place, phase in enumerate(phases):
        if phase["id"] == phase_id:
            return place
    # validate_answers only lets through ids from the model, so this means a bug, not a user mistake.
    raise ValueError(f"phase {phase_id!r} is not in the model")


def _find_phase(phases: list[Phase], phase_id: int | None) -> Phase | None:
    return None if phase_id is None else phases[_position(phases, phase_id)]
