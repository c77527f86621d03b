"""Compare two measurements: the guide's step 4, measuring again after a while and seeing what moved.

Both answer sets are scored against the same model; changes are counted in steps of the scale, from the values the
model's rule gives (scoring.py): "up 1" is one stage further, and under a mean "up 0.5" is half a stage. When a part
was left out of one of the two assessments (or both), there is nothing to compare for it: its direction is
"excluded", and the comparison says in which measurement it was left out.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from .errors import InputError
from .i18n import _
from .model import Model
from .rules import Decimals
from .scoring import ScoreResult, score

# "open": one of the two has no phase, nothing to compare; "excluded": left out of one or both assessments.
Direction = Literal["up", "down", "same", "open", "excluded"]


class AspectChange(TypedDict):
    id: str
    name: str
    label: str
    before: int | None
    before_name: str | None
    after: int | None
    after_name: str | None
    change: int | float | None
    direction: Direction


class ElementChange(TypedDict):
    id: str
    number: int
    name: str
    label: str
    before: int | None  # the stage
    before_value: int | float | None  # the value the rule gives
    before_name: str | None
    before_position: int | float | None
    after: int | None
    after_value: int | float | None
    after_name: str | None
    after_position: int | float | None
    change: int | float | None
    direction: Direction
    before_excluded: bool  # left out of the first assessment
    after_excluded: bool  # left out of the second
    aspects: list[AspectChange]


class AreaChange(TypedDict):
    id: str
    letter: str
    name: str
    label: str
    before: int | None
    before_name: str | None
    before_position: int | None
    after: int | None
    after_name: str | None
    after_position: int | None
    change: int | float | None
    direction: Direction


class OverallChange(TypedDict):
    before: int | None
    before_value: int | float | None
    before_name: str | None
    after: int | None
    after_value: int | float | None
    after_name: str | None
    change: int | float | None
    direction: Direction
    before_provisional: bool
    after_provisional: bool
    same_scope: bool  # were the same parts assessed both times? If not, the two overall phases rest on other parts
    before_excluded: list[str]  # ids of the parts left out of the first assessment
    after_excluded: list[str]


class Counts(TypedDict):
    up: int
    down: int
    same: int
    open: int
    excluded: int


class Comparison(TypedDict):
    model: str
    model_version: str
    decimals: Decimals  # how many decimals each kind of value (and its change) is shown with
    overall: OverallChange
    elements: list[ElementChange]
    aspect_counts: Counts  # how many aspects went up, down, stayed the same or cannot be compared
    element_counts: Counts
    result_areas: list[AreaChange]


def compare(model: Model, before: Any, after: Any) -> Comparison:
    """Per element, per aspect and per result area: the phase or level before, after, and the change."""
    problems: list[str] = []
    scored: list[ScoreResult | None] = []
    for first_one, answers in ((True, before), (False, after)):
        try:
            scored.append(score(model, answers))
        except InputError as error:
            problems.extend((_("eerste meting: %(problem)s") if first_one else _("tweede meting: %(problem)s"))
                            % {"problem": problem} for problem in error.problems)
            scored.append(None)
    first, second = scored
    if problems or first is None or second is None:
        raise InputError(problems)

    places = {phase["id"]: place for place, phase in enumerate(model["phases"]["items"], 1)}
    names = {phase["id"]: phase["name"] for phase in model["phases"]["items"]}
    elements: list[ElementChange] = []
    for old, new in zip(first["elements"], second["elements"], strict=True):
        left_out = old["excluded"] or new["excluded"]
        aspects: list[AspectChange] = []
        for old_aspect, new_aspect in zip(old["aspects"], new["aspects"], strict=True):
            change = _change(places.get(old_aspect["phase"]) if old_aspect["phase"] is not None else None,
                             places.get(new_aspect["phase"]) if new_aspect["phase"] is not None else None)
            aspects.append({
                "id": new_aspect["id"],
                "name": new_aspect["name"],
                "label": new_aspect["label"],
                "before": old_aspect["phase"],
                "before_name": names.get(old_aspect["phase"]) if old_aspect["phase"] is not None else None,
                "after": new_aspect["phase"],
                "after_name": names.get(new_aspect["phase"]) if new_aspect["phase"] is not None else None,
                "change": change,
                "direction": "excluded" if left_out else _direction(change),
            })
        change = _change(old["value"], new["value"])
        elements.append({
            "id": new["id"],
            "number": new["number"],
            "name": new["name"],
            "label": new["label"],
            "before": old["phase"],
            "before_value": old["value"],
            "before_name": old["phase_name"],
            "before_position": old["position"],
            "after": new["phase"],
            "after_value": new["value"],
            "after_name": new["phase_name"],
            "after_position": new["position"],
            "change": change,
            "direction": "excluded" if left_out else _direction(change),
            "before_excluded": old["excluded"],
            "after_excluded": new["excluded"],
            "aspects": aspects,
        })

    areas: list[AreaChange] = []
    for old_area, new_area in zip(first["result_areas"], second["result_areas"], strict=True):
        change = _change(old_area["position"], new_area["position"])
        areas.append({
            "id": new_area["id"],
            "letter": new_area["letter"],
            "name": new_area["name"],
            "label": new_area["label"],
            "before": old_area["level"],
            "before_name": old_area["level_name"],
            "before_position": old_area["position"],
            "after": new_area["level"],
            "after_name": new_area["level_name"],
            "after_position": new_area["position"],
            "change": change,
            "direction": _direction(change),
        })

    old_overall, new_overall = first["overall"], second["overall"]
    change = _change(old_overall["value"], new_overall["value"])
    return {
        "model": second["model"],
        "model_version": second["model_version"],
        "decimals": second["decimals"],
        "overall": {
            "before": old_overall["phase"],
            "before_value": old_overall["value"],
            "before_name": old_overall["phase_name"],
            "after": new_overall["phase"],
            "after_value": new_overall["value"],
            "after_name": new_overall["phase_name"],
            "change": change,
            "direction": _direction(change),
            "before_provisional": old_overall["provisional"],
            "after_provisional": new_overall["provisional"],
            "same_scope": old_overall["excluded"] == new_overall["excluded"],
            "before_excluded": old_overall["excluded"],
            "after_excluded": new_overall["excluded"],
        },
        "elements": elements,
        "aspect_counts": _counts([aspect["direction"] for element in elements for aspect in element["aspects"]]),
        "element_counts": _counts([element["direction"] for element in elements]),
        "result_areas": areas,
    }


def _change(before: int | float | None, after: int | float | None) -> int | float | None:
    """Steps up (or down, below 0); one decimal when a mean went into the values."""
    if before is None or after is None:
        return None
    change = after - before
    return change if isinstance(change, int) else round(change, 1)


def _direction(change: int | float | None) -> Direction:
    if change is None:
        return "open"
    return "up" if change > 0 else "down" if change < 0 else "same"


def _counts(directions: list[Direction]) -> Counts:
    return {"up": directions.count("up"), "down": directions.count("down"), "same": directions.count("same"),
            "open": directions.count("open"), "excluded": directions.count("excluded")}
