"""An English site: the example in examples/english-site with an English model (tests/fixtures/english) builds with
no Dutch on any page, in its visible text and its readable attributes, and says so in <html lang="en">."""

from __future__ import annotations

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
