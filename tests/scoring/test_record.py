"""scoring_py/record.py: what a scan record may hold, one rule for the import and for the browser's storage."""

from __future__ import annotations

import json
from pathlib import Path

from scoring_py.model import Model
from scoring_py.record import RecordProblem, check_record, record_rules

MODEL: Model = json.loads((Path(__file__).parent.parent / "fixtures" / "engine" / "model.json").read_text(encoding="utf-8"))
SHOT = {"id": "s0nul", "name": "Nulmeting", "taken": "2025-02-02T09:00:00.000Z", "model": "semm",
        "model_version": "2022.1", "aspects": {"e1a": 2}, "results": {}, "notes": {},
        "ambition": {"elements": {}, "results": {}}}
GOOD = {"name": "Team Zuid", "created": "2025-02-01T09:00:00.000Z", "updated": "2025-02-02", "respondent": {"unit": "Zuid"},
        "aspects": {"e1a": 3, "e1b": "unknown"}, "results": {"ra": 0}, "notes": {"e1": "Besproken"},
        "ambition": {"elements": {"e1": 4}, "results": {"ra": 2}}, "snapshots": [SHOT]}


def units(record: object) -> list[str]:
    return [problem.unit for problem in check_record(MODEL, record)]


def test_a_good_record_has_no_problems() -> None:
    assert check_record(MODEL, GOOD) == []
    assert check_record(MODEL, {}) == []


def test_each_problem_names_the_part_the_storage_would_drop() -> None:
    record = {**GOOD, "name": 5, "created": "gisteren", "stap": 2, "respondent": {"naam": "A", "role": "x" * 201},
              "aspects": {"e1a": 7, "e9z": 1}, "results": {"ra": "unknown", "rb": True},
              "notes": {"e1": 5, "e99": "x", "e2": "x" * 10_001},
              "ambition": {"elements": {"e1": "unknown"}, "results": [], "doel": 1},
              "snapshots": [SHOT, {**SHOT}, {**SHOT, "id": "s1", "aspects": {"e1a": 0}}, 5]}

    assert units(record) == [
        "stap", "name", "created", "respondent.naam", "respondent.role", "aspects.e1a", "aspects.e9z",
        "results.rb", "notes.e1", "notes.e99", "notes.e2", "ambition.doel", "ambition.elements.e1",
        "ambition.results", "snapshots.1", "snapshots.2", "snapshots.3"]


def test_messages_say_what_was_expected_and_what_was_found() -> None:
    problems = check_record(MODEL, {"snapshots": [{"id": "s 1", "name": "Voorjaar", "taken": "2025-13-01",
                                                   "model": "ander", "aspects": {"e1a": 9}}]})

    assert problems == [
        RecordProblem("snapshots.0", "meting 1: 'id' moet een korte code van letters, cijfers, '-' of '_' zijn, "
                                     "gevonden: \"s 1\""),
        RecordProblem("snapshots.0", "meting 1: 'taken' is geen datum zoals 2025-03-01T10:00:00Z "
                                     "(gevonden: \"2025-13-01\")"),
        RecordProblem("snapshots.0", "meting 1: hoort bij model \"ander\", niet bij 'semm'"),
        RecordProblem("snapshots.0", "meting 1: aspect 'e1a': fase 9 bestaat niet (kies 1 t/m 6 of \"unknown\")"),
    ]


def test_the_rules_are_plain_data_for_the_browser() -> None:
    rules = record_rules(MODEL)

    assert json.loads(json.dumps(rules)) == rules
    assert rules["aspects"] == {"ids": ["e1a", "e1b", "e2a", "e2b", "e3a", "e3b"], "values": [1, 2, 3, 4, 5, 6]}
    assert rules["notes"] == {"ids": ["e1", "e2", "e3"], "max": 10_000}
    assert rules["short"] == 200


def test_texts_are_counted_in_characters_not_bytes() -> None:
    """The browser counts the same way (record.js counts code points, not UTF-16 units)."""
    assert check_record(MODEL, {"name": "😀" * 200}) == []
    assert units({"name": "😀" * 201}) == ["name"]


def test_the_browser_tests_read_the_rules_of_the_fixture_model() -> None:
    """tests/js/ reads this file; it must be what record_rules gives today."""
    committed = json.loads((Path(__file__).parent.parent / "fixtures" / "engine" / "record-rules.json").read_text("utf-8"))
    assert committed == record_rules(MODEL)


ACTION = {"id": "a1", "item": "e2a", "text": "Schrijf de klantvisie op", "owner": "Anna", "due": "2025-06-30",
          "status": "open", "note": "Eerst met het MT"}


def test_actions_and_team_data_are_part_of_the_record() -> None:
    record = {**GOOD, "actions": [ACTION, {**ACTION, "id": "a2", "item": "ra", "status": "done"}],
              "team": {"respondents": 5, "date": "2024-02-29", "notes": {"e1a": "Afgesproken", "rb": ""}}}

    assert check_record(MODEL, record) == []


def test_each_bad_action_is_one_unit_and_each_bad_part_of_the_team_data_another() -> None:
    record = {"actions": [ACTION, {**ACTION}, {**ACTION, "id": "a3", "due": "2023-02-29"},
                          {**ACTION, "id": "a4", "item": "e1"}, {**ACTION, "id": "a5", "status": "klaar"},
                          {**ACTION, "id": "a6", "note": "x" * 2001}, "actie"],
              "team": {"respondents": True, "date": "2025-06-31", "notes": {"e1a": 5, "e9z": "x"}, "wie": 1}}

    assert units(record) == ["actions.1", "actions.2", "actions.3", "actions.4", "actions.5", "actions.6",
                             "team.wie", "team.respondents", "team.date", "team.notes.e1a", "team.notes.e9z"]


def test_more_actions_than_the_limit_are_refused_one_by_one() -> None:
    many = [{**ACTION, "id": f"a{n}"} for n in range(502)]

    problems = check_record(MODEL, {"actions": many})
    assert [problem.unit for problem in problems] == ["actions.500", "actions.501"]
    assert problems[0].message == "actie 501: er mogen hooguit 500 acties in een scan staan"


def test_a_session_holds_the_respondents_scans_and_what_the_group_agreed() -> None:
    from scoring_py.record import check_session

    session = {"schema": 1, "name": "Klantcontact", "date": "2025-03-01", "show_names": False, "order": "spread",
               "saved": "s1", "updated": "2025-03-01T10:00:00.000Z",
               "respondents": [{"name": "Scan Anna", "respondent": {"name": "Anna"}, "aspects": {"e1a": 2},
                                "results": {"ra": "unknown"}}],
               "consensus": {"aspects": {"e1a": 3}, "results": {"ra": 2}, "notes": {"e1a": "Eens", "ra": ""}}}
    assert check_session(MODEL, session) == []

    bad = {"stap": 1, "date": "2025-02-30", "show_names": "ja", "order": "willekeurig", "saved": "s 1",
           "respondents": [{"aspects": {"e1a": 9}}, {"notes": {}}, []],
           "consensus": {"aspects": {"e1a": "unknown"}, "results": {"ra": 9}, "notes": {"e1": "x"}, "wie": 1}}
    assert [(problem.unit, problem.message) for problem in check_session(MODEL, bad)] == [
        ("stap", "onbekend veld 'stap' in de teamsessie"),
        ("date", "teamsessie: 'date' is geen bestaande datum zoals 2025-06-30 (gevonden: \"2025-02-30\")"),
        ("saved", "teamsessie: 'saved' moet het id van een scan zijn, gevonden: \"s 1\""),
        ("show_names", "teamsessie: 'show_names' moet true of false zijn, gevonden: \"ja\""),
        ("order", "teamsessie: 'order' moet \"spread\" of \"model\" zijn, gevonden: \"willekeurig\""),
        ("respondents.0", "teamsessie, scan 1: aspect 'e1a': fase 9 bestaat niet (kies 1 t/m 6 of \"unknown\")"),
        ("respondents.1", "teamsessie, scan 2: onbekend veld 'notes'"),
        ("respondents.2", "teamsessie, scan 3: moet een object zijn, gevonden: een lijst"),
        ("consensus.wie", "teamantwoorden: onbekend veld 'wie' (wel: aspects, results, notes)"),
        ("consensus.aspects.e1a", "teamantwoorden: aspect 'e1a': \"unknown\" is geen fasenummer (kies 1 t/m 6)"),
        ("consensus.results.ra", "teamantwoorden: resultaatgebied 'ra': niveau 9 bestaat niet (kies 0 t/m 4)"),
        ("consensus.notes.e1", "teamantwoorden: notitie bij onbekend aspect of resultaatgebied 'e1'"),
    ]


def test_a_day_must_exist_in_the_calendar() -> None:
    from scoring_py.record import is_day

    rules = record_rules(MODEL)
    assert [is_day(rules, day) for day in ("2024-02-29", "2000-02-29", "2025-04-30", "2025-12-31")] == [True] * 4
    assert [is_day(rules, day) for day in ("2023-02-29", "1900-02-29", "2025-04-31", "2025-6-30", 20250630,
                                           "2025-06-30T10:00")] == [False] * 6
