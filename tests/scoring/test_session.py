"""scoring_py/session.py: from the respondents' scans and what the group agreed to one team scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring_py import InputError, aggregate, check_record, parse_export, team_scan
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
MODEL = load_model(ROOT / "model" / "semm.yaml")
TEAM = ROOT / "tests" / "fixtures" / "team"


def respondents() -> list[dict]:
    scans = [parse_export((TEAM / f"{name}.json").read_text(encoding="utf-8"), MODEL) for name in ("anna", "bram", "cem")]
    return [{key: scan[key] for key in ("name", "respondent", "aspects", "results")} for scan in scans]


def test_the_proposal_is_the_team_answer_and_what_the_group_agreed_replaces_it() -> None:
    session: dict = {"respondents": respondents(),
               "consensus": {"aspects": {"e1a": 2, "e3a": 3}, "results": {"ra": 1},
                             "notes": {"e1a": "  Anna legde uit waarom  ", "e5a": " "}}}

    made = team_scan(MODEL, session, " Klantcontact ", "2025-03-01")

    team = aggregate(MODEL, session["respondents"])
    proposals = {item["id"]: item["team"] for item in team["aspects"]}
    content = made["content"]
    assert content["aspects"] == {**proposals, "e1a": 2, "e3a": 3}
    assert content["results"] == {"ra": 1, "rb": 2, "rc": 1, "rd": 2}
    assert content["respondent"] == {"unit": "Klantcontact"}
    assert content["team"] == {"respondents": 3, "date": "2025-03-01", "notes": {"e1a": "Anna legde uit waarom"}}
    assert (made["agreed"], made["proposed"], made["open"]) == (3, 19, 0)
    assert check_record(MODEL, content) == []


def test_an_item_nobody_answered_stays_open_unless_the_group_chose() -> None:
    session = {"respondents": [{"aspects": {"e1a": 3}}], "consensus": {"aspects": {"e1b": 2}}}

    made = team_scan(MODEL, session, "Zuid", "2025-03-01")

    assert made["content"]["aspects"] == {"e1a": 3, "e1b": 2}
    assert made["content"]["results"] == {}
    assert (made["agreed"], made["proposed"], made["open"]) == (1, 1, 20)


@pytest.mark.parametrize(("session", "team", "date", "problems"), [
    ({"respondents": []}, "", "2025-02-30",
     ["geef de naam van het team of de afdeling",
      "de datum van de sessie is geen bestaande datum zoals 2025-06-30 (gevonden: \"2025-02-30\")",
      "er staan nog geen scans in de sessie: voeg eerst de scans van de deelnemers toe"]),
    ({"respondents": [{}]}, "x" * 201, "2025-03-01", ["de naam van het team is te lang (201 tekens, hooguit 200)"]),
])
def test_name_date_and_respondents_are_needed(session: dict, team: str, date: str, problems: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        team_scan(MODEL, session, team, date)
    assert caught.value.problems == problems


def test_a_part_every_respondent_left_out_is_left_out_of_the_team_scan_too() -> None:
    """ISO/TS 19387: a part counts over those who assessed it; when nobody did, the team scan leaves it out."""
    everyone_out = [{**scan, "excluded": {"e2": "Niet ons terrein"}} for scan in respondents()]
    made = team_scan(MODEL, {"respondents": everyone_out}, "Klantcontact", "2025-03-01")
    assert made["content"]["excluded"] == {"e2": ""}
    assert check_record(MODEL, made["content"]) == []

    one_assessed = [everyone_out[0], *respondents()[1:]]
    assert "excluded" not in team_scan(MODEL, {"respondents": one_assessed}, "Klantcontact", "2025-03-01")["content"]
