"""A readable Dutch text report of a scan result, for the command line."""

from __future__ import annotations

from .model import Model
from .scoring import ScoreResult


def render_text(model: Model, result: ScoreResult) -> str:
    """The scan result as plain Dutch text, one section per part of the result."""
    phase_label = model["phases"].get("label", "fase")
    levels = model.get("result_levels")
    level_label = levels.get("label", "niveau") if levels else "niveau"
    aspect_names = {aspect["id"]: aspect["name"] for element in result["elements"] for aspect in element["aspects"]}
    area_names = {area["id"]: area["name"] for area in result["result_areas"]}
    element_titles = {element["id"]: f"{element['number']}. {element['name']}" for element in result["elements"]}

    lines = [f"{model.get('short_name', model['id'])}-scan: {model.get('name', model['id'])} (versie {result['model_version']})", ""]

    overall = result["overall"]
    if overall["phase"] is None:
        lines.append(f"Totaal: nog geen {phase_label} (er is nog geen aspect beantwoord)")
    else:
        lines.append(f"Totaal: {_capital(phase_label)} {overall['phase']}: {overall['phase_name']} ({overall['verb']})")
        lines.append(f"  {overall['summary']}")

    missing = result["missing"]
    total_aspects = sum(element["total"] for element in result["elements"])
    if overall["provisional"]:
        count = len(missing["aspects"])
        verbs = "is niet beantwoord of staat" if count == 1 else "zijn niet beantwoord of staan"
        lines.append(f"Voorlopige uitkomst: {count} van de {total_aspects} aspecten {verbs} op \"weet ik niet\".")
    else:
        lines.append("Alle aspecten zijn beantwoord.")
    unanswered = [item for item in missing["aspects"] if item not in missing["unknown_aspects"]]
    lines.extend(_id_list("  Niet beantwoord", unanswered, aspect_names))
    lines.extend(_id_list("  Weet ik niet", missing["unknown_aspects"], aspect_names))
    unanswered_areas = [item for item in missing["result_areas"] if item not in missing["unknown_result_areas"]]
    lines.extend(_id_list("  Resultaatgebieden niet beantwoord", unanswered_areas, area_names))
    lines.extend(_id_list("  Resultaatgebieden op \"weet ik niet\"", missing["unknown_result_areas"], area_names))

    lines += ["", "Elementen"]
    for element in result["elements"]:
        if element["phase"] is None:
            status = f"nog geen {phase_label}"
        else:
            status = f"{_capital(phase_label)} {element['phase']}: {element['phase_name']}"
        lines.append(
            f"  {element_titles[element['id']]} — {status} "
            f"({element['answered']} van {element['total']} aspecten beantwoord)"
        )

    if result["result_areas"]:
        lines += ["", "Resultaatgebieden"]
        for area in result["result_areas"]:
            if area["level"] is not None:
                status = f"{_capital(level_label)} {area['level']}: {area['level_name']}"
            else:
                status = "weet ik niet" if area["unknown"] else "niet beantwoord"
            lines.append(f"  {area['letter']}. {area['name']} — {status}")

    lines.append("")
    lines.append("Sterke punten: " + (", ".join(element_titles[item] for item in result["strengths"]) or "geen"))
    lines.append(
        "Ontwikkelpunten: " + (", ".join(element_titles[item] for item in result["development_points"]) or "geen")
    )

    if result["next_steps"]:
        lines += ["", "Volgende stappen"]
        for step in result["next_steps"]:
            lines.append(
                f"  - {element_titles[step['element']]}, aspect {step['aspect_name']}: "
                f"van {phase_label} {step['phase']} naar {phase_label} {step['next_phase']} ({step['next_phase_name']})"
            )
            lines.append(f"    {step['description']}")

    upcoming = result["next_phase"]
    if upcoming is not None:
        lines += ["", f"Op weg naar {phase_label} {upcoming['id']}: {upcoming['name']} ({upcoming['verb']})"]
        lines.append(f"  {upcoming['summary']}")
        lines.append("  Kenmerken:")
        lines.extend(f"    - {item}" for item in upcoming["characteristics"])
        if upcoming["transition"]:
            lines.append(
                f"  Een organisatie die de overgang van {phase_label} {overall['phase']} "
                f"naar {phase_label} {upcoming['id']} maakt:"
            )
            lines.extend(f"    - {item}" for item in upcoming["transition"])

    return "\n".join(lines) + "\n"


def _id_list(title: str, ids: list[str], names: dict[str, str]) -> list[str]:
    """A heading with one line per id, so a long list of open questions stays readable."""
    if not ids:
        return []
    return [f"{title}:"] + [f"    - {item}: {names[item]}" for item in ids]


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]
