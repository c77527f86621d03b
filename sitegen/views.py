"""Everything a template shows, computed here: templates only loop over and print these values.

The model's words ("fase" or "niveau", "element" or "dimensie") come from scoring_py.words, the one place that
knows them and their forms; a view never types a model word.
"""

from __future__ import annotations

from typing import TypedDict

from scoring_py.labels import aspect_letter, item_labels
from scoring_py.record_shape import UNKNOWN
from scoring_py.rules import scale_base
from scoring_py.words import WordForms, model_words

from .charts import (
    AxesChart,
    BarFrame,
    PairedBarChart,
    SpreadChart,
    axes_chart,
    bar_frame,
    paired_bar_chart,
    spread_chart,
)
from .i18n import _
from .site_map import model_folder, part_page

Words = dict[str, WordForms]


class Option(TypedDict):
    value: str
    id: str
    label: str
    text: str
    added: bool  # the publisher wrote this description itself (the aspect's `added`)


class AspectView(TypedDict):
    """One question of the scan: an aspect with its choices."""

    id: str
    name: str
    letter: str
    options: list[Option]
    unknown_id: str


class GroupView(TypedDict):
    """A group of parts (ISO 23592's dimensions for SEMM): the scan, result and team view show parts under it."""

    id: str
    name: str
    description: str
    parts: list[str]


class ElementView(TypedDict):
    id: str
    number: int
    name: str
    label: str  # "2. Klantbeleving" (scoring_py/labels.py)
    core: str
    direction: str  # may be empty: the pages then leave it out
    group: GroupView | None  # the group it is in, when the model has groups
    first_in_group: bool  # the group's first part: its step introduces the group
    aspects: list[AspectView]
    single_aspect: bool  # one aspect: the part is the question, and no aspect heading repeats its name
    question: str | None  # the part's one question, when the model gives it as `question`: shown as the question
    aspect_names: str  # "Kanalen en Wachttijd", for a line under the part
    page: str
    previous: str | None  # the id of the part before, for paging
    next: str | None


class AreaView(TypedDict):
    id: str
    letter: str
    name: str
    label: str  # "a. Excellente serviceprestaties"
    description: str
    unknown_id: str
    options: list[Option]


class LevelView(TypedDict):
    id: int
    name: str
    meaning: str


class StepLink(TypedDict):
    id: str
    title: str
    short: str


class StepView(TypedDict):
    """One step of the scan form: a part, the result areas, or the overview."""

    id: str
    group: GroupView | None
    title: str
    kicker: str
    short: str
    element: ElementView | None  # the part this step asks about
    areas: bool  # the step with the result areas
    previous: StepLink | None
    next: StepLink | None


class Cell(TypedDict):
    text: str
    added: bool


class MatrixRow(TypedDict):
    phase: dict
    cells: list[Cell]


class AmbitionOption(TypedDict):
    value: str
    label: str


class AmbitionItem(TypedDict):
    id: str
    field_id: str
    label: str
    options: list[AmbitionOption]


class AmbitionChoices(TypedDict):
    phase_options: list[AmbitionOption]
    elements: list[AmbitionItem]
    areas: list[AmbitionItem]
    advice: str | None  # the model's own advice on choosing an ambition


class AspectRow(TypedDict):
    """An aspect under its part, for the table that compares two measurements per aspect."""

    id: str
    name: str
    element: str
    first: bool  # the first aspect of its part: the row that carries the part's name
    span: int
    single: bool  # the part's only aspect: one cell with the part's name


class TeamRow(TypedDict):
    id: str
    label: str
    element: str
    group: str | None  # the group's name on the row that starts it


class LevelRange(TypedDict):
    first: int
    last: int


class TeamStep(TypedDict):
    """One step of an item's scale, with the item's own description of it."""

    value: str
    label: str  # "Fase 3 · Visie- en designfase", "Niveau 2 · Inzicht"
    short: str  # "3 · Visie- en designfase", for the printed report's narrow column
    text: str


class TeamItem(TypedDict):
    """An aspect or result area as the group discusses it: in the presentation and in the team answers."""

    id: str
    kind: str  # "aspects" or "results": where the team answer is kept (record.js, the session's consensus)
    label: str  # "1a. Ideale klantbeleving"
    kicker: str  # "Element 1 · Klantbeleving", "Resultaatgebied a"
    question: str | None  # a part's one question, when the model gives it as `question`
    steps: list[TeamStep]


def group_views(model: dict) -> list[GroupView]:
    """The model's groups in their order; empty when it has none."""
    return [{"id": group["id"], "name": group["name"], "description": group.get("description", ""),
             "parts": list(group["parts"])} for group in model.get("groups", [])]


def element_views(model: dict) -> list[ElementView]:
    """The parts with their number, group, aspects as choice lists, and neighbours for paging."""
    words = model_words(model)
    labels = item_labels(model)
    groups = {part: group for group in group_views(model) for part in group["parts"]}
    phases = model["phases"]["items"]
    elements = model["elements"]
    views: list[ElementView] = []
    for index, element in enumerate(elements):
        aspects: list[AspectView] = []
        for position, aspect in enumerate(element["aspects"]):
            options: list[Option] = [{"value": str(phase["id"]), "id": f"{aspect['id']}-{phase['id']}",
                                      "label": f"{words['stage']['Singular']} {phase['id']} · {phase['name']}",
                                      "text": text, "added": phase["id"] in aspect.get("added", [])}
                                     for phase, text in zip(phases, aspect["phases"], strict=True)]
            aspects.append({"id": aspect["id"], "name": aspect["name"], "letter": aspect_letter(position),
                            "options": options, "unknown_id": f"{aspect['id']}-{UNKNOWN}"})
        views.append({
            "id": element["id"], "number": index + 1, "name": element["name"], "label": labels[element["id"]],
            "core": element["core"], "group": groups.get(element["id"]),
            "first_in_group": element["id"] in groups and groups[element["id"]]["parts"][0] == element["id"],
            "direction": element["direction"], "aspects": aspects, "single_aspect": len(aspects) == 1,
            "question": element.get("question"),
            "aspect_names": _spoken_list([aspect["name"] for aspect in aspects]),
            "page": part_page(model_folder(model), element["id"]),
            "previous": elements[index - 1]["id"] if index > 0 else None,
            "next": elements[index + 1]["id"] if index + 1 < len(elements) else None,
        })
    return views


def matrix_rows(model: dict, element: dict) -> list[MatrixRow]:
    """The paper version of one part: one row per phase, one cell per aspect."""
    return [{"phase": phase, "cells": [{"text": aspect["phases"][i], "added": phase["id"] in aspect.get("added", [])}
                                       for aspect in element["aspects"]]}
            for i, phase in enumerate(model["phases"]["items"])]


def result_area_views(model: dict) -> list[AreaView]:
    """The result areas as choice lists, like the aspects; empty when the model has none."""
    levels = model.get("result_levels", {}).get("items", [])
    labels = item_labels(model)
    return [{"id": area["id"], "letter": area["letter"], "name": area["name"], "label": labels[area["id"]],
             "description": area["description"],
             "unknown_id": f"{area['id']}-{UNKNOWN}",
             "options": [{"value": str(level["id"]), "id": f"{area['id']}-{level['id']}", "label": level["name"],
                          "text": text, "added": False} for level, text in zip(levels, area["levels"], strict=True)]}
            for area in model.get("result_areas", [])]


def level_views(model: dict) -> list[LevelView]:
    """The steps of the result areas' scale; empty when the model has none."""
    return [{"id": level["id"], "name": level["name"], "meaning": level["meaning"]}
            for level in model.get("result_levels", {}).get("items", [])]


def level_range(model: dict) -> LevelRange | None:
    """The first and last level id, for "niveau 0 tot en met 4"; None without result levels."""
    levels = level_views(model)
    return {"first": levels[0]["id"], "last": levels[-1]["id"]} if levels else None


def scan_steps(model: dict, elements: list[ElementView]) -> list[StepView]:
    """The steps of the scan in order: the parts, the result areas (if any), and the overview."""
    words = model_words(model)
    steps: list[StepView] = [{"id": e["id"], "group": e["group"], "title": e["name"],
                              "kicker": (f"{words['group']['Singular']} {e['group']['name']} · " if e["group"] else "")
                              + _("%(Part)s %(number)s van %(total)s") % {
                                  "Part": words["part"]["Singular"], "number": e["number"], "total": len(elements)},
                              "short": e["label"], "element": e, "areas": False,
                              "previous": None, "next": None} for e in in_group_order(model, elements)]
    if model.get("result_areas"):
        areas = words["area"]["Plural"]
        steps.append({"id": "resultaten", "group": None, "title": areas, "kicker": areas, "short": areas,
                      "element": None, "areas": True, "previous": None, "next": None})
    steps.append({"id": "overzicht", "group": None, "title": _("Overzicht"), "kicker": _("Laatste stap"),
                  "short": _("Overzicht"), "element": None, "areas": False, "previous": None, "next": None})
    links: list[StepLink] = [{"id": step["id"], "title": step["title"], "short": step["short"]} for step in steps]
    for index, step in enumerate(steps):
        step["previous"] = links[index - 1] if index > 0 else None
        step["next"] = links[index + 1] if index + 1 < len(steps) else None
    return steps


class StepGroup(TypedDict):
    """The scan's steps of one group, for the list of steps beside the form (group None: the steps after them)."""

    group: GroupView | None
    steps: list[StepView]


def step_groups(steps: list[StepView]) -> list[StepGroup]:
    """The steps as the list beside the form shows them: under their group, in order."""
    grouped: list[StepGroup] = []
    for step in steps:
        if not grouped or grouped[-1]["group"] != step["group"]:
            grouped.append({"group": step["group"], "steps": []})
        grouped[-1]["steps"].append(step)
    return grouped


def parts_in_order(model: dict) -> list[dict]:
    """The model's parts in the order every page shows them: group by group when the model has groups."""
    if not model.get("groups"):
        return list(model["elements"])
    by_id = {element["id"]: element for element in model["elements"]}
    return [by_id[part] for group in model["groups"] for part in group["parts"]]


def in_group_order(model: dict, elements: list[ElementView]) -> list[ElementView]:
    """The parts in the order the scan asks them: group by group when the model has groups, else the model's."""
    by_id = {element["id"]: element for element in elements}
    return [by_id[part["id"]] for part in parts_in_order(model)]


def parts_chart(model: dict) -> BarFrame:
    """Frame of the chart 'parts against stages': position, the overall line, the weakest, the ambition; with groups,
    each group's row (its own value) above its parts."""
    labels = item_labels(model)
    if model.get("groups"):
        rows = [row for group in model["groups"] for row in
                [(group["id"], group["name"], "group")] + [(part, labels[part], "part") for part in group["parts"]]]
    else:
        rows = [(e["id"], labels[e["id"]], "part") for e in model["elements"]]
    return bar_frame("grafiek-elementen", "parts", rows, _phase_columns(model))


def areas_chart(model: dict) -> BarFrame | None:
    """Frame of the chart 'result areas against levels', with the ambition; None when the model has no areas."""
    labels = item_labels(model)
    rows = [(a["id"], labels[a["id"]], "area") for a in model.get("result_areas", [])]
    columns = [level["name"] for level in model.get("result_levels", {}).get("items", [])]
    return bar_frame("grafiek-resultaten", "areas", rows, columns) if rows else None


def stages_chart(model: dict, chart_id: str) -> AxesChart | None:
    """The chart of the model's two axes, if it has them."""
    if "axes" not in model:
        return None
    return axes_chart(chart_id, model["axes"], model["phases"]["items"])


def team_aspect_rows(model: dict) -> list[TeamRow]:
    """The rows of the team table: every aspect with its part's number, in model order; a part's only aspect is
    shown as the part itself, since the part is the question."""
    labels = item_labels(model)
    firsts = {group["parts"][0]: group["name"] for group in model.get("groups", [])}
    return [{"id": aspect["id"], "label": labels[aspect["id"]], "element": labels[element["id"]],
             "group": firsts.get(element["id"]) if position == 0 else None}
            for element in parts_in_order(model) for position, aspect in enumerate(element["aspects"])]


def team_spread_chart(model: dict) -> SpreadChart:
    """Frame of the team chart: per aspect a band from lowest to highest answer, with the median marked."""
    rows = [(row["id"], row["label"]) for row in team_aspect_rows(model)]
    return spread_chart("spreiding", rows, [p["id"] for p in model["phases"]["items"]])


def team_items(model: dict) -> list[TeamItem]:
    """Every aspect and result area with its scale and descriptions, in the order of the pages (group by group): one
    slide each in the presentation, one team answer each."""
    words = model_words(model)
    stage, part, level = words["stage"], words["part"], words["level"]
    phases = model["phases"]["items"]
    labels = item_labels(model)
    items: list[TeamItem] = []
    numbers = {element["id"]: number for number, element in enumerate(model["elements"], 1)}
    groups = {part_id: group["name"] for group in model.get("groups", []) for part_id in group["parts"]}
    for element in parts_in_order(model):
        kicker = (f"{groups[element['id']]} · " if element["id"] in groups else "") + f"{part['Singular']} " \
            f"{numbers[element['id']]}" + ("" if len(element["aspects"]) == 1 else f" · {element['name']}")
        for aspect in element["aspects"]:
            items.append({"id": aspect["id"], "kind": "aspects", "label": labels[aspect["id"]], "kicker": kicker,
                          "question": element.get("question"),
                          "steps": [{"value": str(phase["id"]), "label": f"{stage['Singular']} {phase['id']} · "
                                                                         f"{phase['name']}",
                                     "short": f"{phase['id']} · {phase['name']}", "text": text}
                                    for phase, text in zip(phases, aspect["phases"], strict=True)]})
    levels = model.get("result_levels", {}).get("items", [])
    for area in model.get("result_areas", []):
        items.append({"id": area["id"], "kind": "results", "label": labels[area["id"]], "question": None,
                      "kicker": f"{words['area']['Singular']} {area['letter']}",
                      "steps": [{"value": str(item["id"]), "short": f"{item['id']} · {item['name']}",
                                 "label": f"{level['Singular']} {item['id']} · {item['name']}", "text": text}
                                for item, text in zip(levels, area["levels"], strict=True)]})
    return items


def ambition_choices(model: dict) -> AmbitionChoices:
    """The choices for the ambition: a target phase per part, a target level per result area."""
    words = model_words(model)
    phase_options: list[AmbitionOption] = [
        {"value": str(p["id"]), "label": f"{words['stage']['Singular']} {p['id']} · {p['name']}"}
        for p in model["phases"]["items"]]
    level_options: list[AmbitionOption] = [{"value": str(level["id"]), "label": level["name"]}
                                           for level in model.get("result_levels", {}).get("items", [])]
    labels = item_labels(model)
    return {
        "phase_options": phase_options,
        "elements": [{"id": e["id"], "field_id": f"ambitie-{e['id']}", "label": labels[e["id"]],
                      "options": phase_options} for e in parts_in_order(model)],
        "areas": [{"id": a["id"], "field_id": f"ambitie-{a['id']}", "label": labels[a["id"]],
                   "options": level_options} for a in model.get("result_areas", [])],
        "advice": model.get("ambition_advice"),
    }


def compare_chart(model: dict) -> PairedBarChart:
    """Frame of the chart 'two measurements per part'."""
    return paired_bar_chart("grafiek-vergelijking", "compare", _element_rows(model), _phase_columns(model))


def aspect_rows(model: dict) -> list[AspectRow]:
    """Every aspect with its part, for tables that list aspects under their part."""
    labels = item_labels(model)
    return [{"id": aspect["id"], "name": aspect["name"], "element": labels[element["id"]],
             "first": position == 0, "span": len(element["aspects"]), "single": len(element["aspects"]) == 1}
            for element in parts_in_order(model) for position, aspect in enumerate(element["aspects"])]


def _element_rows(model: dict) -> list[tuple[str, str]]:
    labels = item_labels(model)
    return [(e["id"], labels[e["id"]]) for e in parts_in_order(model)]


def _phase_columns(model: dict) -> list[str]:
    """The columns of a chart of stages: every stage above the scale's base (a stage 0, "nothing yet", has none)."""
    base = scale_base([phase["id"] for phase in model["phases"]["items"]])
    return [str(p["id"]) for p in model["phases"]["items"] if p["id"] > base]


def _spoken_list(names: list[str]) -> str:
    """'a', 'a en b', 'a, b en c' (in English: 'a and b', 'a, b and c')."""
    return names[0] if len(names) == 1 else _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]),
                                                                         "last": names[-1]}
