#!/usr/bin/env python3
"""Build the scan site: model (YAML) and content (Markdown) in, static pages in dist/ out.

    python build.py [build] [--strict] [--model model/semm.yaml] [--out dist]
    python build.py serve [--port 8000]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from sitegen.assets import collect_assets
from sitegen.content import load_content
from sitegen.errors import BuildError, Problem, Problems, display_path
from sitegen.links import check_links, site_anchors
from sitegen.model import check_model_file
from sitegen.service_worker import SERVICE_WORKER, render_service_worker
from sitegen.pages import check_required_content, plan_pages
from sitegen.render import make_environment, render_pages
from sitegen.runtime import load_runtime, trace_answers
from sitegen.writer import write_site

PROJECT = Path(__file__).resolve().parent
CACHE = PROJECT / ".cache"  # the compiled Pyodide standard library, per Pyodide version (see sitegen/runtime.py)
SITE = {"name": "Service Excellence Scan", "language": "nl"}


@dataclass
class BuildReport:
    files: int
    warnings: list[Problem]


def build(model_path: Path, out: Path, content: Path = PROJECT / "content", strict: bool = False,
          cache: Path = CACHE) -> BuildReport:
    """Load model -> validate -> load content -> prepare the engine -> render -> write; nothing is written unless
    all input is valid."""
    model, model_problems = check_model_file(model_path)
    pages, content_problems = load_content(content)
    folder_problems = Problems(display_path(content))
    check_required_content(pages, folder_problems)
    all_problems = [model_problems, *content_problems, folder_problems]
    errors = [p for problems in all_problems for p in problems.errors]
    if errors:
        raise BuildError(errors)

    runtime = load_runtime(PROJECT, trace_answers(model), cache)
    assets = collect_assets(PROJECT, model, runtime)
    planned = plan_pages(model, pages)
    files = render_pages(make_environment(PROJECT / "site_templates"), planned, model, SITE, assets)
    link_problems = check_links(pages, site_anchors(files))
    warnings = [p for problems in all_problems for p in problems.items if p.warning]
    if link_problems or (strict and warnings):
        raise BuildError(link_problems + (warnings if strict else []))

    files.update(assets.files)
    files[SERVICE_WORKER] = render_service_worker(files, PROJECT / "site_templates" / "service-worker.js")
    write_site(out, files)
    return BuildReport(files=len(files), warnings=warnings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Bouw de scan-site in dist/.")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "serve"])
    parser.add_argument("--model", type=Path, default=PROJECT / "model" / "semm.yaml", help="het modelbestand")
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help="de map met de uitlegpagina's")
    parser.add_argument("--out", type=Path, default=PROJECT / "dist", help="de map voor de site")
    parser.add_argument("--strict", action="store_true", help="stop ook bij waarschuwingen")
    parser.add_argument("--port", type=int, default=8000, help="poort voor 'serve'")
    args = parser.parse_args(argv)

    def run_build() -> bool:
        try:
            report = build(args.model, args.out, args.content, strict=args.strict)
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
        from sitegen.serve import serve
        watched = [args.model.parent, args.content, PROJECT / "site_templates", PROJECT / "scoring_py"]
        return serve(run_build, args.out, watched, port=args.port)
    return 0 if run_build() else 1


if __name__ == "__main__":
    sys.exit(main())
