"""scoring_py/aggregate.py: team figures for three fixture respondents, checked by hand."""

from __future__ import annotations

from pathlib import Path

from scoring_py import aggregate, aggregate_csv_rows, parse_export, write_csv
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
MODEL = load_model(ROOT / "model" / "semm.yaml")
TEAM = ROOT / "tests" / "fixtures" / "team"


def team_figures() -> dict:
    scans = [parse_export((TEAM / f"{name}.json").read_text(encoding="utf-8"), MODEL) for name in ("anna", "bram", "cem")]
    return aggregate(MODEL, scans)


def figures(item: dict) -> tuple:
    return (item["count"], item["unknown"], item["lowest"], item["median"], item["highest"], item["spread"],
            item["team"], item["discuss"])


def test_hand_computed_figures_per_aspect() -> None:
    team = team_figures()
    aspects = {item["id"]: figures(item) for item in team["aspects"]}

    # Anna, Bram, Cem: e1a 2, 4, 3; e2a 3, 2, "weet ik niet"; e3a 1, 2, 4; e5a 5, 3, 4; the rest 3, 3, 4.
    assert aspects["e1a"] == (3, 0, 2, 3, 4, 2, 3, True)
    assert aspects["e2a"] == (2, 1, 2, 2.5, 3, 1, 2, False)  # even count: median 2,5, team answer rounded down
    assert aspects["e3a"] == (3, 0, 1, 2, 4, 3, 2, True)
    assert aspects["e5a"] == (3, 0, 3, 4, 5, 2, 4, True)
    assert aspects["e9b"] == (3, 0, 3, 3, 4, 1, 3, False)
    assert team["count"] == 3


def test_hand_computed_figures_per_result_area() -> None:
    areas = {item["id"]: figures(item) for item in team_figures()["result_areas"]}

    # ra 1, 3, 2; rb 2, 2, 2; rc 0, 1, 1; rd 2, "weet ik niet", open.
    assert areas == {
        "ra": (3, 0, 1, 2, 3, 2, 2, True),
        "rb": (3, 0, 2, 2, 2, 0, 2, False),
        "rc": (3, 0, 0, 1, 1, 1, 1, False),
        "rd": (1, 1, 2, 2, 2, 0, 2, False),
    }


def test_discussion_points_and_team_result() -> None:
    team = team_figures()

    assert team["discussion_points"] == ["e1a", "e3a", "e5a", "ra"]
    # Team answers: e2a 2 and e3a 2 are the lowest, so elements 2 and 3 are in phase 2, and so is the team.
    assert team["team"]["overall"]["phase"] == 2
    assert team["team"]["overall"]["weakest"] == ["e2", "e3"]
    assert [element["phase"] for element in team["team"]["elements"]] == [3, 2, 2, 3, 3, 3, 3, 3, 3]
    assert team["respondents"] == [{"label": "Anna", "unit": "Klantcontact"}, {"label": "Bram", "unit": "Klantcontact"},
                                   {"label": "Cem", "unit": "Financiën"}]


def test_units_side_by_side() -> None:
    anna, bram, cem = (parse_export((TEAM / f"{name}.json").read_text(encoding="utf-8"), MODEL)
                       for name in ("anna", "bram", "cem"))
    # Units of three, so each may show figures of its own (small_units.py): Cem three times, Anna twice and Bram.
    units = {unit["unit"]: unit for unit in aggregate(MODEL, [anna, cem, bram, cem, anna, cem])["units"]}

    assert list(units) == ["Financiën", "Klantcontact"]
    # Financiën is Cem's answers: 4 everywhere, e1a 3, e3a 4, e5a 4, e2a unknown (so element 2 rests on e2b: 4).
    assert units["Financiën"]["elements"] == {"e1": 3, "e2": 4, "e3": 4, "e4": 4, "e5": 4, "e6": 4, "e7": 4, "e8": 4,
                                              "e9": 4}
    assert (units["Financiën"]["overall"], units["Financiën"]["provisional"], units["Financiën"]["count"]) == (3, True, 3)
    # Klantcontact is Anna, Anna and Bram: e3a 1, 1 and 2 give median 1.
    assert units["Klantcontact"]["elements"]["e3"] == 1
    assert (units["Klantcontact"]["overall"], units["Klantcontact"]["count"]) == (1, 3)
    assert [(unit["label"], unit["combined"]) for unit in units.values()] == [("Financiën", False),
                                                                             ("Klantcontact", False)]


def test_no_answers_gives_empty_figures() -> None:
    team = aggregate(MODEL, [{"aspects": {"e1a": "unknown"}, "results": {}}] * 3)

    assert figures(team["aspects"][0]) == (0, 3, None, None, None, None, None, False)
    assert team["team"]["overall"]["phase"] is None
    assert team["units"] == [{"unit": None, "label": "Zonder afdeling", "combined": False, "count": 3, "overall": None,
                              "value": None, "provisional": True,
                              "elements": {f"e{n}": None for n in range(1, 10)},
                              "values": {f"e{n}": None for n in range(1, 10)},
                              "result_areas": {"ra": None, "rb": None, "rc": None, "rd": None}}]


def test_team_csv() -> None:
    lines = write_csv(aggregate_csv_rows(MODEL, team_figures())).split("\r\n")

    assert lines[0] == ("Soort;Id;Naam;Aantal antwoorden;Weet ik niet;Laagste;Mediaan;Hoogste;Verschil;"
                        "Teamantwoord;Bespreekpunt;Buiten de beoordeling")
    assert lines[1] == "aspect;e1a;Ideale klantbeleving;3;0;2;3;4;2;3;ja;0"
    assert lines[3] == "aspect;e2a;Klantvisie;2;1;2;2,5;3;1;2;nee;0"
    assert lines[-2] == "resultaatgebied;rd;Excellente reputatie en financiële resultaten;1;1;2;2;2;0;2;nee;0"


def test_how_many_chose_each_step_and_the_order_for_the_session() -> None:
    team = team_figures()
    aspects = {item["id"]: item["distribution"] for item in team["aspects"]}

    assert aspects["e1a"] == [0, 1, 1, 1, 0, 0]  # phases 1..6: Anna 2, Cem 3, Bram 4
    assert aspects["e2a"] == [0, 1, 1, 0, 0, 0]  # Cem's "weet ik niet" is not a step
    assert {item["id"]: item["distribution"] for item in team["result_areas"]}["rd"] == [0, 0, 1, 0, 0]
    # Widest spread first (e3a: 3 steps), then 2 steps in the model's order, then the rest in the model's order.
    assert team["by_spread"][:5] == ["e3a", "e1a", "e5a", "ra", "e1b"]
    assert len(team["by_spread"]) == 22


def test_items_nobody_answered_come_last_in_the_session() -> None:
    team = aggregate(MODEL, [{"aspects": {"e1a": 1, "e1b": 4}, "results": {}}, {"aspects": {"e1a": 1}}])

    assert team["by_spread"][:2] == ["e1a", "e1b"]  # both spread 0; the model's order
    assert team["by_spread"][-1] == "rd"
