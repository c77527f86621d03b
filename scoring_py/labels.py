"""How a part, an aspect or a result area is named on every page, report, CSV and message: one function, one home.

    2. Klantbeleving                  a part: its number in the model and its name
    2a. Klantvisie                    an aspect: its part's number, its letter within the part, its name
    2. Klantbeleving                  ... but the only aspect of a part is named as the part: the part is the question
    a. Excellente serviceprestaties   a result area: its letter and its name

Ids are unique across a model (the build checks that), so one mapping holds them all. The engine's answers carry
these labels (`label`), so the browser never puts a number and a name together itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import ascii_lowercase
from typing import Any

from .memo import per_model


def aspect_letter(position: int) -> str:
    """The letter of an aspect within its part: a, b, c, ..."""
    return ascii_lowercase[position]


@per_model
def item_labels(model: Mapping[str, Any]) -> dict[str, str]:
    """The label of every part, aspect and result area, keyed by id, in model order."""
    labels: dict[str, str] = {}
    for number, element in enumerate(model["elements"], 1):
        part = f"{number}. {element['name']}"
        labels[element["id"]] = part
        single = len(element["aspects"]) == 1
        for position, aspect in enumerate(element["aspects"]):
            labels[aspect["id"]] = part if single else f"{number}{aspect_letter(position)}. {aspect['name']}"
    for area in model.get("result_areas", []):
        labels[area["id"]] = f"{area['letter']}. {area['name']}"
    return labels


def step_labels(model: Mapping[str, Any]) -> dict[str, str]:
    """The labels of what one answer is about (every aspect and result area), without the parts: what a plan step,
    an action or a team note can be about."""
    parts = {element["id"] for element in model["elements"]}
    return {item: label for item, label in item_labels(model).items() if item not in parts}
