"""The shape of the model as scoring reads it: the validated YAML structure as plain dicts.

The build (sitegen) validates the model; these TypedDicts only document which keys scoring relies on.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from .words import Word


class Phase(TypedDict):
    id: int
    name: str
    verb: NotRequired[str]
    summary: str
    characteristics: NotRequired[list[str]]
    completed: NotRequired[list[str]]
    position: NotRequired[dict[str, float]]  # its place on the model's axes (only the pages use it)


class Phases(TypedDict):
    label: NotRequired[str]  # older files: the singular of words.stage
    items: list[Phase]


class Aspect(TypedDict):
    id: str
    name: str
    phases: list[str]  # one description per phase, in the order of phases.items
    added: NotRequired[list[int]]  # the phase ids whose description the publisher wrote (the source has none)


class Element(TypedDict):
    id: str
    name: str
    core: str
    direction: NotRequired[str]
    question: NotRequired[str]  # a part with one question: its only aspect has the part's id and this name
    aspects: list[Aspect]


class Group(TypedDict):
    id: str
    name: str
    description: NotRequired[str]
    parts: list[str]  # element ids, in model order


class ResultLevel(TypedDict):
    id: int
    name: str
    meaning: str


class ResultLevels(TypedDict):
    label: NotRequired[str]  # older files: the singular of words.level
    items: list[ResultLevel]


class ResultArea(TypedDict):
    id: str
    letter: str
    name: str
    description: str
    levels: list[str]  # one description per level, in the order of result_levels.items


class ModelWords(TypedDict, total=False):
    """The words the scan uses (scoring_py/words.py gives every form; missing words are SEMM's)."""

    stage: Word
    part: Word
    aspect: Word
    area: Word
    level: Word
    group: Word


class Axis(TypedDict):
    id: str
    name: str
    low: str
    high: str


class GlossaryEntry(TypedDict):
    """A term the model's texts use, with a short plain explanation (scoring_py/glossary.py finds it)."""

    term: str
    explanation: str
    forms: NotRequired[list[str]]  # other ways the texts write it: "stakeholder" beside "stakeholders"


class Model(TypedDict):
    """The validated model. Scoring reads the keys above `axes`; the keys from `axes` on only the pages use."""

    id: str
    version: str
    name: str
    short_name: str
    words: NotRequired[ModelWords]
    phases: Phases
    elements: list[Element]
    result_levels: NotRequired[ResultLevels]
    result_areas: NotRequired[list[ResultArea]]
    axes: NotRequired[list[Axis]]
    intro: NotRequired[str]
    source: NotRequired[dict[str, str | int]]
    ambition_advice: NotRequired[str]
    allow_exclusion: NotRequired[bool]  # may an assessment leave parts out (ISO/TS 19387)? Default: no
    exclusion_note: NotRequired[str]  # the model's own sentence on what leaving a part out means
    allow_not_applicable: NotRequired[bool]  # may one aspect be marked "niet van toepassing"? Default: no
    scoring: NotRequired[dict[str, str]]  # the rule per level (rules.py); SEMM's weakest link by default
    groups: NotRequired[list[Group]]
    glossary: NotRequired[list[GlossaryEntry]]
    language: NotRequired[str]  # the language of its texts: nl, or that of a translation (sitegen/translations.py)


def phase_ids(model: Model) -> list[int]:
    """The phase ids in model order (ascending)."""
    return [phase["id"] for phase in model["phases"]["items"]]


def result_level_ids(model: Model) -> list[int]:
    """The result level ids in model order; empty when the model has no result levels."""
    levels = model.get("result_levels")
    return [level["id"] for level in levels["items"]] if levels else []


def all_aspects(model: Model) -> list[Aspect]:
    """Every aspect of every element, in model order."""
    return [aspect for element in model["elements"] for aspect in element["aspects"]]
