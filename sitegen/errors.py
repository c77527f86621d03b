"""Problems found in a publisher's input, and the one exception that carries them.

A problem's message is in the language the build speaks (sitegen/i18n.py `speaking`: the site's, see
`pipeline.build`), made with `_()` where the problem is found; `either` and `both` join a few values the way a
sentence in that language does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import N_, _, unmarked


@dataclass(frozen=True)
class Problem:
    """One mistake in an input file, reported as `file:line: message`."""

    file: str
    line: int
    message: str
    warning: bool = False
    label: str = field(init=False, default="", compare=False, repr=False)  # "waarschuwing: ", said with the message

    def __post_init__(self) -> None:
        # In the language of the message, spoken now: the problem may be printed after the build stopped speaking.
        object.__setattr__(self, "label", _("waarschuwing: ") if self.warning else "")
        object.__setattr__(self, "message", unmarked(self.message))  # made while a page was planned

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.label}{self.message}"


class BuildError(Exception):
    """The input has errors; the build writes nothing."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path) -> str:
    """A path as the publisher knows it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Problems:
    """Collects problems for one file, so every mistake is reported in one run."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Problem] = []

    def error(self, line: int, message: str) -> None:
        self.items.append(Problem(self.file, line, message))

    def warn(self, line: int, message: str) -> None:
        self.items.append(Problem(self.file, line, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]


def read_input(path: Path, problems: Problems, what: str = N_("het bestand"), encoding: str = "utf-8") -> str | None:
    """A publisher's file as text, or None with the reason recorded on line 1: missing, not UTF-8, not readable.

    `what` names the file in a message ("het modelbestand"), marked with N_() where it is written."""
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        problems.error(1, _("%(what)s bestaat niet") % {"what": _(what)})
    except UnicodeDecodeError as exc:
        problems.error(1, _("het bestand is geen UTF-8-tekst (byte %(byte)s); sla het op als UTF-8") % {
            "byte": exc.start})
    except OSError as exc:  # e.g. --model pointing at a folder
        problems.error(1, _("%(what)s is niet te lezen (%(reason)s)") % {"what": _(what), "reason": exc.strerror})
    return None


def either(options: Sequence[str]) -> str:
    """A few values as a choice in a sentence: "'de' of 'het'", "0, 2 of 4"."""
    if len(options) < 2:
        return "".join(options)
    return _("%(first)s of %(last)s") % {"first": ", ".join(options[:-1]), "last": options[-1]}


def both(items: Sequence[str]) -> str:
    """A few values together in a sentence: "'plural' en 'article'"."""
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}
