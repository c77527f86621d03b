"""What a scan record may hold: the one rule for imports (exchange.py) and for the browser's storage (library.js).

The record's shape is declared once, in record_shape.py (its fields, answer groups, limits and storage keys); this
module checks a record against it. `checkRecord` in the browser's `record.js` reads the same declaration (the build
writes `record_rules(model)` into every page that keeps scans), and tests/js/test_record_agreement.py runs both on
the same generated records, for every model, and demands the same verdict.

Every problem names its *unit*: the smallest part the browser's storage drops when it cleans a stored record
("aspects.e1a", "ambition.elements.e2", "snapshots.3", "actions.0", "team.notes.e1a"). An import refuses a file with
any problem; the storage keeps everything else and copies the original aside first.

The facilitator's team session (the team page: the respondents' scans and what the group agreed) is kept in the
browser under its own key and follows the same rule with `check_session`: each respondent's scan is a record
(name, respondent, answers), and the agreed answers use the model's scales.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from .errors import InputError
from .model import Model
from .record_shape import FIELDS, MAX_SHORT_TEXT, REQUIRED, TEXTS, UNKNOWN, record_rules
from .words import WordForms, model_words

__all__ = ["MAX_SHORT_TEXT", "UNKNOWN", "RecordProblem", "answer_problems", "check_record", "check_session",
           "choices_text", "describe", "is_day", "record_rules", "require_valid", "require_valid_session"]

ACTION_FIELDS = {"id": "het id", "item": "de stap", "text": "de omschrijving", "owner": "de eigenaar",
                 "due": "de datum", "status": "de status", "note": "de notitie"}
"""An action's fields as a message names them."""


class RecordProblem(NamedTuple):
    """One mistake: the unit the storage would drop, and a Dutch message a visitor can act on."""

    unit: str
    message: str


def check_record(model: Model, record: Any, rules: dict[str, Any] | None = None) -> list[RecordProblem]:
    """Every problem in a record's content (FIELDS["scan"]); an empty list means it may be stored as it is."""
    rules = rules or record_rules(model)
    if not isinstance(record, dict):
        return [RecordProblem("", f"een scan moet een object zijn, gevonden: {describe(record)}")]
    problems = [RecordProblem(key, f"onbekend veld '{key}'") for key in record if key not in FIELDS["scan"]]
    for key, kind in TEXTS["scan"].items():
        if key in record:
            problems += _check_text(rules, record[key], key, date=kind == "date", day=kind == "day")
    if "respondent" in record:
        problems += _check_respondent(rules, record["respondent"])
    problems += answer_problems(model, record, "", rules)
    if "snapshots" in record:
        problems += _check_snapshots(model, rules, record["snapshots"])
    if "actions" in record:
        problems += _check_actions(rules, record["actions"], model_words(model))
    if "team" in record:
        problems += _check_team(rules, record["team"], model_words(model))
    return problems


def check_session(model: Model, session: Any, rules: dict[str, Any] | None = None) -> list[RecordProblem]:
    """Every problem in a team session as the team page keeps it; units as in check_record ("respondents.3",
    "consensus.aspects.e1a"). `schema` is the storage's own and not checked here."""
    rules = rules or record_rules(model)
    words = model_words(model)
    if not isinstance(session, dict):
        return [RecordProblem("", f"een teamsessie moet een object zijn, gevonden: {describe(session)}")]
    problems = [RecordProblem(key, f"onbekend veld '{key}' in de teamsessie") for key in session
                if key not in FIELDS["session"] and key != "schema"]
    for key, kind in TEXTS["session"].items():
        if key in session:
            problems += _check_text(rules, session[key], key, date=kind == "date", day=kind == "day",
                                    where="teamsessie: ")
    if "saved" in session and not (isinstance(session["saved"], str) and re.fullmatch(rules["id"], session["saved"])):
        problems.append(RecordProblem("saved", f"teamsessie: 'saved' moet het id van een scan zijn, gevonden: "
                                               f"{describe(session['saved'])}"))
    if "show_names" in session and not isinstance(session["show_names"], bool):
        problems.append(RecordProblem("show_names", f"teamsessie: 'show_names' moet true of false zijn, gevonden: "
                                                    f"{describe(session['show_names'])}"))
    if "order" in session and session["order"] not in rules["session"]["orders"]:
        problems.append(RecordProblem("order", f"teamsessie: 'order' moet {_quoted(rules['session']['orders'])} "
                                               f"zijn, gevonden: {describe(session['order'])}"))
    if "respondents" in session:
        problems += _check_session_respondents(model, rules, session["respondents"])
    if "consensus" in session:
        problems += _check_consensus(rules, session["consensus"], words)
    return problems


def require_valid_session(model: Model, session: Any) -> Any:
    """The session, checked by check_session; InputError with every problem when it does not fit."""
    problems = check_session(model, session)
    if problems:
        raise InputError([problem.message for problem in problems])
    return session


def require_valid(model: Model, record: dict[str, Any], keys: tuple[str, ...] = FIELDS["scan"]) -> dict[str, Any]:
    """The record's content in `keys`, checked; InputError with every problem when it does not fit.

    Operations that take a record (export, CSV, share, team) use this, so a malformed call gets Dutch problems.
    """
    if not isinstance(record, dict):
        raise InputError([f"een scan moet een object zijn, gevonden: {describe(record)}"])
    content = {key: record[key] for key in keys if key in record}
    problems = check_record(model, content)
    if problems:
        raise InputError([problem.message for problem in problems])
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
    if "not_applicable" in record:
        problems += _check_not_applicable(rules, record["not_applicable"], where, words["question"])
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


def _check_not_applicable(rules: dict[str, Any], marked: Any, where: str,
                          question: WordForms) -> list[RecordProblem]:
    """`{aspect id: reason}`: the aspects marked "niet van toepassing", if the model allows it."""
    if not isinstance(marked, dict):
        return [RecordProblem("not_applicable", f"{where}'not_applicable' moet een object zijn, gevonden: "
                                                f"{describe(marked)}")]
    problems = []
    ids, limit = rules["not_applicable"]["ids"], rules["not_applicable"]["max"]
    for key, reason in marked.items():
        unit = f"not_applicable.{key}"
        if not ids:
            problems.append(RecordProblem(unit, f"{where}dit model laat niet toe dat je {question['the']} '{key}' "
                                                "'niet van toepassing' noemt"))
        elif key not in ids:
            problems.append(RecordProblem(unit, f"{where}niet van toepassing: onbekend{question['ending']} "
                                                f"{question['singular']} '{key}'"))
        elif not isinstance(reason, str):
            problems.append(RecordProblem(unit, f"{where}de reden bij '{key}' moet tekst zijn, gevonden: "
                                                f"{describe(reason)}"))
        elif len(reason) > limit:
            problems.append(RecordProblem(unit, f"{where}de reden bij '{key}' is te lang ({len(reason)} tekens, "
                                                f"hooguit {limit})"))
    return problems


def _check_ambition(rules: dict[str, Any], ambition: Any, where: str,
                    words: dict[str, WordForms]) -> list[RecordProblem]:
    if not isinstance(ambition, dict):
        return [RecordProblem("ambition", f"{where}de ambitie moet een object zijn, gevonden: {describe(ambition)}")]
    problems = [RecordProblem(f"ambition.{key}", f"{where}onbekende sleutel '{key}' in de ambitie (toegestaan: "
                                                 f"{', '.join(FIELDS['ambition'])})")
                for key in ambition if key not in FIELDS["ambition"]]
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
        if key not in rules["fields"]["respondent"]:
            problems.append(RecordProblem(f"respondent.{key}", f"onbekend veld 'respondent.{key}' (wel: "
                                                               f"{', '.join(rules['fields']['respondent'])})"))
        else:
            problems += _check_text(rules, value, f"respondent.{key}")
    return problems


def _check_text(rules: dict[str, Any], value: Any, unit: str, date: bool = False, where: str = "",
                day: bool = False, limit: int | None = None, name: str | None = None) -> list[RecordProblem]:
    """A short text (or up to `limit` characters); `date`: a date and time, `day`: a day of the calendar."""
    name = name or f"'{unit.rsplit('.', 1)[-1] if where else unit}'"
    limit = limit or rules["short"]
    if not isinstance(value, str):
        return [RecordProblem(unit, f"{where}{name} moet tekst zijn, gevonden: {describe(value)}")]
    if len(value) > limit:
        return [RecordProblem(unit, f"{where}{name} is te lang ({len(value)} tekens, hooguit {limit})")]
    if date and not re.fullmatch(rules["date"], value):
        return [RecordProblem(unit, f"{where}{name} is geen datum zoals 2025-03-01T10:00:00Z "
                                    f"(gevonden: {describe(value)})")]
    if day and not is_day(rules, value):
        return [RecordProblem(unit, f"{where}{name} is geen bestaande datum zoals 2025-06-30 "
                                    f"(gevonden: {describe(value)})")]
    return []


def is_day(rules: dict[str, Any], value: Any) -> bool:
    """A day that exists: 2025-06-30 yes, 2025-02-30 no. Counted by hand, so the browser can count the same way."""
    if not isinstance(value, str) or not re.fullmatch(rules["day"], value):
        return False
    year, month, day = int(value[:4]), int(value[5:7]), int(value[8:10])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= (29 if leap else 28) if month == 2 else day <= (30 if month in (4, 6, 9, 11) else 31)


def _quoted(values: list[str]) -> str:
    """'"a", "b" of "c"'."""
    shown = [f'"{value}"' for value in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} of {shown[-1]}"


def _items_word(rules: dict[str, Any], words: dict[str, WordForms]) -> str:
    """What a plan step or a team note is about: 'aspect of resultaatgebied', or only 'dimensie'."""
    areas = len(rules["actions"]["items"]) > len(rules["aspects"]["ids"])
    return words["question"]["singular"] + (f" of {words['area']['singular']}" if areas else "")


def _check_actions(rules: dict[str, Any], actions: Any, words: dict[str, WordForms]) -> list[RecordProblem]:
    """The actions of a plan: each one whole, like a measurement; the storage drops an action that does not fit."""
    if not isinstance(actions, list):
        return [RecordProblem("actions", f"'actions' moet een lijst zijn, gevonden: {describe(actions)}")]
    rule = rules["actions"]
    problems: list[RecordProblem] = []
    seen: set[str] = set()
    for number, action in enumerate(actions):
        unit = f"actions.{number}"
        where = f"actie {number + 1}: "
        if number >= rule["max"]:
            problems.append(RecordProblem(unit, f"{where}er mogen hooguit {rule['max']} acties in een scan staan"))
            continue
        if not isinstance(action, dict):
            problems.append(RecordProblem(unit, f"{where}moet een object zijn, gevonden: {describe(action)}"))
            continue
        found = [f"onbekend veld '{key}' (wel: {', '.join(FIELDS['action'])})" for key in action
                 if key not in FIELDS["action"]]
        found += [f"{ACTION_FIELDS[key]} ('{key}') ontbreekt" for key in REQUIRED["action"] if key not in action]
        if "id" in action:
            found += _id_problems(rules, action["id"], seen, "actie")
        if "item" in action and action["item"] not in rule["items"]:
            found.append(f"{ACTION_FIELDS['item']} ('item') moet het id van een {_items_word(rules, words)} zijn, "
                         f"gevonden: {describe(action['item'])}")
        for key, limit in (("text", rule["text"]), ("owner", rules["short"]), ("note", rule["text"])):
            if key in action:
                found += [problem.message for problem in _check_text(rules, action[key], key, limit=limit,
                                                                     name=f"{ACTION_FIELDS[key]} ('{key}')")]
        if "due" in action:
            found += [problem.message for problem in _check_text(rules, action["due"], "due", day=True,
                                                                 name=f"{ACTION_FIELDS['due']} ('due')")]
        if "status" in action and action["status"] not in rule["statuses"]:
            found.append(f"{ACTION_FIELDS['status']} ('status') moet {_quoted(rule['statuses'])} zijn, gevonden: "
                         f"{describe(action['status'])}")
        problems += [RecordProblem(unit, where + message) for message in found]
    return problems


def _check_team(rules: dict[str, Any], team: Any, words: dict[str, WordForms]) -> list[RecordProblem]:
    """What a team session adds to the scan it made: how many took part, the day, the group's notes."""
    if not isinstance(team, dict):
        return [RecordProblem("team", f"'team' moet een object zijn, gevonden: {describe(team)}")]
    where = "teamgegevens: "
    problems = [RecordProblem(f"team.{key}", f"{where}onbekend veld '{key}' (wel: {', '.join(FIELDS['team'])})")
                for key in team if key not in FIELDS["team"]]
    if "respondents" in team:
        count = team["respondents"]
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= rules["team"]["respondents"]:
            problems.append(RecordProblem("team.respondents", f"{where}'respondents' moet een geheel getal van 1 t/m "
                                                              f"{rules['team']['respondents']} zijn, gevonden: "
                                                              f"{describe(count)}"))
    if "date" in team:
        problems += _check_text(rules, team["date"], "team.date", day=True, where=where)
    if "notes" in team:
        problems += _check_item_notes(rules, team["notes"], "team.notes", rules["team"]["notes"], where, words)
    return problems


def _check_item_notes(rules: dict[str, Any], notes: Any, unit: str, ids: list[str], where: str,
                      words: dict[str, WordForms]) -> list[RecordProblem]:
    """The group's notes, per aspect or result area."""
    if not isinstance(notes, dict):
        return [RecordProblem(unit, f"{where}'notes' moet een object zijn, gevonden: {describe(notes)}")]
    problems = []
    for key, note in notes.items():
        if key not in ids:
            unknown = f"onbekend{words['question']['ending']} {_items_word(rules, words)}"
            problems.append(RecordProblem(f"{unit}.{key}", f"{where}notitie bij {unknown} '{key}'"))
        else:
            problems += _check_text(rules, note, f"{unit}.{key}", where=where, limit=rules["notes"]["max"],
                                    name=f"de notitie bij '{key}'")
    return problems


def _check_session_respondents(model: Model, rules: dict[str, Any], respondents: Any) -> list[RecordProblem]:
    """Each respondent's scan in the session is a record: only its name, respondent and answers."""
    if not isinstance(respondents, list):
        return [RecordProblem("respondents", f"teamsessie: 'respondents' moet een lijst zijn, gevonden: "
                                             f"{describe(respondents)}")]
    problems: list[RecordProblem] = []
    for number, scan in enumerate(respondents):
        unit = f"respondents.{number}"
        where = f"teamsessie, scan {number + 1}: "
        if number >= rules["session"]["respondents"]:
            problems.append(RecordProblem(unit, f"{where}er passen hooguit {rules['session']['respondents']} scans "
                                                "in een teamsessie"))
        elif not isinstance(scan, dict):
            problems.append(RecordProblem(unit, f"{where}moet een object zijn, gevonden: {describe(scan)}"))
        else:
            found = [f"onbekend veld '{key}'" for key in scan if key not in FIELDS["session_respondent"]]
            found += [problem.message for problem in check_record(model, scan, rules)
                      if problem.unit.split(".")[0] in FIELDS["session_respondent"]]
            problems += [RecordProblem(unit, where + message) for message in found]
    return problems


def _check_consensus(rules: dict[str, Any], consensus: Any, words: dict[str, WordForms]) -> list[RecordProblem]:
    """What the group agreed: an answer on the model's scale per aspect and result area, and a note."""
    if not isinstance(consensus, dict):
        return [RecordProblem("consensus", f"teamsessie: 'consensus' moet een object zijn, gevonden: "
                                           f"{describe(consensus)}")]
    where = "teamantwoorden: "
    problems = [RecordProblem(f"consensus.{key}", f"{where}onbekend veld '{key}' "
                                                  f"(wel: {', '.join(FIELDS['consensus'])})")
                for key in consensus if key not in FIELDS["consensus"]]
    for key, item, scale in (("aspects", words["question"], words["stage"]), ("results", words["area"],
                                                                               words["level"])):
        if key in consensus:
            problems += _check_scale(rules[key], consensus[key], f"consensus.{key}", "", item, scale, where,
                                     unknown=False)
    if "notes" in consensus:
        problems += _check_item_notes(rules, consensus["notes"], "consensus.notes", rules["team"]["notes"], where,
                                      words)
    return problems


def _id_problems(rules: dict[str, Any], value: Any, seen: set[str], what: str) -> list[str]:
    """An item's id in a list (actions, measurements): a short code, once per list. Adds a good one to `seen`."""
    if not isinstance(value, str) or not re.fullmatch(rules["id"], value):
        return [f"'id' moet een korte code van letters, cijfers, '-' of '_' zijn, gevonden: {describe(value)}"]
    if value in seen:
        return [f"het id '{value}' staat al bij een eerdere {what}"]
    seen.add(value)
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
        found = [f"onbekend veld '{key}'" for key in shot if key not in FIELDS["measurement"]]
        found += [f"het veld '{key}' ontbreekt" for key in REQUIRED["measurement"] if key not in shot]
        if "id" in shot:
            found += _id_problems(rules, shot["id"], seen, "meting")
        for key, kind in TEXTS["measurement"].items():
            if key in shot:
                found += [problem.message for problem in _check_text(rules, shot[key], key, date=kind == "date",
                                                                     day=kind == "day")]
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
