"""The minimal example model of the publisher guide (docs/eigen-model.md) loads, builds and is scored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scoring_py import score
from sitegen.model import load_model

PROJECT = Path(__file__).resolve().parents[2]
MINIMAL = PROJECT / "tests" / "fixtures" / "minimal" / "model" / "minimaal.yaml"


def test_minimal_example_is_scored_by_the_weakest_link() -> None:
    model = load_model(MINIMAL)
    aspects = [aspect["id"] for element in model["elements"] for aspect in element["aspects"]]
    phases = [phase["id"] for phase in model["phases"]["items"]]
    given = {aspect: phases[-1] for aspect in aspects}
    given[aspects[0]] = phases[0]
    answers = {"model": model["id"], "aspects": given}
    result = score(model, answers)
    assert result["overall"]["phase"] == phases[0]
    assert result["overall"]["provisional"] is False
    assert result["next_phase"] is not None and result["next_phase"]["id"] == phases[1]


def test_minimal_example_on_the_command_line(tmp_path: Path) -> None:
    model = load_model(MINIMAL)
    first = model["elements"][0]["aspects"][0]["id"]
    answers = tmp_path / "antwoorden.json"
    answers.write_text(json.dumps({"model": model["id"], "aspects": {first: 2}}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sitegen", "score", str(answers), "--model", str(MINIMAL), "--json"],
                          cwd=PROJECT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["overall"]["phase"] == 2
