"""Everything a template shows, computed here: templates only loop over and print these values."""

from __future__ import annotations

from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Any

from .charts import bar_chart

UNKNOWN = "unknown"  # the stored value of "Weet ik niet"; scoring_py treats it as unanswered


@dataclass
class OutputPage:
    """One HTML file to write: where it goes, which template renders it, and what the template gets."""

    path: str  # relative to dist/, with forward slashes
    template: str
    title: str
    summary: str
    nav: str  # which menu item is current
    engine: bool = False  # does this page start the scoring engine?
    early_engine: bool = False  # ... at once, while the page is parsed (a page that always needs it)
    script: str = "page.js"  # its module in assets/js/
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> str:
        """The relative way back to the site root, so the site works under any URL subpath."""
        return "../" * self.path.count("/")


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
            "direction": element["direction"], "aspects": aspects, "page": f"elementen/{element['id']}.html",
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
