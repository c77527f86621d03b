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

from scoring_py.record import check_record, check_session, record_rules
from sitegen.model import load_model
from tests.strategies import records, sessions

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (CI has it)")

MODEL = load_model(ROOT / "model" / "semm.yaml")
RULES = record_rules(MODEL)


@pytest.fixture(scope="module")
def browser_check() -> Iterator[Any]:
    process = subprocess.Popen([NODE or "node", str(ROOT / "tests" / "js" / "check_records.mjs")], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def check(record: dict[str, Any], kind: str = "record") -> list[str]:
        assert process.stdin and process.stdout
        process.stdin.write(json.dumps({"rules": RULES, kind: record}, ensure_ascii=False) + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    yield check
    assert process.stdin
    process.stdin.close()
    process.wait(timeout=10)


def python_units(record: dict[str, Any]) -> list[str]:
    return sorted({problem.unit for problem in check_record(MODEL, record)})


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(records(MODEL))
def test_python_and_the_browser_drop_the_same_parts(browser_check: Any, record: dict[str, Any]) -> None:
    # Through JSON text, as the record travels between the two.
    record = json.loads(json.dumps(record, ensure_ascii=False))
    assert browser_check(record) == python_units(record)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records(MODEL, valid_only=True))
def test_a_valid_record_passes_both(browser_check: Any, record: dict[str, Any]) -> None:
    assert python_units(record) == [] == browser_check(record)


def python_session_units(session: dict[str, Any]) -> list[str]:
    return sorted({problem.unit for problem in check_session(MODEL, session)})


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sessions(MODEL))
def test_python_and_the_browser_drop_the_same_parts_of_a_session(browser_check: Any, session: dict[str, Any]) -> None:
    session = json.loads(json.dumps(session, ensure_ascii=False))
    assert browser_check(session, "session") == python_session_units(session)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions(MODEL, valid_only=True))
def test_a_valid_session_passes_both(browser_check: Any, session: dict[str, Any]) -> None:
    assert python_session_units(session) == [] == browser_check(session, "session")
