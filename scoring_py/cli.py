"""Command line: score an answers file against a model, or put several export files side by side. The only module in
scoring_py that does I/O.

    python build.py score ANSWERS.json [--model model/semm.yaml] [--json]
    python build.py aggregate EXPORT.json... [--model model/semm.yaml] [--min-unit-size 3] [--csv OUT.csv] [--json]

A model written in YAML is read by the build's loader (sitegen.model), which checks it completely; scoring_py itself
stays pure and never imports the generator. So the commands live on the generator's side (`python build.py`,
`python -m sitegen`, `servicescan-build`), which hands this module its loader. `python -m scoring_py` runs the same
commands with a JSON model (such as the one the build publishes in assets/<hash>/models/), and says where a YAML model
is read instead.

Once the model is read, the commands speak its language: a model in another language than Dutch carries the engine's
texts in it (`messages`), in its published JSON as the browser gets it, and from the build's loader. What is said
before (the help, a model that cannot be read) is Dutch, the source language: no model has said otherwise yet.
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
from .i18n import N_, _, messages_of, ngettext, use_messages, use_translator
from .model import Model
from .report import render_team_text, render_text
from .scoring import score
from .small_units import DEFAULT_MINIMUM
from .words import model_language

DEFAULT_MODEL = Path("model/semm.yaml")
YAML_COMMAND = "python build.py"  # where a YAML model is read (also python -m sitegen, servicescan-build)
MODEL_FILE = N_("modelbestand")
ANSWERS_FILE = N_("antwoordbestand")


class CliError(Exception):
    """A problem the person running the command can fix; printed without a traceback."""


YamlLoader = Callable[[Path], Model]
"""Reads and checks a YAML model; raises CliError with every problem. The build hands it in (sitegen/cli.py), with the
engine's texts in the model's language as `messages` when that is not Dutch."""


def main(argv: Sequence[str] | None = None, load_yaml: YamlLoader | None = None,
         prog: str = "python -m scoring_py") -> int:
    """Run the command line and return the exit code: 0 on success, 1 on a problem in the input."""
    args = _parser(prog).parse_args(argv)
    try:
        model = load_model_file(Path(args.model), load_yaml)
    except CliError as error:
        return _failed(error)
    before = use_messages(messages_of(model))
    try:
        return run_aggregate(args, model) if args.command == "aggregate" else run_score(args, model)
    finally:
        use_translator(before)


def _failed(error: CliError) -> int:
    print(_("fout: %(problem)s") % {"problem": error}, file=sys.stderr)
    return 1


def run_score(args: argparse.Namespace, model: Model) -> int:
    """The result of one answers file (or export file): as text, or as the engine's JSON."""
    try:
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
        return _failed(error)

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=False))
    else:
        print(render_text(model, result), end="")
    return 0


def run_aggregate(args: argparse.Namespace, model: Model) -> int:
    """Team figures for several export files: the same numbers as the site's team page."""
    try:
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
                # utf-8-sig: the byte order mark makes Excel read the file as UTF-8.
                Path(args.csv).write_text(write_csv(aggregate_csv_rows(model, team), model_language(model)),
                                          encoding="utf-8-sig", newline="")
            except OSError as error:
                raise CliError(_("%(file)s: kan niet schrijven (%(reason)s)")
                               % {"file": args.csv, "reason": error.strerror}) from None
    except CliError as error:
        return _failed(error)
    if args.json:
        print(json.dumps(team, ensure_ascii=False, indent=2))
    else:
        print(render_team_text(model, team), end="")
    return 0


def _read_export(path: Path, model: Model) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(_("exportbestand niet gevonden: %(path)s") % {"path": path}) from None
    except (OSError, UnicodeDecodeError):
        raise CliError(_("%(path)s: het bestand kan niet gelezen worden als UTF-8-tekst") % {"path": path}) from None
    try:
        return parse_export(text, model)
    except InputError as error:
        raise CliError("\n".join(f"{path}: {problem}" for problem in error.problems)) from None


def load_model_file(path: Path, load_yaml: YamlLoader | None = None) -> Model:
    """Load a model: YAML through the build's loader (validated), or a JSON file as it is (the published model)."""
    if not path.is_file():
        raise CliError(_("%(what)s niet gevonden: %(path)s") % {"what": _(MODEL_FILE), "path": path})
    if path.suffix == ".json":
        model = _read_json(path, MODEL_FILE)
        if not isinstance(model, dict):
            raise CliError(_("%(path)s: een model moet een JSON-object zijn") % {"path": path})
        return model  # type: ignore[return-value]
    if load_yaml is None:
        raise CliError(_("%(path)s: een YAML-model wordt gelezen door de bouw, die het helemaal controleert; gebruik "
                         "in de projectmap '%(command)s score ...' of '%(command)s aggregate ...' (of geef hier een "
                         ".json-model mee)") % {"path": path, "command": YAML_COMMAND})
    return load_yaml(path)


def load_answers_file(path: Path) -> Any:
    """Read an answers file (JSON); checking it against the model is left to score()."""
    return _read_json(path, ANSWERS_FILE)


def _read_json(path: Path, kind: str) -> Any:
    """A JSON file's data; `kind` names the file in a message (MODEL_FILE or ANSWERS_FILE)."""
    where = {"path": path, "what": _(kind)}
    try:
        # utf-8-sig: a byte order mark from a Windows editor is not a mistake the visitor should fix.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(_("%(what)s niet gevonden: %(path)s") % where) from None
    except IsADirectoryError:
        raise CliError(_("%(path)s is een map, geen %(what)s") % where) from None
    except UnicodeDecodeError:
        raise CliError(_("%(path)s: het %(what)s is geen UTF-8-tekst") % where) from None
    except OSError as error:
        raise CliError(_("%(path)s: het %(what)s kan niet gelezen worden (%(reason)s)")
                       % {**where, "reason": error.strerror}) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CliError(_("%(path)s:%(line)s: het %(what)s is geen geldige JSON (kolom %(column)s: %(error)s)")
                       % {**where, "line": error.lineno, "column": error.colno, "error": error.msg}) from None


def _answers_problems(path: Path, model: Model, problems: list[str]) -> str:
    lines = [ngettext("het antwoordbestand past niet bij model '%(model)s' (%(count)s probleem):",
                      "het antwoordbestand past niet bij model '%(model)s' (%(count)s problemen):", len(problems))
             % {"model": model["id"], "count": len(problems)}]
    lines.extend(f"{path}: {problem}" for problem in problems)
    return "\n".join(lines)


def _parser(prog: str) -> argparse.ArgumentParser:
    """The commands and their options; the help is marked for the catalog, and shown in Dutch (it is printed before
    any model says its language)."""
    model_help = (_("het model: YAML (via de bouw) of JSON (standaard: %(default)s)") % {"default": DEFAULT_MODEL}
                  ).replace("%", "%%")  # argparse formats a help text itself
    parser = argparse.ArgumentParser(
        prog=prog,
        description=_("Bereken de uitkomst van een volwassenheidsscan uit een antwoordbestand."),
    )
    parser.add_argument("--version", action="version", version=f"scoring_py {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("OPDRACHT"))
    score_command = commands.add_parser(
        "score",
        help=_("bereken de fasen, sterke punten, ontwikkelpunten en volgende stappen"),
        description=_("Bereken de uitkomst van een scan uit een antwoordbestand (JSON)."),
    )
    score_command.add_argument("answers", metavar=_("ANTWOORDEN.json"), help=_("het antwoordbestand (JSON)"))
    score_command.add_argument("--model", default=str(DEFAULT_MODEL), help=model_help)
    score_command.add_argument("--json", action="store_true", help=_("geef de uitkomst als JSON"))
    team_command = commands.add_parser(
        "aggregate",
        help=_("teamcijfers uit de exportbestanden van meerdere mensen"),
        description=_("Zet de exportbestanden van meerdere mensen naast elkaar: per aspect en resultaatgebied het "
                      "aantal antwoorden, laagste, mediaan en hoogste, de bespreekpunten en de uitslag van het team."),
    )
    team_command.add_argument("files", nargs="+", metavar="EXPORT.json", help=_("exportbestanden van de site"))
    team_command.add_argument("--model", default=str(DEFAULT_MODEL), help=model_help)
    team_command.add_argument("--min-unit-size", type=int, default=DEFAULT_MINIMUM, metavar=_("AANTAL"),
                              help=(_("een afdeling met minder deelnemers krijgt geen eigen cijfers (standaard en "
                                      "minstens %(minimum)s; op de site: team.min_unit_size in site.yaml)")
                                    % {"minimum": DEFAULT_MINIMUM}).replace("%", "%%"))
    team_command.add_argument("--csv", metavar=_("UIT.csv"), help=_("schrijf de cijfers ook als CSV voor Excel"))
    team_command.add_argument("--json", action="store_true", help=_("geef de cijfers als JSON"))
    return parser
