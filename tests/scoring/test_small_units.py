"""scoring_py/small_units.py: a unit below the minimum shows no figures of its own; small units together form
'Overige afdelingen' when they reach the minimum, and are left out otherwise; the minimum is never below 3. On SEMM
and on the varied fixture models (other words, another scale, the mean)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from scoring_py import InputError, aggregate, aggregate_csv_rows, team_scan, write_csv
from scoring_py.model import Model
from scoring_py.report import render_team_text
from scoring_py.small_units import SMALLEST_MINIMUM, split_units
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
SEMM = load_model(ROOT / "model" / "semm.yaml")
VARIED = ROOT / "tests" / "fixtures" / "varied" / "model"
MODELS = [pytest.param(SEMM, id="semm"), pytest.param(load_model(VARIED / "veilig.yaml"), id="veilig-mean"),
          pytest.param(load_model(VARIED / "ladder.yaml"), id="ladder")]
RULE = ("Een afdeling met minder dan 3 deelnemers krijgt geen eigen cijfers: zo is niet te zien wat één persoon "
        "heeft ingevuld.")


def scans(model: Model, units: Sequence[str | None]) -> list[dict[str, Any]]:
    """One scan per unit given; the n-th respondent answers step n of the scale (wrapping), so units differ."""
    scale = [phase["id"] for phase in model["phases"]["items"]]
    return [{"name": f"Persoon {n}", "respondent": {"name": f"Persoon {n}", **({"unit": unit} if unit else {})},
             "aspects": {aspect["id"]: scale[n % len(scale)] for element in model["elements"]
                         for aspect in element["aspects"]}}
            for n, unit in enumerate(units)]


def columns(team: dict[str, Any]) -> list[tuple[str, int]]:
    return [(unit["label"], unit["count"]) for unit in team["units"]]


@pytest.mark.parametrize("model", MODELS)
def test_units_of_three_one_and_one_leave_the_small_ones_out(model: Model) -> None:
    team = aggregate(model, scans(model, ["Noord", "Zuid", "Noord", "West", "Noord"]))

    assert columns(team) == [("Noord", 3)]  # 1 + 1 is less than 3: no 'Overige afdelingen' either
    assert team["units_note"] == (f"{RULE} Dat geldt hier voor 2 afdelingen, samen 2 deelnemers. Dat zijn er minder "
                                  "dan 3, dus ze staan ook niet samen in één kolom. Ze tellen wel mee in de uitslag "
                                  "van het team.")
    assert team["count"] == 5 and team["min_unit_size"] == 3  # everyone still counts for the team


@pytest.mark.parametrize("model", MODELS)
def test_units_of_three_two_and_two_show_the_small_ones_together(model: Model) -> None:
    everyone = scans(model, ["Noord", "Zuid", "West", "Noord", "Zuid", "West", "Noord"])
    team = aggregate(model, everyone)

    assert columns(team) == [("Noord", 3), ("Overige afdelingen", 4)]
    assert team["units_note"] == (f"{RULE} Dat geldt hier voor 2 afdelingen. Samen zijn dat 4 deelnemers: ze staan "
                                  "samen onder ‘Overige afdelingen’.")
    # The combined column is West and Zuid computed as one group: the same as their own team result.
    together = team["units"][1]
    west_and_zuid = aggregate(model, [scan for scan in everyone if scan["respondent"]["unit"] != "Noord"])["team"]
    assert together["combined"] is True and together["unit"] is None
    assert together["values"] == {element["id"]: element["value"] for element in west_and_zuid["elements"]}
    assert together["value"] == west_and_zuid["overall"]["value"]


@pytest.mark.parametrize("model", MODELS)
def test_a_unit_of_exactly_the_minimum_is_shown(model: Model) -> None:
    assert columns(aggregate(model, scans(model, ["Zuid"] * 3))) == [("Zuid", 3)]
    assert aggregate(model, scans(model, ["Zuid"] * 3))["units_note"] is None
    four_and_three = aggregate(model, scans(model, ["Noord"] * 4 + ["Zuid"] * 3), min_unit_size=4)
    assert columns(four_and_three) == [("Noord", 4)]
    assert four_and_three["units_note"].startswith("Een afdeling met minder dan 4 deelnemers krijgt geen eigen cijfers")


def test_when_every_unit_is_small_none_is_shown_apart() -> None:
    team = aggregate(SEMM, scans(SEMM, ["Noord", "Noord", "Zuid", "West"]))

    assert columns(team) == []  # 'Overige afdelingen' would be everyone: the team's own column again
    assert team["units_note"] == (f"{RULE} Dat geldt hier voor 3 afdelingen, dus geen afdeling staat apart. Iedereen "
                                  "samen is de uitslag van het team.")


def test_respondents_without_a_unit_are_a_group_like_any_other() -> None:
    small = aggregate(SEMM, scans(SEMM, ["Noord"] * 3 + [None]))
    assert columns(small) == [("Noord", 3)]
    assert small["units_note"] == (f"{RULE} Dat geldt hier voor de groep zonder afdeling, met 1 deelnemer. Die "
                                   "deelnemer telt wel mee in de uitslag van het team.")
    mixed = aggregate(SEMM, scans(SEMM, ["Noord"] * 3 + [None, None, "West"]))
    assert columns(mixed) == [("Noord", 3), ("Overige afdelingen", 3)]
    assert "Dat geldt hier voor 1 afdeling en de groep zonder afdeling. Samen zijn dat 3 deelnemers" in \
        mixed["units_note"]
    assert columns(aggregate(SEMM, scans(SEMM, [None] * 3 + ["Noord"] * 3))) == [("Noord", 3), ("Zonder afdeling", 3)]


@pytest.mark.parametrize("minimum", [2, 1, 0, -3, True, 3.0, "3", None])
def test_a_minimum_below_three_or_not_a_whole_number_is_refused(minimum: Any) -> None:
    with pytest.raises(InputError) as refused:
        aggregate(SEMM, scans(SEMM, ["Noord"] * 3), min_unit_size=minimum)
    assert refused.value.problems[0].startswith("de kleinste afdeling met eigen cijfers moet een geheel getal van "
                                                "minstens 3 zijn (gevonden: ")
    with pytest.raises(InputError):
        split_units({"Noord": 3}, minimum)
    assert SMALLEST_MINIMUM == 3


def test_no_small_unit_in_the_text_report_the_csv_or_the_team_scan() -> None:
    everyone = scans(SEMM, ["Noord", "Zuid", "Noord", "West", "Noord"])
    team = aggregate(SEMM, everyone)

    report = render_team_text(SEMM, team)
    assert "  Noord (3): fase " in report and team["units_note"] in report
    csv = write_csv(aggregate_csv_rows(SEMM, team))
    made = team_scan(SEMM, {"respondents": everyone}, "Regio", "2025-03-01")["content"]
    for text in (report, csv, repr(made)):
        assert "West" not in text and "Zuid" not in text and "Persoon" not in text
    assert made["respondent"] == {"unit": "Regio"} and made["team"]["respondents"] == 5


def test_the_text_report_shows_the_small_units_together() -> None:
    report = render_team_text(SEMM, aggregate(SEMM, scans(SEMM, ["Noord", "Zuid", "West", "Noord", "Zuid", "West",
                                                                 "Noord"])))
    lines = report.split("Per afdeling\n")[1].splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["  Noord (3)", "  Overige afdelingen (4)"]
    assert "West" not in report and "Zuid" not in report
