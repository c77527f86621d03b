"""A model in another language (sitegen/translations.py): the keys of a model's texts, the file to start from, and
the checks a translation file gets: missing and unknown keys refused with file and line, a Dutch text changed
after it was translated warned about (and refused under --strict), the schema an editor uses."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import cast

import jsonschema
import pytest
import yaml

from scoring_py import score
from scoring_py.model import Model
from sitegen.cli import main
from sitegen.errors import BuildError
from sitegen.model import load_model
from sitegen.pipeline import build
from sitegen.schemas import schemas
from sitegen.translations import check_translation, starting_file, text_hash, text_keys, translated

ROOT = Path(__file__).resolve().parents[2]
VARIED = ROOT / "tests" / "fixtures" / "varied"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the varied fixture (veilig: treden 0 to 3, groups; ladder: one question per part)."""
    shutil.copytree(VARIED, tmp_path / "varied")
    return tmp_path / "varied"


def english(model_file: Path) -> Path:
    """A complete translation of the model: every text 'EN ' plus its key, made from the file to start from; a
    glossary term keeps its spelling and the intro names every term, so each is used."""
    model = load_model(model_file)
    text = starting_file(model, "en")
    terms = [entry["term"] for entry in model.get("glossary", [])]

    def translation(key: str) -> str:
        if key.startswith("glossary.") and key.endswith(".term"):
            return key.split(".")[1]
        return " ".join([f"EN {key}", *(terms if key == "intro" else [])])
    text = re.sub(r'  (\S+):\n    from: "(\w+)"\n    text: ""', lambda m: f'  {m[1]}:\n    from: "{m[2]}"\n'
                  f'    text: "{translation(m[1])}"', text)
    path = model_file.parent / "translations" / f"{model['id']}.en.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, model_file: Path) -> list[str]:
    return [str(problem) for problem in check_translation(path, load_model(model_file))[1].items]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_texts_key_is_made_of_ids_not_places() -> None:
    keys = text_keys(load_model(VARIED / "model" / "veilig.yaml"))
    ladder = text_keys(load_model(VARIED / "model" / "ladder.yaml"))

    assert {"name", "intro", "source.note", "phases.0.name", "phases.3.summary", "strategie.core",
            "strategie-doel.name", "strategie-doel.0", "strategie-doel.3", "bestuur.name", "bestuur.description",
            "glossary.leerpad.term", "glossary.leerpad.explanation"} <= set(keys)
    assert keys["strategie-doel.0"].text == "Niemand heeft doelen voor veiligheid opgeschreven."
    # A part with one question: its question has the part's own key, its descriptions the part's id and a stage.
    assert "beleid.question" in ladder and "beleid.name" in ladder and "beleid.1" in ladder
    assert not any(key.startswith("beleid.name.") for key in ladder)


def test_a_new_translation_says_how_many_texts_are_still_to_translate(project: Path) -> None:
    model_file = project / "model" / "veilig.yaml"
    path = model_file.parent / "translations" / "veilig.en.yaml"
    path.parent.mkdir()
    path.write_text(starting_file(load_model(model_file), "en"), encoding="utf-8")
    count = len(text_keys(load_model(model_file)))

    assert problems_of(path, model_file) == [
        f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}:{line_of(path, '  name:')}: "
        f"{count} teksten zijn nog niet vertaald ('text' is leeg): name, short_name, intro, exclusion_note, "
        f"source.note en nog {count - 5}"]


def test_a_complete_translation_gives_the_same_model_in_english(project: Path) -> None:
    model_file = project / "model" / "veilig.yaml"
    model = load_model(model_file)
    translation, problems = check_translation(english(model_file), model)

    assert problems.items == [] and translation is not None
    english_model = cast(Model, translated(model, translation))
    assert english_model["name"] == "EN name"
    assert english_model["elements"][0]["aspects"][0]["phases"][3] == "EN strategie-doel.3"
    assert english_model["language"] == "en" and model.get("language") is None  # the Dutch model is unchanged
    answers = {"model": "veilig", "aspects": {"strategie-doel": 2, "strategie-geld": 1}}
    assert score(english_model, answers)["elements"][0]["value"] == score(model, answers)["elements"][0]["value"]


def test_a_missing_and_an_unknown_key_are_refused_on_their_lines(project: Path) -> None:
    model_file = project / "model" / "veilig.yaml"
    path = english(model_file)
    text = path.read_text(encoding="utf-8").replace("  strategie.core:", "  strategie.kern:")
    path.write_text(text, encoding="utf-8")

    found = problems_of(path, model_file)

    assert any(f":{line_of(path, 'texts:')}: 1 tekst van het model ontbreekt in de vertaling: strategie.core;"
               in problem for problem in found)
    assert any(f":{line_of(path, 'strategie.kern:')}: het model heeft geen tekst 'strategie.kern'; bedoel je "
               "'strategie.core'?" in problem for problem in found)


def test_a_dutch_text_changed_after_translating_is_a_warning_that_names_the_new_hash(project: Path) -> None:
    model_file = project / "model" / "veilig.yaml"
    path = english(model_file)
    new = "Weten welke risico's het zwaarst wegen en daar eerst de tijd aan besteden."
    model_file.write_text(model_file.read_text(encoding="utf-8").replace(
        "Weten welke risico's het zwaarst wegen en daar de tijd aan besteden.", new), encoding="utf-8")

    found = problems_of(path, model_file)

    assert len(found) == 1
    assert found[0].endswith(f"waarschuwing: de Nederlandse tekst van 'strategie.core' is veranderd nadat hij "
                             f"vertaald is; vertaal hem opnieuw en zet 'from' op \"{text_hash(new)}\"")
    with pytest.raises(BuildError, match="strategie.core"):
        build(project / "model", project / "dist", project / "content", strict=True, site_config=project / "site.yaml")
    build(project / "model", project / "dist", project / "content", site_config=project / "site.yaml")  # a warning


def test_the_version_words_and_file_name_are_checked(project: Path) -> None:
    model_file = project / "model" / "veilig.yaml"
    path = english(model_file)
    text = path.read_text(encoding="utf-8").replace('version: "0.3"', 'version: "0.2"').replace(
        "language: en\n", "language: en\nwords:\n  stage: {singular: step, plural: steps, article: de}\n")
    path.write_text(text, encoding="utf-8")

    found = problems_of(path, model_file)

    assert any("vertaald uit versie 0.2 van het model, maar het model is nu versie 0.3" in p for p in found)
    assert any("in het Engels heeft een woord geen lidwoord; haal 'article' weg" in p for p in found)
    renamed = path.rename(path.with_name("veilig.english.yaml"))
    assert any("noem het veilig.en.yaml" in p for p in problems_of(renamed, model_file))


def test_a_translation_without_its_model_is_refused_by_the_build(project: Path) -> None:
    folder = project / "model" / "translations"
    folder.mkdir()
    (folder / "onbekend.en.yaml").write_text("model: onbekend\n", encoding="utf-8")

    with pytest.raises(BuildError, match="er is geen model 'onbekend' voor deze vertaling"):
        build(project / "model", project / "dist", project / "content", site_config=project / "site.yaml")


def test_the_translation_command_starts_a_file_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model_file = project / "model" / "ladder.yaml"

    assert main(["translation", "en", "--model", str(model_file)]) == 0
    made = model_file.parent / "translations" / "ladder.en.yaml"
    assert "teksten om te vertalen" in capsys.readouterr().out and made.is_file()
    assert main(["translation", "en", "--model", str(model_file)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert main(["translation", "fr", "--model", str(model_file)]) == 1
    assert "in deze talen: en (gevonden 'fr')" in capsys.readouterr().err


def test_a_translation_file_passes_its_schema_and_a_mistake_is_underlined(project: Path) -> None:
    validator = jsonschema.Draft202012Validator(schemas()["translation.schema.json"])
    document = yaml.safe_load(english(project / "model" / "veilig.yaml").read_text(encoding="utf-8"))

    assert list(validator.iter_errors(document)) == []
    document["texts"]["name"] = {"text": "A name"}
    document["langauge"] = "en"
    assert sorted(error.message for error in validator.iter_errors(document)) == [
        "'from' is a required property", "Additional properties are not allowed ('langauge' was unexpected)"]


@pytest.mark.parametrize("path", sorted(ROOT.glob("model/translations/*.yaml")), ids=lambda path: path.name)
def test_every_shipped_translation_is_complete_current_and_passes_its_schema(path: Path) -> None:
    model_file = ROOT / "model" / f"{path.name.split('.')[0]}.yaml"
    validator = jsonschema.Draft202012Validator(schemas()["translation.schema.json"])

    assert problems_of(path, model_file) == []
    assert list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))) == []
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/translation.schema.json\n")


# --- a translated model as a scan of its own ---------------------------------------------------------------------


def test_a_translated_model_builds_as_a_second_scan_in_its_own_folder(project: Path) -> None:
    english(project / "model" / "veilig.yaml")
    out = project / "dist"

    report = build(project / "model", out, project / "content", site_config=project / "site.yaml")

    def pages(folder: Path) -> list[str]:
        found = (p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
        return sorted(name for name in found if not name.startswith("en/"))

    assert pages(out / "veilig" / "en") and pages(out / "veilig" / "en") == pages(out / "veilig")
    assert not (out / "ladder" / "en").exists()  # a model without a translation stays one scan
    scan = (out / "veilig" / "en" / "scan.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in scan and "EN dreigingen.name" in scan
    assert '<a href="../scan.html" hreflang="nl" lang="nl" data-language-link>Nederlands</a>' in scan
    # Without content/veilig/en/uitleg.md the English page shows the Dutch explanation, marked as Dutch
    explanation = (out / "veilig" / "en" / "uitleg.html").read_text(encoding="utf-8")
    assert '<div lang="nl">' in explanation
    assert any("'veilig/en/uitleg.md' ontbreekt" in str(p) for p in report.warnings)


def test_a_translations_explanation_sits_in_its_language_folder(project: Path) -> None:
    english(project / "model" / "veilig.yaml")
    dutch = (project / "content" / "veilig" / "uitleg.md").read_text(encoding="utf-8")
    (project / "content" / "veilig" / "en").mkdir()
    (project / "content" / "veilig" / "en" / "uitleg.md").write_text(
        "---\ntitle: About the model\nsummary: How it works.\n---\n\nIn English, from [its makers]"
        "(https://voorbeeld.nl/veilig-bouwen).\n", encoding="utf-8")
    (project / "content" / "veilig" / "fr").mkdir()
    (project / "content" / "veilig" / "fr" / "uitleg.md").write_text(dutch, encoding="utf-8")

    with pytest.raises(BuildError) as refused:
        build(project / "model", project / "dist", project / "content", site_config=project / "site.yaml")
    assert "'veilig/fr/uitleg.md': in een modelmap staat alleen 'uitleg.md', en in de map van een vertaling ook: " \
           "en/uitleg.md" in str(refused.value)

    shutil.rmtree(project / "content" / "veilig" / "fr")
    build(project / "model", project / "dist", project / "content", site_config=project / "site.yaml", strict=True)
    explanation = (project / "dist" / "veilig" / "en" / "uitleg.html").read_text(encoding="utf-8")
    assert "<p>In English, from <a" in explanation and '<div lang="nl">' not in explanation
    assert '>its makers<span class="external-note"> (other website)</span></a>' in explanation  # on a Dutch site


def test_a_translation_into_the_models_own_language_is_refused(tmp_path: Path) -> None:
    source = ROOT / "tests" / "fixtures" / "english" / "model" / "practices.yaml"
    model_file = tmp_path / "practices.yaml"
    shutil.copy(source, model_file)

    assert any("het model zelf is al in deze taal ('en')" in p for p in problems_of(english(model_file), model_file))


def test_a_translated_term_has_its_own_forms_and_one_no_text_uses_is_a_warning(project: Path) -> None:
    model_file = project / "model" / "veilig.yaml"
    model = load_model(model_file)
    term = model["glossary"][0]["term"]
    path = english(model_file)
    text = path.read_text(encoding="utf-8")

    text = text.replace(f'text: "{term}"', 'text: "EN term"')  # a term no translated text writes so
    path.write_text(text, encoding="utf-8")
    found = problems_of(path, model_file)
    assert any(f"het vertaalde begrip van 'glossary.{term}.term' staat in geen enkele vertaalde tekst" in p
               for p in found)
    key = next(k for k in text_keys(model) if not k.startswith("glossary."))
    path.write_text(text.replace(f"  glossary.{term}.term:\n", f"  glossary.{term}.term:\n    forms: [EN {key}]\n"),
                    encoding="utf-8")
    assert not any("staat in geen enkele vertaalde tekst" in p and term in p for p in problems_of(path, model_file))
    translation, _ = check_translation(path, model)
    assert translation and translated(model, translation)["glossary"][0]["forms"] == [f"EN {key}"]
    path.write_text(text.replace(f"  {key}:\n", f"  {key}:\n    forms: [x]\n"), encoding="utf-8")
    assert any(f"'forms' hoort alleen bij een begrip (glossary.<begrip>.term), niet bij '{key}'" in p
               for p in problems_of(path, model_file))
