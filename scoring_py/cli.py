"""Command line: score an answers file against a model, or put several export files side by side. The only module in
scoring_py that does I/O.

    python build.py score ANSWERS.json [--model model/semm.yaml] [--json]
    python build.py aggregate EXPORT.json... [--model model/semm.yaml] [--min-unit-size 3] [--csv OUT.csv] [--json]

A model written in YAML is read by the build's loader (sitegen.model), which checks it completely; scoring_py itself
stays pure and never imports the generator. So the commands live on the generator's side (`python build.py`,
`python -m sitegen`, `servicescan-build`), which hands this module its loader. `python -m scoring_py` runs the same
commands with a JSON model (such as the one the build publishes in assets/<hash>/models/), and says where a YAML model
is read instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .aggregate import aggregate, aggregate_csv_rows
from .errors import InputError
from .exchange import parse_export, write_csv
from .model import Model
from .report import render_team_text, render_text
from .scoring import score
from .small_units import DEFAULT_MINIMUM

DEFAULT_MODEL = Path("model/semm.yaml")
YAML_COMMAND = "python build.py"  # where a YAML model is read (also python -m sitegen, servicescan-build)


class CliError(Exception):
    """A problem the person running the command can fix; printed without a traceback."""


YamlLoader = Callable[[Path], Model]
"""Reads and checks a YAML model; raises CliError with every problem. The build hands it in (sitegen/cli.py)."""


def main(argv: Sequence[str] | None = None, load_yaml: YamlLoader | None = None,
         prog: str = "python -m scoring_py") -> int:
    """Run the command line and return the exit code: 0 on success, 1 on a problem in the input."""
    args = _parser(prog).parse_args(argv)
    if args.command == "aggregate":
        return run_aggregate(args, load_yaml)
    try:
        model = load_model_file(Path(args.model), load_yaml)
        answers = load_answers_file(Path(args.answers))
        if isinstance(answers, dict) and answers.get("format") == "servicescan":
            answers = _read_export(Path(args.answers), model)  # an export file from the site scores too
            answers = {"model": answers["model"], "aspects": answers["aspects"], "results": answers["results"],
                       "notes": answers["notes"]}
        try:
            result = score(model, answers)
        except InputError as error:
            raise CliError(_answers_problems(Path(args.answers), model, error.problems)) from None
    except CliError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=False))
    else:
        print(render_text(model, result), end="")
    return 0


def run_aggregate(args: argparse.Namespace, load_yaml: YamlLoader | None) -> int:
    """Team figures for several export files: the same numbers as the site's team page."""
    try:
        model = load_model_file(Path(args.model), load_yaml)
        problems: list[str] = []
        scans = []
        for name in args.files:
            try:
                scans.append(_read_export(Path(name), model))
            except CliError as error:
                problems.append(str(error))
        if problems:
            raise CliError("\n".join(problems))
        try:
            team = aggregate(model, scans, args.min_unit_size)
        except InputError as error:
            raise CliError(f"--min-unit-size: {'; '.join(error.problems)}") from None
        if args.csv:
            try:
                # utf-8-sig: the byte order mark makes Dutch Excel read the file as UTF-8.
                Path(args.csv).write_text(write_csv(aggregate_csv_rows(model, team)), encoding="utf-8-sig",
                                          newline="")
            except OSError as error:
                raise CliError(f"{args.csv}: kan niet schrijven ({error.strerror})") from None
    except CliError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(team, ensure_ascii=False, indent=2))
    else:
        print(render_team_text(model, team), end="")
    return 0


def _read_export(path: Path, model: Model) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"exportbestand niet gevonden: {path}") from None
    except (OSError, UnicodeDecodeError):
        raise CliError(f"{path}: het bestand kan niet gelezen worden als UTF-8-tekst") from None
    try:
        return parse_export(text, model)
    except InputError as error:
        raise CliError("\n".join(f"{path}: {problem}" for problem in error.problems)) from None


def load_model_file(path: Path, load_yaml: YamlLoader | None = None) -> Model:
    """Load a model: YAML through the build's loader (validated), or a JSON file as it is (the published model)."""
    if not path.is_file():
        raise CliError(f"modelbestand niet gevonden: {path}")
    if path.suffix == ".json":
        model = _read_json(path, "modelbestand")
        if not isinstance(model, dict):
            raise CliError(f"{path}: een model moet een JSON-object zijn")
        return model  # type: ignore[return-value]
    if load_yaml is None:
        raise CliError(f"{path}: een YAML-model wordt gelezen door de bouw, die het helemaal controleert; gebruik "
                       f"in de projectmap '{YAML_COMMAND} score ...' of '{YAML_COMMAND} aggregate ...' (of geef hier "
                       "een .json-model mee)")
    return load_yaml(path)


def load_answers_file(path: Path) -> Any:
    """Read an answers file (JSON); checking it against the model is left to score()."""
    return _read_json(path, "antwoordbestand")


def _read_json(path: Path, what: str) -> Any:
    try:
        # utf-8-sig: a byte order mark from a Windows editor is not a mistake the visitor should fix.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"{what} niet gevonden: {path}") from None
    except IsADirectoryError:
        raise CliError(f"{path} is een map, geen {what}") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: het {what} is geen UTF-8-tekst") from None
    except OSError as error:
        raise CliError(f"{path}: het {what} kan niet gelezen worden ({error.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CliError(
            f"{path}:{error.lineno}: het {what} is geen geldige JSON (kolom {error.colno}: {error.msg})"
        ) from None


def _answers_problems(path: Path, model: Model, problems: list[str]) -> str:
    count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
    lines = [f"het antwoordbestand past niet bij model '{model['id']}' ({count}):"]
    lines.extend(f"{path}: {problem}" for problem in problems)
    return "\n".join(lines)


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Bereken de uitkomst van een volwassenheidsscan uit een antwoordbestand.",
    )
    parser.add_argument("--version", action="version", version=f"scoring_py {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    score_command = commands.add_parser(
        "score",
        help="bereken de fasen, sterke punten, ontwikkelpunten en volgende stappen",
        description="Bereken de uitkomst van een scan uit een antwoordbestand (JSON).",
    )
    score_command.add_argument("answers", metavar="ANTWOORDEN.json", help="het antwoordbestand (JSON)")
    score_command.add_argument(
        "--model",
        default=str(DEFAULT_MODEL),
        help=f"het model: YAML (via de bouw) of JSON (standaard: {DEFAULT_MODEL})",
    )
    score_command.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    team_command = commands.add_parser(
        "aggregate",
        help="teamcijfers uit de exportbestanden van meerdere mensen",
        description="Zet de exportbestanden van meerdere mensen naast elkaar: per aspect en resultaatgebied het "
                    "aantal antwoorden, laagste, mediaan en hoogste, de bespreekpunten en de uitslag van het team.",
    )
    team_command.add_argument("files", nargs="+", metavar="EXPORT.json", help="exportbestanden van de site")
    team_command.add_argument("--model", default=str(DEFAULT_MODEL),
                              help=f"het model: YAML (via de bouw) of JSON (standaard: {DEFAULT_MODEL})")
    team_command.add_argument("--min-unit-size", type=int, default=DEFAULT_MINIMUM, metavar="AANTAL",
                              help="een afdeling met minder deelnemers krijgt geen eigen cijfers (standaard en "
                                   f"minstens {DEFAULT_MINIMUM}; op de site: team.min_unit_size in site.yaml)")
    team_command.add_argument("--csv", metavar="UIT.csv", help="schrijf de cijfers ook als CSV voor Excel")
    team_command.add_argument("--json", action="store_true", help="geef de cijfers als JSON")
    return parser
