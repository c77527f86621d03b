"""The engine's one entry point: `call(operation, args)` on a registry of operations, one answer shape.

Every answer is `{"ok": true, "value": ...}` or `{"ok": false, "problems": [...]}`, with one message per problem in
the engine's language (i18n.py). The browser's Web Worker uses `make_engine(model_json)`, which takes and gives JSON
text, so no Python object has to cross into JavaScript. An operation declares its arguments and their kinds; an
unknown operation, a missing, extra or wrongly typed argument, and text that is not JSON all come back as problems,
never as a Python exception.

A new feature adds an operation to OPERATIONS, never a new protocol.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .actions import action_list
from .aggregate import aggregate, aggregate_csv_rows
from .compare import compare
from .errors import InputError
from .exchange import decode_share, encode_share, export_json, parse_export, to_csv, write_csv
from .i18n import N_, _, messages_of, use_messages
from .model import Model
from .plan import ambition_gaps, development_plan
from .record import describe, require_valid, require_valid_session
from .scoring import score
from .session import team_scan
from .words import model_language

# The kinds an argument can have, with the words a message uses for them (marked here, translated where used). A
# "record" (a scan as the browser keeps it) must also pass the one record rule (record.py), so an export, a CSV or a
# team overview is never made from data the import would refuse; a "session" (the team page's) passes the same rule's
# check_session.
KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "object": (lambda value: isinstance(value, dict), N_("een object")),
    "record": (lambda value: isinstance(value, dict), N_("een object (een scan)")),
    "records": (lambda value: isinstance(value, list) and all(isinstance(item, dict) for item in value),
                N_("een lijst met scans")),
    "text": (lambda value: isinstance(value, str), N_("tekst")),
    "texts": (lambda value: isinstance(value, list) and all(isinstance(item, str) for item in value),
              N_("een lijst met teksten")),
    "session": (lambda value: isinstance(value, dict), N_("een object (een teamsessie)")),
    "whole": (lambda value: isinstance(value, int) and not isinstance(value, bool), N_("een geheel getal")),
}


@dataclass(frozen=True)
class Operation:
    """One thing the engine can do: its arguments (name -> kind) and the function that does it."""

    arguments: dict[str, str]
    run: Callable[..., Any]  # run(model, **arguments)
    about: str


def _parse_each(model: Model, texts: list[str]) -> list[dict[str, Any]]:
    """Many files in one call (the team page): one outcome per text, in order, so one bad file stops nothing."""
    return [outcome(parse_export, text, model) for text in texts]


OPERATIONS: dict[str, Operation] = {
    "score": Operation({"answers": "object"}, lambda model, answers: score(model, answers),
                       "the scan result: a stage per part, the overall stage, next steps"),
    "gaps": Operation({"answers": "object", "ambition": "object"}, ambition_gaps,
                      "position against ambition per part, aspect and result area"),
    "plan": Operation({"answers": "object", "ambition": "object"}, development_plan,
                      "the development plan: the parts below their ambition, in order of priority"),
    "compare": Operation({"before": "object", "after": "object"}, compare, "two measurements side by side"),
    "parse_export": Operation({"text": "text"}, lambda model, text: parse_export(text, model),
                              "read one export file (untrusted)"),
    "parse_exports": Operation({"texts": "texts"}, _parse_each, "read many export files, one outcome each"),
    "export_json": Operation({"record": "record", "exported": "text"}, export_json, "the export file of a scan"),
    "to_csv": Operation({"record": "record"}, to_csv, "the answers as CSV for a spreadsheet in the model's language"),
    "encode_share": Operation({"answers": "record"}, encode_share, "the share link's code"),
    "decode_share": Operation({"fragment": "text"}, lambda model, fragment: decode_share(fragment, model),
                              "answers from a share link (untrusted)"),
    "aggregate": Operation({"scans": "records", "min_unit_size": "whole"}, aggregate,
                           "team figures for several scans; units below min_unit_size get no figures of their own"),
    "aggregate_csv": Operation({"scans": "records"},
                               lambda model, scans: write_csv(aggregate_csv_rows(model, aggregate(model, scans)),
                                                              model_language(model)),
                               "the team figures as CSV"),
    "team_scan": Operation({"session": "session", "team": "text", "date": "text"}, team_scan,
                           "the scan a team agreed on in its session: the agreed answers, else the median"),
    "actions": Operation({"record": "record", "today": "text"}, action_list,
                         "a scan's actions for a review: not done first, overdue ones marked"),
}


def call(model: Model, operation: Any, args: Any) -> dict[str, Any]:
    """Run one operation on plain data; the answer is `{ok, value}` or `{ok: false, problems}`."""
    if not isinstance(operation, str) or operation not in OPERATIONS:
        return _refuse([_("de rekenmodule kent de opdracht %(operation)s niet (wel: %(known)s)")
                        % {"operation": describe(operation), "known": ", ".join(OPERATIONS)}])
    spec = OPERATIONS[operation]
    names = ", ".join(spec.arguments)
    if not isinstance(args, dict):
        return _refuse([_("de opdracht '%(operation)s' verwacht een object met %(arguments)s, gevonden: %(found)s")
                        % {"operation": operation, "arguments": names, "found": describe(args)}])
    problems = [_("de opdracht '%(operation)s' mist '%(name)s'") % {"operation": operation, "name": name}
                for name in spec.arguments if name not in args]
    problems += [_("de opdracht '%(operation)s' kent '%(name)s' niet (wel: %(arguments)s)")
                 % {"operation": operation, "name": name, "arguments": names}
                 for name in args if name not in spec.arguments]
    for name, kind in spec.arguments.items():
        check, words = KINDS[kind]
        if name in args and not check(args[name]):
            problems.append(_("'%(name)s' van de opdracht '%(operation)s' moet %(kind)s zijn, gevonden: %(found)s")
                            % {"name": name, "operation": operation, "kind": _(words), "found": describe(args[name])})
    if problems:
        return _refuse(problems)
    try:
        checked = {name: _content(model, kind, args[name]) for name, kind in spec.arguments.items()}
    except InputError as error:
        return _refuse(error.problems)
    return outcome(spec.run, model, **checked)


def _content(model: Model, kind: str, value: Any) -> Any:
    """A record's content, checked by the record rule; other arguments as they are."""
    if kind == "record":
        return require_valid(model, value)
    if kind == "session":
        return require_valid_session(model, value)
    if kind == "records":
        problems = []
        contents = []
        for number, item in enumerate(value, 1):
            try:
                contents.append(require_valid(model, item))
            except InputError as error:
                problems += [_("scan %(number)s: %(problem)s") % {"number": number, "problem": problem}
                             for problem in error.problems]
        if problems:
            raise InputError(problems)
        return contents
    return value


def make_engine(model_json: str) -> Callable[[str, str], str]:
    """Parse the model once; the returned function takes an operation and its arguments as JSON text. A model in
    another language than Dutch carries the engine's texts in that language (`messages`, added by the build)."""
    model = json.loads(model_json)
    use_messages(messages_of(model))

    def call_json(operation: str, args_json: str) -> str:
        if not isinstance(args_json, str):
            answer = _refuse([_("de gegevens voor de opdracht moeten JSON-tekst zijn, gevonden: %(found)s")
                              % {"found": describe(args_json)}])
        else:
            try:
                answer = call(model, operation, json.loads(args_json))
            except json.JSONDecodeError as error:
                answer = _refuse([_("de gegevens voor de opdracht zijn geen geldige JSON (regel %(line)s, teken "
                                    "%(column)s)") % {"line": error.lineno, "column": error.colno}])
        return json.dumps(answer, ensure_ascii=False)

    return call_json


def outcome(operation: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """`{"ok": true, "value": ...}`, or `{"ok": false, "problems": [...]}` when the data do not fit."""
    try:
        return {"ok": True, "value": operation(*args, **kwargs)}
    except InputError as error:
        return _refuse(error.problems)
    except Exception as error:  # a bug, not the visitor's data: still an answer the page can show
        return _refuse([_("de rekenmodule liep vast op een fout in de scan zelf; meld dit bij de beheerder van de "
                          "site (technisch: %(error)s)") % {"error": type(error).__name__}])


def _refuse(problems: list[str]) -> dict[str, Any]:
    return {"ok": False, "problems": problems}
