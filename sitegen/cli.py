"""The command line: `build` (the default) and `serve`.

Reached as `python build.py` in a checkout, `python -m sitegen`, or `servicescan-build` once installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildError, display_path
from .pipeline import PROJECT, build


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    """Parse the arguments, build (and for `serve`, serve and rebuild); the exit code: 0 built, 1 not."""
    parser = argparse.ArgumentParser(prog=prog, description="Bouw de scan-site in dist/.")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "serve"])
    parser.add_argument("--model", type=Path, default=PROJECT / "model",
                        help="de map met modellen (elk .yaml-bestand wordt een scan), of één modelbestand")
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help="de map met de uitlegpagina's")
    parser.add_argument("--site", type=Path, default=PROJECT / "site.yaml", help="de instellingen van de site")
    parser.add_argument("--out", type=Path, default=PROJECT / "dist", help="de map voor de site")
    parser.add_argument("--strict", action="store_true", help="stop ook bij waarschuwingen")
    parser.add_argument("--port", type=int, default=8000, help="poort voor 'serve'")
    args = parser.parse_args(argv)

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
