"""Tests for sitegen/schemas.py and `python build.py new-model`: the JSON Schemas an editor uses are the build's
own declarations, every shipped model passes them, the mistakes a publisher makes most are caught while typing,
and a new model builds as it is made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sitegen.cli import main
from sitegen.new_model import NewModelError, create_model
from sitegen.pipeline import build
from sitegen.schemas import SCHEMA_LINE, schema_text, schemas

ROOT = Path(__file__).resolve().parents[2]
MODEL_FILES = sorted([*ROOT.glob("model/*.yaml"), *ROOT.glob("tests/fixtures/*/model/*.yaml")])
SITE_FILES = sorted([ROOT / "site.yaml", *ROOT.glob("tests/fixtures/*/site.yaml")])


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = schemas()[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(name: str, document: Any) -> list[str]:
    """What the editor would underline: the path and message of every schema error."""
    return sorted("/".join(map(str, error.absolute_path)) + ": " + error.message
                  for error in validator(name).iter_errors(document))


def test_the_committed_schemas_are_the_declarations() -> None:
    for name, schema in schemas().items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == schema_text(schema), f"schema/{name} is old: run python build.py schemas"


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_model_passes_the_schema_its_first_line_names(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    named = first.removeprefix(SCHEMA_LINE.format(path=""))
    assert first != named, f"{path.name} does not name its schema in its first line"
    assert (path.parent / named).resolve() == ROOT / "schema" / "model.schema.json"
    assert errors("model.schema.json", yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", SITE_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_site_file_passes_the_site_schema(path: Path) -> None:
    assert errors("site.schema.json", yaml.safe_load(path.read_text(encoding="utf-8")) or {}) == []


def semm() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "model" / "semm.yaml").read_text(encoding="utf-8"))
    return loaded


def test_a_misspelt_key_is_underlined() -> None:
    model = semm()
    model["elements"][0]["naam"] = model["elements"][0].pop("name")
    found = errors("model.schema.json", model)
    assert "elements/0: 'name' is a required property" in found
    assert any(line.startswith("elements/0: Additional properties are not allowed ('naam'") for line in found)


def test_an_unknown_rule_and_a_bad_id_are_underlined() -> None:
    model = semm()
    model["scoring"] = {"overall": "gemiddelde"}
    model["id"] = "Mijn Model"
    found = errors("model.schema.json", model)
    assert any(line.startswith("scoring/overall: 'gemiddelde' is not one of") for line in found), found
    assert any(line.startswith("id: 'Mijn Model' does not match") for line in found), found


def test_a_year_as_text_and_an_empty_name_are_underlined() -> None:
    model = semm()
    model["source"]["year"] = "2022"
    model["name"] = " "
    found = errors("model.schema.json", model)
    assert "source/year: '2022' is not of type 'integer'" in found
    assert any(line.startswith("name: ' ' does not match") for line in found), found


def test_every_key_the_editor_offers_is_explained_in_dutch() -> None:
    def undescribed(schema: dict[str, Any], where: str) -> list[str]:
        missing = [] if schema.get("description") else [where]
        for key, part in schema.get("properties", {}).items():
            missing += undescribed(part, f"{where}.{key}")
        if isinstance(schema.get("items"), dict):
            missing += undescribed(schema["items"], f"{where}[]")
        return missing

    for name, schema in schemas().items():
        assert undescribed(schema, name) == []


def test_a_new_model_builds_strictly_and_passes_its_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As a publisher meets it: new-model in a copy of the project, then the whole site under --strict."""
    for folder in ("schema", "model", "content"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    code = main(["new-model", "mijn-model", "--model", str(tmp_path / "model"), "--content", str(tmp_path / "content")])
    out = capsys.readouterr().out
    assert code == 0
    assert "python build.py serve --model" in out and "[rechte haken]" in out
    made = tmp_path / "model" / "mijn-model.yaml"
    assert made.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/model.schema.json\n")
    assert errors("model.schema.json", yaml.safe_load(made.read_text(encoding="utf-8"))) == []
    report = build(tmp_path / "model", tmp_path / "dist", content=tmp_path / "content", strict=True)
    assert report.warnings == []
    page = (tmp_path / "dist" / "mijn-model" / "scan.html").read_text(encoding="utf-8")
    assert "[Naam van element 1]" in page


def test_one_model_is_previewed_alone_beside_the_content_of_others(tmp_path: Path) -> None:
    """`serve --model model/x.yaml`: the other models' content is set aside; a link into it is only a warning."""
    for folder in ("model", "content"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    create_model("mijn-model", tmp_path / "model", tmp_path / "content")
    report = build(tmp_path / "model" / "mijn-model.yaml", tmp_path / "dist", content=tmp_path / "content")
    assert sorted(path.name for path in (tmp_path / "dist").iterdir() if path.is_dir() and
                  (path / "scan.html").exists()) == ["mijn-model"]
    assert [problem.message for problem in report.warnings] == [
        "de site heet nog 'Service Excellence Scan', de naam van de voorbeeldsite over SEMM, maar je bouwt geen "
        "SEMM-scan; geef je site een eigen naam bij 'name'",
        "de startpagina spreekt nog over 'Service Excellence Maturity Model', maar je bouwt geen SEMM-scan; schrijf "
        "de tekst voor je eigen model",
        "het colofon spreekt nog over 'Service Excellence Maturity Model', maar je bouwt geen SEMM-scan; schrijf de "
        "tekst voor je eigen model",
        "link naar 'semm/uitleg.html': dat model bouw je nu niet mee, dus werkt de link alleen in de volledige site",
    ]
    assert [problem.line for problem in report.warnings][1:] == [8, 8, 10]


def test_a_new_model_never_overwrites_and_refuses_a_bad_id(tmp_path: Path) -> None:
    create_model("eigen", tmp_path / "model", tmp_path / "content")
    before = (tmp_path / "model" / "eigen.yaml").read_text(encoding="utf-8")
    with pytest.raises(NewModelError, match="bestaat al"):
        create_model("eigen", tmp_path / "model", tmp_path / "content")
    assert (tmp_path / "model" / "eigen.yaml").read_text(encoding="utf-8") == before
    with pytest.raises(NewModelError, match="kleine letters"):
        create_model("Eigen Model", tmp_path / "model", tmp_path / "content")


def test_new_model_without_an_id_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-model"]) == 2
    assert "python build.py new-model mijn-model" in capsys.readouterr().err


def test_the_schema_files_are_valid_json_for_any_editor() -> None:
    for path in (ROOT / "schema").glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
