"""Team figures: several respondents' answers side by side, for a facilitator.

Per aspect and per result area: how many answered, how many chose each step of the scale, lowest, median and
highest. When answers lie two or more steps apart on the scale, the item is a discussion point ("bespreekpunt").
The team's own answer per item is the median rounded down: the lower of the two middle answers when the count is
even. Rounding down matches the scan's own caution (the weakest link sets the phase) and always gives a phase
that exists. The team result then follows the ordinary scoring rules from those team answers.
"""

from __future__ import annotations

from typing import Any

from .answers import UNKNOWN
from .i18n import _, number_text
from .labels import item_labels
from .model import Model, phase_ids, result_level_ids
from .scoring import score
from .small_units import DEFAULT_MINIMUM, Unit, UnitSplit, other_units_label, small_units_note, split_units, unit_label
from .words import model_language, model_words

DISCUSSION_SPREAD = 2
"""Answers this many steps apart (or more) make an item a discussion point."""


def aggregate(model: Model, scans: list[dict[str, Any]], min_unit_size: int = DEFAULT_MINIMUM) -> dict[str, Any]:
    """Team figures for a list of scans; plain, JSON-ready data.

    `units` has a column per unit of at least `min_unit_size` respondents, and the smaller ones together as
    "Overige afdelingen" when they reach it (small_units.py); `units_note` says why units are missing.

    The scans are checked already: parse_export and decode_share check what they give, and the engine checks every
    scan it is handed by the record rule (bridge.py), so the answers are not checked a second time here.
    """
    labels = item_labels(model)
    aspects = []
    for number, element in enumerate(model["elements"], 1):
        # A part counts over the respondents who assessed it; how many left it out is shown beside it.
        including = [scan for scan in scans if element["id"] not in scan.get("excluded", {})]
        for aspect in element["aspects"]:
            # An aspect counts over the respondents for whom it applies; how many marked it not applicable is counted.
            applies = [scan for scan in including if aspect["id"] not in scan.get("not_applicable", {})]
            figures = _figures(phase_ids(model), [scan.get("aspects", {}).get(aspect["id"]) for scan in applies])
            aspects.append({"id": aspect["id"], "element": element["id"], "element_number": number,
                            "name": aspect["name"], "label": labels[aspect["id"]],
                            "left_out": len(scans) - len(including),
                            "not_applicable": len(including) - len(applies), **figures})
    areas = []
    for area in model.get("result_areas", []):
        figures = _figures(result_level_ids(model), [scan.get("results", {}).get(area["id"]) for scan in scans])
        areas.append({"id": area["id"], "letter": area["letter"], "name": area["name"], "label": labels[area["id"]],
                      **figures})

    team = _team_answers(model, aspects, areas, _left_out_by_all(model, scans), _not_applicable_for_all(model, scans))
    members: dict[Unit, list[dict[str, Any]]] = {}
    for scan in scans:
        members.setdefault(_unit(scan), []).append(scan)
    split = split_units({unit: len(people) for unit, people in members.items()}, min_unit_size)
    return {
        "count": len(scans),
        "respondents": [{"label": _label(scan), "unit": _unit(scan)} for scan in scans],
        "aspects": aspects,
        "result_areas": areas,
        "discussion_points": [item["id"] for item in aspects + areas if item["discuss"]],
        "by_spread": spread_order(aspects + areas),
        "team": score(model, team),
        "team_answers": team,
        "units": _unit_columns(model, members, split),
        "min_unit_size": split.minimum,
        "units_note": small_units_note(split),
    }


def _unit_columns(model: Model, members: dict[Unit, list[dict[str, Any]]], split: UnitSplit) -> list[dict[str, Any]]:
    """The units table's columns: each unit large enough on its own, then the small ones together if they may be."""
    columns = [_unit_figures(model, unit, unit_label(unit), members[unit]) for unit in split.shown]
    if split.combined:
        together = [scan for unit in split.small for scan in members[unit]]
        columns.append(_unit_figures(model, None, other_units_label(), together, combined=True))
    return columns


def aggregate_csv_rows(model: Model, team: dict[str, Any]) -> list[list[Any]]:
    """The team figures as rows for exchange.write_csv: one per aspect and per result area, the numbers as a
    spreadsheet in the model's language reads them."""
    words = model_words(model)
    language = model_language(model)
    marks = bool(model.get("allow_not_applicable"))
    rows: list[list[Any]] = [[_("Soort"), _("Id"), _("Naam"), _("Aantal antwoorden"), _("Weet ik niet"), _("Laagste"),
                              _("Mediaan"), _("Hoogste"), _("Verschil"), _("Teamantwoord"), _("Bespreekpunt"),
                              _("Buiten de beoordeling")]
                             + ([_("Niet van toepassing")] if marks else [])]
    yes, no = _("ja"), _("nee")
    for kind, items in ((words["question"]["singular"], team["aspects"]),
                        (words["area"]["singular"], team["result_areas"])):
        for item in items:
            cells = [number_text(item[key], language) for key in ("lowest", "median", "highest", "spread", "team")]
            rows.append([kind, item["id"], item["name"], item["count"], item["unknown"], *cells,
                         yes if item["discuss"] else no, item.get("left_out", 0)]
                        + ([item.get("not_applicable", 0)] if marks else []))
    return rows


def spread_order(items: list[dict[str, Any]]) -> list[str]:
    """The ids for a facilitator's session: the widest spread first (no answers last), the model's order within."""
    return [item["id"] for item in sorted(items, key=lambda item: (item["spread"] is None, -(item["spread"] or 0)))]


def _figures(scale: list[int], values: list[Any]) -> dict[str, Any]:
    answered = sorted(value for value in values if value is not None and value != UNKNOWN)
    unknown = sum(1 for value in values if value == UNKNOWN)
    counts = {step: 0 for step in scale}
    for value in answered:
        counts[value] += 1
    distribution = [counts[step] for step in scale]  # how many chose each step, in the scale's order
    if not answered:
        return {"count": 0, "unknown": unknown, "distribution": distribution, "lowest": None, "median": None,
                "highest": None, "spread": None, "team": None, "discuss": False}
    middle = (len(answered) - 1) // 2
    spread = scale.index(answered[-1]) - scale.index(answered[0])  # steps on the scale, not id arithmetic
    return {"count": len(answered), "unknown": unknown, "distribution": distribution, "lowest": answered[0],
            "median": _median(answered),
            "highest": answered[-1], "spread": spread, "team": answered[middle], "discuss": spread >= DISCUSSION_SPREAD}


def _median(values: list[int]) -> int | float:
    half = len(values) // 2
    if len(values) % 2:
        return values[half]
    middle = (values[half - 1] + values[half]) / 2
    return int(middle) if middle == int(middle) else middle


def _team_answers(model: Model, aspects: list[dict[str, Any]], areas: list[dict[str, Any]],
                  excluded: list[str], not_applicable: list[str]) -> dict[str, Any]:
    return {"model": model["id"],
            "aspects": {item["id"]: item["team"] for item in aspects if item["team"] is not None},
            "results": {item["id"]: item["team"] for item in areas if item["team"] is not None},
            "excluded": {part: "" for part in excluded},
            "not_applicable": {aspect: "" for aspect in not_applicable}}


def _not_applicable_for_all(model: Model, scans: list[dict[str, Any]]) -> list[str]:
    """The aspects every respondent who assessed their part marked not applicable: for the team too."""
    marked = []
    for element in model["elements"]:
        including = [scan for scan in scans if element["id"] not in scan.get("excluded", {})]
        marked += [aspect["id"] for aspect in element["aspects"]
                   if including and all(aspect["id"] in scan.get("not_applicable", {}) for scan in including)]
    return marked


def _left_out_by_all(model: Model, scans: list[dict[str, Any]]) -> list[str]:
    """The parts every respondent left out: the team leaves them out too (none when there are no scans)."""
    return [element["id"] for element in model["elements"]
            if scans and all(element["id"] in scan.get("excluded", {}) for scan in scans)]


def _unit_figures(model: Model, unit: Unit, label: str, members: list[dict[str, Any]],
                  combined: bool = False) -> dict[str, Any]:
    aspects = [{"id": aspect["id"], **_figures(phase_ids(model), [m.get("aspects", {}).get(aspect["id"])
                                                                  for m in members
                                                                  if element["id"] not in m.get("excluded", {})
                                                                  and aspect["id"] not in m.get("not_applicable", {})])}
               for element in model["elements"] for aspect in element["aspects"]]
    areas = [{"id": area["id"], **_figures(result_level_ids(model), [m.get("results", {}).get(area["id"])
                                                                     for m in members])}
             for area in model.get("result_areas", [])]
    result = score(model, _team_answers(model, aspects, areas, _left_out_by_all(model, members),
                                        _not_applicable_for_all(model, members)))
    return {"unit": unit, "label": label, "combined": combined, "count": len(members),
            "overall": result["overall"]["phase"],
            "value": result["overall"]["value"],
            "provisional": result["overall"]["provisional"],
            "elements": {element["id"]: element["phase"] for element in result["elements"]},
            "values": {element["id"]: element["value"] for element in result["elements"]},
            "result_areas": {area["id"]: area["level"] for area in result["result_areas"]}}


def _unit(scan: dict[str, Any]) -> str | None:
    unit = (scan.get("respondent") or {}).get("unit")
    return unit.strip() if isinstance(unit, str) and unit.strip() else None


def _label(scan: dict[str, Any]) -> str | None:
    for value in ((scan.get("respondent") or {}).get("name"), scan.get("name")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


