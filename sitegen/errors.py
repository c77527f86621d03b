"""Problems found in a publisher's input, and the one exception that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One mistake in an input file, reported as `file:line: message`."""

    file: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        label = "waarschuwing: " if self.warning else ""
        return f"{self.file}:{self.line}: {label}{self.message}"


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
