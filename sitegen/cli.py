"""The command line: `build` (the default) and `serve`; `score` and `aggregate` run scoring_py's own commands with
the build's YAML loader.

Reached as `python build.py` in a checkout, `python -m sitegen`, or `servicescan-build` once installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring_py import cli as scoring_cli
from scoring_py.model import Model
from scoring_py.words import model_language

from .errors import BuildError, display_path
from .i18n import Catalogs, engine_messages, locale_folder, update_catalogs
from .model import load_model
from .new_model import NewModelError, create_model, next_steps
from .pipeline import PROJECT, build
from .schemas import write_schemas
from .translations import TARGETS, starting_file, text_keys, translation_path

SCORING_COMMANDS = ("score", "aggregate")


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    """Parse the arguments, build (and for `serve`, serve and rebuild); the exit code: 0 built, 1 not."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] and arguments[0] in SCORING_COMMANDS:
        return scoring_cli.main(arguments, load_yaml=load_yaml_model, prog=prog or "build.py")
    parser = argparse.ArgumentParser(prog=prog, description="Bouw de scan-site in dist/. Ook: 'score ANTWOORDEN.json' "
                                                            "en 'aggregate EXPORT.json...' (zie 'score --help').")
    parser.add_argument("command", nargs="?", default="build",
                        choices=["build", "serve", "new-model", "translation", "messages", "schemas"])
    parser.add_argument("id", nargs="?", help="bij 'new-model': het id van het nieuwe model, bijvoorbeeld mijn-model; "
                                              "bij 'translation': de taal van de vertaling (en)")
    parser.add_argument("--model", type=Path, default=PROJECT / "model",
                        help="de map met modellen (elk .yaml-bestand wordt een scan), of één modelbestand")
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help="de map met de uitlegpagina's")
    parser.add_argument("--site", type=Path, default=PROJECT / "site.yaml", help="de instellingen van de site")
    parser.add_argument("--out", type=Path, default=PROJECT / "dist", help="de map voor de site")
    parser.add_argument("--strict", action="store_true", help="stop ook bij waarschuwingen")
    parser.add_argument("--port", type=int, default=8000, help="poort voor 'serve'")
    args = parser.parse_args(arguments)

    def run_build() -> list[str]:
        """Build once and say how it went; the problems that stopped the build, or none."""
        try:
            report = build(args.model, args.out, args.content, strict=args.strict, site_config=args.site)
        except BuildError as exc:
            count = len(exc.problems)
            print(f"De bouw is gestopt: {count} {'probleem' if count == 1 else 'problemen'} gevonden. "
                  f"De vorige versie van {display_path(args.out)} blijft staan.", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return [str(problem) for problem in exc.problems]
        for warning in report.warnings:
            print(f"  {warning}", file=sys.stderr)
        print(f"Klaar: {report.files} bestanden in {display_path(args.out)}"
              + (f", {len(report.warnings)} {'waarschuwing' if len(report.warnings) == 1 else 'waarschuwingen'}"
                 if report.warnings else "") + ".")
        return []

    if args.command == "new-model":
        return new_model(args.id, args.model, args.content)
    if args.command == "translation":
        return new_translation(args.model, args.id)
    if args.command == "messages":
        for path in update_catalogs(PROJECT):
            print(f"Geschreven: {display_path(path)}")
        return 0
    if args.command == "schemas":
        for path in write_schemas(PROJECT / "schema"):
            print(f"Geschreven: {display_path(path)}")
        return 0
    if args.command == "serve":
        from .dev_server import serve
        watched = [args.site, args.model, args.content,
                   PROJECT / "site_templates", PROJECT / "scoring_py"]
        return serve(run_build, args.out, watched, port=args.port)
    return 1 if run_build() else 0


def load_yaml_model(path: Path) -> Model:
    """A model file read and checked by the build, for scoring_py's commands; every problem in one message. It carries
    the engine's texts in its language (`messages`, none for Dutch), as its published JSON does."""
    try:
        model = load_model(path)
    except BuildError as error:
        raise scoring_cli.CliError(f"het model kan niet geladen worden:\n{error}") from None
    messages = engine_messages(Catalogs(locale_folder(PROJECT)), model_language(model))
    return {**model, "messages": messages} if messages else model  # type: ignore[typeddict-unknown-key]


def new_model(model_id: str | None, models: Path, content: Path) -> int:
    """`new-model <id>`: a model file and its explanation that build as they are, and what to do next."""
    if not model_id:
        print("Geef het id van het nieuwe model, bijvoorbeeld: python build.py new-model mijn-model", file=sys.stderr)
        return 2
    folder = models if models.is_dir() or not models.suffix else models.parent
    try:
        made = create_model(model_id, folder, content)
    except NewModelError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    print("\n".join(next_steps(made)))
    return 0


def new_translation(model_file: Path, language: str | None) -> int:
    """`translation <language> --model model/x.yaml`: a translation file to start from, beside the model."""
    if model_file.is_dir() or not language:
        print("Geef de taal en het model, bijvoorbeeld: python build.py translation en --model model/semm.yaml",
              file=sys.stderr)
        return 2
    if language not in TARGETS:
        print(f"fout: een vertaling kan in deze talen: {', '.join(TARGETS)} (gevonden '{language}')", file=sys.stderr)
        return 1
    try:
        model = load_model(model_file)
    except BuildError as error:
        print(f"Het model kan niet geladen worden:\n{error}", file=sys.stderr)
        return 1
    path = translation_path(model_file, model["id"], language)
    if path.exists():
        print(f"fout: {display_path(path)} bestaat al; de bouw zegt wat daarin nog ontbreekt of verouderd is",
              file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starting_file(model, language), encoding="utf-8")
    print(f"Gemaakt: {display_path(path)}, met {len(text_keys(model))} teksten om te vertalen. Schrijf bij elke "
          "'text' de vertaling; 'python build.py build' zegt hoeveel er nog open staan.")
    return 0
