"""What a scan record may hold: the one rule for imports (exchange.py) and for the browser's storage (store.js).

A record is the content of one scan as the browser keeps it and an export file carries it: its name and dates,
the respondent, the answers, the notes, the ambition and the earlier measurements (snapshots). The rule is data:
`record_rules(model)` lists the ids, scales and limits, and both `check_record` here and `checkRecord` in the
browser's `record.js` read the same rules, so the two cannot drift apart silently; tests/test_record_agreement.py
runs both on the same generated records and demands the same verdict.

Every problem names its *unit*: the smallest part the browser's storage drops when it cleans a stored record
("aspects.e1a", "ambition.elements.e2", "snapshots.3", "respondent"). An import refuses a file with any problem;
the storage keeps everything else and copies the original aside first.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from .model import Model, all_aspects, phase_ids, result_level_ids
from .words import WordForms, model_words

MAX_TEXT = 10_000  # one note
MAX_SHORT_TEXT = 200  # scan name, respondent name, role and unit, dates, a measurement's name
MAX_REASON = 500  # why a part is left out of the assessment
RESPONDENT_KEYS = ("name", "role", "unit")
CONTENT_KEYS = ("name", "created", "updated", "respondent", "aspects", "results", "notes", "excluded", "ambition",
                "snapshots")
AMBITION_KEYS = ("elements", "results")
SNAPSHOT_KEYS = ("id", "name", "taken", "model", "model_version", "aspects", "results", "notes", "excluded",
                 "ambition")
SNAPSHOT_REQUIRED = ("id", "name", "taken")
# ASCII digits only, so Python's `re` and the browser's RegExp accept exactly the same texts.
DATE_PATTERN = (r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                r"(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"


UNKNOWN = "unknown"
"""The answer for "weet ik niet": counted as not answered, but listed separately."""


class AnswersError(ValueError):
    """Answers (or a record) that do not fit the model; `problems` holds one Dutch message per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class RecordProblem(NamedTuple):
    """One mistake: the unit the storage would drop, and a Dutch message a visitor can act on."""

    unit: str
    message: str


def record_rules(model: Model) -> dict[str, Any]:
    """The rule as plain data, for this module and for the browser's storage (written into every model page)."""
    levels = result_level_ids(model)
    area_ids = [area["id"] for area in model.get("result_areas", [])]
    element_ids = [element["id"] for element in model["elements"]]
    return {
        "aspects": {"ids": [aspect["id"] for aspect in all_aspects(model)], "values": phase_ids(model)},
        "results": {"ids": area_ids, "values": levels},
        "notes": {"ids": element_ids, "max": MAX_TEXT},
        # Parts that may be left out of an assessment, with a reason: none when the model does not allow it.
        "excluded": {"ids": element_ids if model.get("allow_exclusion") else [], "max": MAX_REASON},
        "ambition": {"elements": {"ids": element_ids, "values": phase_ids(model)},
                     "results": {"ids": area_ids, "values": levels}},
        "respondent": list(RESPONDENT_KEYS),
        "short": MAX_SHORT_TEXT,
        "date": DATE_PATTERN,
        "id": ID_PATTERN,
        "model": model["id"],
    }


def check_record(model: Model, record: Any, rules: dict[str, Any] | None = None) -> list[RecordProblem]:
    """Every problem in a record's content (see CONTENT_KEYS); an empty list means it may be stored as it is."""
    rules = rules or record_rules(model)
    if not isinstance(record, dict):
        return [RecordProblem("", f"een scan moet een object zijn, gevonden: {describe(record)}")]
    problems = [RecordProblem(key, f"onbekend veld '{key}'") for key in record if key not in CONTENT_KEYS]
    for key in ("name", "created", "updated"):
        if key in record:
            problems += _check_text(rules, record[key], key, date=key != "name")
    if "respondent" in record:
        problems += _check_respondent(rules, record["respondent"])
    problems += answer_problems(model, record, "", rules)
    if "snapshots" in record:
        problems += _check_snapshots(model, rules, record["snapshots"])
    return problems


def require_valid(model: Model, record: dict[str, Any], keys: tuple[str, ...] = CONTENT_KEYS) -> dict[str, Any]:
    """The record's content in `keys`, checked; AnswersError with every problem when it does not fit.

    Operations that take a record (export, CSV, share, team) use this, so a malformed call gets Dutch problems.
    """
    if not isinstance(record, dict):
        raise AnswersError([f"een scan moet een object zijn, gevonden: {describe(record)}"])
    content = {key: record[key] for key in keys if key in record}
    problems = check_record(model, content)
    if problems:
        raise AnswersError([problem.message for problem in problems])
    return content


def answer_problems(model: Model, record: dict[str, Any], where: str = "",
                    rules: dict[str, Any] | None = None) -> list[RecordProblem]:
    """aspects, results, notes, excluded and ambition: what a record, its snapshots and an answers file share.

    validate_answers (answers.py) and validate_ambition (plan.py) ask this function too: one rule for all.
    """
    rules = rules or record_rules(model)
    words = model_words(model)
    problems: list[RecordProblem] = []
    for key, kind, scale in (("aspects", words["question"], words["stage"]),
                             ("results", words["area"], words["level"])):
        if key in record:
            problems += _check_scale(rules[key], record[key], key, "", kind, scale, where, unknown=True)
    if "notes" in record:
        problems += _check_notes(rules, record["notes"], where, words["part"])
    if "excluded" in record:
        problems += _check_excluded(rules, record["excluded"], where, words["part"])
    if "ambition" in record:
        problems += _check_ambition(rules, record["ambition"], where, words)
    return problems


def _check_scale(rule: dict[str, Any], section: Any, unit: str, prefix: str, item: WordForms, scale: WordForms,
                 where: str, unknown: bool) -> list[RecordProblem]:
    """One group of answers or ambitions: known ids (`item`), values on the scale (`scale`)."""
    if not isinstance(section, dict):
        return [RecordProblem(unit, f"{where}'{unit}' moet een object zijn met {item['singular']}-id's als sleutels, "
                                    f"gevonden: {describe(section)}")]
    problems = []
    choices = choices_text(rule["values"]) + (f" of \"{UNKNOWN}\"" if unknown else "")
    for item_id, value in section.items():
        unit_id = f"{unit}.{item_id}"
        if item_id not in rule["ids"]:
            problems.append(RecordProblem(unit_id, f"{where}{prefix}onbekend{item['ending']} {item['singular']} "
                                                   f"'{item_id}'"))
        elif (unknown and value == UNKNOWN) or _on_scale(value, rule["values"]):
            continue
        elif isinstance(value, int) and not isinstance(value, bool):
            problems.append(RecordProblem(unit_id, f"{where}{prefix}{item['singular']} '{item_id}': "
                                                   f"{scale['singular']} {value} bestaat niet (kies {choices})"))
        else:
            problems.append(RecordProblem(unit_id, f"{where}{prefix}{item['singular']} '{item_id}': "
                                                   f"{describe(value)} is geen {scale['singular']}nummer "
                                                   f"(kies {choices})"))
    return problems


def _on_scale(value: Any, values: list[int]) -> bool:
    # bool is an int in Python, but `true` in a file is never a phase number.
    return isinstance(value, int) and not isinstance(value, bool) and value in values


def _check_notes(rules: dict[str, Any], notes: Any, where: str, part: WordForms) -> list[RecordProblem]:
    if not isinstance(notes, dict):
        return [RecordProblem("notes", f"{where}'notes' moet een object zijn, gevonden: {describe(notes)}")]
    problems = []
    for key, note in notes.items():
        unit = f"notes.{key}"
        if key not in rules["notes"]["ids"]:
            problems.append(RecordProblem(unit, f"{where}notitie bij onbekend{part['ending']} {part['singular']} "
                                                f"'{key}'"))
        elif not isinstance(note, str):
            problems.append(RecordProblem(unit, f"{where}notitie '{key}' moet tekst zijn, gevonden: {describe(note)}"))
        elif len(note) > rules["notes"]["max"]:
            problems.append(RecordProblem(unit, f"{where}notitie '{key}' is te lang ({len(note)} tekens, "
                                                f"hooguit {rules['notes']['max']})"))
    return problems


def _check_excluded(rules: dict[str, Any], excluded: Any, where: str, part: WordForms) -> list[RecordProblem]:
    """`{part id: reason}`: the parts left out of this assessment (ISO/TS 19387 allows it), if the model does."""
    if not isinstance(excluded, dict):
        return [RecordProblem("excluded", f"{where}'excluded' moet een object zijn, gevonden: {describe(excluded)}")]
    problems = []
    parts = rules["excluded"]["ids"]
    if parts and all(part_id in excluded for part_id in parts):
        problems.append(RecordProblem("excluded", f"{where}alle {part['plural']} staan buiten de beoordeling; neem er "
                                                  "minstens één mee, dan is er iets om te beoordelen"))
    for key, reason in excluded.items():
        unit = f"excluded.{key}"
        if not rules["excluded"]["ids"]:
            problems.append(RecordProblem(unit, f"{where}dit model laat niet toe dat je {part['the']} '{key}' buiten "
                                                "de beoordeling laat"))
        elif key not in rules["excluded"]["ids"]:
            problems.append(RecordProblem(unit, f"{where}buiten de beoordeling: onbekend{part['ending']} "
                                                f"{part['singular']} '{key}'"))
        elif not isinstance(reason, str):
            problems.append(RecordProblem(unit, f"{where}de reden bij '{key}' moet tekst zijn, gevonden: "
                                                f"{describe(reason)}"))
        elif len(reason) > rules["excluded"]["max"]:
            problems.append(RecordProblem(unit, f"{where}de reden bij '{key}' is te lang ({len(reason)} tekens, "
                                                f"hooguit {rules['excluded']['max']})"))
    return problems


def _check_ambition(rules: dict[str, Any], ambition: Any, where: str,
                    words: dict[str, WordForms]) -> list[RecordProblem]:
    if not isinstance(ambition, dict):
        return [RecordProblem("ambition", f"{where}de ambitie moet een object zijn, gevonden: {describe(ambition)}")]
    problems = [RecordProblem(f"ambition.{key}", f"{where}onbekende sleutel '{key}' in de ambitie (toegestaan: "
                                                 f"{', '.join(AMBITION_KEYS)})")
                for key in ambition if key not in AMBITION_KEYS]
    for key, item, scale in (("elements", words["part"], words["stage"]), ("results", words["area"], words["level"])):
        if key in ambition:
            problems += _check_scale(rules["ambition"][key], ambition[key], f"ambition.{key}",
                                     "ambitie voor ", item, scale, where, unknown=False)
    return problems


def _check_respondent(rules: dict[str, Any], respondent: Any) -> list[RecordProblem]:
    if not isinstance(respondent, dict):
        return [RecordProblem("respondent", f"'respondent' moet een object zijn, gevonden: {describe(respondent)}")]
    problems = []
    for key, value in respondent.items():
        if key not in rules["respondent"]:
            problems.append(RecordProblem(f"respondent.{key}", f"onbekend veld 'respondent.{key}' (wel: "
                                                               f"{', '.join(rules['respondent'])})"))
        else:
            problems += _check_text(rules, value, f"respondent.{key}")
    return problems


def _check_text(rules: dict[str, Any], value: Any, unit: str, date: bool = False,
                where: str = "") -> list[RecordProblem]:
    if not isinstance(value, str):
        return [RecordProblem(unit, f"{where}'{unit}' moet tekst zijn, gevonden: {describe(value)}")]
    if len(value) > rules["short"]:
        return [RecordProblem(unit, f"{where}'{unit}' is te lang ({len(value)} tekens, hooguit {rules['short']})")]
    if date and not re.fullmatch(rules["date"], value):
        return [RecordProblem(unit, f"{where}'{unit}' is geen datum zoals 2025-03-01T10:00:00Z "
                                    f"(gevonden: {describe(value)})")]
    return []


def _check_snapshots(model: Model, rules: dict[str, Any], snapshots: Any) -> list[RecordProblem]:
    if not isinstance(snapshots, list):
        return [RecordProblem("snapshots", f"'snapshots' moet een lijst zijn, gevonden: {describe(snapshots)}")]
    problems: list[RecordProblem] = []
    seen: set[str] = set()
    for number, shot in enumerate(snapshots):
        unit = f"snapshots.{number}"
        where = f"meting {number + 1}: "
        if not isinstance(shot, dict):
            problems.append(RecordProblem(unit, f"{where}moet een object zijn, gevonden: {describe(shot)}"))
            continue
        found = [f"onbekend veld '{key}'" for key in shot if key not in SNAPSHOT_KEYS]
        found += [f"het veld '{key}' ontbreekt" for key in SNAPSHOT_REQUIRED if key not in shot]
        if "id" in shot:
            if not isinstance(shot["id"], str) or not re.fullmatch(rules["id"], shot["id"]):
                found.append(f"'id' moet een korte code van letters, cijfers, '-' of '_' zijn, gevonden: "
                             f"{describe(shot['id'])}")
            elif shot["id"] in seen:
                found.append(f"het id '{shot['id']}' staat al bij een eerdere meting")
            else:
                seen.add(shot["id"])
        for key in ("name", "taken", "model_version"):
            if key in shot:
                found += [problem.message for problem in _check_text(rules, shot[key], key, date=key == "taken")]
        if "model" in shot and shot["model"] != rules["model"]:
            found.append(f"hoort bij model {describe(shot['model'])}, niet bij '{rules['model']}'")
        found += [problem.message for problem in answer_problems(model, shot, "", rules)]
        problems += [RecordProblem(unit, where + message) for message in found]
    return problems


def choices_text(choices: list[int]) -> str:
    """'1 t/m 6' for a run of ids, '0, 2, 5' otherwise."""
    if not choices:
        return "geen"
    if len(choices) > 2 and choices == list(range(choices[0], choices[-1] + 1)):
        return f"{choices[0]} t/m {choices[-1]}"
    return ", ".join(str(choice) for choice in choices)


def describe(value: Any) -> str:
    """A found value the way it looks in the file, short."""
    if isinstance(value, dict):
        return "een object"
    if isinstance(value, list):
        return "een lijst"
    return json.dumps(value, ensure_ascii=False)[:60]
