"""Hypothesis strategies for scan records and export files, shared by the property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from scoring_py.model import Model
from scoring_py.record import record_rules

# Texts around the limits, with characters outside the Basic Multilingual Plane (two UTF-16 units in a browser).
CHARACTERS = st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("😀é\n\t\"<")
SHORT_LIMIT = 200


def texts(limit: int = SHORT_LIMIT) -> st.SearchStrategy[str]:
    return (st.text(CHARACTERS, max_size=12) | st.text(CHARACTERS, min_size=limit - 2, max_size=limit + 2)
            | st.sampled_from(["", " ", "<script>alert(1)</script>", "=1+1", "__proto__"]))


DATES = st.datetimes().map(lambda moment: moment.isoformat(timespec="milliseconds") + "Z") | st.sampled_from(
    ["2025-03-01", "2025-03-01T10:00", "2025-03-01T10:00:00+01:00"])
NOT_DATES = st.sampled_from(["gisteren", "2025-13-01", "2025-03-01\n", "2025-3-1", "", "2025-03-01T24:00"])
# Days of the calendar (an action's due date, a team session's day), with 29 February where it exists.
DAYS = st.dates().map(lambda day: day.isoformat()) | st.sampled_from(["2024-02-29", "2000-02-29", "2025-12-31"])
NOT_DAYS = st.sampled_from(["2025-02-30", "2023-02-29", "1900-02-29", "2025-04-31", "2025-6-30", "30-06-2025",
                            "2025-06-30T10:00", "", "2025-06-30\n"])
# Not 3.0: JSON cannot tell it from 3 in a browser, which reads both as the same number.
FRACTIONS = st.floats(allow_nan=False, allow_infinity=False).filter(lambda number: not number.is_integer())
OTHER_VALUES: st.SearchStrategy[Any] = st.none() | st.booleans() | FRACTIONS | st.integers(-10, 10) | st.integers() | st.text(max_size=5) \
    | st.just([]) | st.just({})


def _section(ids: list[str], values: list[Any]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(ids) if ids else st.nothing()
    good = st.dictionaries(keys, st.sampled_from(values), max_size=len(ids)) if values else st.just({})
    mixed = st.dictionaries(keys | st.sampled_from(["e9z", "onbekend", "__proto__"]),
                            st.sampled_from(values) | OTHER_VALUES if values else OTHER_VALUES, max_size=4)
    return st.one_of(good, good, mixed, OTHER_VALUES)


def snapshot_id(shot: dict[str, Any]) -> str:
    return str(shot["id"])


def actions(model: Model, *, valid_only: bool = False) -> st.SearchStrategy[Any]:
    """The actions of a plan; the ids come from a small set too, so that some are taken twice."""
    rules = record_rules(model)["actions"]
    short = st.text(CHARACTERS, max_size=30)
    action_ids = st.sampled_from(["a1", "a2"]) | st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
    good = st.fixed_dictionaries(
        {"id": action_ids, "item": st.sampled_from(rules["items"]), "text": st.text(CHARACTERS, max_size=60),
         "status": st.sampled_from(rules["statuses"])},
        optional={"owner": short, "due": DAYS, "note": st.text(CHARACTERS, max_size=60)})
    if valid_only:
        return st.lists(good, max_size=3, unique_by=lambda action: action["id"])

    def mutations(action: dict[str, Any]) -> st.SearchStrategy[Any]:
        long = st.just("x" * (rules["text"] + 1))
        return st.one_of(st.just(action), OTHER_VALUES, st.builds(
            lambda key, value: {**action, key: value},
            st.sampled_from(["id", "item", "text", "owner", "due", "status", "note", "extra"]),
            OTHER_VALUES | NOT_DAYS | DAYS | texts() | long | st.sampled_from(["bezig", "klaar", "e9z", "e1"])),
            st.builds(lambda key: {k: v for k, v in action.items() if k != key},
                      st.sampled_from(["id", "item", "text", "status"])))

    return st.lists(good.flatmap(mutations), max_size=4) | OTHER_VALUES


def team(model: Model, *, valid_only: bool = False) -> st.SearchStrategy[Any]:
    """What a team session adds to the scan it made."""
    rules = record_rules(model)
    notes = st.dictionaries(st.sampled_from(rules["team"]["notes"]), st.text(CHARACTERS, max_size=40), max_size=3)
    good = st.fixed_dictionaries({}, optional={"respondents": st.integers(1, rules["team"]["respondents"]),
                                              "date": DAYS, "notes": notes})
    if valid_only:
        return good
    bad_notes = st.dictionaries(st.sampled_from(rules["team"]["notes"] + ["e1", "e9z"]),
                                texts() | st.just("x" * (rules["notes"]["max"] + 1)) | OTHER_VALUES, max_size=3)
    return good | OTHER_VALUES | st.dictionaries(
        st.sampled_from(["respondents", "date", "notes", "extra"]),
        OTHER_VALUES | NOT_DAYS | DAYS | st.integers(-1, rules["team"]["respondents"] + 1) | bad_notes, max_size=3)


def sessions(model: Model, *, valid_only: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Team sessions as the team page keeps them (without their storage `schema`)."""
    rules = record_rules(model)
    short = st.text(CHARACTERS, max_size=30)
    respondent = st.fixed_dictionaries({}, optional={"name": short, "respondent": st.fixed_dictionaries(
        {}, optional={key: short for key in ("name", "role", "unit")}), **{
        key: value for key, value in _answers(rules).items() if key in ("aspects", "results")}})
    consensus = st.fixed_dictionaries({}, optional={
        "aspects": st.dictionaries(st.sampled_from(rules["aspects"]["ids"]), st.sampled_from(rules["aspects"]["values"])),
        "results": st.dictionaries(st.sampled_from(rules["results"]["ids"]), st.sampled_from(rules["results"]["values"]))
        if rules["results"]["ids"] else st.just({}),
        "notes": st.dictionaries(st.sampled_from(rules["team"]["notes"]), st.text(CHARACTERS, max_size=40))})
    fields: dict[str, st.SearchStrategy[Any]] = {
        "name": short, "date": DAYS, "updated": DATES, "saved": st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True),
        "show_names": st.booleans(), "order": st.sampled_from(rules["session"]["orders"]),
        "respondents": st.lists(respondent, max_size=4), "consensus": consensus,
    }
    if valid_only:
        return st.fixed_dictionaries({}, optional=fields)
    scale = lambda key, unknown: rules[key]["values"] + (["unknown"] if unknown else [])  # noqa: E731
    bad_consensus = st.dictionaries(
        st.sampled_from(["aspects", "results", "notes", "extra"]),
        _section(rules["aspects"]["ids"], scale("aspects", True)) | _section(rules["results"]["ids"],
                                                                               scale("results", True))
        | st.dictionaries(st.sampled_from(rules["team"]["notes"] + ["e1"]), texts() | OTHER_VALUES, max_size=3),
        max_size=3) | OTHER_VALUES
    bad = {
        "name": texts() | OTHER_VALUES, "date": NOT_DAYS | DATES | OTHER_VALUES, "updated": NOT_DATES | OTHER_VALUES,
        "saved": OTHER_VALUES | st.just("s 1"), "show_names": OTHER_VALUES, "order": OTHER_VALUES | st.just("random"),
        "respondents": st.lists(respondent | records(model) | OTHER_VALUES, max_size=4) | OTHER_VALUES,
        "consensus": bad_consensus, "stap": OTHER_VALUES,
    }
    return st.fixed_dictionaries({}, optional={key: fields.get(key, value) | value for key, value in bad.items()})


def _answers(rules: dict[str, Any]) -> dict[str, st.SearchStrategy[Any]]:
    scale = lambda key, unknown: rules[key]["values"] + (["unknown"] if unknown else [])  # noqa: E731
    return {
        "aspects": st.dictionaries(st.sampled_from(rules["aspects"]["ids"]), st.sampled_from(scale("aspects", True))),
        "results": st.dictionaries(st.sampled_from(rules["results"]["ids"]), st.sampled_from(scale("results", True)))
        if rules["results"]["ids"] else st.just({}),
    }


def records(model: Model, *, valid_only: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Record contents (the part an export carries); with valid_only, only records the rule accepts."""
    rules = record_rules(model)
    scale = lambda key, unknown: rules[key]["values"] + (["unknown"] if unknown else [])  # noqa: E731
    good_answers: dict[str, st.SearchStrategy[Any]] = {
        "aspects": st.dictionaries(st.sampled_from(rules["aspects"]["ids"]), st.sampled_from(scale("aspects", True))),
        "results": st.dictionaries(st.sampled_from(rules["results"]["ids"]), st.sampled_from(scale("results", True)))
        if rules["results"]["ids"] else st.just({}),
        "notes": st.dictionaries(st.sampled_from(rules["notes"]["ids"]), st.text(CHARACTERS, max_size=50)),
        "excluded": st.dictionaries(st.sampled_from(rules["excluded"]["ids"]), st.text(CHARACTERS, max_size=40),
                                    max_size=len(rules["excluded"]["ids"]) - 1)
        if rules["excluded"]["ids"] else st.just({}),
        "ambition": st.fixed_dictionaries({
            "elements": st.dictionaries(st.sampled_from(rules["ambition"]["elements"]["ids"]),
                                        st.sampled_from(rules["ambition"]["elements"]["values"])),
            "results": st.dictionaries(st.sampled_from(rules["ambition"]["results"]["ids"]),
                                       st.sampled_from(rules["ambition"]["results"]["values"]))
            if rules["results"]["ids"] else st.just({})}),
    }
    short = st.text(CHARACTERS, max_size=30)
    ids = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
    good_shot: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {"id": ids, "name": short, "taken": DATES},
        optional={"model": st.just(model["id"]), "model_version": short, **good_answers})
    good_respondent = st.fixed_dictionaries({}, optional={key: short for key in ("name", "role", "unit")})
    fields: dict[str, st.SearchStrategy[Any]] = {
        "name": short, "created": DATES, "updated": DATES, "respondent": good_respondent, **good_answers,
        "snapshots": st.lists(good_shot, max_size=3, unique_by=snapshot_id),
        "actions": actions(model, valid_only=True), "team": team(model, valid_only=True),
    }
    good = st.fixed_dictionaries({}, optional=fields)
    if valid_only:
        return good

    def shot_mutations(shot: dict[str, Any]) -> st.SearchStrategy[Any]:
        return st.one_of(st.just(shot), OTHER_VALUES, st.builds(lambda key, value: {**shot, key: value},
                         st.sampled_from(["id", "name", "taken", "model", "model_version", "aspects", "notes",
                                          "ambition", "extra"]), OTHER_VALUES | NOT_DATES | texts()),
                         st.builds(lambda key: {k: v for k, v in shot.items() if k != key},
                                   st.sampled_from(["id", "name", "taken"])))

    bad = {
        "name": texts() | OTHER_VALUES, "created": NOT_DATES | OTHER_VALUES | DATES, "updated": NOT_DATES | DATES,
        "respondent": st.dictionaries(st.sampled_from(["name", "role", "unit", "email"]), texts() | OTHER_VALUES,
                                      max_size=3) | OTHER_VALUES,
        "aspects": _section(rules["aspects"]["ids"], scale("aspects", True)),
        "results": _section(rules["results"]["ids"], scale("results", True)),
        "notes": st.dictionaries(st.sampled_from(rules["notes"]["ids"] + ["e99"]),
                                 texts() | st.just("x" * 10_001) | OTHER_VALUES, max_size=3) | OTHER_VALUES,
        "excluded": st.dictionaries(st.sampled_from(rules["notes"]["ids"] + ["e99"]),
                                    texts(500) | OTHER_VALUES, max_size=3) | OTHER_VALUES
        | st.just({part: "" for part in rules["excluded"]["ids"]}),
        "ambition": st.dictionaries(st.sampled_from(["elements", "results", "doel"]),
                                    _section(rules["ambition"]["elements"]["ids"],
                                             rules["ambition"]["elements"]["values"]), max_size=3) | OTHER_VALUES,
        "snapshots": st.lists(good_shot.flatmap(shot_mutations), max_size=4) | OTHER_VALUES,
        "actions": actions(model), "team": team(model),
        "stap": OTHER_VALUES,
    }
    return st.fixed_dictionaries({}, optional={key: good_answers.get(key, value) | value
                                               for key, value in bad.items()})
