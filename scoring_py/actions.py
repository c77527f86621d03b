"""The actions of a development plan: a step made concrete, with an owner, a due date and a status.

An action belongs to the scan record (`actions`, checked by record.py): it is about one step of the plan, an aspect
or a result area (`item`), and starts from that step's description:

    {"id": "a1", "item": "e2a", "text": "Schrijf de klantvisie op", "owner": "Anna", "due": "2025-06-30",
     "status": "open", "note": "Eerst met het MT bespreken"}

`action_list` puts them in the order a team reviews them when it meets again: what is not done first, the
overdue ones marked, the earliest date first.
"""

from __future__ import annotations

from typing import Any, TypedDict

from .errors import InputError
from .i18n import N_, _
from .labels import step_labels
from .model import Model
from .record import is_day, not_a_day, record_rules

STATUS_NAMES = {"open": N_("open"), "in_progress": N_("bezig"), "done": N_("klaar")}
"""The statuses as a person reads them, on the page and in the CSV (in Dutch; `status_name` gives them translated)."""


class ActionView(TypedDict):
    id: str
    item: str
    label: str  # the step's aspect or result area: "2a. Klantvisie", "a. Excellente serviceprestaties"
    text: str
    owner: str
    due: str | None
    status: str
    status_name: str
    done: bool
    overdue: bool  # not done, and its date has passed


def action_list(model: Model, record: dict[str, Any], today: str) -> list[ActionView]:
    """The record's actions for a review: not done first, then done; within each, the earliest date first (no date
    last), then the model's order. `today` is the day the page is looked at (2025-03-01), for 'overdue'."""
    if not is_day(record_rules(model), today):
        raise InputError([not_a_day("'today'", today)])
    labels = step_labels(model)
    order = list(labels)
    views: list[ActionView] = []
    for action in record.get("actions", []):
        due = action.get("due")
        done = action["status"] == "done"
        views.append({"id": action["id"], "item": action["item"], "label": labels[action["item"]],
                      "text": action["text"], "owner": action.get("owner", ""), "due": due,
                      "status": action["status"], "status_name": status_name(action["status"]), "done": done,
                      "overdue": not done and due is not None and due < today})
    return sorted(views, key=lambda view: (view["done"], view["due"] is None, view["due"] or "",
                                           order.index(view["item"])))


def status_name(status: str) -> str:
    """A status as a person reads it, in the engine's language; empty for a status there is not."""
    return _(STATUS_NAMES[status]) if status in STATUS_NAMES else ""
