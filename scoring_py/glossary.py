"""The model's glossary: where its terms (PDCA, stakeholders ...) occur in a text, found in one place.

A model may give `glossary:` entries, each a term with a short plain explanation and perhaps other forms of it
("stakeholder" beside "stakeholders"). The build marks the first use of each term on a page and explains it there
(sitegen/terms.py); the result names the terms its texts use (`terms`), so the printed report can list them. Both
find a term the same way, here: a whole word, in any case, so "NPS" is not found inside "eNPS" but is in "CRM-systeem".
Pure and standard library only: this module also runs in the browser (Pyodide).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict

from .memo import per_model

LETTER = r"0-9A-Za-zÀ-ÖØ-öø-ɏ"  # a word goes on while these follow; a hyphen or space ends it
"""The characters a word is made of; a term is found only where none of them stands right before or after it."""


class Term(TypedDict):
    term: str  # as the glossary writes it: "CRM"
    explanation: str


class Found(TypedDict):
    entry: int  # the place of the term in the glossary
    start: int
    end: int


def glossary(model: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The model's glossary entries (term, explanation, forms), or none."""
    return list(model.get("glossary") or [])


def forms(entry: Mapping[str, Any]) -> list[str]:
    """Every way the text may write a term, longest first, so "stakeholders" wins over "stakeholder"."""
    return sorted({entry["term"], *entry.get("forms", [])}, key=len, reverse=True)


def pattern(entry: Mapping[str, Any]) -> re.Pattern[str]:
    """A term in any of its forms, as a whole word, in any case."""
    either = "|".join(re.escape(form) for form in forms(entry))
    return re.compile(rf"(?<![{LETTER}])(?:{either})(?![{LETTER}])", re.IGNORECASE)


@per_model
def patterns(model: Mapping[str, Any]) -> list[re.Pattern[str]]:
    return [pattern(entry) for entry in glossary(model)]


def first_uses(text: str, model: Mapping[str, Any], skip: Iterable[int] = ()) -> list[Found]:
    """The first place of each term in `text` (not those in `skip`), in the order of the text."""
    skipped = set(skip)
    found: list[Found] = []
    for n, term in enumerate(patterns(model)):
        if n in skipped:
            continue
        match = term.search(text)
        if match and not any(match.start() < other["end"] and other["start"] < match.end() for other in found):
            found.append({"entry": n, "start": match.start(), "end": match.end()})
    return sorted(found, key=lambda place: place["start"])


def terms_in(texts: Sequence[str], model: Mapping[str, Any]) -> list[Term]:
    """The glossary terms these texts use, in the glossary's order, each with its explanation."""
    entries = glossary(model)
    used = {place["entry"] for text in texts for place in first_uses(text, model)}
    return [{"term": entries[n]["term"], "explanation": entries[n]["explanation"]} for n in sorted(used)]
