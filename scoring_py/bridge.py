"""The browser's entry point: JSON text in, JSON text out, so no Python object has to cross into JavaScript."""

from __future__ import annotations

import json
from typing import Any, Callable

from .aggregate import aggregate, aggregate_csv_rows
from .answers import AnswersError
from .exchange import ExchangeError, decode_share, encode_share, export_json, parse_export, to_csv, write_csv
from .scoring import score


def make_scorer(model_json: str) -> Callable[[str], str]:
    """Parse the model once; the returned function scores answers given as JSON text."""
    model = json.loads(model_json)

    def score_json(answers_json: str) -> str:
        try:
            result = score(model, json.loads(answers_json))
        except AnswersError as exc:
            return json.dumps({"ok": False, "problems": exc.problems}, ensure_ascii=False)
        except ValueError as exc:  # not JSON at all
            return json.dumps({"ok": False, "problems": [f"de antwoorden zijn geen geldige JSON: {exc}"]},
                              ensure_ascii=False)
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False)

    return score_json


def make_caller(model_json: str) -> Callable[[str, str], str]:
    """Parse the model once; the returned function runs one named operation on JSON arguments.

    Every answer is `{"ok": true, "value": ...}` or `{"ok": false, "problems": [...]}` (Dutch messages).
    """
    model = json.loads(model_json)
    operations: dict[str, Callable[[dict[str, Any]], Any]] = {
        "parse_export": lambda args: parse_export(args["text"], model),
        "export_json": lambda args: export_json(model, args["record"], args["exported"]),
        "to_csv": lambda args: to_csv(model, args["record"]),
        "encode_share": lambda args: encode_share(model, args["answers"]),
        "decode_share": lambda args: decode_share(args["fragment"], model),
        "aggregate": lambda args: aggregate(model, args["scans"]),
        "aggregate_csv": lambda args: write_csv(aggregate_csv_rows(model, aggregate(model, args["scans"]))),
    }

    def call(operation: str, args_json: str) -> str:
        try:
            value = operations[operation](json.loads(args_json))
        except (ExchangeError, AnswersError) as exc:
            return json.dumps({"ok": False, "problems": exc.problems}, ensure_ascii=False)
        return json.dumps({"ok": True, "value": value}, ensure_ascii=False)

    return call
