"""Check a set of answers against the model before it is scored.

Every problem is collected, so a person who edited an answers file sees all mistakes at once.
Messages are in Dutch because the person who reads them is a visitor or publisher, not a developer.
"""

from __future__ import annotations

import json
from typing import Any, Literal, NotRequired, TypedDict, Union

from .model import Model, all_aspects, phase_ids, result_level_ids
from .words import WordForms, model_words

UNKNOWN = "unknown"
"""The answer for "weet ik niet": counted as not answered, but listed separately."""

ALLOWED_KEYS = ("model", "model_version", "aspects", "results", "notes")

Answer = Union[int, Literal["unknown"]]


class Answers(TypedDict):
    model: str
    model_version: NotRequired[str]
    aspects: NotRequired[dict[str, Answer]]
    results: NotRequired[dict[str, Answer]]
    notes: NotRequired[dict[str, str]]


class AnswersError(ValueError):
    """The answers do not fit the model; `problems` holds one Dutch message per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def validate_answers(model: Model, answers: Any) -> None:
    """Raise AnswersError listing every way `answers` does not fit `model`."""
    if not isinstance(answers, dict):
        raise AnswersError([f"het antwoordbestand moet een object zijn, gevonden: {_describe(answers)}"])

    problems: list[str] = []
    for key in answers:
        if key not in ALLOWED_KEYS:
            problems.append(
                f"onbekende sleutel '{key}' in het antwoordbestand (toegestaan: {', '.join(ALLOWED_KEYS)})"
            )

    problems.extend(_check_model_id(model, answers))

    if "model_version" in answers and not isinstance(answers["model_version"], str):
        problems.append(f"'model_version' moet tekst zijn, gevonden: {_describe(answers['model_version'])}")

    words = model_words(model)
    problems.extend(
        _check_scale(
            answers,
            key="aspects",
            kind=words["question"],
            known_ids=[aspect["id"] for aspect in all_aspects(model)],
            scale=words["stage"],
            choices=phase_ids(model),
        )
    )
    problems.extend(
        _check_scale(
            answers,
            key="results",
            kind=words["area"],
            known_ids=[area["id"] for area in model.get("result_areas", [])],
            scale=words["level"],
            choices=result_level_ids(model),
        )
    )

    if "notes" in answers:
        notes = answers["notes"]
        if not isinstance(notes, dict):
            problems.append(f"'notes' moet een object zijn, gevonden: {_describe(notes)}")
        else:
            for key, note in notes.items():
                if not isinstance(note, str):
                    problems.append(f"notitie '{key}' moet tekst zijn, gevonden: {_describe(note)}")

    if problems:
        raise AnswersError(problems)


def _check_model_id(model: Model, answers: dict[str, Any]) -> list[str]:
    expected = model["id"]
    if "model" not in answers:
        return [f"het antwoordbestand noemt geen model (verwacht \"model\": \"{expected}\")"]
    found = answers["model"]
    if found != expected:
        shown = f"'{found}'" if isinstance(found, str) else _describe(found)
        return [f"dit antwoordbestand hoort bij model {shown}, niet bij '{expected}'"]
    return []


def _check_scale(
    answers: dict[str, Any],
    *,
    key: str,
    kind: WordForms,
    known_ids: list[str],
    scale: WordForms,
    choices: list[int],
) -> list[str]:
    """Check one answers section ("aspects" or "results"): known ids, values on the model's scale."""
    if key not in answers:
        return []
    section = answers[key]
    if not isinstance(section, dict):
        return [f"'{key}' moet een object zijn met {kind['singular']}-id's als sleutels, gevonden: "
                f"{_describe(section)}"]

    problems: list[str] = []
    known = set(known_ids)
    allowed = set(choices)
    hint = f"kies {_choices_text(choices)} of \"{UNKNOWN}\""
    for item_id, value in section.items():
        if item_id not in known:
            problems.append(f"onbekend{kind['ending']} {kind['singular']} '{item_id}'")
        elif value == UNKNOWN:
            continue
        # bool is a subclass of int, but `true` in a file is a slip, never a phase number.
        elif isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{kind['singular']} '{item_id}': {_describe(value)} is geen {scale['singular']}nummer "
                            f"({hint})")
        elif value not in allowed:
            problems.append(f"{kind['singular']} '{item_id}': {scale['singular']} {value} bestaat niet ({hint})")
    return problems


def _choices_text(choices: list[int]) -> str:
    """'1 t/m 6' for a run of ids, '0, 2, 5' otherwise."""
    if not choices:
        return "geen"
    if len(choices) > 2 and choices == list(range(choices[0], choices[-1] + 1)):
        return f"{choices[0]} t/m {choices[-1]}"
    return ", ".join(str(choice) for choice in choices)


def _describe(value: Any) -> str:
    """Show a found value the way it looks in the JSON file."""
    if isinstance(value, dict):
        return "een object"
    if isinstance(value, (list, tuple)):
        return "een lijst"
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)
