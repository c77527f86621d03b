"""The command line: `build` (the default) and `serve`; `score` and `aggregate` run scoring_py's own commands with
the build's YAML loader.

Reached as `python build.py` in a checkout, `python -m sitegen`, or `servicescan-build` once installed.

Every command speaks the language of the site it works for: `--language`, else the `language` of the site.yaml
given by `--site` (sitegen/siteconfig.py `site_language`), else Dutch. Its help, its messages, the build's problems
and the `serve` overlay are in that language; `serve` keeps the language it started with. argparse's own words
("usage:", "options") stay English.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring_py import cli as scoring_cli
from scoring_py.model import Model
from scoring_py.words import model_language

from .errors import BuildError, display_path
from .i18n import LANGUAGES, Catalogs, _, engine_messages, locale_folder, ngettext, speaking, update_catalogs
from .model import load_model
from .new_model import NewModelError, create_model, next_steps
from .pipeline import PROJECT, build
from .schemas import write_schemas
from .siteconfig import site_language
from .translations import TARGETS, starting_file, text_keys, translation_path

SCORING_COMMANDS = ("score", "aggregate")


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    """Parse the arguments, build (and for `serve`, serve and rebuild); the exit code: 0 built, 1 not."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] and arguments[0] in SCORING_COMMANDS:
        return scoring_cli.main(arguments, load_yaml=load_yaml_model, prog=prog or "build.py")
    language = command_language(arguments)
    with speaking(Catalogs(locale_folder(PROJECT)), language):
        return run_command(make_parser(prog).parse_args(arguments), language)


def command_language(arguments: list[str]) -> str:
    """The language a command speaks: `--language`, else the `language` of the site.yaml it works for, else Dutch.
    Read before the parser is made, so its help speaks that language too; a wrong `--language` is Dutch here and
    refused by the parser."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--site", type=Path, default=PROJECT / "site.yaml")
    early.add_argument("--language")
    known, _others = early.parse_known_args(arguments)
    return known.language if known.language in LANGUAGES else site_language(known.site)


def make_parser(prog: str | None) -> argparse.ArgumentParser:
    """The command line's arguments, with their help in the language being spoken."""
    parser = argparse.ArgumentParser(prog=prog, description=_("Bouw de scan-site in dist/. Ook: 'score "
                                                              "ANTWOORDEN.json' en 'aggregate EXPORT.json...' (zie "
                                                              "'score --help')."))
    parser.add_argument("command", nargs="?", default="build",
                        choices=["build", "serve", "new-model", "translation", "messages", "schemas"])
    parser.add_argument("id", nargs="?", help=_("bij 'new-model': het id van het nieuwe model, bijvoorbeeld "
                                                "mijn-model; bij 'translation': de taal van de vertaling (en)"))
    parser.add_argument("--model", type=Path, default=PROJECT / "model",
                        help=_("de map met modellen (elk .yaml-bestand wordt een scan), of één modelbestand"))
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help=_("de map met de uitlegpagina's"))
    parser.add_argument("--site", type=Path, default=PROJECT / "site.yaml", help=_("de instellingen van de site"))
    parser.add_argument("--out", type=Path, default=PROJECT / "dist", help=_("de map voor de site"))
    parser.add_argument("--strict", action="store_true", help=_("stop ook bij waarschuwingen"))
    parser.add_argument("--port", type=int, default=8000, help=_("poort voor 'serve'"))
    parser.add_argument("--language", choices=LANGUAGES, help=_("de taal van de meldingen (standaard: de 'language' "
                                                                "van site.yaml, anders nl)"))
    return parser


def run_command(args: argparse.Namespace, language: str) -> int:
    """Run the command the arguments name; the exit code."""

    def run_build() -> list[str]:
        """Build once and say how it went; the problems that stopped the build, or none."""
        try:
            report = build(args.model, args.out, args.content, strict=args.strict, site_config=args.site,
                           language=language)
        except BuildError as exc:
            print(stopped(len(exc.problems), args.out), file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return [str(problem) for problem in exc.problems]
        for warning in report.warnings:
            print(f"  {warning}", file=sys.stderr)
        print(done(report.files, len(report.warnings), args.out))
        return []

    if args.command == "new-model":
        return new_model(args.id, args.model, args.content)
    if args.command == "translation":
        return new_translation(args.model, args.id)
    if args.command == "messages":
        for path in update_catalogs(PROJECT):
            print(_("Geschreven: %(path)s") % {"path": display_path(path)})
        return 0
    if args.command == "schemas":
        for path in write_schemas(PROJECT / "schema"):
            print(_("Geschreven: %(path)s") % {"path": display_path(path)})
        return 0
    if args.command == "serve":
        from .dev_server import serve
        watched = [args.site, args.model, args.content,
                   PROJECT / "site_templates", PROJECT / "scoring_py"]
        return serve(run_build, args.out, watched, port=args.port)
    return 1 if run_build() else 0


def stopped(count: int, out: Path) -> str:
    """The first line of a failed build."""
    return ngettext("De bouw is gestopt: 1 probleem gevonden. De vorige versie van %(out)s blijft staan.",
                    "De bouw is gestopt: %(n)s problemen gevonden. De vorige versie van %(out)s blijft staan.",
                    count) % {"n": count, "out": display_path(out)}


def done(files: int, warnings: int, out: Path) -> str:
    """The last line of a good build."""
    values = {"files": files, "n": warnings, "out": display_path(out)}
    if not warnings:
        return _("Klaar: %(files)s bestanden in %(out)s.") % values
    return ngettext("Klaar: %(files)s bestanden in %(out)s, 1 waarschuwing.",
                    "Klaar: %(files)s bestanden in %(out)s, %(n)s waarschuwingen.", warnings) % values


def load_yaml_model(path: Path) -> Model:
    """A model file read and checked by the build, for scoring_py's commands; every problem in one message. It carries
    the engine's texts in its language (`messages`, none for Dutch), as its published JSON does."""
    try:
        model = load_model(path)
    except BuildError as error:
        message = _("het model kan niet geladen worden:\n%(problems)s") % {"problems": error}
        raise scoring_cli.CliError(message) from None
    messages = engine_messages(Catalogs(locale_folder(PROJECT)), model_language(model))
    return {**model, "messages": messages} if messages else model  # type: ignore[typeddict-unknown-key]


def new_model(model_id: str | None, models: Path, content: Path) -> int:
    """`new-model <id>`: a model file and its explanation that build as they are, and what to do next."""
    if not model_id:
        print(_("Geef het id van het nieuwe model, bijvoorbeeld: python build.py new-model mijn-model"),
              file=sys.stderr)
        return 2
    folder = models if models.is_dir() or not models.suffix else models.parent
    try:
        made = create_model(model_id, folder, content)
    except NewModelError as error:
        print(_("fout: %(error)s") % {"error": error}, file=sys.stderr)
        return 1
    print("\n".join(next_steps(made)))
    return 0


def new_translation(model_file: Path, language: str | None) -> int:
    """`translation <language> --model model/x.yaml`: a translation file to start from, beside the model."""
    if model_file.is_dir() or not language:
        print(_("Geef de taal en het model, bijvoorbeeld: python build.py translation en --model model/semm.yaml"),
              file=sys.stderr)
        return 2
    if language not in TARGETS:
        print(_("fout: een vertaling kan in deze talen: %(languages)s (gevonden '%(found)s')") % {
            "languages": ", ".join(TARGETS), "found": language}, file=sys.stderr)
        return 1
    try:
        model = load_model(model_file)
    except BuildError as error:
        print(_("Het model kan niet geladen worden:\n%(problems)s") % {"problems": error}, file=sys.stderr)
        return 1
    path = translation_path(model_file, model["id"], language)
    if path.exists():
        print(_("fout: %(path)s bestaat al; de bouw zegt wat daarin nog ontbreekt of verouderd is") % {
            "path": display_path(path)}, file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starting_file(model, language), encoding="utf-8")
    count = len(text_keys(model))
    print(ngettext("Gemaakt: %(path)s, met 1 tekst om te vertalen. Schrijf bij elke 'text' de vertaling; 'python "
                   "build.py build' zegt hoeveel er nog open staan.",
                   "Gemaakt: %(path)s, met %(n)s teksten om te vertalen. Schrijf bij elke 'text' de vertaling; "
                   "'python build.py build' zegt hoeveel er nog open staan.", count) % {
        "path": display_path(path), "n": count})
    return 0
