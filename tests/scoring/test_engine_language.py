"""The engine speaks the language it is given: its messages and CSV headers come through `_()` (scoring_py/i18n.py).

With English translations installed (as bridge.make_engine does for an English model), an export file's problem
and a CSV header come out in English; with none, in Dutch again. Model words stay data in either language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scoring_py import i18n
from scoring_py.errors import InputError
from scoring_py.exchange import parse_export, to_csv
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
MODEL = load_model(ROOT / "tests" / "fixtures" / "english" / "model" / "practices.yaml")
BROKEN = '{"format": "servicescan",\n  oops}'
ENGLISH = {
    "het bestand is geen JSON (regel %(line)s): kies het .json-bestand dat de scan heeft gemaakt":
        "the file is not JSON (line %(line)s): choose the .json file that the scan made",
    "Soort": "Type",
    "Naam": "Name",
    "Naam van %(the_stage)s": "Name of the %(stage)s",
    "Notitie bij %(the_part)s": "Note on the %(part)s",
    "weet ik niet": "don't know",
}


@pytest.fixture(autouse=True)
def dutch_afterwards() -> Iterator[None]:
    """Every other test reads Dutch: whatever a test here installs is taken away after it."""
    yield
    i18n.use_messages({})


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_export(text, MODEL)
    return caught.value.problems


def header_of(record: dict[str, Any]) -> list[str]:
    return to_csv(MODEL, record).splitlines()[0].split(";")


def first_answer(record: dict[str, Any]) -> str:
    return to_csv(MODEL, record).splitlines()[1].split(";")[4]


def test_an_export_error_and_a_csv_header_follow_the_engine_language() -> None:
    aspect = MODEL["elements"][0]["aspects"][0]["id"]
    record: dict[str, Any] = {"aspects": {aspect: "unknown"}}

    i18n.use_messages(ENGLISH)
    assert problems_of(BROKEN) == ["the file is not JSON (line 2): choose the .json file that the scan made"]
    header = header_of(record)
    assert header[:4] == ["Type", "Practice", "Id", "Name"]  # "Id" has no translation here: it stays Dutch
    assert header[5] == "Name of the level" and header[7] == "Note on the practice"  # the model's own words
    assert first_answer(record) == "don't know"

    i18n.use_messages({})
    assert problems_of(BROKEN) == ["het bestand is geen JSON (regel 2): kies het .json-bestand dat de scan heeft "
                                             "gemaakt"]
    assert header_of(record)[:4] == ["Soort", "Practice", "Id", "Naam"]
    assert first_answer(record) == "weet ik niet"
