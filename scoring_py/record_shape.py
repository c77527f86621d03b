"""The stored record, declared once: every unit's fields, the answer groups, the limits and the storage's keys.

A scan record is what the browser keeps of one scan and what an export file carries: its name and dates, the
respondent, the answers, the notes, the ambition, the earlier measurements, the plan's actions and, for a scan a
team agreed on, `team`. The team page keeps its session beside the scans. This module only declares their shape;
`record.py` checks a record against it, and the browser reads the same declaration: the build writes
`record_rules(model)` into every page that keeps scans, and `record.js`, the storage modules (`storage.js`,
`library.js`, `session.js`) and every page script take their field lists and storage keys from there. No browser
file spells a field list or a storage key of its own.
"""

from __future__ import annotations

from typing import Any

from .memo import per_model
from .model import Model, all_aspects, phase_ids, result_level_ids

SCHEMA = 4
"""The layout of a stored record. Schema 2 added `excluded`, `actions` and `team`, schema 3 `not_applicable`, schema 4
the browser's `exported`; a record of schema 1, 2 or 3 is read as it is (it simply lacks them). A version that knows
an older schema leaves a record of a newer one alone."""
SESSION_SCHEMA = 2  # 2 added a respondent's not_applicable
READ_AS_IS = (1, 2, 3, 4)
"""Stored records of these schemas are kept as they were written until their next save."""

# The fields of every unit. `scan` is a record's content: what an export carries and check_record judges.
FIELDS: dict[str, tuple[str, ...]] = {
    "scan": ("name", "created", "updated", "respondent", "aspects", "results", "notes", "excluded", "not_applicable",
             "ambition", "snapshots", "actions", "team"),
    # Kept by the browser only, never exported: the storage checks their type, not the record rule. `exported` is
    # when this scan was last exported as a file (a date), which the result page and "Mijn scans" show.
    "browser": ("schema", "id", "model", "model_version", "step", "result", "exported"),
    "respondent": ("name", "role", "unit"),
    "ambition": ("elements", "results"),
    "measurement": ("id", "name", "taken", "model", "model_version", "aspects", "results", "notes", "excluded",
                    "not_applicable", "ambition"),
    "action": ("id", "item", "text", "owner", "due", "status", "note"),
    "team": ("respondents", "date", "notes"),
    "session": ("name", "date", "respondents", "consensus", "show_names", "order", "saved", "updated"),
    "session_respondent": ("name", "respondent", "aspects", "results", "excluded", "not_applicable"),
    "consensus": ("aspects", "results", "notes"),
    # The last result the engine computed, kept in the record for the next visit (the browser's own).
    "result": ("key", "answers", "score", "ambition", "gaps"),
    # The list of scans: {schema, current, scans: [entry]}.
    "index": ("schema", "current", "scans"),
    "index_entry": ("id", "name", "created", "updated"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "measurement": ("id", "name", "taken"),
    "action": ("id", "item", "text", "status"),
}
TEXTS: dict[str, dict[str, str]] = {
    "scan": {"name": "short", "created": "date", "updated": "date"},
    "measurement": {"name": "short", "taken": "date", "model_version": "short"},
    "session": {"name": "short", "date": "day", "updated": "date"},
}
"""A unit's short texts and what each must be: any short text, a date and time ("date"), or a calendar day ("day")."""
ANSWER_GROUPS = ("aspects", "results", "notes", "excluded", "not_applicable")
"""The answers of a record (and of a measurement, an answers file, a share link): what the engine scores, with the
notes. answers_of() gives them."""
UNKNOWN = "unknown"
"""The answer for "weet ik niet": counted as not answered, but listed separately."""

MAX_TEXT = 10_000  # one note
MAX_SHORT_TEXT = 200  # scan name, respondent name, role and unit, dates, a measurement's name
MAX_REASON = 500  # why a part is left out of the assessment, or an aspect is not applicable
MAX_ACTIONS = 500
MAX_ACTION_TEXT = 2_000  # an action's description and its note
MAX_RESPONDENTS = 10_000  # how many took part in a team session, as a team scan says
MAX_SESSION_RESPONDENTS = 1_000  # the scans a session on the team page holds
ACTION_STATUSES = ("open", "in_progress", "done")  # shown as open, bezig, klaar
SESSION_ORDERS = ("spread", "model")  # the presentation's order: widest spread first, or the model's order

# ASCII digits only, so Python's `re` and the browser's RegExp accept exactly the same texts.
DATE_PATTERN = (r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                r"(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
DAY_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
"""A calendar day (an action's due date, the day of a team session); also checked against the calendar."""

STORAGE_PREFIX = "servicescan"
STORAGE_KEYS = {
    "index": "scans",  # the list of scans in this browser and which one is open
    "scan": "scan:",  # + a scan's id: one scan record
    "session": "teamsessie",  # the team page's session
    "quarantine": "onleesbaar:",  # + the time: a copy of stored text that could not be read, never deleted silently
    "first_layout": "scan",  # the first version kept one scan per model here; it is moved into a record once
}
"""The browser's keys, each after the model's prefix (servicescan:<model>:). The privacy page lists exactly these."""


def storage_prefix(model_id: str) -> str:
    """Where a model's data starts in localStorage: 'servicescan:semm:'."""
    return f"{STORAGE_PREFIX}:{model_id}:"


@per_model
def record_rules(model: Model) -> dict[str, Any]:
    """The shape and the limits as plain data, for record.py and for the browser (written into every model page)."""
    levels = result_level_ids(model)
    area_ids = [area["id"] for area in model.get("result_areas", [])]
    element_ids = [element["id"] for element in model["elements"]]
    aspect_ids = [aspect["id"] for aspect in all_aspects(model)]
    items = aspect_ids + area_ids  # what a plan step or a team note is about
    return {
        "model": model["id"],
        "version": model["version"],
        "fields": {unit: list(fields) for unit, fields in FIELDS.items()},
        "required": {unit: list(fields) for unit, fields in REQUIRED.items()},
        "texts": TEXTS,
        "groups": list(ANSWER_GROUPS),
        "unknown": UNKNOWN,
        "schema": {"record": SCHEMA, "session": SESSION_SCHEMA, "as_is": list(READ_AS_IS)},
        "storage": {"prefix": storage_prefix(model["id"]), **STORAGE_KEYS},
        "aspects": {"ids": aspect_ids, "values": phase_ids(model)},
        "results": {"ids": area_ids, "values": levels},
        "notes": {"ids": element_ids, "max": MAX_TEXT},
        # Parts that may be left out of an assessment, with a reason: none when the model does not allow it.
        "excluded": {"ids": element_ids if model.get("allow_exclusion") else [], "max": MAX_REASON},
        # Aspects that may be marked "niet van toepassing", with a reason: none when the model does not allow it.
        "not_applicable": {"ids": aspect_ids if model.get("allow_not_applicable") else [], "max": MAX_REASON},
        "ambition": {"elements": {"ids": element_ids, "values": phase_ids(model)},
                     "results": {"ids": area_ids, "values": levels}},
        "short": MAX_SHORT_TEXT,
        "date": DATE_PATTERN,
        "id": ID_PATTERN,
        "day": DAY_PATTERN,
        "actions": {"items": items, "statuses": list(ACTION_STATUSES), "max": MAX_ACTIONS, "text": MAX_ACTION_TEXT},
        "team": {"notes": items, "respondents": MAX_RESPONDENTS},
        "session": {"respondents": MAX_SESSION_RESPONDENTS, "orders": list(SESSION_ORDERS)},
    }


def answers_of(record: dict[str, Any]) -> dict[str, Any]:
    """The answers of a record (or a measurement), as the engine scores them: the answer groups that it has."""
    return {group: record[group] for group in ANSWER_GROUPS if group in record}
