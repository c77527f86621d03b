"""The one error scoring_py raises for data that does not fit: answers, an ambition, an export file, a share link,
a team session. It carries every problem at once, one message each in the engine's language (Dutch unless i18n.py
was given translations), so a person sees all mistakes in one go."""

from __future__ import annotations


class InputError(ValueError):
    """Data that does not fit the model; `problems` holds one message per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
