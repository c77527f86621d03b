"""The model's scoring rule as data: how the aspects make a part's value, the parts a group's, and the parts (or, with
groups, the groups) the value of the whole.

    scoring:
      part: weakest      # weakest | mean
      group: weakest
      overall: weakest

`weakest` is SEMM's rule (the weakest link sets the strength of the chain); `mean` is the mean, as OWASP SAMM counts.
A mean is computed from the unrounded values below it (as exact fractions, so 2.9999... never happens), shown with
one decimal, and the stage whose description, next step and plan apply is the value rounded down. Stage ids run
without gaps (the build checks that), so a value counts in steps of the scale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Literal, TypedDict

Rule = Literal["weakest", "mean"]
RULES: tuple[Rule, ...] = ("weakest", "mean")
LEVELS = ("part", "group", "overall")
DEFAULT: dict[str, Rule] = {"part": "weakest", "group": "weakest", "overall": "weakest"}


class Decimals(TypedDict):
    """How many decimals a value of each kind is shown with: 1 where a mean went into it, else 0."""

    part: int
    group: int
    overall: int


def scoring_rule(model: Mapping[str, Any]) -> dict[str, Rule]:
    """The model's rule for each level; what it leaves out is the weakest link."""
    given = model.get("scoring") or {}
    return {level: given.get(level, DEFAULT[level]) for level in LEVELS}


def decimals(model: Mapping[str, Any]) -> Decimals:
    """A value is shown with one decimal once a mean went into it, at its own level or below."""
    rule = scoring_rule(model)
    part = rule["part"] == "mean"
    group = part or rule["group"] == "mean"
    overall = (group if model.get("groups") else part) or rule["overall"] == "mean"
    return {"part": int(part), "group": int(group), "overall": int(overall)}


def combine(values: Sequence[Fraction], rule: Rule) -> Fraction | None:
    """The value the rule makes of the values below it; None when there are none."""
    if not values:
        return None
    return min(values) if rule == "weakest" else sum(values, Fraction(0)) / len(values)


def stage_of(value: Fraction) -> int:
    """The stage a value stands at: rounded down."""
    return math.floor(value)


def shown(value: Fraction, places: int) -> int | float:
    """The value as the engine gives it: a whole stage, or rounded down to one decimal (1.96 is 1.9, never 2.0, so
    the decimal shown never points at a stage the organisation has not reached)."""
    if not places:
        return stage_of(value)
    return math.floor(value * 10) / 10


def scale_base(ids: Sequence[int]) -> int:
    """What a scale's values count from, for a chart: a stage with id 0 means "nothing yet" and gets no bar, so a
    scale 0..3 has three columns; a scale that starts at 1 (or any id above 0) has a column for every stage."""
    return 0 if ids and ids[0] == 0 else (ids[0] - 1 if ids else 0)


def position(value: Fraction | None, ids: Sequence[int]) -> float | int | None:
    """A value's place on the chart's columns (0: no bar); None for no value."""
    if value is None:
        return None
    place = value - scale_base(ids)
    return int(place) if place.denominator == 1 else float(place)
