"""The glossary on the pages: the first use of a term in a part of a page gets its explanation beside it.

`PageTerms` is made fresh for every page the build renders; a template passes each model text through
`terms.mark(text, scope)`. The first time a term occurs in a scope (the whole page, or one step of the scan, which
the respondent sees on its own) the term is marked and its explanation follows at the end of that text, as plain
visible text: it works by keyboard, touch and screen reader alike, and it prints. A label of a radio button stays a
label with text only (no button or link inside it). Where terms are found is scoring_py.glossary's rule, the same
one that lists the terms of a result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from scoring_py.glossary import Found, first_uses, glossary


class PageTerms:
    """Which terms one page has explained so far, per scope; `mark` gives a text with its new terms explained."""

    def __init__(self, model: Mapping[str, Any]):
        self.model = model
        self.entries = glossary(model)
        self.explained: dict[str, set[int]] = {}

    def mark(self, text: str, scope: str = "page") -> Markup:
        if not self.entries or not text:
            return escape(text)
        done = self.explained.setdefault(scope, set())
        found = first_uses(text, self.model, skip=done)
        done.update(place["entry"] for place in found)
        return _marked(text, found) + Markup("").join(self._note(place) for place in found)

    def _note(self, place: Found) -> Markup:
        entry = self.entries[place["entry"]]
        return Markup(' <span class="term-note"><dfn>{}</dfn>: {}</span>').format(entry["term"],
                                                                                 entry["explanation"])


def _marked(text: str, found: list[Found]) -> Markup:
    """The text, escaped, with each found term in a span that underlines it."""
    out, at = Markup(""), 0
    for place in found:
        out += escape(text[at:place["start"]]) + Markup('<span class="term">{}</span>').format(
            text[place["start"]:place["end"]])
        at = place["end"]
    return out + escape(text[at:])
