"""A readable text report of a scan result, for the command line, in the model's language (its sentences from the
catalog, i18n.py; its numbers written the way that language writes them). Pure: text out, no printing."""

from __future__ import annotations

from typing import Any

from .aggregate import DISCUSSION_SPREAD
from .i18n import _, ngettext, number_text
from .model import Model
from .scoring import NextPhase, ScoreResult
from .words import WordForms, model_language, model_words

Words = dict[str, WordForms]


def render_text(model: Model, result: ScoreResult) -> str:
    """The scan result as plain text, one section per part of the result, in the model's own words."""
    words = model_words(model)
    language = model_language(model)
    titles = {element["id"]: f"{element['number']}. {element['name']}" for element in result["elements"]}

    lines = [_("%(short_name)s-scan: %(name)s (versie %(version)s)")
             % {"short_name": model.get("short_name", model["id"]), "name": model.get("name", model["id"]),
                "version": result["model_version"]}, ""]
    lines += _overall_lines(result, words, language)
    lines += _scope_lines(result, words)
    lines += _missing_lines(result, words)
    if result["groups"]:
        lines += ["", words["group"]["Plural"]] + _group_lines(result, words, language)
    lines += ["", words["part"]["Plural"]] + _element_lines(result, words, titles, language)
    if result["result_areas"]:
        lines += ["", words["area"]["Plural"]] + _result_area_lines(result, words["level"])
    lines += [
        "",
        _("Sterke punten: %(items)s") % {"items": _listed(titles[item] for item in result["strengths"])},
        _("Ontwikkelpunten: %(items)s") % {"items": _listed(titles[item] for item in result["development_points"])},
    ]
    if result["next_steps"]:
        lines += ["", _("Volgende stappen")] + _next_step_lines(result, words, titles)
    if result["next_phase"] is not None:
        lines += [""] + _next_phase_lines(result["next_phase"], result["overall"]["phase"], words["stage"])
    if result["terms"]:
        lines += ["", _("Begrippen")] + [f"  {term['term']}: {term['explanation']}" for term in result["terms"]]
    return "\n".join(lines) + "\n"


def _listed(items: Any) -> str:
    """Items one after the other, or "geen" when there are none."""
    return ", ".join(items) or _("geen")


def _step(word: WordForms, value: object, name: str | None) -> str:
    """A step of a scale with its name: "Fase 2: Pioniersfase", "Niveau 3: Borgen"."""
    return _("%(Word)s %(value)s: %(name)s") % {"Word": word["Singular"], "value": value, "name": name}


def _not_yet(stage: WordForms) -> str:
    return _("nog geen %(stage)s") % {"stage": stage["singular"]}


def _verb(verb: str | None) -> str:
    """A stage's verb after its name, in brackets: " (belichten)"; nothing when it has none."""
    return f" ({verb})" if verb else ""


def _overall_lines(result: ScoreResult, words: Words, language: str) -> list[str]:
    overall = result["overall"]
    stage = words["stage"]
    if overall["phase"] is None:
        return [_("Totaal: nog geen %(stage)s (er is nog geen %(question)s beantwoord)")
                % {"stage": stage["singular"], "question": words["question"]["singular"]}]
    value = number_text(overall["value"], language, result["decimals"]["overall"])
    lines = [_("Totaal: %(result)s") % {"result": _step(stage, value, overall["phase_name"])} + _verb(overall["verb"]),
             f"  {overall['summary']}"]
    if result["decimals"]["overall"]:
        lines.append("  " + _("(%(the_stage)s %(that)s telt, is het getal naar beneden afgerond: %(stage)s "
                              "%(phase)s)") % {"the_stage": stage["the"], "that": stage["that"],
                                               "stage": stage["singular"], "phase": overall["phase"]})
    return lines


def _group_lines(result: ScoreResult, words: Words, language: str) -> list[str]:
    stage = words["stage"]
    lines = []
    for group in result["groups"]:
        status = (_("niet beoordeeld") if group["excluded"] else _not_yet(stage) if group["phase"] is None
                  else _step(stage, number_text(group["value"], language, result["decimals"]["group"]),
                             group["phase_name"]))
        lines.append(f"  {group['name']} — {status}")
    return lines


def _missing_lines(result: ScoreResult, words: Words) -> list[str]:
    missing = result["missing"]
    question = words["question"]
    if result["overall"]["provisional"]:
        count = len(missing["aspects"])
        total = sum(element["total"] for element in result["elements"])
        lines = [ngettext('Voorlopige uitkomst: %(count)s van de %(total)s %(questions)s is niet beantwoord of staat '
                          'op "weet ik niet".',
                          'Voorlopige uitkomst: %(count)s van de %(total)s %(questions)s zijn niet beantwoord of '
                          'staan op "weet ik niet".', count)
                 % {"count": count, "total": total, "questions": question["plural"]}]
    else:
        lines = [_("Alle %(questions)s zijn beantwoord.") % {"questions": question["plural"]}]

    aspect_names = {aspect["id"]: aspect["name"] for element in result["elements"] for aspect in element["aspects"]}
    area_names = {area["id"]: area["name"] for area in result["result_areas"]}
    open_aspects = [item for item in missing["aspects"] if item not in missing["unknown_aspects"]]
    open_areas = [item for item in missing["result_areas"] if item not in missing["unknown_result_areas"]]
    areas = {"Areas": words["area"]["Plural"]}
    lines += _id_list(_("Niet beantwoord"), open_aspects, aspect_names)
    lines += _id_list(_("Weet ik niet"), missing["unknown_aspects"], aspect_names)
    lines += _id_list(_("%(Areas)s niet beantwoord") % areas, open_areas, area_names)
    lines += _id_list(_('%(Areas)s op "weet ik niet"') % areas, missing["unknown_result_areas"], area_names)
    return lines


def _scope_lines(result: ScoreResult, words: Words) -> list[str]:
    """How many parts were assessed, and which were left out, with their reasons (nothing when all were)."""
    scope = result["scope"]
    if not scope["excluded"]:
        return []
    lines = [_("Beoordeeld: %(assessed)s van de %(total)s %(parts)s. Buiten de beoordeling:")
             % {"assessed": scope["assessed"], "total": scope["total"], "parts": words["part"]["plural"]}]
    lines += [f"  - {item['number']}. {item['name']}"
              + (" " + _("(reden: %(reason)s)") % {"reason": item["reason"]} if item["reason"] else "")
              for item in scope["excluded"]]
    return lines


def _element_lines(result: ScoreResult, words: Words, titles: dict[str, str], language: str) -> list[str]:
    lines: list[str] = []
    stage = words["stage"]
    for element in result["elements"]:
        if element["excluded"]:
            lines.append(f"  {titles[element['id']]} — {_('niet beoordeeld')}")
            continue
        if element["phase"] is None:
            status = _not_yet(stage)
        else:
            status = _step(stage, number_text(element["value"], language, result["decimals"]["part"]),
                           element["phase_name"])
        # A part with one aspect is one question: counting its aspects would name a word the part does not use.
        answered = (" " + _("(%(answered)s van %(total)s %(aspects)s beantwoord)")
                    % {"answered": element["answered"], "total": element["total"],
                       "aspects": words["aspect"]["plural"]} if element["total"] > 1 else "")
        lines.append(f"  {titles[element['id']]} — {status}{answered}")
    return lines


def _result_area_lines(result: ScoreResult, level: WordForms) -> list[str]:
    lines: list[str] = []
    for area in result["result_areas"]:
        if area["level"] is not None:
            status = _step(level, area["level"], area["level_name"])
        else:
            status = _("weet ik niet") if area["unknown"] else _("niet beantwoord")
        lines.append(f"  {area['letter']}. {area['name']} — {status}")
    return lines


def _next_step_lines(result: ScoreResult, words: Words, titles: dict[str, str]) -> list[str]:
    lines: list[str] = []
    stage = words["stage"]
    single = {element["id"] for element in result["elements"] if element["total"] == 1}
    for step in result["next_steps"]:
        values = {"part": titles[step["element"]], "aspect": words["aspect"]["singular"],
                  "aspect_name": step["aspect_name"], "stage": stage["singular"], "phase": step["phase"],
                  "next_phase": step["next_phase"], "next_name": step["next_phase_name"]}
        line = (_("%(part)s: van %(stage)s %(phase)s naar %(stage)s %(next_phase)s (%(next_name)s)")
                if step["element"] in single else
                _("%(part)s, %(aspect)s %(aspect_name)s: van %(stage)s %(phase)s naar %(stage)s %(next_phase)s "
                  "(%(next_name)s)"))
        lines.append(f"  - {line % values}")
        lines.append(f"    {step['description']}")
    return lines


def _next_phase_lines(upcoming: NextPhase, current: int | None, stage: WordForms) -> list[str]:
    values = {"stage": stage["singular"], "phase": upcoming["id"], "name": upcoming["name"], "current": current}
    lines = [_("Op weg naar %(stage)s %(phase)s: %(name)s") % values + _verb(upcoming["verb"]),
             f"  {upcoming['summary']}"]
    if upcoming["characteristics"]:
        lines.append("  " + _("Kenmerken:"))
    lines += [f"    - {item}" for item in upcoming["characteristics"]]
    if upcoming["transition"]:
        lines.append("  " + _("Een organisatie die de overgang van %(stage)s %(current)s naar %(stage)s %(phase)s "
                              "maakt:") % values)
        lines += [f"    - {item}" for item in upcoming["transition"]]
    return lines


def _id_list(title: str, ids: list[str], names: dict[str, str]) -> list[str]:
    """A heading with one line per id, so a long list of open questions stays readable."""
    if not ids:
        return []
    return [f"  {title}:"] + [f"    - {item}: {names[item]}" for item in ids]


def render_team_text(model: Model, team: dict[str, Any]) -> str:
    """Team figures as plain text: one line per aspect and result area, then the team result."""
    words = model_words(model)
    language = model_language(model)
    stage = words["stage"]
    columns = _("%(Items)s (aantal; laagste / mediaan / hoogste; team)")
    lines = [ngettext("%(short_name)s-scan: teamcijfers van %(count)s respondent",
                      "%(short_name)s-scan: teamcijfers van %(count)s respondenten", team["count"])
             % {"short_name": model.get("short_name", model["id"]), "count": team["count"]},
             _("Teamantwoord = de mediaan, naar beneden afgerond. Bespreekpunt = antwoorden liggen %(spread)s of meer "
               "stappen uit elkaar.") % {"spread": DISCUSSION_SPREAD},
             "", columns % {"Items": words["question"]["Plural"]}]
    for item in team["aspects"]:
        lines.append(_team_line(f"{item['id']} {item['name']}", item, language))
    if team["result_areas"]:
        lines += ["", columns % {"Items": words["area"]["Plural"]}]
        lines += [_team_line(f"{item['id']} {item['name']}", item, language) for item in team["result_areas"]]
    overall = team["team"]["overall"]
    outcome = (_step(stage, overall["phase"], overall["phase_name"]) if overall["phase"] is not None
               else _not_yet(stage))
    lines += ["", _("Uitslag van het team: %(result)s") % {"result": outcome} + _provisional(overall["provisional"])]
    lines.append(_("Bespreekpunten: %(items)s") % {"items": _listed(team["discussion_points"])})
    return "\n".join(lines + _unit_lines(team, stage["singular"])) + "\n"


def _provisional(provisional: bool) -> str:
    return " " + _("(voorlopig)") if provisional else ""


def _unit_lines(team: dict[str, Any], phase_label: str) -> list[str]:
    """The units large enough to show (aggregate.py, small_units.py), and why others are missing; nothing when the
    session is one group without units."""
    units = team["units"]
    if not team["units_note"] and not (len(units) > 1 or (units and units[0]["unit"] is not None)):
        return []
    lines = ["", _("Per afdeling")]
    for unit in units:
        phase = unit["overall"] if unit["overall"] is not None else "-"
        lines.append("  " + _("%(unit)s (%(count)s): %(stage)s %(phase)s")
                     % {"unit": unit["label"], "count": unit["count"], "stage": phase_label, "phase": phase}
                     + _provisional(unit["provisional"]))
    if team["units_note"]:
        lines.append(f"  {team['units_note']}")
    return lines


def _team_line(title: str, item: dict[str, Any], language: str) -> str:
    if not item["count"]:
        return "  " + _("%(item)s: geen antwoorden") % {"item": title}
    mark = "  " + _("BESPREEKPUNT") if item["discuss"] else ""
    figures = {"item": title, "count": item["count"], "lowest": item["lowest"],
               "median": number_text(item["median"], language), "highest": item["highest"], "team": item["team"]}
    return "  " + _("%(item)s: %(count)s; %(lowest)s / %(median)s / %(highest)s; team %(team)s") % figures + mark
