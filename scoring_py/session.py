"""The facilitated session: from the respondents' own scans to one scan the team agreed on.

Everyone fills in the scan alone first; on the team page the facilitator puts the scans side by side
(aggregate.py), the group discusses one aspect or result area at a time and agrees on an answer. The proposal is
the team answer `aggregate` computes (the median, rounded down); what the group agreed replaces it. The session as
the browser keeps it, and what it may hold, is in record.py (`check_session`):

    {"respondents": [{"name": ..., "respondent": {...}, "aspects": {...}, "results": {...}}, ...],
     "consensus": {"aspects": {"e1a": 3}, "results": {"ra": 2}, "notes": {"e1a": "Waarom 3 en niet 4"}}, ...}

`team_scan` turns it into the content of an ordinary scan record, with `team` saying how many took part, on which
day, and what the group noted; that scan then has a result, an ambition, a plan and measurements like any other.
"""

from __future__ import annotations

from typing import Any, TypedDict

from .aggregate import aggregate
from .errors import InputError
from .i18n import _
from .model import Model
from .record import MAX_SHORT_TEXT, check_record, describe, is_day, record_rules


class TeamScan(TypedDict):
    content: dict[str, Any]  # the scan record's content: respondent, aspects, results, team
    agreed: int  # answers the group set itself
    proposed: int  # answers that are still the proposal (the median, rounded down)
    open: int  # aspects and result areas nobody answered and the group left open


def team_scan(model: Model, session: dict[str, Any], team: str, date: str) -> TeamScan:
    """The scan the team agreed on: per aspect and result area the agreed answer, else the proposal.

    `team` is the team's or unit's name, `date` the day of the session (2025-03-01). The session is checked by the
    record rule before it gets here (bridge.py); InputError names every problem with the name or the date.
    """
    problems = []
    name = team.strip() if isinstance(team, str) else ""
    if not name:
        problems.append(_("geef de naam van het team of de afdeling"))
    elif len(name) > MAX_SHORT_TEXT:
        problems.append(_("de naam van het team is te lang (%(length)s tekens, hooguit %(max)s)")
                        % {"length": len(name), "max": MAX_SHORT_TEXT})
    if not is_day(record_rules(model), date):
        problems.append(_("de datum van de sessie is geen bestaande datum zoals 2025-06-30 (gevonden: %(found)s)")
                        % {"found": describe(date)})
    respondents = session.get("respondents", [])
    if not respondents:
        problems.append(_("er staan nog geen scans in de sessie: voeg eerst de scans van de deelnemers toe"))
    if problems:
        raise InputError(problems)

    figures = aggregate(model, respondents)
    consensus = session.get("consensus", {})
    counts = {"agreed": 0, "proposed": 0, "open": 0}
    answers: dict[str, dict[str, int]] = {"aspects": {}, "results": {}}
    for key, items in (("aspects", figures["aspects"]), ("results", figures["result_areas"])):
        agreed = consensus.get(key, {})
        for item in items:
            if item["id"] in agreed:
                answers[key][item["id"]] = agreed[item["id"]]
                counts["agreed"] += 1
            elif item["team"] is not None:
                answers[key][item["id"]] = item["team"]
                counts["proposed"] += 1
            else:
                counts["open"] += 1
    notes = {item: note.strip() for item, note in consensus.get("notes", {}).items() if note.strip()}
    # A part every respondent left out of the assessment, the team leaves out too (aggregate.py).
    left_out = {part["id"]: "" for part in figures["team"]["scope"]["excluded"] if not part["not_applicable"]}
    marked = dict(figures["team_answers"]["not_applicable"])
    content = {"respondent": {"unit": name}, **answers, **({"excluded": left_out} if left_out else {}),
               **({"not_applicable": marked} if marked else {}),
               "team": {"respondents": len(respondents), "date": date, "notes": notes}}
    problems = [problem.message for problem in check_record(model, content)]
    if problems:  # cannot happen after the checks above; the record rule stays the one judge
        raise InputError(problems)
    return {"content": content, "agreed": counts["agreed"], "proposed": counts["proposed"], "open": counts["open"]}
