"""Property-based: parse_export raises only InputError for any input, and export then import is the identity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring_py import InputError, export_json, parse_export
from sitegen.model import load_model
from tests.strategies import actions, snapshot_id, team

MODEL = load_model(Path(__file__).resolve().parents[2] / "model" / "semm.yaml")
ASPECTS = [a["id"] for e in MODEL["elements"] for a in e["aspects"]]
ELEMENTS = [e["id"] for e in MODEL["elements"]]
AREAS = [a["id"] for a in MODEL["result_areas"]]
PHASES = [p["id"] for p in MODEL["phases"]["items"]]
LEVELS = [level["id"] for level in MODEL["result_levels"]["items"]]
HEADER = {"format": "servicescan", "format_version": 1, "model": "semm"}
PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "__proto__", "constructor", "=1+1", ""]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["__proto__", "constructor", "aspects", "e1a"]) | st.text(max_size=8),
                      children, max_size=4),
    max_leaves=25,
)


def only_our_error(text: str) -> None:
    try:
        parse_export(text, MODEL)
    except InputError as error:
        assert error.problems and all(isinstance(problem, str) and problem for problem in error.problems)


@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_with_our_error(text: str) -> None:
    only_our_error(text)


@given(st.dictionaries(st.sampled_from(list(HEADER) + ["scan", "respondent", "aspects", "results", "notes",
                                                        "ambition", "snapshots", "actions", "team", "exported",
                                                        "__proto__"]),
                       json_values, max_size=8))
def test_any_export_like_object_is_read_or_refused_with_our_error(fields: dict) -> None:
    text = json.dumps({**HEADER, **fields}, allow_nan=True)
    only_our_error(text)
    only_our_error(text[: len(text) // 2])  # truncated


short_text = st.text(max_size=30).filter(str.strip) | st.sampled_from(PAYLOADS[:2])
answers = st.dictionaries(st.sampled_from(ASPECTS), st.sampled_from([*PHASES, "unknown"]))
results = st.dictionaries(st.sampled_from(AREAS), st.sampled_from([*LEVELS, "unknown"]))
notes = st.dictionaries(st.sampled_from(ELEMENTS), st.text(max_size=200) | st.sampled_from(PAYLOADS))
ambition = st.fixed_dictionaries({"elements": st.dictionaries(st.sampled_from(ELEMENTS), st.sampled_from(PHASES)),
                                  "results": st.dictionaries(st.sampled_from(AREAS), st.sampled_from(LEVELS))})
dates = st.datetimes().map(lambda moment: moment.isoformat(timespec="milliseconds") + "Z")
ids = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
snapshot = st.fixed_dictionaries({"id": ids, "name": short_text, "taken": dates,
                                  "model": st.just("semm"), "model_version": st.just(MODEL["version"]),
                                  "aspects": answers, "results": results, "notes": notes, "ambition": ambition})
records = st.fixed_dictionaries({
    "schema": st.just(1), "id": st.text(min_size=1, max_size=12), "name": short_text, "model": st.just("semm"),
    "model_version": st.just(MODEL["version"]), "created": dates, "updated": dates,
    "respondent": st.fixed_dictionaries({}, optional={"name": short_text, "role": short_text, "unit": short_text}),
    "aspects": answers, "results": results, "notes": notes, "ambition": ambition,
    "step": st.none() | st.sampled_from(["e1", "resultaten"]), "snapshots": st.lists(snapshot, max_size=3, unique_by=snapshot_id),
    "actions": actions(MODEL, valid_only=True),
}, optional={"team": team(MODEL, valid_only=True)})


@given(records, dates)
def test_export_then_import_is_the_identity_for_any_valid_scan(record: dict, exported: str) -> None:
    back = parse_export(export_json(MODEL, record, exported), MODEL)
    assert back == {"name": record["name"], "created": record["created"], "updated": record["updated"],
                    "exported": exported, "model": "semm", "model_version": MODEL["version"],
                    "respondent": record["respondent"], "aspects": record["aspects"], "results": record["results"],
                    "notes": record["notes"], "excluded": {}, "not_applicable": {}, "ambition": record["ambition"],
                    "snapshots": record["snapshots"],
                    "actions": record["actions"], **({"team": record["team"]} if "team" in record else {})}


def export_with(extra: str) -> str:
    return json.dumps(HEADER)[:-1] + ", " + extra + "}"


@pytest.mark.parametrize(("extra", "message"), [
    ('"ambition": ' + "[" * 5000 + "]" * 5000,
     "het bestand is te diep genest (meer dan 64 niveaus); een exportbestand van de scan is dat nooit"),
    ('"notes": {"e1": "' + "[" * 5000 + '"}', None),  # brackets inside text are only text
    ('"ambition": {"elements": {"e1": 1e400}}', "het bestand bevat een te groot getal (1e400)"),
    ('"ambition": {"elements": {"e1": ' + "9" * 5000 + "}}", "het bestand bevat een te groot getal (99999999999999999999…)"),
    ('"ambition": {"elements": {"e1": 9007199254740993}}', "het bestand bevat een te groot getal (9007199254740993)"),
    ('"ambition": {"elements": {"e1": NaN}}', "het bestand bevat 'NaN': dat is geen getal dat de scan kan bewaren"),
    ('"ambition": {"elements": {"e1": -Infinity}}',
     "het bestand bevat '-Infinity': dat is geen getal dat de scan kan bewaren"),
    ('"__proto__": {"isAdmin": true}',
     "het bestand bevat de sleutel '__proto__'; die hoort niet in een exportbestand en is niet veilig"),
    ('"snapshots": [{"constructor": {"prototype": 1}}]',
     "het bestand bevat de sleutel 'prototype'; die hoort niet in een exportbestand en is niet veilig"),
])
def test_hostile_files_get_their_own_message(extra: str, message: str | None) -> None:
    if message is None:
        assert parse_export(export_with(extra), MODEL)["notes"] == {"e1": "[" * 5000}
        return
    with pytest.raises(InputError) as caught:
        parse_export(export_with(extra), MODEL)
    assert caught.value.problems == [message]


def test_script_payloads_in_text_fields_come_back_as_the_same_text() -> None:
    payload = PAYLOADS[1]
    data = {**HEADER, "scan": {"name": payload}, "respondent": {"name": payload, "role": payload, "unit": payload},
            "notes": {"e1": payload}, "model_version": payload, "exported": payload}
    back = parse_export(json.dumps(data), MODEL)
    assert back["name"] == back["respondent"]["unit"] == back["notes"]["e1"] == payload
