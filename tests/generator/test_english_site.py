"""An English site: the example in examples/english-site with an English model (tests/fixtures/english) builds with
no Dutch on any page, in its visible text and its readable attributes, and says so in <html lang="en">."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen.pipeline import build

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
    # What is in Dutch on purpose: the link to the Dutch edition, the site's own name and footer (site.yaml), and
    # the model's source as it was published
    assert marked - {"Nederlands", "Service Excellence Scan", "Je antwoorden blijven in deze browser, op dit apparaat."} \
        <= {"Leidraad Op weg naar excellente klantbeleving", "Jean-Pierre Thomassen, Eric de Haan en Ruud Stassen",
            "Stichting Service Excellence", "Op weg naar volwassenheid met het TOPdesk Maturity Model", "TOPdesk"}


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
