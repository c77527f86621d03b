"""The browser's entry point: JSON text in, JSON text out, so no Python object has to cross into JavaScript.

A request is either the answers themselves (scored, as before), or an object with a "kind":

    {"kind": "score", "answers": {...}}
    {"kind": "plan", "answers": {...}, "ambition": {"elements": {...}, "results": {...}}}
    {"kind": "compare", "before": {...}, "after": {...}}

"plan" gives the gaps against the ambition and the development plan together, as {"gaps": ..., "plan": ...}.
Answers never have a "kind" key, so the two forms cannot be confused.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from .aggregate import aggregate, aggregate_csv_rows
from .answers import AnswersError
from .exchange import ExchangeError, decode_share, encode_share, export_json, parse_export, to_csv, write_csv
from .compare import compare
from .plan import ambition_gaps, development_plan
from .scoring import score

KINDS = ("score", "plan", "compare")


def make_scorer(model_json: str) -> Callable[[str], str]:
    """Parse the model once; the returned function answers a request given as JSON text."""
    model = json.loads(model_json)

    def run_json(request_json: str) -> str:
        try:
            request = json.loads(request_json)
        except ValueError as exc:  # not JSON at all
            return _reply({"ok": False, "problems": [f"de antwoorden zijn geen geldige JSON: {exc}"]})
        try:
            result = run(model, request)
        except AnswersError as exc:
            return _reply({"ok": False, "problems": exc.problems})
        return _reply({"ok": True, "result": result})

    return run_json


def make_caller(model_json: str) -> Callable[[str, str], str]:
    """Parse the model once; the returned function runs one named operation on JSON arguments.

    Every answer is `{"ok": true, "value": ...}` or `{"ok": false, "problems": [...]}` (Dutch messages).
    """
    model = json.loads(model_json)
    operations: dict[str, Callable[[dict[str, Any]], Any]] = {
        "parse_export": lambda args: parse_export(args["text"], model),
        # Many files in one call (the team page): one outcome per text, in order, so one bad file stops nothing.
        "parse_exports": lambda args: [_outcome(parse_export, text, model) for text in args["texts"]],
        "export_json": lambda args: export_json(model, args["record"], args["exported"]),
        "to_csv": lambda args: to_csv(model, args["record"]),
        "encode_share": lambda args: encode_share(model, args["answers"]),
        "decode_share": lambda args: decode_share(args["fragment"], model),
        "aggregate": lambda args: aggregate(model, args["scans"]),
        "aggregate_csv": lambda args: write_csv(aggregate_csv_rows(model, aggregate(model, args["scans"]))),
    }

    def call(operation: str, args_json: str) -> str:
        args = json.loads(args_json)
        return json.dumps(_outcome(operations[operation], args), ensure_ascii=False)

    return call


def _outcome(operation: Callable[..., Any], *args: Any) -> dict[str, Any]:
    """`{"ok": true, "value": ...}`, or `{"ok": false, "problems": [...]}` when the data do not fit."""
    try:
        return {"ok": True, "value": operation(*args)}
    except (ExchangeError, AnswersError) as exc:
        return {"ok": False, "problems": exc.problems}


def run(model: Any, request: Any) -> Any:
    """Carry out one request against the model; AnswersError when its data do not fit."""
    if not isinstance(request, dict) or "kind" not in request:
        return score(model, request)
    kind = request["kind"]
    if kind == "score":
        return score(model, request.get("answers"))
    if kind == "plan":
        answers, ambition = request.get("answers"), request.get("ambition", {})
        return {"gaps": ambition_gaps(model, answers, ambition), "plan": development_plan(model, answers, ambition)}
    if kind == "compare":
        return compare(model, request.get("before"), request.get("after"))
    raise AnswersError([f"onbekende opdracht {json.dumps(kind, ensure_ascii=False)} (kies {', '.join(KINDS)})"])


def _reply(outcome: dict[str, Any]) -> str:
    return json.dumps(outcome, ensure_ascii=False)
