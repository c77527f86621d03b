"""Check a set of answers against the model before it is scored.

Every problem is collected, so a person who edited an answers file sees all mistakes at once. What the answers,
notes and ambition may hold is the one record rule (record.py); this module adds what only an answers file has:
the model's id and its own keys. Messages are plain language in the engine's language (i18n.py), because the person
who reads them is a visitor or publisher, not a developer.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

from .errors import InputError
from .i18n import _
from .model import Model
from .record import answer_problems, describe, not_text
from .record_shape import ANSWER_GROUPS, UNKNOWN, answers_of

__all__ = ["ALLOWED_KEYS", "UNKNOWN", "Answer", "Answers", "validate_answers"]

ALLOWED_KEYS = ("model", "model_version", *ANSWER_GROUPS)

Answer = int | Literal["unknown"]


class Answers(TypedDict):
    model: str
    model_version: NotRequired[str]
    aspects: NotRequired[dict[str, Answer]]
    results: NotRequired[dict[str, Answer]]
    notes: NotRequired[dict[str, str]]
    excluded: NotRequired[dict[str, str]]  # part id -> why it is left out of this assessment (may be empty)
    not_applicable: NotRequired[dict[str, str]]  # aspect id -> why it does not apply here (may be empty)


def validate_answers(model: Model, answers: Any) -> None:
    """Raise InputError listing every way `answers` does not fit `model`."""
    if not isinstance(answers, dict):
        raise InputError([_("het antwoordbestand moet een object zijn, gevonden: %(found)s")
                          % {"found": describe(answers)}])

    problems = [_("onbekende sleutel '%(key)s' in het antwoordbestand (toegestaan: %(allowed)s)")
                % {"key": key, "allowed": ", ".join(ALLOWED_KEYS)} for key in answers if key not in ALLOWED_KEYS]
    problems.extend(_check_model_id(model, answers))
    if "model_version" in answers and not isinstance(answers["model_version"], str):
        problems.append(not_text("'model_version'", answers["model_version"]))
    problems.extend(problem.message for problem in answer_problems(model, answers_of(answers)))
    if problems:
        raise InputError(problems)


def _check_model_id(model: Model, answers: dict[str, Any]) -> list[str]:
    expected = model["id"]
    if "model" not in answers:
        return [_("het antwoordbestand noemt geen model (verwacht \"model\": \"%(model)s\")") % {"model": expected}]
    found = answers["model"]
    if found != expected:
        shown = f"'{found}'" if isinstance(found, str) else describe(found)
        return [_("dit antwoordbestand hoort bij model %(found)s, niet bij '%(model)s'") % {"found": shown,
                                                                                          "model": expected}]
    return []

