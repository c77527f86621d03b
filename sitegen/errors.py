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


def read_input(path: Path, problems: Problems, what: str = "het bestand", encoding: str = "utf-8") -> str | None:
    """A publisher's file as text, or None with the reason recorded on line 1: missing, not UTF-8, not readable."""
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        problems.error(1, f"{what} bestaat niet")
    except UnicodeDecodeError as exc:
        problems.error(1, f"het bestand is geen UTF-8-tekst (byte {exc.start}); sla het op als UTF-8")
    except OSError as exc:  # e.g. --model pointing at a folder
        problems.error(1, f"{what} is niet te lezen ({exc.strerror})")
    return None
