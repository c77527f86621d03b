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

from .answers import AnswersError
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
