"""Any maturity model fits: the two fixture models with other words, another scale and another rule
(tests/fixtures/varied: veilig.yaml with groups, the mean and treden 0 to 3; ladder.yaml with one question per part)
build a site on which no SEMM sentence or word appears, apart from what the site's own settings say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scoring_py import score
from sitegen.model import load_model
from sitegen.pipeline import build
from sitegen.scoring_text import rule_text

from .test_words import readable

ROOT = Path(__file__).resolve().parents[2]
VARIED = ROOT / "tests" / "fixtures" / "varied"
# SEMM's own words and sentences: the words of its scale and parts, its guide, its subject.
SEMM_TEXT = re.compile(r"\b(leidraad|klant\w*|service excellence|fase|fasen|element|elementen|aspect|aspecten|"
                       r"resultaatgebied\w*|dimensie\w*)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("varied") / "dist"
    build(VARIED / "model", out, VARIED / "content", strict=True, site_config=VARIED / "site.yaml")
    return out


def test_no_semm_text_on_any_page_of_a_model_with_its_own_words(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    found = [f"{page.relative_to(site)}:{line} {where}: {text.strip()[:120]}"
             for page in pages for line, where, text in readable(page.read_text(encoding="utf-8"))
             if SEMM_TEXT.search(text)]

    assert len(pages) > 25
    assert found == []


def test_the_rule_is_said_in_the_models_own_words() -> None:
    assert rule_text(load_model(VARIED / "model" / "veilig.yaml"))["sentences"] == [
        "De trede van een praktijk is het gemiddelde van de stromen erin.",
        "De trede van een functie is het gemiddelde van de praktijken erin.",
        "De trede van je organisatie is het gemiddelde van alle functies."]
    assert rule_text(load_model(VARIED / "model" / "ladder.yaml"))["sentences"] == [
        "De stap van je organisatie is die van het onderwerp dat het minst ver is."]
    assert rule_text(load_model(ROOT / "model" / "semm.yaml"))["sentences"] == [
        "De fase van een element is die van het aspect dat het minst ver is.",
        "De fase van een dimensie is die van het element dat het minst ver is.",
        "De fase van je organisatie is die van de dimensie die het minst ver is."]


def test_a_question_part_shows_its_question_and_no_invented_aspect(site: Path) -> None:
    scan = (site / "ladder" / "scan.html").read_text(encoding="utf-8")

    assert '<legend class="question-text">Hoe test je of websites bruikbaar zijn voor iedereen?</legend>' in scan
    assert "Ontwikkelrichting" not in scan  # no direction given, no empty slot
    assert 'data-not-applicable="testen"' in scan


def test_a_stage_zero_has_no_column_and_groups_head_their_parts(site: Path) -> None:
    result = (site / "veilig" / "resultaat.html").read_text(encoding="utf-8")

    assert 'data-columns="3"' in result  # treden 1, 2 and 3: trede 0 is "nothing yet"
    rows = re.findall(r'class="bars-row( bars-row-group)?" data-row="([\w-]+)"', result)
    assert [(row, bool(group)) for group, row in rows][:4] == [("bestuur", True), ("strategie", False),
                                                              ("opleiding", False), ("ontwerp", True)]


def test_the_summary_of_a_mean_model_says_lowest_not_weakest_link(site: Path) -> None:
    result = (site / "veilig" / "resultaat.html").read_text(encoding="utf-8")

    assert "<dt>Laagst</dt>" in result and "zwakste schakel" not in result
    assert "Een gemiddelde staat er met één decimaal" in result


def test_a_publisher_may_leave_out_verbs_directions_and_characteristics() -> None:
    model = load_model(VARIED / "model" / "ladder.yaml")
    result = score(model, {"model": "ladder", "aspects": {"beleid": 1, "inkoop": 1, "testen": 1}})

    assert result["overall"]["verb"] == "" and result["next_phase"] is not None
    assert result["next_phase"]["characteristics"] == []


def test_the_builds_messages_speak_the_models_own_words(tmp_path: Path) -> None:
    """A publisher of a model of practices, streams and rungs reads about practices, streams and rungs."""
    from sitegen.model import check_model_file

    text = (VARIED / "model" / "veilig.yaml").read_text(encoding="utf-8")
    for old, new in [("          - De doelen worden elk jaar getoetst aan wat er gebeurde.\n", ""),  # one short
                     ("    parts: [dreigingen, eisen]", "    parts: [dreigingen, eisen, strategie]"),
                     ("    name: Opleiding\n", "    naam: Opleiding\n"),
                     ("    - id: 3\n      name: Meetbaar", "    - id: 4\n      name: Meetbaar")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "veilig.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = check_model_file(path)
    found = [problem.message for problem in problems.items]

    assert "stroom 'strategie-doel' heeft 3 beschrijvingen, verwacht 4: één per trede" in found
    assert any(message.startswith("praktijk 'strategie' staat al in een functie (regel ") for message in found), found
    assert "praktijk 2 mist de verplichte sleutel 'name'" in found
    assert ("de ids slaan een nummer over: na 2 komt 4; nummer de treden zonder gat (hier ontbreekt 3)") in found
    assert not [message for message in found if SEMM_TEXT.search(message.replace("'elements'", ""))], found


def test_the_team_page_says_the_models_own_rule(site: Path) -> None:
    team = (site / "veilig" / "team.html").read_text(encoding="utf-8")
    explained = team[team.index("Zo rekenen we:"):team.index("</p>", team.index("Zo rekenen we:"))]

    assert "De trede van je organisatie is het gemiddelde van alle functies." in explained
    assert "minst ver" not in explained and "laagste" not in explained
