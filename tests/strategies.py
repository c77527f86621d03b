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
        "stap": OTHER_VALUES,
    }
    return st.fixed_dictionaries({}, optional={key: good_answers.get(key, value) | value
                                               for key, value in bad.items()})
