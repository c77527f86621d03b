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
from .i18n import N_, _
from .model import Model
from .record_shape import FIELDS, MAX_SHORT_TEXT, REQUIRED, TEXTS, UNKNOWN, record_rules
from .words import WordForms, model_words

__all__ = ["MAX_SHORT_TEXT", "UNKNOWN", "RecordProblem", "answer_problems", "check_record", "check_session",
           "choices_text", "describe", "is_day", "not_a_day", "not_an_object", "not_text", "record_rules",
           "require_valid", "require_valid_session", "too_long"]

ACTION_FIELDS = {"id": N_("het id"), "item": N_("de stap"), "text": N_("de omschrijving"), "owner": N_("de eigenaar"),
                 "due": N_("de datum"), "status": N_("de status"), "note": N_("de notitie")}
"""An action's fields as a message names them (in Dutch; `_()` translates them where a message uses one)."""


class RecordProblem(NamedTuple):
    """One mistake: the unit the storage would drop, and a message a visitor can act on."""

    unit: str
    message: str


def check_record(model: Model, record: Any, rules: dict[str, Any] | None = None) -> list[RecordProblem]:
    """Every problem in a record's content (FIELDS["scan"]); an empty list means it may be stored as it is."""
    rules = rules or record_rules(model)
    if not isinstance(record, dict):
        return [RecordProblem("", _("een scan moet een object zijn, gevonden: %(found)s")
                              % {"found": describe(record)})]
    problems = [RecordProblem(key, _unknown_field(key)) for key in record if key not in FIELDS["scan"]]
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
        return [RecordProblem("", _("een teamsessie moet een object zijn, gevonden: %(found)s")
                              % {"found": describe(session)})]
    problems = [RecordProblem(key, _("onbekend veld '%(key)s' in de teamsessie") % {"key": key}) for key in session
                if key not in FIELDS["session"] and key != "schema"]
    for key, kind in TEXTS["session"].items():
        if key in session:
            problems += _check_text(rules, session[key], key, date=kind == "date", day=kind == "day",
                                    where=_session_where())
    if "saved" in session and not (isinstance(session["saved"], str) and re.fullmatch(rules["id"], session["saved"])):
        problems.append(RecordProblem("saved", _("teamsessie: 'saved' moet het id van een scan zijn, gevonden: "
                                                 "%(found)s") % {"found": describe(session["saved"])}))
    if "show_names" in session and not isinstance(session["show_names"], bool):
        problems.append(RecordProblem("show_names", _("teamsessie: 'show_names' moet true of false zijn, gevonden: "
                                                      "%(found)s") % {"found": describe(session["show_names"])}))
    if "order" in session and session["order"] not in rules["session"]["orders"]:
        problems.append(RecordProblem("order", _("teamsessie: 'order' moet %(choices)s zijn, gevonden: %(found)s")
                                      % {"choices": _quoted(rules["session"]["orders"]),
                                         "found": describe(session["order"])}))
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

    Operations that take a record (export, CSV, share, team) use this, so a malformed call gets readable problems.
    """
    if not isinstance(record, dict):
        raise InputError([_("een scan moet een object zijn, gevonden: %(found)s") % {"found": describe(record)}])
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
            problems += _check_scale(rules[key], record[key], key, kind, scale, where, unknown=True)
    if "notes" in record:
        problems += _check_notes(rules, record["notes"], where, words["part"])
    if "excluded" in record:
        problems += _check_excluded(rules, record["excluded"], where, words["part"])
    if "not_applicable" in record:
        problems += _check_not_applicable(rules, record["not_applicable"], where, words["question"])
    if "ambition" in record:
        problems += _check_ambition(rules, record["ambition"], where, words)
    return problems


def _check_scale(rule: dict[str, Any], section: Any, unit: str, item: WordForms, scale: WordForms,
                 where: str, unknown: bool, ambition: bool = False) -> list[RecordProblem]:
    """One group of answers or ambitions: known ids (`item`), values on the scale (`scale`)."""
    if not isinstance(section, dict):
        return [RecordProblem(unit, where + _("'%(unit)s' moet een object zijn met %(item)s-id's als sleutels, "
                                              "gevonden: %(found)s")
                              % {"unit": unit, "item": item["singular"], "found": describe(section)})]
    problems = []
    choices = choices_text(rule["values"])
    if unknown:
        choices = _('%(choices)s of "%(unknown)s"') % {"choices": choices, "unknown": UNKNOWN}
    for item_id, value in section.items():
        unit_id = f"{unit}.{item_id}"
        forms = {"item": item["singular"], "ending": item["ending"], "id": item_id, "scale": scale["singular"],
                 "value": value, "choices": choices}
        if item_id not in rule["ids"]:
            message = (_("ambitie voor onbekend%(ending)s %(item)s '%(id)s'") if ambition
                       else _("onbekend%(ending)s %(item)s '%(id)s'"))
            problems.append(RecordProblem(unit_id, where + message % forms))
        elif (unknown and value == UNKNOWN) or _on_scale(value, rule["values"]):
            continue
        elif isinstance(value, int) and not isinstance(value, bool):
            message = (_("ambitie voor %(item)s '%(id)s': %(scale)s %(value)s bestaat niet (kies %(choices)s)")
                       if ambition else _("%(item)s '%(id)s': %(scale)s %(value)s bestaat niet (kies %(choices)s)"))
            problems.append(RecordProblem(unit_id, where + message % forms))
        else:
            forms["found"] = describe(value)
            message = (_("ambitie voor %(item)s '%(id)s': %(found)s is geen %(scale)snummer (kies %(choices)s)")
                       if ambition else _("%(item)s '%(id)s': %(found)s is geen %(scale)snummer (kies %(choices)s)"))
            problems.append(RecordProblem(unit_id, where + message % forms))
    return problems


def _on_scale(value: Any, values: list[int]) -> bool:
    # bool is an int in Python, but `true` in a file is never a phase number.
    return isinstance(value, int) and not isinstance(value, bool) and value in values


def not_an_object(key: str, value: Any) -> str:
    """'notes' moet een object zijn, gevonden: een lijst."""
    return _("'%(key)s' moet een object zijn, gevonden: %(found)s") % {"key": key, "found": describe(value)}


def _not_a_list(key: str, value: Any) -> str:
    return _("'%(key)s' moet een lijst zijn, gevonden: %(found)s") % {"key": key, "found": describe(value)}


def _unknown_field(key: str, known: tuple[str, ...] | list[str] | None = None) -> str:
    """onbekend veld 'x', and when given, which fields there are."""
    if known is None:
        return _("onbekend veld '%(key)s'") % {"key": key}
    return _("onbekend veld '%(key)s' (wel: %(known)s)") % {"key": key, "known": ", ".join(known)}


def _too_long(length: int, limit: int) -> dict[str, Any]:
    return {"length": length, "max": limit}


def too_long(name: str, length: int, limit: int) -> str:
    """"'exported' is te lang (90 tekens, hooguit 80)"; `name` as the message shows it."""
    return _("%(name)s is te lang (%(length)s tekens, hooguit %(max)s)") % {"name": name, **_too_long(length, limit)}


def _check_notes(rules: dict[str, Any], notes: Any, where: str, part: WordForms) -> list[RecordProblem]:
    if not isinstance(notes, dict):
        return [RecordProblem("notes", where + not_an_object("notes", notes))]
    problems = []
    for key, note in notes.items():
        unit = f"notes.{key}"
        if key not in rules["notes"]["ids"]:
            problems.append(RecordProblem(unit, where + _("notitie bij onbekend%(ending)s %(item)s '%(key)s'")
                                          % {"ending": part["ending"], "item": part["singular"], "key": key}))
        elif not isinstance(note, str):
            problems.append(RecordProblem(unit, where + _("notitie '%(key)s' moet tekst zijn, gevonden: %(found)s")
                                          % {"key": key, "found": describe(note)}))
        elif len(note) > rules["notes"]["max"]:
            problems.append(RecordProblem(unit, where + _("notitie '%(key)s' is te lang (%(length)s tekens, "
                                                          "hooguit %(max)s)")
                                          % {"key": key, **_too_long(len(note), rules["notes"]["max"])}))
    return problems


def _reason_problems(key: str, reason: Any, limit: int) -> list[str]:
    """The reason given for a part left out or an aspect not applicable: a text, not too long."""
    if not isinstance(reason, str):
        return [_("de reden bij '%(key)s' moet tekst zijn, gevonden: %(found)s") % {"key": key,
                                                                                  "found": describe(reason)}]
    if len(reason) > limit:
        return [_("de reden bij '%(key)s' is te lang (%(length)s tekens, hooguit %(max)s)")
                % {"key": key, **_too_long(len(reason), limit)}]
    return []


def _check_excluded(rules: dict[str, Any], excluded: Any, where: str, part: WordForms) -> list[RecordProblem]:
    """`{part id: reason}`: the parts left out of this assessment (ISO/TS 19387 allows it), if the model does."""
    if not isinstance(excluded, dict):
        return [RecordProblem("excluded", where + not_an_object("excluded", excluded))]
    problems = []
    parts = rules["excluded"]["ids"]
    if parts and all(part_id in excluded for part_id in parts):
        problems.append(RecordProblem("excluded", where + _("alle %(parts)s staan buiten de beoordeling; neem er "
                                                            "minstens één mee, dan is er iets om te beoordelen")
                                      % {"parts": part["plural"]}))
    for key, reason in excluded.items():
        unit = f"excluded.{key}"
        forms = {"the_part": part["the"], "part": part["singular"], "ending": part["ending"], "key": key}
        if not rules["excluded"]["ids"]:
            problems.append(RecordProblem(unit, where + _("dit model laat niet toe dat je %(the_part)s '%(key)s' "
                                                          "buiten de beoordeling laat") % forms))
        elif key not in rules["excluded"]["ids"]:
            problems.append(RecordProblem(unit, where + _("buiten de beoordeling: onbekend%(ending)s %(part)s "
                                                          "'%(key)s'") % forms))
        else:
            problems += [RecordProblem(unit, where + message)
                         for message in _reason_problems(key, reason, rules["excluded"]["max"])]
    return problems


def _check_not_applicable(rules: dict[str, Any], marked: Any, where: str,
                          question: WordForms) -> list[RecordProblem]:
    """`{aspect id: reason}`: the aspects marked "niet van toepassing", if the model allows it."""
    if not isinstance(marked, dict):
        return [RecordProblem("not_applicable", where + not_an_object("not_applicable", marked))]
    problems = []
    ids, limit = rules["not_applicable"]["ids"], rules["not_applicable"]["max"]
    for key, reason in marked.items():
        unit = f"not_applicable.{key}"
        forms = {"the_question": question["the"], "question": question["singular"], "ending": question["ending"],
                 "key": key}
        if not ids:
            problems.append(RecordProblem(unit, where + _("dit model laat niet toe dat je %(the_question)s '%(key)s' "
                                                          "'niet van toepassing' noemt") % forms))
        elif key not in ids:
            problems.append(RecordProblem(unit, where + _("niet van toepassing: onbekend%(ending)s %(question)s "
                                                          "'%(key)s'") % forms))
        else:
            problems += [RecordProblem(unit, where + message) for message in _reason_problems(key, reason, limit)]
    return problems


def _check_ambition(rules: dict[str, Any], ambition: Any, where: str,
                    words: dict[str, WordForms]) -> list[RecordProblem]:
    if not isinstance(ambition, dict):
        return [RecordProblem("ambition", where + _("de ambitie moet een object zijn, gevonden: %(found)s")
                              % {"found": describe(ambition)})]
    problems = [RecordProblem(f"ambition.{key}", where + _("onbekende sleutel '%(key)s' in de ambitie (toegestaan: "
                                                           "%(allowed)s)")
                              % {"key": key, "allowed": ", ".join(FIELDS["ambition"])})
                for key in ambition if key not in FIELDS["ambition"]]
    for key, item, scale in (("elements", words["part"], words["stage"]), ("results", words["area"], words["level"])):
        if key in ambition:
            problems += _check_scale(rules["ambition"][key], ambition[key], f"ambition.{key}", item, scale, where,
                                     unknown=False, ambition=True)
    return problems


def _check_respondent(rules: dict[str, Any], respondent: Any) -> list[RecordProblem]:
    if not isinstance(respondent, dict):
        return [RecordProblem("respondent", not_an_object("respondent", respondent))]
    problems = []
    for key, value in respondent.items():
        if key not in rules["fields"]["respondent"]:
            problems.append(RecordProblem(f"respondent.{key}", _unknown_field(f"respondent.{key}",
                                                                              rules["fields"]["respondent"])))
        else:
            problems += _check_text(rules, value, f"respondent.{key}")
    return problems


def _check_text(rules: dict[str, Any], value: Any, unit: str, date: bool = False, where: str = "",
                day: bool = False, limit: int | None = None, name: str | None = None) -> list[RecordProblem]:
    """A short text (or up to `limit` characters); `date`: a date and time, `day`: a day of the calendar."""
    name = name or f"'{unit.rsplit('.', 1)[-1] if where else unit}'"
    limit = limit or rules["short"]
    if not isinstance(value, str):
        return [RecordProblem(unit, where + not_text(name, value))]
    if len(value) > limit:
        return [RecordProblem(unit, where + too_long(name, len(value), limit))]
    if date and not re.fullmatch(rules["date"], value):
        return [RecordProblem(unit, where + _("%(name)s is geen datum zoals 2025-03-01T10:00:00Z "
                                              "(gevonden: %(found)s)") % {"name": name, "found": describe(value)})]
    if day and not is_day(rules, value):
        return [RecordProblem(unit, where + not_a_day(name, value))]
    return []


def not_text(name: str, value: Any) -> str:
    """"'model_version' moet tekst zijn, gevonden: 3"; `name` as the message shows it (quoted, or in words)."""
    return _("%(name)s moet tekst zijn, gevonden: %(found)s") % {"name": name, "found": describe(value)}


def not_a_day(name: str, value: Any) -> str:
    """"'today' is geen bestaande datum zoals 2025-06-30 (gevonden: ...)"."""
    return (_("%(name)s is geen bestaande datum zoals 2025-06-30 (gevonden: %(found)s)")
            % {"name": name, "found": describe(value)})


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
    if len(shown) == 1:
        return shown[0]
    return _("%(values)s of %(last)s") % {"values": ", ".join(shown[:-1]), "last": shown[-1]}


def _items_word(rules: dict[str, Any], words: dict[str, WordForms], form: str = "singular") -> str:
    """What a plan step or a team note is about: 'aspect of resultaatgebied', or only 'dimensie'; with `form` "a"
    after its indefinite article: 'een aspect of resultaatgebied', 'an aspect or result area'."""
    areas = len(rules["actions"]["items"]) > len(rules["aspects"]["ids"])
    question = words["question"][form]  # type: ignore[literal-required]
    if not areas:
        return question
    return _("%(question)s of %(area)s") % {"question": question, "area": words["area"]["singular"]}


def _session_where() -> str:
    return _("teamsessie") + ": "


def _check_actions(rules: dict[str, Any], actions: Any, words: dict[str, WordForms]) -> list[RecordProblem]:
    """The actions of a plan: each one whole, like a measurement; the storage drops an action that does not fit."""
    if not isinstance(actions, list):
        return [RecordProblem("actions", _not_a_list("actions", actions))]
    rule = rules["actions"]
    problems: list[RecordProblem] = []
    seen: set[str] = set()
    for number, action in enumerate(actions):
        unit = f"actions.{number}"
        where = _("actie %(number)s") % {"number": number + 1} + ": "
        if number >= rule["max"]:
            problems.append(RecordProblem(unit, where + _("er mogen hooguit %(max)s acties in een scan staan")
                                          % {"max": rule["max"]}))
            continue
        if not isinstance(action, dict):
            problems.append(RecordProblem(unit, where + _not_an_item(action)))
            continue
        found = [_unknown_field(key, FIELDS["action"]) for key in action if key not in FIELDS["action"]]
        found += [_("%(field)s ('%(key)s') ontbreekt") % {"field": _(ACTION_FIELDS[key]), "key": key}
                  for key in REQUIRED["action"] if key not in action]
        if "id" in action:
            found += _id_problems(rules, action["id"], seen, _("het id '%(id)s' staat al bij een eerdere actie"))
        if "item" in action and action["item"] not in rule["items"]:
            found.append(_("%(field)s ('item') moet het id van %(an_item)s zijn, gevonden: %(found)s")
                         % {"field": _(ACTION_FIELDS["item"]), "an_item": _items_word(rules, words, "a"),
                            "found": describe(action["item"])})
        for key, limit in (("text", rule["text"]), ("owner", rules["short"]), ("note", rule["text"])):
            if key in action:
                found += [problem.message for problem in _check_text(rules, action[key], key, limit=limit,
                                                                     name=f"{_(ACTION_FIELDS[key])} ('{key}')")]
        if "due" in action:
            found += [problem.message for problem in _check_text(rules, action["due"], "due", day=True,
                                                                 name=f"{_(ACTION_FIELDS['due'])} ('due')")]
        if "status" in action and action["status"] not in rule["statuses"]:
            found.append(_("%(field)s ('status') moet %(choices)s zijn, gevonden: %(found)s")
                         % {"field": _(ACTION_FIELDS["status"]), "choices": _quoted(rule["statuses"]),
                            "found": describe(action["status"])})
        problems += [RecordProblem(unit, where + message) for message in found]
    return problems


def _not_an_item(value: Any) -> str:
    """An item of a list (an action, a measurement, a respondent's scan) that is no object."""
    return _("moet een object zijn, gevonden: %(found)s") % {"found": describe(value)}


def _check_team(rules: dict[str, Any], team: Any, words: dict[str, WordForms]) -> list[RecordProblem]:
    """What a team session adds to the scan it made: how many took part, the day, the group's notes."""
    if not isinstance(team, dict):
        return [RecordProblem("team", not_an_object("team", team))]
    where = _("teamgegevens") + ": "
    problems = [RecordProblem(f"team.{key}", where + _unknown_field(key, FIELDS["team"]))
                for key in team if key not in FIELDS["team"]]
    if "respondents" in team:
        count = team["respondents"]
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= rules["team"]["respondents"]:
            problems.append(RecordProblem("team.respondents", where + _("'respondents' moet een geheel getal van 1 "
                                                                        "t/m %(max)s zijn, gevonden: %(found)s")
                                          % {"max": rules["team"]["respondents"], "found": describe(count)}))
    if "date" in team:
        problems += _check_text(rules, team["date"], "team.date", day=True, where=where)
    if "notes" in team:
        problems += _check_item_notes(rules, team["notes"], "team.notes", rules["team"]["notes"], where, words)
    return problems


def _check_item_notes(rules: dict[str, Any], notes: Any, unit: str, ids: list[str], where: str,
                      words: dict[str, WordForms]) -> list[RecordProblem]:
    """The group's notes, per aspect or result area."""
    if not isinstance(notes, dict):
        return [RecordProblem(unit, where + not_an_object("notes", notes))]
    problems = []
    for key, note in notes.items():
        if key not in ids:
            problems.append(RecordProblem(f"{unit}.{key}", where + _("notitie bij onbekend%(ending)s %(item)s "
                                                                     "'%(key)s'")
                                          % {"ending": words["question"]["ending"],
                                             "item": _items_word(rules, words), "key": key}))
        else:
            problems += _check_text(rules, note, f"{unit}.{key}", where=where, limit=rules["notes"]["max"],
                                    name=_("de notitie bij '%(key)s'") % {"key": key})
    return problems


def _check_session_respondents(model: Model, rules: dict[str, Any], respondents: Any) -> list[RecordProblem]:
    """Each respondent's scan in the session is a record: only its name, respondent and answers."""
    if not isinstance(respondents, list):
        return [RecordProblem("respondents", _session_where() + _not_a_list("respondents", respondents))]
    problems: list[RecordProblem] = []
    for number, scan in enumerate(respondents):
        unit = f"respondents.{number}"
        where = _("teamsessie, scan %(number)s") % {"number": number + 1} + ": "
        if number >= rules["session"]["respondents"]:
            problems.append(RecordProblem(unit, where + _("er passen hooguit %(max)s scans in een teamsessie")
                                          % {"max": rules["session"]["respondents"]}))
        elif not isinstance(scan, dict):
            problems.append(RecordProblem(unit, where + _not_an_item(scan)))
        else:
            found = [_unknown_field(key) for key in scan if key not in FIELDS["session_respondent"]]
            found += [problem.message for problem in check_record(model, scan, rules)
                      if problem.unit.split(".")[0] in FIELDS["session_respondent"]]
            problems += [RecordProblem(unit, where + message) for message in found]
    return problems


def _check_consensus(rules: dict[str, Any], consensus: Any, words: dict[str, WordForms]) -> list[RecordProblem]:
    """What the group agreed: an answer on the model's scale per aspect and result area, and a note."""
    if not isinstance(consensus, dict):
        return [RecordProblem("consensus", _session_where() + not_an_object("consensus", consensus))]
    where = _("teamantwoorden") + ": "
    problems = [RecordProblem(f"consensus.{key}", where + _unknown_field(key, FIELDS["consensus"]))
                for key in consensus if key not in FIELDS["consensus"]]
    for key, item, scale in (("aspects", words["question"], words["stage"]), ("results", words["area"],
                                                                               words["level"])):
        if key in consensus:
            problems += _check_scale(rules[key], consensus[key], f"consensus.{key}", item, scale, where,
                                     unknown=False)
    if "notes" in consensus:
        problems += _check_item_notes(rules, consensus["notes"], "consensus.notes", rules["team"]["notes"], where,
                                      words)
    return problems


def _id_problems(rules: dict[str, Any], value: Any, seen: set[str], repeated: str) -> list[str]:
    """An item's id in a list (actions, measurements): a short code, once per list. Adds a good one to `seen`;
    `repeated` says an id is used twice ("het id '%(id)s' staat al bij een eerdere actie")."""
    if not isinstance(value, str) or not re.fullmatch(rules["id"], value):
        return [_("'id' moet een korte code van letters, cijfers, '-' of '_' zijn, gevonden: %(found)s")
                % {"found": describe(value)}]
    if value in seen:
        return [repeated % {"id": value}]
    seen.add(value)
    return []


def _check_snapshots(model: Model, rules: dict[str, Any], snapshots: Any) -> list[RecordProblem]:
    if not isinstance(snapshots, list):
        return [RecordProblem("snapshots", _not_a_list("snapshots", snapshots))]
    problems: list[RecordProblem] = []
    seen: set[str] = set()
    for number, shot in enumerate(snapshots):
        unit = f"snapshots.{number}"
        where = _("meting %(number)s") % {"number": number + 1} + ": "
        if not isinstance(shot, dict):
            problems.append(RecordProblem(unit, where + _not_an_item(shot)))
            continue
        found = [_unknown_field(key) for key in shot if key not in FIELDS["measurement"]]
        found += [_("het veld '%(key)s' ontbreekt") % {"key": key} for key in REQUIRED["measurement"]
                  if key not in shot]
        if "id" in shot:
            found += _id_problems(rules, shot["id"], seen, _("het id '%(id)s' staat al bij een eerdere meting"))
        for key, kind in TEXTS["measurement"].items():
            if key in shot:
                found += [problem.message for problem in _check_text(rules, shot[key], key, date=kind == "date",
                                                                     day=kind == "day")]
        if "model" in shot and shot["model"] != rules["model"]:
            found.append(_("hoort bij model %(found)s, niet bij '%(model)s'") % {"found": describe(shot["model"]),
                                                                               "model": rules["model"]})
        found += [problem.message for problem in answer_problems(model, shot, "", rules)]
        problems += [RecordProblem(unit, where + message) for message in found]
    return problems


def choices_text(choices: list[int]) -> str:
    """'1 t/m 6' for a run of ids, '0, 2, 5' otherwise."""
    if not choices:
        return _("geen")
    if len(choices) > 2 and choices == list(range(choices[0], choices[-1] + 1)):
        return _("%(first)s t/m %(last)s") % {"first": choices[0], "last": choices[-1]}
    return ", ".join(str(choice) for choice in choices)


def describe(value: Any) -> str:
    """A found value the way it looks in the file, short."""
    if isinstance(value, dict):
        return _("een object")
    if isinstance(value, list):
        return _("een lijst")
    return json.dumps(value, ensure_ascii=False)[:60]
