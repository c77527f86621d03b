"""One rule, two readers: scoring_py/record.py and the browser's record.js give the same verdict on any record.

The import (Python) refuses a file with any problem; the browser's storage drops each part that does not fit
(after copying the original aside). Agreement unit for unit means: whatever the import accepts is stored as it
is and never quarantined, and what the storage drops is exactly what the import would have refused. The same holds
for the team page's session (check_session and checkSession): what the engine accepts, the storage keeps.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from scoring_py.model import Model
from scoring_py.record import check_record, check_session, record_rules
from sitegen.model import load_model
from tests.strategies import records, sessions

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (CI has it)")

# Every shipped model and every fixture model (the minimal one has no result areas, the sample one other words), so
# the branches for any shape are compared, and a new model is compared without a change here.
MODEL_FILES = sorted((ROOT / "model").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").glob("*/model/*.yaml"))
MODELS = {path.stem: load_model(path) for path in MODEL_FILES}
assert any(not model.get("result_areas") for model in MODELS.values()), "a model without result areas is compared"


@pytest.fixture(scope="module")
def browser_check() -> Iterator[Any]:
    process = subprocess.Popen([NODE or "node", str(ROOT / "tests" / "js" / "check_records.mjs")], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def check(model: Model, record: dict[str, Any], kind: str = "record") -> list[str]:
        assert process.stdin and process.stdout
        process.stdin.write(json.dumps({"rules": record_rules(model), kind: record}, ensure_ascii=False) + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    yield check
    assert process.stdin
    process.stdin.close()
    process.wait(timeout=10)


def python_units(model: Model, record: dict[str, Any]) -> list[str]:
    return sorted({problem.unit for problem in check_record(model, record)})


def python_session_units(model: Model, session: dict[str, Any]) -> list[str]:
    return sorted({problem.unit for problem in check_session(model, session)})


@pytest.mark.parametrize("name", MODELS)
def test_python_and_the_browser_drop_the_same_parts(browser_check: Any, name: str) -> None:
    model = MODELS[name]

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(records(model))
    def agree(record: dict[str, Any]) -> None:
        record = json.loads(json.dumps(record, ensure_ascii=False))  # through JSON text, as it travels between the two
        assert browser_check(model, record) == python_units(model, record)

    agree()


@pytest.mark.parametrize("name", MODELS)
def test_a_valid_record_passes_both(browser_check: Any, name: str) -> None:
    model = MODELS[name]

    @given(records(model, valid_only=True))
    def both_accept(record: dict[str, Any]) -> None:
        assert python_units(model, record) == [] == browser_check(model, record)

    both_accept()


@pytest.mark.parametrize("name", MODELS)
def test_python_and_the_browser_drop_the_same_parts_of_a_session(browser_check: Any, name: str) -> None:
    model = MODELS[name]

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(sessions(model))
    def agree(session: dict[str, Any]) -> None:
        session = json.loads(json.dumps(session, ensure_ascii=False))
        assert browser_check(model, session, "session") == python_session_units(model, session)

    agree()


@pytest.mark.parametrize("name", MODELS)
def test_a_valid_session_passes_both(browser_check: Any, name: str) -> None:
    model = MODELS[name]

    @given(sessions(model, valid_only=True))
    def both_accept(session: dict[str, Any]) -> None:
        assert python_session_units(model, session) == [] == browser_check(model, session, "session")

    both_accept()
