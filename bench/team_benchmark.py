#!/usr/bin/env python3
"""Speed of the facilitator's tools (issue 5): the team view with 200 respondents in the browser, and
`python -m scoring_py aggregate` over 10,000 export files. A script, not a test; its numbers go in the README.

    .venv/bin/python bench/team_benchmark.py [--runs 5]

Uses the built dist/ (run `python build.py` first) and writes the export files into a temporary folder.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchmark import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scoring_py import export_json  # noqa: E402
from sitegen.model import load_model  # noqa: E402
from sitegen.serve import start_server  # noqa: E402

TEAM_SIZE, TEAM_TARGET = 200, 1.0  # seconds, from choosing the files to the team's figures on screen
FILES, AGGREGATE_TARGET = 10_000, 10.0  # seconds for the command line


def write_exports(folder: Path, count: int) -> list[Path]:
    """`count` respondents of the SEMM model with random but repeatable answers, spread over seven units."""
    model = load_model(ROOT / "model" / "semm.yaml")
    aspects = [aspect["id"] for element in model["elements"] for aspect in element["aspects"]]
    phases = [phase["id"] for phase in model["phases"]["items"]]
    levels = [level["id"] for level in model["result_levels"]["items"]]
    chance = random.Random(5)
    paths = []
    for number in range(count):
        record = {"schema": 1, "id": f"s{number}", "name": f"Respondent {number}", "model": model["id"],
                  "model_version": model["version"], "created": "2026-11-01T10:00:00Z",
                  "updated": "2026-11-01T10:00:00Z", "respondent": {"unit": f"Afdeling {number % 7}"},
                  "aspects": {a: chance.choice(phases) for a in aspects},
                  "results": {area["id"]: chance.choice(levels) for area in model["result_areas"]},
                  "notes": {}, "ambition": {"elements": {}, "results": {}}, "step": None, "snapshots": []}
        path = folder / f"respondent-{number:05d}.json"
        path.write_text(export_json(model, record, "2026-11-23T10:00:00Z"), encoding="utf-8")
        paths.append(path)
    return paths


def time_team_view(files: list[Path], runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    server = start_server(ROOT / "dist")
    url = f"http://127.0.0.1:{server.server_port}/semm/team.html"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("html[data-engine=ready]", state="attached", timeout=120_000)
            start = time.perf_counter()
            page.set_input_files("[data-team-files]", [str(path) for path in files])
            page.wait_for_selector("[data-team-result]:not([hidden])", timeout=60_000)
            times.append(time.perf_counter() - start)
            context.close()
        browser.close()
    server.shutdown()
    return times


def time_aggregate(files: list[Path]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scoring_py", "aggregate", *map(str, files),
                    "--csv", str(files[0].parent / "team.csv")], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        files = write_exports(Path(folder), FILES)
        team = time_team_view(files[:TEAM_SIZE], args.runs)
        aggregate = time_aggregate(files)
    print(f"| team view, {TEAM_SIZE} respondents (median / max of {args.runs}) | "
          f"{statistics.median(team):.2f} s / {max(team):.2f} s | ≤ {TEAM_TARGET:.0f} s | "
          f"{'met' if statistics.median(team) <= TEAM_TARGET else 'NOT met'} |")
    print(f"| `aggregate` over {FILES:,} files | {aggregate:.2f} s | ≤ {AGGREGATE_TARGET:.0f} s | "
          f"{'met' if aggregate <= AGGREGATE_TARGET else 'NOT met'} |".replace(",", "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
