"""The browser's entry point: JSON text in, JSON text out, so no Python object has to cross into JavaScript."""

from __future__ import annotations

import json
from typing import Callable

from .answers import AnswersError
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
