"""The export file, the CSV for a spreadsheet and the share link: everything that carries a scan out of one browser.

Pure: text in, text or plain data out. Whatever comes in is untrusted (a file someone sends you, a link
someone pastes), so `parse_export` and `decode_share` check every part and raise `InputError` with
messages a visitor can act on, in the engine's language (i18n.py). The export format is described in
docs/export-format.md.
"""

from __future__ import annotations

import csv
import io
import json
import re
from itertools import accumulate
from typing import Any, NoReturn

from .actions import status_name
from .answers import validate_answers
from .errors import InputError
from .i18n import _, csv_separator, grouped, ngettext, number_text
from .labels import item_labels, step_labels
from .model import Model, all_aspects, phase_ids, result_level_ids
from .record import check_record, describe, not_an_object, not_text, too_long
from .record_shape import FIELDS, MAX_SHORT_TEXT, UNKNOWN, answers_of
from .scoring import score
from .words import model_language, model_words

FORMAT = "servicescan"
FORMAT_VERSION = 3
"""Version 2 added `excluded` (parts left out of the assessment), `actions` (the plan's actions) and `team` (a scan a
team agreed on); version 3 `not_applicable` (aspects marked "niet van toepassing"). Every version up to this one is
read: an older file simply has none of them. A field a version does not know is refused by the record rule."""
MAX_EXPORT_CHARS = 2_000_000
"""An export is a few kilobytes; the limit leaves room for a long history and still fits localStorage."""
TOP_KEYS = ("format", "format_version", "model", "model_version", "exported", "scan", "respondent", "aspects",
            "results", "notes", "excluded", "not_applicable", "ambition", "snapshots", "actions", "team")
SCAN_KEYS = ("name", "created", "updated")
CARRIED_KEYS = ("respondent", "aspects", "results", "notes", "excluded", "not_applicable", "ambition", "snapshots",
                "actions", "team")
"""The parts of the file that are the scan's content as it is stored (see record.py)."""
MAX_DEPTH = 64
"""A real export nests five levels deep; deeper files are refused before parsing (no recursion to exhaust)."""
MAX_SAFE_INTEGER = 2**53 - 1  # the largest whole number a browser keeps exactly
FORBIDDEN_KEYS = ("__proto__", "constructor", "prototype")
"""Keys that change an object's behaviour in JavaScript; a file that carries them is refused."""
# A string, also one that is never closed: every match ends where the next one starts, so the scan is linear.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
SHARE_VERSION = "3"
SHARE_VERSIONS = ("1", "2", "3")
"""Version 2 adds the parts left out of the assessment, version 3 a sign for an aspect that is not applicable; links of
the older versions still open."""
SHARE_LEFT_OUT = "x"
SHARE_NOT_APPLICABLE = "~"  # outside the digits below, so no scale can mistake it for an answer
SHARE_UNANSWERED = "-"
SHARE_UNKNOWN = "_"
SHARE_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def export_json(model: Model, record: dict[str, Any], exported: str) -> str:
    """The export file for one scan record (as library.js keeps it), as JSON text; `exported` is the ISO date."""
    respondent = record.get("respondent") or {}
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model": model["id"],
        "model_version": model["version"],
        "exported": exported,
        "scan": {key: record[key] for key in SCAN_KEYS if isinstance(record.get(key), str)},
        "respondent": {key: respondent[key] for key in FIELDS["respondent"] if isinstance(respondent.get(key), str)
                       and respondent[key].strip()},
        "aspects": dict(record.get("aspects") or {}),
        "results": dict(record.get("results") or {}),
        "notes": dict(record.get("notes") or {}),
        "excluded": dict(record.get("excluded") or {}),
        "not_applicable": dict(record.get("not_applicable") or {}),
        "ambition": record.get("ambition") if isinstance(record.get("ambition"), dict) else {},
        "snapshots": record.get("snapshots") if isinstance(record.get("snapshots"), list) else [],
        "actions": record.get("actions") if isinstance(record.get("actions"), list) else [],
    }
    if isinstance(record.get("team"), dict):
        data["team"] = record["team"]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_export(text: str, model: Model) -> dict[str, Any]:
    """Read an export file; return the scan as plain data, or raise InputError listing every problem."""
    if not isinstance(text, str):
        raise InputError([_("het bestand is geen tekst")])
    if len(text) > MAX_EXPORT_CHARS:
        language = model_language(model)
        raise InputError([_("het bestand is te groot (%(size)s tekens; een export is hooguit %(max)s tekens)")
                          % {"size": grouped(len(text), language), "max": grouped(MAX_EXPORT_CHARS, language)}])
    text = text.removeprefix("\ufeff")
    if _nesting(text) > MAX_DEPTH:
        raise InputError([_("het bestand is te diep genest (meer dan %(max)s niveaus); een exportbestand van de scan "
                            "is dat nooit") % {"max": MAX_DEPTH}])
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_int=_whole_number, parse_float=_number,
                          object_pairs_hook=_safe_object)
    except InputError:
        raise
    except RecursionError:
        raise InputError([_("het bestand is te diep genest; een exportbestand van de scan is dat nooit")]) from None
    except ValueError as error:
        line = getattr(error, "lineno", None)
        raise InputError([_("het bestand is geen JSON (regel %(line)s): kies het .json-bestand dat de scan heeft "
                            "gemaakt") % {"line": line} if line else
                          _("het bestand is geen JSON: kies het .json-bestand dat de scan heeft gemaakt")]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError([_("dit is geen exportbestand van de scan: het veld \"format\" met de waarde "
                            "\"%(format)s\" ontbreekt") % {"format": FORMAT}])
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InputError([_("\"format_version\" moet een geheel getal vanaf 1 zijn, gevonden: %(found)s")
                          % {"found": describe(version)}])
    if version > FORMAT_VERSION:
        raise InputError([_("dit bestand heeft formaatversie %(version)s en komt uit een nieuwere versie van de scan; "
                            "deze site kan versie 1 t/m %(newest)s lezen") % {"version": version,
                                                                           "newest": FORMAT_VERSION}])
    if data.get("model") != model["id"]:
        found = f"'{data['model']}'" if isinstance(data.get("model"), str) else describe(data.get("model"))
        raise InputError([_("dit bestand hoort bij model %(found)s, niet bij '%(model)s' (%(name)s)")
                          % {"found": found, "model": model["id"], "name": model["short_name"]}])

    problems = [_("onbekend veld '%(key)s' in het bestand") % {"key": key} for key in data if key not in TOP_KEYS]
    scan = _object(data, "scan", problems)
    for key in scan:
        if key not in SCAN_KEYS:
            problems.append(_("onbekend veld '%(key)s'") % {"key": f"scan.{key}"})
    _short_text(data.get("model_version"), "model_version", problems)
    _short_text(data.get("exported"), "exported", problems)
    # The scan's content is checked by the one rule that the browser's storage follows too (record.py).
    content = {key: scan[key] for key in SCAN_KEYS if key in scan}
    content.update({key: data[key] for key in CARRIED_KEYS if key in data})
    problems += [problem.message for problem in check_record(model, content)]
    if problems:
        raise InputError(problems)
    ambition = content.get("ambition", {})
    return {
        "name": scan.get("name") or "",
        "created": scan.get("created"),
        "updated": scan.get("updated"),
        "exported": data.get("exported"),
        "model": model["id"],
        "model_version": data.get("model_version") or model["version"],
        "respondent": dict(content.get("respondent", {})),
        "aspects": dict(content.get("aspects", {})),
        "results": dict(content.get("results", {})),
        "notes": dict(content.get("notes", {})),
        "excluded": dict(content.get("excluded", {})),
        "not_applicable": dict(content.get("not_applicable", {})),
        "ambition": {"elements": dict(ambition.get("elements", {})), "results": dict(ambition.get("results", {}))},
        "snapshots": list(content.get("snapshots", [])),
        "actions": list(content.get("actions", [])),
        **({"team": dict(content["team"])} if "team" in content else {}),
    }


def _nesting(text: str) -> int:
    """How deep the brackets outside strings go; counted without recursion, so any depth is safe to measure."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(_DEPTH_STEP[sign] for sign in brackets), default=0)


def _no_constant(name: str) -> NoReturn:
    raise InputError([_("het bestand bevat '%(name)s': dat is geen getal dat de scan kan bewaren") % {"name": name}])


def _too_large(number: str) -> InputError:
    shown = number[:20] + ("…" if len(number) > 20 else "")
    return InputError([_("het bestand bevat een te groot getal (%(number)s)") % {"number": shown}])


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > 16 or abs(int(digits)) > MAX_SAFE_INTEGER:
        raise _too_large(digits)
    return int(digits)


def _number(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _too_large(text)
    return value


def _safe_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    for key, _value in pairs:
        if key in FORBIDDEN_KEYS:
            raise InputError([_("het bestand bevat de sleutel '%(key)s'; die hoort niet in een exportbestand en is "
                                "niet veilig") % {"key": key}])
    return dict(pairs)


def to_csv(model: Model, record: dict[str, Any]) -> str:
    """The answers as a table for a spreadsheet in the model's language (Dutch Excel: semicolons and 1,8; English:
    commas and 1.8), one row per aspect and per result area.

    The byte order mark that tells Excel this is UTF-8 is added where the text becomes a file.
    """
    words = model_words(model)
    stage, part, level = words["stage"], words["part"], words["level"]
    levels = model.get("result_levels")
    aspects, results, notes = record.get("aspects") or {}, record.get("results") or {}, record.get("notes") or {}
    excluded = record.get("excluded") or {}
    not_applicable = record.get("not_applicable") or {}
    marks = bool(model.get("allow_not_applicable"))  # the column is there when the model allows the mark
    forms = {"the_stage": stage["the"], "stage": stage["singular"], "the_level": level["the"],
             "level": level["singular"], "the_part": part["the"], "part": part["singular"]}
    scale_name = (_("Naam van %(the_stage)s of %(the_level)s") if model.get("result_areas")
                  else _("Naam van %(the_stage)s")) % forms
    labels = item_labels(model)
    rows = [[_("Soort"), part["Singular"], _("Id"), _("Naam"), _("Antwoord"), scale_name, _("Beschrijving"),
             _("Notitie bij %(the_part)s") % forms, _("Buiten de beoordeling")]
            + ([_("Niet van toepassing")] if marks else [])]
    for element in model["elements"]:
        for aspect in element["aspects"]:
            value = aspects.get(aspect["id"])
            chosen = _scale_index(phase_ids(model), value)
            rows.append([words["question"]["singular"], labels[element["id"]], aspect["id"], aspect["name"],
                         _answer_text(value, stage["singular"]),
                         model["phases"]["items"][chosen]["name"] if chosen is not None else "",
                         aspect["phases"][chosen] if chosen is not None else "", notes.get(element["id"], ""),
                         _left_out_text(excluded.get(element["id"]))]
                        + ([_left_out_text(not_applicable.get(aspect["id"]))] if marks else []))
    for area in model.get("result_areas", []):
        value = results.get(area["id"])
        chosen = _scale_index(result_level_ids(model), value)
        rows.append([words["area"]["singular"], "", area["id"], f"{area['letter']}. {area['name']}",
                     _answer_text(value, level["singular"]),
                     levels["items"][chosen]["name"] if levels and chosen is not None else "",
                     area["levels"][chosen] if chosen is not None else "", "", ""])
    return write_csv(rows + _result_rows(model, record) + _team_rows(model, record) + _action_rows(model, record),
                     model_language(model))


def _result_rows(model: Model, record: dict[str, Any]) -> list[list[Any]]:
    """The outcome under the answers: per part (and group) and for the whole, the value the model's rule gives."""
    result = score(model, {"model": model["id"], **answers_of(record)})
    words = model_words(model)
    language = model_language(model)
    places = result["decimals"]
    stage = {"Stage": words["stage"]["Singular"], "the_stage": words["stage"]["the"],
             "stage": words["stage"]["singular"]}
    rows: list[list[Any]] = [[], [_("Uitkomst"), _("Id"), _("Naam"), _("%(Stage)s (waarde)") % stage,
                                  _("Naam van %(the_stage)s") % stage]]
    units = ([(words["group"]["singular"], group, places["group"]) for group in result["groups"]]
             + [(words["part"]["singular"], element, places["part"]) for element in result["elements"]])
    for kind, unit, decimals in units:
        shown = _("niet beoordeeld") if unit["excluded"] else number_text(unit["value"], language, decimals)
        rows.append([kind, unit["id"], unit["label"], shown, unit["phase_name"] or ""])
    overall = result["overall"]
    rows.append([_("Totaal"), "", model["short_name"], number_text(overall["value"], language, places["overall"]),
                 overall["phase_name"] or ""])
    return rows


def _team_rows(model: Model, record: dict[str, Any]) -> list[list[Any]]:
    """For a scan a team agreed on: how many took part, the day, and the group's notes; under the answers."""
    team = record.get("team")
    if not isinstance(team, dict):
        return []
    labels = step_labels(model)
    rows: list[list[Any]] = [[], [_("Teamsessie"), _("Aantal respondenten"), _("Datum")],
                             ["", team.get("respondents", ""), team.get("date", "")]]
    notes = team.get("notes") or {}
    if notes:
        rows += [[], [_("Notitie van het team"), _("Id"), _("Naam"), _("Notitie")]]
        rows += [["", item, labels.get(item, ""), note] for item, note in notes.items()]
    return rows


def _action_rows(model: Model, record: dict[str, Any]) -> list[list[Any]]:
    """The plan's actions, under the answers, in the order they were made."""
    actions = record.get("actions") or []
    if not actions:
        return []
    labels = step_labels(model)
    rows: list[list[Any]] = [[], [_("Actie"), _("Id"), _("Bij"), _("Omschrijving"), _("Eigenaar"), _("Klaar op"),
                                  _("Status"), _("Notitie")]]
    rows += [[number, action.get("item", ""), labels.get(action.get("item", ""), ""), action.get("text", ""),
              action.get("owner", ""), action.get("due", ""), status_name(action.get("status", "")),
              action.get("note", "")] for number, action in enumerate(actions, 1)]
    return rows


def _left_out_text(reason: str | None) -> str:
    """The last CSV column: empty for a part that was assessed, "ja" with the reason for one left out."""
    if reason is None:
        return ""
    return _("ja: %(reason)s") % {"reason": reason} if reason.strip() else _("ja")


def write_csv(rows: list[list[Any]], language: str = "nl") -> str:
    """CSV text with Windows line ends, as a spreadsheet in `language` reads it (semicolons for Dutch Excel, commas
    for English: i18n.csv_separator); no cell starts a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_separator(language), lineterminator="\r\n")
    for row in rows:
        writer.writerow([_safe_cell(cell) for cell in row])
    return buffer.getvalue()


def encode_share(model: Model, answers: dict[str, Any]) -> str:
    """The answers as a short text for a link's fragment:
    `3.<model>.<one sign per aspect>.<one per area>.<one per part>`.

    Each answer sign is the place of the answer on the model's scale in base 36 (so `0` is the first phase),
    `_` for "weet ik niet", `~` for an aspect that is not applicable and `-` for no answer; a part's sign is `x` when
    it is left out of the assessment, `-` when it is assessed. Notes and reasons are left out: they can be personal
    and long.
    """
    excluded = answers.get("excluded") or {}
    not_applicable = answers.get("not_applicable") or {}
    aspect_signs = _signs([a["id"] for a in all_aspects(model)], phase_ids(model), answers.get("aspects") or {})
    aspect_signs = "".join(SHARE_NOT_APPLICABLE if aspect["id"] in not_applicable else sign
                           for aspect, sign in zip(all_aspects(model), aspect_signs, strict=True))
    return ".".join([SHARE_VERSION, model["id"], aspect_signs,
                     _signs([a["id"] for a in model.get("result_areas", [])], result_level_ids(model),
                            answers.get("results") or {}),
                     "".join(SHARE_LEFT_OUT if element["id"] in excluded else SHARE_UNANSWERED
                             for element in model["elements"])])


def decode_share(fragment: str, model: Model) -> dict[str, Any]:
    """Answers from a share link (the part after `#`, or the whole link); raise InputError when it is broken."""
    if not isinstance(fragment, str) or len(fragment) > 2000:
        raise InputError([_("deze link is geen deellink van de scan")])
    text = fragment.strip().rsplit("#", 1)[-1].removeprefix("deel=")
    parts = text.split(".")
    if parts[0] not in SHARE_VERSIONS or len(parts) != {"1": 4, "2": 5, "3": 5}[parts[0]]:
        raise InputError([_("deze link is geen deellink van de scan, of hij is niet helemaal gekopieerd")])
    if parts[1] != model["id"]:
        raise InputError([_("deze link hoort bij model '%(found)s', niet bij '%(model)s' (%(name)s)")
                          % {"found": parts[1][:40], "model": model["id"], "name": model["short_name"]}])
    answers: dict[str, Any] = {"model": model["id"]}
    problems: list[str] = []
    words = model_words(model)
    for key, ids, scale, signs, kind in (
        ("aspects", [a["id"] for a in all_aspects(model)], phase_ids(model), parts[2], words["question"]["plural"]),
        ("results", [a["id"] for a in model.get("result_areas", [])], result_level_ids(model), parts[3],
         words["area"]["plural"]),
    ):
        if len(signs) != len(ids):
            problems.append(ngettext("deze link heeft %(count)s antwoord voor de %(items)s, verwacht %(expected)s: "
                                     "hij is misschien niet helemaal gekopieerd",
                                     "deze link heeft %(count)s antwoorden voor de %(items)s, verwacht %(expected)s: "
                                     "hij is misschien niet helemaal gekopieerd", len(signs))
                            % {"count": len(signs), "items": kind, "expected": len(ids)})
            continue
        section: dict[str, Any] = {}
        for item_id, sign in zip(ids, signs, strict=True):
            if sign == SHARE_NOT_APPLICABLE and key == "aspects" and parts[0] == "3":
                answers.setdefault("not_applicable", {})[item_id] = ""
            elif sign == SHARE_UNKNOWN:
                section[item_id] = UNKNOWN
            elif sign != SHARE_UNANSWERED:
                place = SHARE_DIGITS.find(sign)
                if place < 0 or place >= len(scale):
                    problems.append(_("'%(id)s': het teken '%(sign)s' in de link is geen antwoord")
                                    % {"id": item_id, "sign": sign})
                else:
                    section[item_id] = scale[place]
        answers[key] = section
    if parts[0] != "1":
        answers["excluded"] = _left_out(model, parts[4], words["part"], problems)
    if problems:
        raise InputError(problems)
    validate_answers(model, answers)  # cannot fail after the checks above; kept as the single source of truth
    return answers


def _left_out(model: Model, signs: str, part: Any, problems: list[str]) -> dict[str, str]:
    """The parts a link marks as left out of the assessment (without their reasons, which links never carry)."""
    ids = [element["id"] for element in model["elements"]]
    if len(signs) != len(ids) or set(signs) - {SHARE_LEFT_OUT, SHARE_UNANSWERED}:
        problems.append(_("deze link zegt niet goed welke %(parts)s buiten de beoordeling vallen: hij is misschien "
                          "niet helemaal gekopieerd") % {"parts": part["plural"]})
        return {}
    return {item_id: "" for item_id, sign in zip(ids, signs, strict=True) if sign == SHARE_LEFT_OUT}


def _signs(ids: list[str], scale: list[int], section: dict[str, Any]) -> str:
    signs = []
    for item_id in ids:
        value = section.get(item_id)
        place = _scale_index(scale, value)
        signs.append(SHARE_UNKNOWN if value == UNKNOWN else SHARE_UNANSWERED if place is None else SHARE_DIGITS[place])
    return "".join(signs)


def _scale_index(scale: list[int], value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value not in scale:
        return None
    return scale.index(value)


def _answer_text(value: Any, label: str) -> str:
    if value == UNKNOWN:
        return _("weet ik niet")
    if value is None:
        return _("niet ingevuld")
    return f"{label} {value}"


def _safe_cell(cell: Any) -> str:
    text = str(cell)
    # A cell starting with = + - @ would be run as a formula by Excel; notes are free text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _object(data: dict[str, Any], key: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(key, {})
    if isinstance(value, dict):
        return value
    problems.append(not_an_object(key, value))
    return {}


def _short_text(value: Any, where: str, problems: list[str]) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        problems.append(not_text(f"'{where}'", value))
    elif len(value) > MAX_SHORT_TEXT:
        problems.append(too_long(f"'{where}'", len(value), MAX_SHORT_TEXT))
