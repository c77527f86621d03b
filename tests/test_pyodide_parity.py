"""Parity: scoring_py gives exactly the same results in Pyodide (the browser's Python 3.14) as in CPython.

tests/pyodide/run_vectors.mjs loads the vendored npm Pyodide in Node, copies scoring_py into it unchanged
and scores every vector in tests/fixtures/scoring/vectors.json; this test compares that with score() here.
The bridge requests in requests.json (ambition gaps, development plan, comparison) are run the same way.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from scoring_py import AnswersError, __version__, score
from scoring_py.bridge import run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "scoring"
RUNNER = ROOT / "tests" / "pyodide" / "run_vectors.mjs"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node is not installed (CI has it: the parity check runs there)"),
    pytest.mark.skipif(
        not (PYODIDE_DIR / "pyodide.mjs").is_file(),
        reason="node_modules/pyodide is missing: run `npm ci` (CI has it: the parity check runs there)",
    ),
]

VECTORS = FIXTURES / "vectors.json"
CALLS = FIXTURES / "calls.json"  # browser operations (export, import, share, team) through bridge.make_caller
REQUESTS = FIXTURES / "requests.json"  # plan and compare requests through bridge.run


def fixture_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return FIXTURES / "model.json"


def semm_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """model/semm.yaml as the build loads it, written as JSON the way the site hands it to the browser."""
    yaml_file = ROOT / "model" / "semm.yaml"
    if not yaml_file.is_file():
        pytest.skip("model/semm.yaml does not exist yet")
    try:
        from sitegen.model import load_model
    except ModuleNotFoundError:
        pytest.skip("sitegen.model (the build's YAML loader) does not exist yet")
    model_file = tmp_path_factory.mktemp("semm") / "semm.json"
    model_file.write_text(json.dumps(load_model(yaml_file), ensure_ascii=False), encoding="utf-8")
    return model_file


# The vectors use ids e1a..e3b, ra and rb, phases 1-6 and levels 0-4, which both models have.
MODELS = [
    pytest.param(fixture_model_file, id="fixture-model"),
    pytest.param(semm_model_file, id="semm-yaml"),
]


def run_in_cpython(model: dict[str, Any], vectors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What run_vectors.mjs does inside Pyodide, done here in CPython."""
    cases: list[dict[str, Any]] = []
    for vector in vectors:
        try:
            cases.append({"name": vector["name"], "result": score(model, vector["answers"])})
        except AnswersError as error:
            cases.append({"name": vector["name"], "problems": error.problems})
    return cases


def run_requests_in_cpython(model: dict[str, Any], requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bridge requests (plan, compare, ...) as run_vectors.mjs runs them inside Pyodide."""
    cases: list[dict[str, Any]] = []
    for item in requests:
        try:
            cases.append({"name": item["name"], "result": run(model, item["request"])})
        except AnswersError as error:
            cases.append({"name": item["name"], "problems": error.problems})
    return cases


@pytest.fixture(scope="module", params=MODELS)
def model_and_pyodide_output(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], dict[str, Any]]:
    model_file: Path = request.param(tmp_path_factory)
    completed = subprocess.run(
        [NODE or "node", str(RUNNER), str(model_file), str(VECTORS), str(PYODIDE_DIR), str(ROOT / "scoring_py"),
         str(REQUESTS), str(CALLS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    # Round-trip through JSON on the CPython side too, so both sides are compared as parsed JSON.
    return json.loads(model_file.read_text(encoding="utf-8")), json.loads(completed.stdout)


def test_vectors_cover_the_cases() -> None:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    names = [vector["name"] for vector in vectors]

    assert len(vectors) >= 10
    assert len(set(names)) == len(names), "vector names must be unique"


def test_runs_in_python_3_14(model_and_pyodide_output: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, output = model_and_pyodide_output

    assert output["python_version"].startswith("3.14"), output["python_version"]
    # The package really came from the copied files, not from something Pyodide ships.
    assert output["scoring_file"] == "/home/pyodide/scoring_py/__init__.py"
    assert output["scoring_version"] == __version__


def test_same_results_as_cpython(model_and_pyodide_output: tuple[dict[str, Any], dict[str, Any]]) -> None:
    model, output = model_and_pyodide_output
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    expected = json.loads(json.dumps(run_in_cpython(model, vectors), ensure_ascii=False))

    assert [case["name"] for case in output["cases"]] == [vector["name"] for vector in vectors]
    for got, want in zip(output["cases"], expected):
        assert got == want, f"Pyodide and CPython differ for vector {want['name']!r}"
    # Both outcomes are exercised: results and validation problems.
    assert any("result" in case for case in expected)
    assert any("problems" in case for case in expected)


def test_browser_operations_same_as_cpython(model_and_pyodide_output: tuple[dict[str, Any], dict[str, Any]]) -> None:
    from scoring_py.bridge import make_caller

    model, output = model_and_pyodide_output
    caller = make_caller(json.dumps(model))
    calls = json.loads(CALLS.read_text(encoding="utf-8"))
    expected = [{"name": call["name"], "answer": json.loads(caller(call["operation"], json.dumps(call["args"])))}
                for call in calls]

    assert [case["name"] for case in output["calls"]] == [call["name"] for call in calls]
    for got, want in zip(output["calls"], expected):
        assert got == want, f"Pyodide and CPython differ for operation {want['name']!r}"
    assert {call["operation"] for call in calls} == {"parse_export", "parse_exports", "export_json", "to_csv",
                                                     "encode_share", "decode_share", "aggregate", "aggregate_csv"}
    assert any(case["answer"]["ok"] for case in expected) and any(not case["answer"]["ok"] for case in expected)


def test_requests_cover_plan_and_compare() -> None:
    requests = json.loads(REQUESTS.read_text(encoding="utf-8"))
    kinds = {item["request"].get("kind") for item in requests}

    assert {"score", "plan", "compare"} <= kinds
    assert len({item["name"] for item in requests}) == len(requests), "request names must be unique"


def test_same_plan_and_comparison_as_cpython(model_and_pyodide_output: tuple[dict[str, Any], dict[str, Any]]) -> None:
    model, output = model_and_pyodide_output
    requests = json.loads(REQUESTS.read_text(encoding="utf-8"))
    expected = json.loads(json.dumps(run_requests_in_cpython(model, requests), ensure_ascii=False))

    assert [case["name"] for case in output["requests"]] == [item["name"] for item in requests]
    for got, want in zip(output["requests"], expected):
        assert got == want, f"Pyodide and CPython differ for request {want['name']!r}"
    assert any("result" in case and "plan" in case["result"] for case in expected)
    assert any("result" in case and "overall" in case["result"] and "element_counts" in case["result"]
               for case in expected)
    assert any("problems" in case for case in expected)
