"""Tests for sitegen/keys.py: the declarations of the three input files, and the JSON Schema made from them.

The walk itself is tested through the files it checks (tests/test_model.py, test_siteconfig.py, test_content.py),
which assert whole messages with file and line.
"""

from __future__ import annotations

from typing import Any

import pytest

from scoring_py.words import BASE_FORMS, WORDS
from sitegen.content import FRONT_MATTER
from sitegen.keys import JSON_SCHEMA, Block, json_schema
from sitegen.model import MODEL, WORD
from sitegen.siteconfig import DEFAULTS, SITE


def descriptions(schema: dict[str, Any], where: str = "") -> dict[str, Any]:
    """Every description in a schema, by the path of its key or item."""
    found = {where: schema.get("description")}
    for key, part in schema.get("properties", {}).items():
        found.update(descriptions(part, f"{where}.{key}" if where else key))
    if isinstance(schema.get("items"), dict):
        found.update(descriptions(schema["items"], f"{where}[]"))
    return found


def test_the_front_matter_as_json_schema() -> None:
    assert json_schema(FRONT_MATTER) == {
        "$schema": JSON_SCHEMA,
        "description": "De kop van een pagina, tussen twee regels '---'.",
        "type": "object",
        "properties": {
            "title": {"description": "De titel: de kop boven de pagina en de naam in het tabblad van de browser.",
                      "type": "string", "pattern": r"\S"},
            "summary": {"description": "Eén zin over de pagina, voor zoekmachines; de startpagina toont hem onder "
                                       "de titel.", "type": "string", "pattern": r"\S"},
        },
        "required": ["title", "summary"],
        "additionalProperties": False,
    }


def test_the_model_as_json_schema() -> None:
    schema = json_schema(MODEL)

    assert schema["required"] == ["id", "version", "name", "short_name", "intro", "source", "phases", "elements"]
    aspect = schema["properties"]["elements"]["items"]["properties"]["aspects"]["items"]
    assert aspect["required"] == ["id", "name", "phases"]
    assert aspect["properties"]["phases"]["items"]["type"] == "string"
    assert aspect["properties"]["added"]["items"]["type"] == "integer"
    assert schema["properties"]["axes"]["minItems"] == schema["properties"]["axes"]["maxItems"] == 2
    assert schema["properties"]["words"]["properties"]["stage"]["properties"]["article"]["enum"] == ["de", "het"]


@pytest.mark.parametrize("declaration", [MODEL, SITE, FRONT_MATTER], ids=["model", "site", "front-matter"])
def test_every_key_says_in_one_line_what_it_is(declaration: Block) -> None:
    for where, description in descriptions(json_schema(declaration)).items():
        assert description and "\n" not in description, where


def test_the_declarations_follow_the_words_and_the_defaults() -> None:
    words = MODEL.keys["words"]
    assert isinstance(words, Block)
    assert list(words.keys) == list(WORDS)
    assert tuple(WORD) == BASE_FORMS
    assert list(SITE.keys) == list(DEFAULTS)
