"""scoring_py/record_shape.py: the stored record declared once, read by Python and by every browser file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scoring_py.record_shape import ANSWER_GROUPS, FIELDS, STORAGE_KEYS, answers_of, record_rules
from sitegen.model import load_model

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = {path.name: path.read_text(encoding="utf-8")
           for path in sorted((ROOT / "site_templates" / "assets" / "js").glob("*.js"))}
MODEL = load_model(ROOT / "model" / "semm.yaml")


def test_the_rules_carry_every_units_fields_the_groups_the_schemas_and_the_storage_keys() -> None:
    rules = record_rules(MODEL)

    assert json.loads(json.dumps(rules)) == rules
    assert rules["fields"] == {unit: list(fields) for unit, fields in FIELDS.items()}
    assert set(rules["fields"]) >= {"scan", "respondent", "measurement", "action", "team", "session",
                                    "session_respondent", "consensus", "browser", "index_entry"}
    assert rules["groups"] == ["aspects", "results", "notes", "excluded", "not_applicable"]
    assert rules["unknown"] == "unknown"
    assert rules["storage"] == {"prefix": "servicescan:semm:", **STORAGE_KEYS}
    assert (rules["model"], rules["version"]) == ("semm", MODEL["version"])


def test_no_browser_file_spells_a_storage_key_of_its_own() -> None:
    for name, text in SCRIPTS.items():
        literals = set(re.findall(r"""["'`]([^"'`\n]*)["'`]""", text))
        # The first layout's key is the plain word "scan", which a file name may use too (exchange.js); it is only
        # ever read by library.js, through rules.storage like every other key.
        for key in (value for kind, value in STORAGE_KEYS.items() if kind != "first_layout"):
            assert key not in literals, f"{name} spells the storage key {key!r}; take it from rules.storage"
        assert not any(literal.startswith("servicescan:") for literal in literals), name


def test_no_browser_file_spells_a_field_list_of_its_own() -> None:
    """A list of three or more of a unit's fields, written out in a script, would drift from the declaration."""
    for name, text in SCRIPTS.items():
        for unit, fields in FIELDS.items():
            for start in range(len(fields) - 2):
                run = r"""["']\s*,\s*["']""".join(re.escape(field) for field in fields[start:start + 3])
                assert not re.search(rf"""["']{run}["']""", text), f"{name} spells fields of '{unit}'"


def test_the_answers_of_a_record_are_its_answer_groups() -> None:
    record = {"name": "Team Zuid", "aspects": {"e1a": 3}, "notes": {"e1": "Besproken"}, "snapshots": []}

    assert answers_of(record) == {"aspects": {"e1a": 3}, "notes": {"e1": "Besproken"}}
    assert set(ANSWER_GROUPS) <= set(FIELDS["scan"]) and set(ANSWER_GROUPS) <= set(FIELDS["measurement"])
