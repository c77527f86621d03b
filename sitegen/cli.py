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

from .errors import BuildError, display_path
from .model import load_model
from .pipeline import PROJECT, build

SCORING_COMMANDS = ("score", "aggregate")


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    """Parse the arguments, build (and for `serve`, serve and rebuild); the exit code: 0 built, 1 not."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] and arguments[0] in SCORING_COMMANDS:
        return scoring_cli.main(arguments, load_yaml=load_yaml_model, prog=prog or "build.py")
    parser = argparse.ArgumentParser(prog=prog, description="Bouw de scan-site in dist/. Ook: 'score ANTWOORDEN.json' "
                                                            "en 'aggregate EXPORT.json...' (zie 'score --help').")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "serve"])
    parser.add_argument("--model", type=Path, default=PROJECT / "model",
                        help="de map met modellen (elk .yaml-bestand wordt een scan), of één modelbestand")
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help="de map met de uitlegpagina's")
    parser.add_argument("--site", type=Path, default=PROJECT / "site.yaml", help="de instellingen van de site")
    parser.add_argument("--out", type=Path, default=PROJECT / "dist", help="de map voor de site")
    parser.add_argument("--strict", action="store_true", help="stop ook bij waarschuwingen")
    parser.add_argument("--port", type=int, default=8000, help="poort voor 'serve'")
    args = parser.parse_args(arguments)

    def run_build() -> bool:
        try:
            report = build(args.model, args.out, args.content, strict=args.strict, site_config=args.site)
        except BuildError as exc:
            count = len(exc.problems)
            print(f"De bouw is gestopt: {count} {'probleem' if count == 1 else 'problemen'} gevonden. "
                  f"De vorige versie van {display_path(args.out)} blijft staan.", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return False
        for warning in report.warnings:
            print(f"  {warning}", file=sys.stderr)
        print(f"Klaar: {report.files} bestanden in {display_path(args.out)}"
              + (f", {len(report.warnings)} waarschuwing(en)" if report.warnings else "") + ".")
        return True

    if args.command == "serve":
        from .serve import serve
        watched = [args.site, args.model if args.model.is_dir() else args.model.parent, args.content,
                   PROJECT / "site_templates", PROJECT / "scoring_py"]
        return serve(run_build, args.out, watched, port=args.port)
    return 0 if run_build() else 1


def load_yaml_model(path: Path) -> Model:
    """A model file read and checked by the build, for scoring_py's commands; every problem in one message."""
    try:
        return load_model(path)
    except BuildError as error:
        raise scoring_cli.CliError(f"het model kan niet geladen worden:\n{error}") from None
