"""Parity: the engine gives exactly the same answers in Pyodide (the browser's Python 3.14) as in CPython.

One set of calls, tests/fixtures/engine/calls.json, covers every operation of scoring_py.bridge (scoring, ambition,
plan, comparison, export, import, CSV, share links, team figures) and the protocol's own refusals. The calls run
through `bridge.make_engine`, as the browser's Web Worker runs them, in CPython here and in the npm Pyodide under
Node (run_calls.mjs, beside this file), on two models: the fixture model and model/semm.yaml as the build loads it.
Two varied models and an English one have calls of their own with the answers they must give: the English model's
JSON carries the engine's texts in English, as the site publishes it, so its CSV files, team figures and refusals
must come out in English (commas between cells, decimal points) in both Pythons.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from scoring_py import __version__, i18n
from scoring_py.bridge import OPERATIONS, make_engine

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "engine"
CALLS = FIXTURES / "calls.json"
RUNNER = Path(__file__).resolve().parent / "run_calls.mjs"  # its Node driver, beside it
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
NODE = shutil.which("node")

needs_pyodide = [
    pytest.mark.skipif(NODE is None, reason="node is not installed (CI has it: the parity check runs there)"),
    pytest.mark.skipif(not (PYODIDE_DIR / "pyodide.mjs").is_file(),
                       reason="node_modules/pyodide is missing: run `npm ci` (CI has it: the parity check runs there)"),
]


def fixture_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return FIXTURES / "model.json"


def semm_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """model/semm.yaml as the build loads it, written as JSON the way the site hands it to the browser."""
    from sitegen.model import load_model

    model_file = tmp_path_factory.mktemp("semm") / "semm.json"
    model_file.write_text(json.dumps(load_model(ROOT / "model" / "semm.yaml"), ensure_ascii=False), encoding="utf-8")
    return model_file


def varied_model_file(name: str) -> Any:
    """A fixture model with other words, another scale and another rule (tests/fixtures/varied), as the build loads it."""
    def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
        from sitegen.model import load_model

        path = tmp_path_factory.mktemp(name) / f"{name}.json"
        path.write_text(json.dumps(load_model(ROOT / "tests" / "fixtures" / "varied" / "model" / f"{name}.yaml"),
                                   ensure_ascii=False), encoding="utf-8")
        return path
    return model_file


def english_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English fixture model as the site publishes it: with the engine's texts in English (tests/scoring/english.py)."""
    from tests.scoring.english import practices, published_json

    path = tmp_path_factory.mktemp("english") / "practices.json"
    path.write_text(published_json(practices()), encoding="utf-8")
    return path


# calls.json uses ids e1a..e3b, ra and rb, phases 1-6 and levels 0-4, which the fixture model and SEMM both have; the
# varied and the English models have calls of their own, with the hand-computed answers they must give (`expect`).
MODELS = [pytest.param((fixture_model_file, CALLS), id="fixture-model"),
          pytest.param((semm_model_file, CALLS), id="semm-yaml"),
          pytest.param((varied_model_file("veilig"), FIXTURES / "calls-veilig.json"), id="veilig-mean-groups"),
          pytest.param((varied_model_file("ladder"), FIXTURES / "calls-ladder.json"), id="ladder-questions"),
          pytest.param((english_model_file, FIXTURES / "calls-english.json"), id="english-practices")]


def calls(path: Path = CALLS) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def prepared_calls(path: Path = CALLS) -> list[dict[str, Any]]:
    """Each call with its arguments as JSON text, made once here and sent unchanged to both Pythons."""
    return [{"name": call["name"], "operation": call["operation"],
             "args_text": call["args_text"] if "args_text" in call else json.dumps(call["args"], ensure_ascii=False)}
            for call in calls(path)]


def run_in_cpython(model_json: str, path: Path = CALLS) -> list[dict[str, Any]]:
    """What run_calls.mjs does inside Pyodide, done here. An English model's engine speaks English from then on, as
    in the browser's worker; here the language before it is put back, so the tests after it read Dutch."""
    before = i18n.use_messages({})
    try:
        engine = make_engine(model_json)
        return [{"name": call["name"], "answer": json.loads(engine(call["operation"], call["args_text"]))}
                for call in prepared_calls(path)]
    finally:
        i18n.use_translator(before)


def at(answer: Any, path: str) -> Any:
    """The value at a dotted path in an answer: "value.overall.value", "value.elements.2.value"."""
    for key in path.split("."):
        answer = answer[int(key)] if isinstance(answer, list) else answer[key]
    return answer


@pytest.mark.parametrize("model", MODELS[2:])
def test_the_varied_models_give_the_hand_computed_answers(model: tuple[Any, Path],
                                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    make_file, path = model
    answers = {case["name"]: case["answer"] for case in run_in_cpython(make_file(tmp_path_factory).read_text("utf-8"),
                                                                        path)}
    for call in calls(path):
        for where, value in call["expect"].items():
            assert at(answers[call["name"]], where) == value, f"{call['name']}: {where}"


@pytest.fixture(scope="module", params=MODELS)
def both(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[list, dict]:
    for mark in needs_pyodide:
        if mark.args[0]:
            pytest.skip(mark.kwargs["reason"])
    make_file, path = request.param
    model_file: Path = make_file(tmp_path_factory)
    calls_file = tmp_path_factory.mktemp("calls") / "calls.json"
    calls_file.write_text(json.dumps(prepared_calls(path), ensure_ascii=False), encoding="utf-8")
    completed = subprocess.run([NODE or "node", str(RUNNER), str(model_file), str(calls_file), str(PYODIDE_DIR),
                                str(ROOT / "scoring_py")],
                               cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert completed.returncode == 0, completed.stderr
    return run_in_cpython(model_file.read_text(encoding="utf-8"), path), json.loads(completed.stdout)


def test_the_calls_cover_every_operation_and_both_outcomes() -> None:
    names = [call["name"] for call in calls()]
    answers = run_in_cpython(FIXTURES.joinpath("model.json").read_text(encoding="utf-8"))

    assert len(set(names)) == len(names), "call names must be unique"
    assert set(OPERATIONS) <= {call["operation"] for call in calls()}
    assert any(case["answer"]["ok"] for case in answers) and any(not case["answer"]["ok"] for case in answers)


def test_every_answer_has_the_one_shape() -> None:
    for case in run_in_cpython(FIXTURES.joinpath("model.json").read_text(encoding="utf-8")):
        answer = case["answer"]
        if answer["ok"]:
            assert set(answer) == {"ok", "value"}, case["name"]
        else:
            assert set(answer) == {"ok", "problems"} and answer["problems"], case["name"]
            assert all(isinstance(problem, str) and "Error" not in problem for problem in answer["problems"])


def test_runs_in_python_3_14(both: tuple[list, dict]) -> None:
    _, output = both

    assert output["python_version"].startswith("3.14"), output["python_version"]
    # The package really came from the copied files, not from something Pyodide ships.
    assert output["scoring_file"] == "/home/pyodide/scoring_py/__init__.py"
    assert output["scoring_version"] == __version__


def test_same_answers_as_cpython(both: tuple[list, dict]) -> None:
    expected, output = both

    assert [case["name"] for case in output["answers"]] == [case["name"] for case in expected]
    for got, want in zip(output["answers"], expected, strict=True):
        assert got == want, f"Pyodide and CPython differ for {want['name']!r}"
