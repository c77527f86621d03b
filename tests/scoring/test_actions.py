"""scoring_py/actions.py: a plan's actions in the order a team reviews them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring_py import InputError, action_list
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
MODEL = load_model(ROOT / "model" / "semm.yaml")
TOPDESK = load_model(ROOT / "model" / "topdesk-esm.yaml")


def action(id: str, item: str, status: str = "open", **more: str) -> dict:
    return {"id": id, "item": item, "text": f"Actie {id}", "status": status, **more}


def test_not_done_first_then_by_date_then_by_the_models_order() -> None:
    record = {"actions": [action("klaar", "e1a", "done", due="2025-01-01"), action("zonder", "e1a"),
                          action("later", "e2a", "in_progress", due="2025-09-01"), action("ra", "ra", due="2025-02-01"),
                          action("vroeg", "e9b", due="2025-02-01")]}

    listed = action_list(MODEL, record, "2025-03-01")

    assert [a["id"] for a in listed] == ["vroeg", "ra", "later", "zonder", "klaar"]
    assert [a["overdue"] for a in listed] == [True, True, False, False, False]  # done is never overdue
    assert [a["status_name"] for a in listed] == ["open", "open", "bezig", "open", "klaar"]
    assert listed[0]["label"] == "9b. " + MODEL["elements"][8]["aspects"][1]["name"]
    assert listed[1]["label"] == "a. " + MODEL["result_areas"][0]["name"]
    assert listed[3] == {"id": "zonder", "item": "e1a", "label": "1a. " + MODEL["elements"][0]["aspects"][0]["name"],
                         "text": "Actie zonder", "owner": "", "due": None, "status": "open", "status_name": "open",
                         "done": False, "overdue": False}


def test_due_today_is_not_overdue_and_a_part_with_one_aspect_is_named_as_the_part() -> None:
    listed = action_list(TOPDESK, {"actions": [action("a", "e2a", due="2025-03-01")]}, "2025-03-01")

    assert (listed[0]["overdue"], listed[0]["label"]) == (False, "2. " + TOPDESK["elements"][1]["name"])


def test_today_must_be_a_day() -> None:
    with pytest.raises(InputError) as caught:
        action_list(MODEL, {"actions": []}, "morgen")
    assert caught.value.problems == ["'today' is geen bestaande datum zoals 2025-06-30 (gevonden: \"morgen\")"]
