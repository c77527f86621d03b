#!/usr/bin/env python3
"""Speed of the facilitator's tools: the team view with 200 respondents in the browser, a step in the presentation
and a changed team answer with those 200, and `python -m sitegen aggregate` over 10,000 export files. A script,
not a test; its numbers go in docs/performance.md.

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
STEP_TARGET = 100.0  # milliseconds, from a key press in the presentation to the next slide drawn
ANSWER_TARGET = 100.0  # milliseconds, from a changed team answer to it being saved and shown everywhere
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


# In the page: each step is a key press on the presentation, timed until the browser has drawn the next frame.
STEPS = """async (count) => {
  const dialog = document.querySelector("[data-presenter]");
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  for (let n = 0; n < count; n += 1) {
    const start = performance.now();
    document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: n % 2 ? "ArrowLeft" : "ArrowRight",
                                                                        bubbles: true }));
    await frame();
    times.push(performance.now() - start);
  }
  return times;
}"""
# A changed team answer in the list: checked by the record rule, the session (200 scans) saved, list, slide and
# printed report updated, until the next frame.
ANSWERS = """async (count) => {
  const select = document.querySelector("#akkoord-e1a");
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  for (let n = 0; n < count; n += 1) {
    const start = performance.now();
    select.value = String(1 + (n % 6));
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await frame();
    times.push(performance.now() - start);
  }
  return times;
}"""


def time_team_view(files: list[Path], runs: int) -> dict[str, list[float]]:
    """Seconds to the team's figures (one per run), and milliseconds per presentation step and per changed answer."""
    from playwright.sync_api import sync_playwright

    server = start_server(ROOT / "dist")
    url = f"http://127.0.0.1:{server.server_port}/semm/team.html"
    times: dict[str, list[float]] = {"view": [], "step": [], "answer": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("html[data-engine=ready]", state="attached", timeout=120_000)
            start = time.perf_counter()
            page.set_input_files("[data-team-files]", [str(path) for path in files])
            page.wait_for_selector("[data-team-result]:not([hidden])", timeout=60_000)
            times["view"].append(time.perf_counter() - start)
            times["answer"] += page.evaluate(ANSWERS, 20)
            page.click("[data-presenter-open]")
            page.wait_for_selector("[data-presenter] .slide:not([hidden])")
            times["step"] += page.evaluate(STEPS, 40)
            context.close()
        browser.close()
    server.shutdown()
    return times


def time_aggregate(files: list[Path]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", "aggregate", *map(str, files),
                    "--csv", str(files[0].parent / "team.csv")], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        files = write_exports(Path(folder), FILES)
        measured = time_team_view(files[:TEAM_SIZE], args.runs)
        aggregate = time_aggregate(files)
    team = measured["view"]
    print(f"| team view, {TEAM_SIZE} respondents (median / max of {args.runs}) | "
          f"{statistics.median(team):.2f} s / {max(team):.2f} s | ≤ {TEAM_TARGET:.0f} s | "
          f"{'met' if statistics.median(team) <= TEAM_TARGET else 'NOT met'} |")
    for key, what, target in (("step", "presentation, one step by keyboard", STEP_TARGET),
                              ("answer", "a changed team answer, saved and shown", ANSWER_TARGET)):
        values = sorted(measured[key])
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"| {what}, {TEAM_SIZE} respondents (p50 / p95 / max of {len(values)}) | "
              f"{statistics.median(values):.1f} ms / {p95:.1f} ms / {values[-1]:.1f} ms | ≤ {target:.0f} ms | "
              f"{'met' if values[-1] <= target else 'NOT met'} |")
    print(f"| `aggregate` over {FILES:,} files | {aggregate:.2f} s | ≤ {AGGREGATE_TARGET:.0f} s | "
          f"{'met' if aggregate <= AGGREGATE_TARGET else 'NOT met'} |".replace(",", "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
