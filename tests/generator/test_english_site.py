"""An English site: the example in examples/english-site with an English model (tests/fixtures/english) builds with
no Dutch on any page, in its visible text and its readable attributes, and says so in <html lang="en">; the build
and the command line speak English to its publisher."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.errors import BuildError
from sitegen.model import load_model
from sitegen.pipeline import build

from .test_build import all_files, line_in, replace_in, run_build
from .test_words import readable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "english-site"
# Dutch function words that English text never has; "de", "het", "een" and "van" catch almost any Dutch sentence.
DUTCH = re.compile(r"\b(de|het|een|van|je|jouw|niet|wel|geen|naar|voor|deze|dit|zijn|wordt|ook|alle|nog|maar|"
                   r"bij|uit|met|als|dan|kies|bekijk|bewaar|opgeslagen|uitslag|antwoorden|scans? in deze)\b",
                   re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("english") / "dist"
    build(ROOT / "tests" / "fixtures" / "english" / "model", out, EXAMPLE / "content", strict=True,
          site_config=EXAMPLE / "site.yaml")
    return out


def dutch_on(page: Path, site: Path) -> list[str]:
    return [f"{page.relative_to(site)}:{line} {where}: {text.strip()[:100]}"
            for line, where, text in readable(page.read_text(encoding="utf-8")) if DUTCH.search(text)]


def test_no_dutch_on_any_page_of_an_english_site(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))

    assert len(pages) > 10
    assert [found for page in pages for found in dutch_on(page, site)] == []


def test_every_page_says_it_is_english(site: Path) -> None:
    assert all('<html lang="en"' in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))


# --- a translated model: the English SEMM and TOPdesk beside the Dutch ones ----------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "dist"
    build(ROOT / "model", out, ROOT / "content", strict=True)
    return out


def pages_of(folder: Path) -> set[str]:
    """The pages of one edition, without those of the English one inside it."""
    found = (page.relative_to(folder).as_posix() for page in folder.rglob("*.html"))
    return {name for name in found if not name.startswith("en/")}


@pytest.mark.parametrize("model", ["semm", "topdesk-esm"])
def test_a_translated_model_is_a_scan_of_its_own_in_each_language(shipped: Path, model: str) -> None:
    dutch, english = shipped / model, shipped / model / "en"

    assert pages_of(english) == pages_of(dutch)
    assert len(pages_of(dutch)) > 8
    assert all('<html lang="en"' in (english / page).read_text(encoding="utf-8") for page in pages_of(english))


@pytest.mark.parametrize("model", ["semm", "topdesk-esm"])
def test_no_dutch_on_the_pages_of_an_english_edition_but_what_is_marked_dutch(shipped: Path, model: str) -> None:
    pages = sorted((shipped / model / "en").rglob("*.html"))
    marked = {text.strip() for page in pages for _, where, text in readable(page.read_text(encoding="utf-8"), "nl")
              if where == "text"}

    assert [found for page in pages for line, where, text in readable(page.read_text(encoding="utf-8"), "en")
            if DUTCH.search(text) for found in [f"{page.relative_to(shipped)}:{line} {where}: {text.strip()[:100]}"]] \
        == []
    # What is in Dutch on purpose: the link to the Dutch edition, the site's own name (site.yaml), and the model's
    # source as it was published (its title, authors and publisher)
    source = load_model(ROOT / "model" / f"{model}.yaml")["source"]
    assert marked <= {"Nederlands", "Service Excellence Scan", source["title"], source["authors"], source["publisher"]}


def test_each_page_links_to_itself_in_the_other_language(shipped: Path) -> None:
    dutch = (shipped / "semm" / "resultaat.html").read_text(encoding="utf-8")
    english = (shipped / "semm" / "en" / "elementen" / "e1.html").read_text(encoding="utf-8")

    assert '<a href="en/resultaat.html" hreflang="en" lang="en" data-language-link>English</a>' in dutch
    assert '<a href="../../elementen/e1.html" hreflang="nl" lang="nl" data-language-link>Nederlands</a>' in english
    assert '<link rel="alternate" hreflang="nl" href="../../elementen/e1.html">' in english


def test_the_home_page_lists_a_model_once_with_its_other_language(shipped: Path) -> None:
    index = (shipped / "index.html").read_text(encoding="utf-8")

    assert index.count("<h3>") == 2  # a card per model, not per language
    assert '<a href="semm/en/scan.html" hreflang="en" lang="en">English</a>' in index


def test_each_edition_has_its_model_json_in_its_language(shipped: Path) -> None:
    english = json.loads(next(shipped.glob("assets/*/models/semm.en.json")).read_text(encoding="utf-8"))
    dutch = json.loads(next(shipped.glob("assets/*/models/semm.json")).read_text(encoding="utf-8"))

    assert english["id"] == dutch["id"] == "semm" and english["language"] == "en"
    assert [e["id"] for e in english["elements"]] == [e["id"] for e in dutch["elements"]]
    assert english["messages"] and "messages" not in dutch
    assert "editions" not in english and "folder" not in english


# --- the build's own messages: an English site hears them in English ---------------------------------------------

ENGLISH_MODEL = ROOT / "tests" / "fixtures" / "english" / "model" / "practices.yaml"


@pytest.fixture
def english_model(tmp_path: Path) -> Path:
    """A copy of the English model, to break."""
    folder = tmp_path / "model"
    folder.mkdir()
    shutil.copy(ENGLISH_MODEL, folder / "practices.yaml")
    return folder / "practices.yaml"


def problems_of(model: Path, site: Path = EXAMPLE / "site.yaml", language: str | None = None) -> list[str]:
    with pytest.raises(BuildError) as failed:
        build(model.parent, model.parent.parent / "dist", EXAMPLE / "content", site_config=site, language=language)
    return [str(problem) for problem in failed.value.problems]


def test_a_missing_key_is_said_in_english_with_file_and_line(english_model: Path) -> None:
    replace_in(english_model, "short_name: Trusted building\n", "")

    assert problems_of(english_model) == [
        f"{english_model}:{line_in(english_model, 'id: practices')}: the model is missing the required key "
        "'short_name'"]


def test_a_wrong_indentation_is_said_in_english_with_file_and_line(english_model: Path) -> None:
    replace_in(english_model, "    name: Governance", "     name: Governance")

    assert problems_of(english_model) == [
        f"{english_model}:{line_in(english_model, 'name: Governance')}: this is not valid YAML: 'name' is indented "
        f"further than 'id' on line {line_in(english_model, 'id: governance')}, which already has a value; indent "
        "'name' as far as 'id' (indented 4 spaces), or put the text above in quotes if this line belongs to it"]


def test_an_unknown_key_is_said_in_english_in_the_models_own_words(english_model: Path) -> None:
    replace_in(english_model, "allow_not_applicable: true", "allow_not_applicable: true\nlanguag: en")
    replace_in(english_model, "parts: [strategy, training]", "parts: [strategy, training, testing]")

    assert problems_of(english_model) == [
        f"{english_model}:{line_in(english_model, 'languag:')}: unknown key 'languag' in the model; did you mean "
        "'language'?",
        f"{english_model}:{line_in(english_model, 'parts: [testing')}: practice 'testing' is already in one of the "
        f"business functions (line {line_in(english_model, 'testing]')}); each practice is in exactly one business "
        "function"]


def test_many_mistakes_and_not_one_dutch_word(english_model: Path) -> None:
    text = english_model.read_text(encoding="utf-8")
    for old, new in [('version: "1.0"', "version: 1.0"), ("  part: mean", "  part: meen"), ("year: 2026", "year: soon"),
                     ("allow_not_applicable: true", "allow_not_applicable: maybe"), ("- id: 1\n", "- id: 3\n"),
                     ("name: Governance", "name: ''"), ("  - id: verification", "  - id: Verification"),
                     ("words:\n", "words:\n  level: {singular: Grade}\n")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    english_model.write_text(text, encoding="utf-8")

    problems = problems_of(english_model)

    assert len(problems) >= 8
    assert [problem for problem in problems if DUTCH.search(problem)] == []


def test_site_yaml_speaks_its_own_language_and_dutch_when_it_cannot_be_read(english_model: Path,
                                                                             tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("language: en\nteam:\n  min_unit_size: 2\ncolors:\n  brand: \"#ffff00\"\n", encoding="utf-8")

    assert problems_of(english_model, site) == [
        f"{site}:3: 'team.min_unit_size' must be a whole number of at least 3 (found 2): in a smaller unit, anyone "
        "could see what one person answered",
        f"{site}:5: color 'brand' (#ffff00, for buttons, links and headings) has too little contrast with white: "
        "1.07 : 1, at least 4.5 : 1 is needed (WCAG AA); choose a darker color",
        f"{site}:5: color 'brand' (#ffff00, for buttons, links and headings) has too little contrast with the light "
        "background: 1.01 : 1, at least 4.5 : 1 is needed (WCAG AA); choose a darker color"]

    site.write_text("language: en\nname: [Maturity Scan\n", encoding="utf-8")
    assert [problem.split(": ", 1)[1] for problem in problems_of(english_model, site)] == [
        "dit is geen geldige YAML: wat hier met '[' begint, wordt niet gesloten met ']'"]


def test_language_on_the_command_line_goes_before_the_sites(english_model: Path) -> None:
    replace_in(english_model, "short_name: Trusted building\n", "")

    assert problems_of(english_model, language="nl") == [
        f"{english_model}:{line_in(english_model, 'id: practices')}: het model mist de verplichte sleutel "
        "'short_name'"]


def test_the_command_line_says_done_in_english(tmp_path: Path) -> None:
    out = tmp_path / "dist"

    completed = run_build("--site", EXAMPLE / "site.yaml", "--content", EXAMPLE / "content", "--model",
                          ENGLISH_MODEL.parent, "--out", out, "--strict")

    assert completed.returncode == 0, completed.stderr
    assert (completed.stdout, completed.stderr) == (f"Done: {len(all_files(out))} files in {out}.\n", "")


def test_the_command_line_says_a_stopped_build_and_its_help_in_english(english_model: Path) -> None:
    replace_in(english_model, "short_name: Trusted building\n", "")
    out = english_model.parent.parent / "dist"

    completed = run_build("--site", EXAMPLE / "site.yaml", "--content", EXAMPLE / "content", "--model",
                          english_model.parent, "--out", out)
    helped = run_build("--help", "--site", EXAMPLE / "site.yaml")

    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        f"The build stopped: 1 problem found. The previous version of {out} stays in place.",
        f"  {english_model}:{line_in(english_model, 'id: practices')}: the model is missing the required key "
        "'short_name'"]
    assert "the folder of the explanatory pages" in helped.stdout
    assert not DUTCH.search(helped.stdout.replace("new-model", ""))


def test_a_warning_stays_english_after_the_build(english_model: Path) -> None:
    replace_in(english_model, "  note: Every text in this model was written for the tests.",
               "  note: " + "Every text in this model was written for the tests. " * 14)

    report = build(english_model.parent, english_model.parent.parent / "dist", EXAMPLE / "content",
                   site_config=EXAMPLE / "site.yaml")

    assert [str(warning) for warning in report.warnings] == [
        f"{english_model}:{line_in(english_model, 'note:')}: warning: 'note' is 727 characters long; keep it under "
        "700 so that it can be read on a phone"]
