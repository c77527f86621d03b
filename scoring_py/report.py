"""A readable Dutch text report of a scan result, for the command line. Pure: text out, no printing."""

from __future__ import annotations

from typing import Any

from .model import Model
from .scoring import NextPhase, ScoreResult
from .words import WordForms, model_words

Words = dict[str, WordForms]


def render_text(model: Model, result: ScoreResult) -> str:
    """The scan result as plain Dutch text, one section per part of the result, in the model's own words."""
    words = model_words(model)
    titles = {element["id"]: f"{element['number']}. {element['name']}" for element in result["elements"]}

    short_name = model.get("short_name", model["id"])
    lines = [f"{short_name}-scan: {model.get('name', model['id'])} (versie {result['model_version']})", ""]
    lines += _overall_lines(result, words)
    lines += _scope_lines(result, words)
    lines += _missing_lines(result, words)
    if result["groups"]:
        lines += ["", words["group"]["Plural"]] + _group_lines(result, words)
    lines += ["", words["part"]["Plural"]] + _element_lines(result, words, titles)
    if result["result_areas"]:
        lines += ["", words["area"]["Plural"]] + _result_area_lines(result, words["level"])
    lines += [
        "",
        "Sterke punten: " + (", ".join(titles[item] for item in result["strengths"]) or "geen"),
        "Ontwikkelpunten: " + (", ".join(titles[item] for item in result["development_points"]) or "geen"),
    ]
    if result["next_steps"]:
        lines += ["", "Volgende stappen"] + _next_step_lines(result, words, titles)
    if result["next_phase"] is not None:
        lines += [""] + _next_phase_lines(result["next_phase"], result["overall"]["phase"], words["stage"])
    if result["terms"]:
        lines += ["", "Begrippen"] + [f"  {term['term']}: {term['explanation']}" for term in result["terms"]]
    return "\n".join(lines) + "\n"


def _overall_lines(result: ScoreResult, words: Words) -> list[str]:
    overall = result["overall"]
    if overall["phase"] is None:
        return [f"Totaal: nog geen {words['stage']['singular']} (er is nog geen {words['question']['singular']} "
                "beantwoord)"]
    verb = f" ({overall['verb']})" if overall["verb"] else ""
    value = value_text(overall["value"], result["decimals"]["overall"])
    lines = [f"Totaal: {words['stage']['Singular']} {value}: {overall['phase_name']}{verb}", f"  {overall['summary']}"]
    if result["decimals"]["overall"]:
        lines.append(f"  ({words['stage']['the']} {words['stage']['that']} telt, is het getal naar beneden afgerond: "
                     f"{words['stage']['singular']} {overall['phase']})")
    return lines


def value_text(value: int | float | None, decimals: int) -> str:
    """A value the Dutch way: 2, or 1,8 (a mean, shown with one decimal)."""
    return "" if value is None else f"{value:.{decimals}f}".replace(".", ",")


def _group_lines(result: ScoreResult, words: Words) -> list[str]:
    stage = words["stage"]
    lines = []
    for group in result["groups"]:
        status = ("niet beoordeeld" if group["excluded"] else f"nog geen {stage['singular']}" if group["phase"] is None
                  else f"{stage['Singular']} {value_text(group['value'], result['decimals']['group'])}: "
                       f"{group['phase_name']}")
        lines.append(f"  {group['name']} — {status}")
    return lines


def _missing_lines(result: ScoreResult, words: Words) -> list[str]:
    missing = result["missing"]
    question = words["question"]
    if result["overall"]["provisional"]:
        count = len(missing["aspects"])
        total = sum(element["total"] for element in result["elements"])
        verbs = "is niet beantwoord of staat" if count == 1 else "zijn niet beantwoord of staan"
        lines = [f'Voorlopige uitkomst: {count} van de {total} {question["plural"]} {verbs} op "weet ik niet".']
    else:
        lines = [f"Alle {question['plural']} zijn beantwoord."]

    aspect_names = {aspect["id"]: aspect["name"] for element in result["elements"] for aspect in element["aspects"]}
    area_names = {area["id"]: area["name"] for area in result["result_areas"]}
    open_aspects = [item for item in missing["aspects"] if item not in missing["unknown_aspects"]]
    open_areas = [item for item in missing["result_areas"] if item not in missing["unknown_result_areas"]]
    lines += _id_list("Niet beantwoord", open_aspects, aspect_names)
    lines += _id_list("Weet ik niet", missing["unknown_aspects"], aspect_names)
    areas = words["area"]["Plural"]
    lines += _id_list(f"{areas} niet beantwoord", open_areas, area_names)
    lines += _id_list(f'{areas} op "weet ik niet"', missing["unknown_result_areas"], area_names)
    return lines


def _scope_lines(result: ScoreResult, words: Words) -> list[str]:
    """How many parts were assessed, and which were left out, with their reasons (nothing when all were)."""
    scope = result["scope"]
    if not scope["excluded"]:
        return []
    part = words["part"]
    lines = [f"Beoordeeld: {scope['assessed']} van de {scope['total']} {part['plural']}. Buiten de beoordeling:"]
    lines += [f"  - {item['number']}. {item['name']}" + (f" (reden: {item['reason']})" if item["reason"] else "")
              for item in scope["excluded"]]
    return lines


def _element_lines(result: ScoreResult, words: Words, titles: dict[str, str]) -> list[str]:
    lines: list[str] = []
    stage = words["stage"]
    for element in result["elements"]:
        if element["excluded"]:
            lines.append(f"  {titles[element['id']]} — niet beoordeeld")
            continue
        if element["phase"] is None:
            status = f"nog geen {stage['singular']}"
        else:
            status = (f"{stage['Singular']} {value_text(element['value'], result['decimals']['part'])}: "
                      f"{element['phase_name']}")
        # A part with one aspect is one question: counting its aspects would name a word the part does not use.
        answered = (f" ({element['answered']} van {element['total']} {words['aspect']['plural']} beantwoord)"
                    if element["total"] > 1 else "")
        lines.append(f"  {titles[element['id']]} — {status}{answered}")
    return lines


def _result_area_lines(result: ScoreResult, level: WordForms) -> list[str]:
    lines: list[str] = []
    for area in result["result_areas"]:
        if area["level"] is not None:
            status = f"{level['Singular']} {area['level']}: {area['level_name']}"
        else:
            status = "weet ik niet" if area["unknown"] else "niet beantwoord"
        lines.append(f"  {area['letter']}. {area['name']} — {status}")
    return lines


def _next_step_lines(result: ScoreResult, words: Words, titles: dict[str, str]) -> list[str]:
    lines: list[str] = []
    stage = words["stage"]
    single = {element["id"] for element in result["elements"] if element["total"] == 1}
    for step in result["next_steps"]:
        aspect = "" if step["element"] in single else f", {words['aspect']['singular']} {step['aspect_name']}"
        lines.append(
            f"  - {titles[step['element']]}{aspect}: van {stage['singular']} {step['phase']} "
            f"naar {stage['singular']} {step['next_phase']} ({step['next_phase_name']})"
        )
        lines.append(f"    {step['description']}")
    return lines


def _next_phase_lines(upcoming: NextPhase, current: int | None, stage: WordForms) -> list[str]:
    phase_label = stage["singular"]
    verb = f" ({upcoming['verb']})" if upcoming["verb"] else ""
    lines = [f"Op weg naar {phase_label} {upcoming['id']}: {upcoming['name']}{verb}", f"  {upcoming['summary']}"]
    if upcoming["characteristics"]:
        lines.append("  Kenmerken:")
    lines += [f"    - {item}" for item in upcoming["characteristics"]]
    if upcoming["transition"]:
        lines.append(
            f"  Een organisatie die de overgang van {phase_label} {current} naar {phase_label} {upcoming['id']} maakt:"
        )
        lines += [f"    - {item}" for item in upcoming["transition"]]
    return lines


def _id_list(title: str, ids: list[str], names: dict[str, str]) -> list[str]:
    """A heading with one line per id, so a long list of open questions stays readable."""
    if not ids:
        return []
    return [f"  {title}:"] + [f"    - {item}: {names[item]}" for item in ids]


def render_team_text(model: Model, team: dict[str, Any]) -> str:
    """Team figures as plain Dutch text: one line per aspect and result area, then the team result."""
    words = model_words(model)
    phase_label = words["stage"]["singular"]
    lines = [f"{model.get('short_name', model['id'])}-scan: teamcijfers van {team['count']} "
             f"{'respondent' if team['count'] == 1 else 'respondenten'}",
             "Teamantwoord = de mediaan, naar beneden afgerond. Bespreekpunt = antwoorden liggen 2 of meer stappen "
             "uit elkaar.", "", f"{words['question']['Plural']} (aantal; laagste / mediaan / hoogste; team)"]
    for item in team["aspects"]:
        lines.append(_team_line(f"{item['id']} {item['name']}", item))
    if team["result_areas"]:
        lines += ["", f"{words['area']['Plural']} (aantal; laagste / mediaan / hoogste; team)"]
        lines += [_team_line(f"{item['id']} {item['name']}", item) for item in team["result_areas"]]
    overall = team["team"]["overall"]
    lines += ["", "Uitslag van het team: " + (f"{words['stage']['Singular']} {overall['phase']}: "
                                              f"{overall['phase_name']}"
                                              if overall["phase"] is not None else f"nog geen {phase_label}")
              + (" (voorlopig)" if overall["provisional"] else "")]
    lines.append("Bespreekpunten: " + (", ".join(team["discussion_points"]) or "geen"))
    return "\n".join(lines + _unit_lines(team, phase_label)) + "\n"


def _unit_lines(team: dict[str, Any], phase_label: str) -> list[str]:
    """The units large enough to show (aggregate.py, small_units.py), and why others are missing; nothing when the
    session is one group without units."""
    units = team["units"]
    if not team["units_note"] and not (len(units) > 1 or (units and units[0]["unit"] is not None)):
        return []
    lines = ["", "Per afdeling"]
    for unit in units:
        phase = unit["overall"] if unit["overall"] is not None else "-"
        lines.append(f"  {unit['label']} ({unit['count']}): {phase_label} {phase}"
                     + (" (voorlopig)" if unit["provisional"] else ""))
    if team["units_note"]:
        lines.append(f"  {team['units_note']}")
    return lines


def _team_line(title: str, item: dict[str, Any]) -> str:
    if not item["count"]:
        return f"  {title}: geen antwoorden"
    median = str(item["median"]).replace(".", ",")
    mark = "  BESPREEKPUNT" if item["discuss"] else ""
    return (f"  {title}: {item['count']}; {item['lowest']} / {median} / {item['highest']}; "
            f"team {item['team']}{mark}")
