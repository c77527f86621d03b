"""Everything a template shows, computed here: templates only loop over and print these values."""

from __future__ import annotations

from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Any

from .charts import axes_chart, bar_chart, paired_bar_chart

UNKNOWN = "unknown"  # the stored value of "Weet ik niet"; scoring_py treats it as unanswered


@dataclass
class OutputPage:
    """One HTML file to write: where it goes, which template renders it, and what the template gets."""

    path: str  # relative to dist/, with forward slashes
    template: str
    title: str
    summary: str
    nav: str  # which menu item is current
    model: dict  # the model whose scan the menu leads to; for site pages the first model
    engine: bool = False  # does this page start the scoring engine?
    early_engine: bool = False  # ... at once, while the page is parsed (a page that always needs it)
    script: str = "page.js"  # its module in assets/js/
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> str:
        """The relative way back to the site root, so the site works under any URL subpath."""
        return "../" * self.path.count("/")

    @property
    def model_root(self) -> str:
        """The relative way to the folder of the page's model."""
        return f"{self.root}{self.model['id']}/"


def element_views(model: dict) -> list[dict]:
    """The elements with their number, aspects as choice lists, and neighbours for paging."""
    phases = model["phases"]["items"]
    label = model["phases"]["label"]
    elements = model["elements"]
    views = []
    for index, element in enumerate(elements):
        aspects = []
        for position, aspect in enumerate(element["aspects"]):
            options = [{"value": str(phase["id"]), "id": f"{aspect['id']}-{phase['id']}",
                        "label": f"{label.capitalize()} {phase['id']} · {phase['name']}", "text": text}
                       for phase, text in zip(phases, aspect["phases"])]
            aspects.append({"id": aspect["id"], "name": aspect["name"], "letter": ascii_lowercase[position],
                            "options": options, "unknown_id": f"{aspect['id']}-{UNKNOWN}"})
        views.append({
            "id": element["id"], "number": index + 1, "name": element["name"], "core": element["core"],
            "direction": element["direction"], "aspects": aspects, "page": f"{model['id']}/elementen/{element['id']}.html",
            "previous": elements[index - 1]["id"] if index > 0 else None,
            "next": elements[index + 1]["id"] if index + 1 < len(elements) else None,
        })
    return views


def matrix_rows(model: dict, element: dict) -> list[dict]:
    """The paper version of one element: one row per phase, one cell per aspect."""
    return [{"phase": phase, "cells": [aspect["phases"][i] for aspect in element["aspects"]]}
            for i, phase in enumerate(model["phases"]["items"])]


def result_area_views(model: dict) -> list[dict]:
    """The result areas as choice lists, like the aspects."""
    levels = model.get("result_levels", {}).get("items", [])
    return [{"id": area["id"], "letter": area["letter"], "name": area["name"], "description": area["description"],
             "unknown_id": f"{area['id']}-{UNKNOWN}",
             "options": [{"value": str(level["id"]), "id": f"{area['id']}-{level['id']}", "label": level["name"],
                          "text": text} for level, text in zip(levels, area["levels"])]}
            for area in model.get("result_areas", [])]


def scan_steps(model: dict) -> list[dict]:
    """The steps of the scan in order: the elements, the result areas (if any), and the overview."""
    elements = model["elements"]
    steps = [{"id": e["id"], "title": e["name"], "kicker": f"Element {i + 1} van {len(elements)}",
              "short": f"{i + 1}. {e['name']}"} for i, e in enumerate(elements)]
    if model.get("result_areas"):
        steps.append({"id": "resultaten", "title": "Resultaatgebieden", "kicker": "Resultaatgebieden",
                      "short": "Resultaatgebieden"})
    steps.append({"id": "overzicht", "title": "Overzicht", "kicker": "Laatste stap", "short": "Overzicht"})
    for index, step in enumerate(steps):
        step["previous"] = steps[index - 1] if index > 0 else None
        step["next"] = steps[index + 1] if index + 1 < len(steps) else None
    return steps


def element_chart(model: dict) -> dict:
    """Frame of the chart 'elements against phases'; the bars are set in the browser from the result."""
    rows = [(e["id"], f"{i + 1}. {e['name']}") for i, e in enumerate(model["elements"])]
    columns = [str(p["id"]) for p in model["phases"]["items"]]
    return bar_chart(rows, columns)


def result_chart(model: dict) -> dict:
    """Frame of the chart 'result areas against levels'."""
    rows = [(a["id"], f"{a['letter']}. {a['name']}") for a in model.get("result_areas", [])]
    columns = [p["name"] for p in model.get("result_levels", {}).get("items", [])]
    return bar_chart(rows, columns, column_width=96)  # level names are words, not numbers


def stages_chart(model: dict) -> dict | None:
    """The chart of the model's two axes, if it has them."""
    if "axes" not in model:
        return None
    return axes_chart(model["axes"], model["phases"]["items"])


def team_aspect_rows(model: dict) -> list[dict]:
    """The rows of the team table: every aspect with its element number, in model order."""
    return [{"id": aspect["id"], "label": f"{number}{ascii_lowercase[position]}. {aspect['name']}",
             "element": f"{number}. {element['name']}"}
            for number, element in enumerate(model["elements"], 1)
            for position, aspect in enumerate(element["aspects"])]


def spread_chart(model: dict) -> dict:
    """Frame of the team chart: per aspect a band from lowest to highest answer, with the median marked."""
    rows = [(row["id"], row["label"]) for row in team_aspect_rows(model)]
    chart = bar_chart(rows, [str(p["id"]) for p in model["phases"]["items"]])
    chart["scale"] = " ".join(str(p["id"]) for p in model["phases"]["items"])
    return chart


def ambition_choices(model: dict) -> dict:
    """The choices for the ambition: a target phase per element, a target level per result area."""
    label = model["phases"]["label"]
    phase_options = [{"value": str(p["id"]), "label": f"{label.capitalize()} {p['id']} · {p['name']}"}
                     for p in model["phases"]["items"]]
    level_options = [{"value": str(level["id"]), "label": level["name"]}
                     for level in model.get("result_levels", {}).get("items", [])]
    return {
        "phase_options": phase_options,
        "elements": [{"id": e["id"], "field_id": f"ambitie-{e['id']}", "label": f"{i + 1}. {e['name']}",
                      "options": phase_options} for i, e in enumerate(model["elements"])],
        "areas": [{"id": a["id"], "field_id": f"ambitie-{a['id']}", "label": f"{a['letter']}. {a['name']}",
                   "options": level_options} for a in model.get("result_areas", [])],
    }


def ambition_charts(model: dict) -> dict:
    """Frames of the charts 'position against ambition', for the elements and for the result areas."""
    element_rows = [(e["id"], f"{i + 1}. {e['name']}") for i, e in enumerate(model["elements"])]
    area_rows = [(a["id"], f"{a['letter']}. {a['name']}") for a in model.get("result_areas", [])]
    return {
        "elements": bar_chart(element_rows, [str(p["id"]) for p in model["phases"]["items"]], targets=True),
        "areas": bar_chart(area_rows, [level["name"] for level in model.get("result_levels", {}).get("items", [])],
                           column_width=96, targets=True) if area_rows else None,
    }


def compare_chart(model: dict) -> dict:
    """Frame of the chart 'two measurements per element'."""
    rows = [(e["id"], f"{i + 1}. {e['name']}") for i, e in enumerate(model["elements"])]
    return paired_bar_chart(rows, [str(p["id"]) for p in model["phases"]["items"]])


def aspect_rows(model: dict) -> list[dict]:
    """Every aspect with its element, for tables that list aspects under their element."""
    return [{"id": aspect["id"], "name": aspect["name"], "element": f"{i + 1}. {element['name']}",
             "first": position == 0, "span": len(element["aspects"])}
            for i, element in enumerate(model["elements"]) for position, aspect in enumerate(element["aspects"])]
