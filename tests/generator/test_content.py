"""Tests for sitegen/content.py and sitegen/links.py: the Markdown pages, their front matter and their links.

Each test writes pages into tmp_path/content and runs from tmp_path, so messages read like
`content/uitleg.md:7: ...`. Link tests plan the pages of the sample model (tests/fixtures/sample, id `voorbeeld`)
and check the links of the content pages against them, as the build does; the model's explanation is then
`content/voorbeeld/uitleg.md`, and its links are relative to its folder `voorbeeld/`.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from sitegen.assets import SiteAssets
from sitegen.content import Page, load_content, load_page, mark_external
from sitegen.errors import Problems
from sitegen.i18n import Catalogs, locale_folder, speaking
from sitegen.links import check_links, site_anchors, source_addresses
from sitegen.model import load_model
from sitegen.pages import plan_pages
from sitegen.pipeline import PROJECT
from sitegen.render import make_environment, render_pages
from sitegen.siteconfig import DEFAULTS as SITE

SAMPLE_MODEL = Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "model" / "sample.yaml"

FRONT = "---\ntitle: Over de scan\nsummary: Wat je hier leest.\n---\n"
# Links between pages do not depend on the asset files: paths only, no Pyodide needed.
ASSET_PATHS = SiteAssets(files={}, folder="assets/0123456789/", logo=None,
                         imports={name: [] for name in ("page.js", "privacy.js", "scan.js", "result.js", "plan.js",
                                                        "history.js", "scans.js", "team.js")},
                         result_keys=defaultdict(lambda: "0.1/0123456789"))


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write_page(name: str, text: str | bytes) -> Path:
    path = Path("content") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load(text: str | bytes, name: str = "uitleg.md") -> tuple[Page | None, list[str]]:
    """The page and every problem in it, as the build prints them."""
    path = write_page(name, text)
    problems = Problems(f"content/{name}")
    page = load_page(path, problems)
    return page, [str(problem) for problem in problems.items]


# --- pages and front matter --------------------------------------------------------------------------------


def test_valid_page() -> None:
    page, messages = load(FRONT + "\n## Kop\n\nEen zin met een [link](index.html) en **nadruk**.\n")

    assert messages == []
    assert page is not None
    assert page.name == "uitleg"
    assert page.source == "content/uitleg.md"
    assert page.title == "Over de scan"
    assert page.summary == "Wat je hier leest."
    assert page.html == ('<h2 id="kop">Kop</h2>\n'
                         '<p>Een zin met een <a href="index.html">link</a> en <strong>nadruk</strong>.</p>')
    assert page.anchors == {"kop"}
    assert page.links == [("index.html", 8)]


def test_load_content_reads_every_page_in_name_order() -> None:
    write_page("voorbeeld/uitleg.md", FRONT + "Tekst.\n")
    write_page("uitleg.md", FRONT + "Tekst.\n")
    write_page("index.md", FRONT + "Tekst.\n")
    write_page("kapot.md", "Geen kop.\n")
    write_page("notities.txt", "Wordt niet gelezen.\n")
    write_page("voorbeeld/kapot.md", "Ook geen kop.\n")
    write_page("voorbeeld/notities.txt", "Wordt ook niet gelezen.\n")

    pages, problems = load_content(Path("content"))

    # A page in a model's folder is named with its folder.
    assert list(pages) == ["index", "uitleg", "voorbeeld/uitleg"]
    assert pages["voorbeeld/uitleg"].source == "content/voorbeeld/uitleg.md"
    assert [p.file for p in problems] == ["content/index.md", "content/kapot.md", "content/uitleg.md",
                                          "content/voorbeeld/kapot.md", "content/voorbeeld/uitleg.md"]
    assert [str(p) for file in problems for p in file.items] == [
        "content/kapot.md:1: verwacht bovenaan een kop tussen twee regels '---' met 'title' en 'summary' "
        "(gevonden 'Geen kop.')",
        "content/voorbeeld/kapot.md:1: verwacht bovenaan een kop tussen twee regels '---' met 'title' en 'summary' "
        "(gevonden 'Ook geen kop.')",
    ]


def test_missing_front_matter() -> None:
    page, messages = load("# Over de scan\n\nTekst.\n")

    assert page is None
    assert messages == [
        "content/uitleg.md:1: verwacht bovenaan een kop tussen twee regels '---' met 'title' en 'summary' "
        "(gevonden '# Over de scan')",
    ]


def test_empty_page() -> None:
    page, messages = load("")

    assert page is None
    assert messages == ["content/uitleg.md:1: het bestand is leeg"]


def test_unclosed_front_matter() -> None:
    page, messages = load("---\ntitle: Over de scan\nsummary: Wat je hier leest.\n\nTekst.\n")

    assert page is None
    assert messages == ["content/uitleg.md:1: de kop begint met '---' maar sluit niet af met een tweede regel '---'"]


def test_unknown_front_matter_key() -> None:
    page, messages = load("---\ntitle: Over de scan\nsummary: Wat je hier leest.\nauteur: Iemand\n---\nTekst.\n")

    assert page is not None
    assert messages == ["content/uitleg.md:4: onbekende sleutel 'auteur' in de kop (toegestaan: title, summary)"]


def test_missing_title() -> None:
    _, messages = load("---\nsummary: Wat je hier leest.\n---\nTekst.\n")

    assert messages == ["content/uitleg.md:1: de kop mist de verplichte sleutel 'title'"]


def test_empty_title() -> None:
    _, messages = load("---\nsummary: Wat je hier leest.\ntitle: ''\n---\nTekst.\n")

    assert messages == ["content/uitleg.md:3: 'title' is leeg; schrijf een tekst"]


def test_title_that_is_not_text() -> None:
    _, messages = load("---\ntitle: 2025\nsummary: Wat je hier leest.\n---\nTekst.\n")

    assert messages == ["content/uitleg.md:2: 'title' moet tekst zijn (gevonden een getal)"]


def test_misspelt_front_matter_keys_suggest_the_closest_key() -> None:
    page, messages = load("---\ntitel: Over de scan\nsumary: Wat je hier leest.\n---\nTekst.\n")

    assert page is not None
    assert messages == [
        "content/uitleg.md:1: de kop mist de verplichte sleutel 'title'",
        "content/uitleg.md:1: de kop mist de verplichte sleutel 'summary'",
        "content/uitleg.md:2: onbekende sleutel 'titel' in de kop; bedoel je 'title'?",
        "content/uitleg.md:3: onbekende sleutel 'sumary' in de kop; bedoel je 'summary'?",
    ]


def test_front_matter_that_is_not_a_block_of_keys() -> None:
    _, messages = load("---\n- Over de scan\n---\nTekst.\n")

    assert messages == [
        "content/uitleg.md:2: de kop moet sleutels bevatten: 'title' en 'summary'",
        "content/uitleg.md:1: de kop mist de verplichte sleutel 'title'",
        "content/uitleg.md:1: de kop mist de verplichte sleutel 'summary'",
    ]


def test_yaml_error_in_front_matter_counts_lines_from_the_top_of_the_file() -> None:
    page, messages = load("---\ntitle: Over de scan\nsummary: Let op: dit gaat mis.\n---\nTekst.\n")

    assert page is None
    assert messages == [
        "content/uitleg.md:3: dit is geen geldige YAML: in deze tekst staat ': ', en dat leest YAML als een nieuwe "
        "sleutel; zet de hele tekst tussen aanhalingstekens",
    ]


def test_anchors_and_aliases_in_front_matter_are_refused_with_their_line_in_the_file() -> None:
    page, messages = load("---\ntitle: &titel Over de scan\nsummary: *titel\n---\nTekst.\n")

    assert page is None
    assert messages == [
        "content/uitleg.md:2: '&titel' is een YAML-anker; ankers (&naam) en verwijzingen (*naam) zijn niet "
        "toegestaan: schrijf de tekst voluit op elke plek waar hij hoort (is '&' gewoon het begin van je tekst, "
        "zet de tekst dan tussen aanhalingstekens)",
        "content/uitleg.md:3: '*titel' is een YAML-verwijzing; ankers (&naam) en verwijzingen (*naam) zijn niet "
        "toegestaan: schrijf de tekst hier voluit (is '*' gewoon het begin van je tekst, zet de tekst dan tussen "
        "aanhalingstekens)",
    ]


def test_byte_order_mark_is_ignored() -> None:
    page, messages = load(("\ufeff" + FRONT + "Tekst.\n").encode("utf-8"))

    assert messages == []
    assert page is not None
    assert page.title == "Over de scan"


def test_page_that_is_not_utf8() -> None:
    data = (FRONT + "Caf\xe9.\n").encode("latin-1")

    page, messages = load(data)

    assert page is None
    assert messages == [
        f"content/uitleg.md:1: het bestand is geen UTF-8-tekst (byte {data.index(b'C') + 3}); sla het op als UTF-8",
    ]


# --- raw HTML ----------------------------------------------------------------------------------------------


def test_raw_html_is_reported_with_its_line() -> None:
    _, messages = load(FRONT + "\nEen alinea.\n\nHier staat <b>vet</b> in.\n\n<div class=\"kader\">Blok</div>\n")

    assert messages == [
        "content/uitleg.md:8: HTML-code '<b>' in Markdown is niet toegestaan; gebruik alleen Markdown",
        "content/uitleg.md:10: HTML-code '<div class=\"kader\">' in Markdown is niet toegestaan; "
        "gebruik alleen Markdown",
    ]


def test_script_has_its_own_message() -> None:
    _, messages = load(FRONT + "\n<script>alert('hallo')</script>\n")

    assert messages == [
        "content/uitleg.md:6: een <script>-blok in Markdown is niet toegestaan; gebruik alleen Markdown",
    ]


def test_html_comment_is_raw_html() -> None:
    _, messages = load(FRONT + "Tekst.\n<!-- aantekening -->\n")

    assert messages == ["content/uitleg.md:6: HTML-code '<!--' in Markdown is niet toegestaan; gebruik alleen Markdown"]


def test_html_in_inline_code_and_code_blocks_is_allowed_and_shown_as_text() -> None:
    text = FRONT + (
        "\nSchrijf nooit `<b>` in een pagina.\n"
        "\n```\n<script>alert('hallo')</script>\n```\n"
        "\n~~~\n<div>kader</div>\n~~~\n"
        "\n    <p>ingesprongen</p>\n"
    )

    page, messages = load(text)

    assert messages == []
    assert page is not None
    assert page.html == (
        "<p>Schrijf nooit <code>&lt;b&gt;</code> in een pagina.</p>\n"
        "<pre><code>&lt;script&gt;alert('hallo')&lt;/script&gt;\n</code></pre>\n"
        "<pre><code>&lt;div&gt;kader&lt;/div&gt;\n</code></pre>\n"
        "<pre><code>&lt;p&gt;ingesprongen&lt;/p&gt;\n</code></pre>"
    )


def test_html_the_line_check_misses_is_still_not_rendered() -> None:
    # Indented under a list item this is not a code block, so the line check (which skips indented lines) misses
    # it; Markdown must then show it as text rather than pass it on.
    page, messages = load(FRONT + "\n- punt\n\n    <script>alert('hallo')</script>\n")

    assert messages == []
    assert page is not None
    assert "<script>" not in page.html
    assert "&lt;script&gt;alert('hallo')&lt;/script&gt;" in page.html


def test_angle_brackets_that_are_not_html_are_fine() -> None:
    page, messages = load(FRONT + "\n3 < 4 en a<b, en mail naar <info@example.org>.\n")

    assert messages == []
    assert page is not None
    assert page.html.startswith("<p>3 &lt; 4 en a&lt;b, en mail naar <a href=\"&#109;")


# --- links -------------------------------------------------------------------------------------------------

# The four site pages and the sample model's explanation, by the keyword `link_problems` takes for each.
CONTENT_FILES = {"index": "index.md", "privacy": "privacy.md", "toegankelijkheid": "toegankelijkheid.md",
                 "colofon": "colofon.md", "uitleg": "voorbeeld/uitleg.md"}
KNOWN_PAGES = ("colofon.html, index.html, privacy.html, toegankelijkheid.html, voorbeeld/elementen/e1.html, "
               "voorbeeld/elementen/e2.html, ...")


def no_such_page(where: str, href: str) -> str:
    return f"{where}: link naar '{href}': die pagina bestaat niet (bestaande pagina's: {KNOWN_PAGES})"


def link_problems(source: dict[str, Any] | None = None, **bodies: str) -> list[str]:
    """Write the four site pages and the model's explanation (`uitleg`, in `voorbeeld/`) with the given bodies,
    plan the sample site (its model's `source` changed by `source`) and check the links."""
    assert set(bodies) <= set(CONTENT_FILES)
    for name, file in CONTENT_FILES.items():
        write_page(file, FRONT + bodies.get(name, "\n## Kop\n\nTekst.\n"))
    pages, problems = load_content(Path("content"))
    assert [str(p) for file in problems for p in file.items] == []
    model: dict[str, Any] = dict(load_model(SAMPLE_MODEL))
    model["source"] = {**model["source"], **(source or {})}
    rendered = render_pages(make_environment(PROJECT / "site_templates"), plan_pages([model], pages), SITE,
                            ASSET_PATHS)
    return [str(problem) for problem in check_links(pages, site_anchors(rendered), allowed=source_addresses([model]))]


def test_links_to_existing_pages_and_anchors_are_fine() -> None:
    body = (
        "\n## Meer weten\n\n"
        "Zie [de start](../index.html), [het colofon](../colofon.html#kop), [deze kop](#meer-weten),\n"
        "[element 1](elementen/e1.html), [de scan](scan.html#e2), [het overzicht](scan.html#overzicht)\n"
        "en [mail](mailto:info@example.org) of [bel](tel:+31201234567).\n"
    )
    index = (
        "\n## Meer weten\n\n"
        "Zie [de uitleg](voorbeeld/uitleg.html#meer-weten), [element 2](voorbeeld/elementen/e2.html),\n"
        "[de uitslag](voorbeeld/resultaat.html) en [deze kop](index.html#meer-weten).\n"
    )

    assert link_problems(uitleg=body, index=index) == []


def test_links_in_a_model_explanation_are_relative_to_its_folder() -> None:
    body = (
        "\nLees over [privacy](../privacy.html) en [de fasen](uitleg.html#de-fasen), of ga naar [de scan](scan.html).\n"
        "\nDit [anker](uitleg.html#nope) bestaat niet, en [de start](index.html) staat een map hoger.\n"
        "\n[Omhoog](../../index.html) gaat de site uit.\n"
    )

    assert link_problems(uitleg=body) == [
        "content/voorbeeld/uitleg.md:8: link naar 'uitleg.html#nope': het anker '#nope' bestaat niet op "
        "voorbeeld/uitleg.html",
        no_such_page("content/voorbeeld/uitleg.md:8", "index.html"),
        no_such_page("content/voorbeeld/uitleg.md:10", "../../index.html"),
    ]


def test_broken_internal_link_names_file_and_line() -> None:
    body = "\nEerst tekst.\n\nDan een [kapotte link](bestaat-niet.html).\n"

    assert link_problems(uitleg=body) == [
        "content/voorbeeld/uitleg.md:8: link naar 'bestaat-niet.html': die pagina bestaat niet (bestaande pagina's: "
        "colofon.html, index.html, privacy.html, toegankelijkheid.html, voorbeeld/elementen/e1.html, "
        "voorbeeld/elementen/e2.html, ...)",
    ]


def test_each_of_two_identical_broken_links_is_reported_on_its_own_line() -> None:
    body = "\n[Een](weg.html).\n\nTekst.\n\n[Twee](weg.html).\n"

    assert link_problems(colofon=body) == [
        no_such_page("content/colofon.md:6", "weg.html"),
        no_such_page("content/colofon.md:10", "weg.html"),
    ]


def test_reference_style_link_is_reported_on_the_line_of_its_address() -> None:
    body = "\nLees [de handleiding][hulp].\n\n[hulp]: handleiding.html\n"

    assert link_problems(index=body) == [no_such_page("content/index.md:8", "handleiding.html")]


def test_link_out_of_the_site_folder_is_broken() -> None:
    body = "\n[Omhoog](../index.html)\n"

    assert link_problems(index=body) == [no_such_page("content/index.md:6", "../index.html")]


OUTSIDE = ("de scan laadt niets van buiten; noem het adres als tekst (alleen een link naar de bron of de licentie van "
           "een model mag: 'source.url' of 'source.license.url')")


@pytest.mark.parametrize("href", ["https://example.org/", "http://example.org", "//example.org/pagina.html"])
def test_link_to_another_website_is_an_error(href: str) -> None:
    body = f"\nKijk op [een andere site]({href}).\n"

    assert link_problems(privacy=body) == [
        f"content/privacy.md:6: link naar een andere website '{href}': {OUTSIDE}",
    ]


def test_autolink_to_another_website_is_an_error() -> None:
    assert link_problems(privacy="\nZie <https://example.org>.\n") == [
        f"content/privacy.md:6: link naar een andere website 'https://example.org': {OUTSIDE}",
    ]


def test_image_from_another_website_is_an_error() -> None:
    assert link_problems(index="\n![Logo](https://example.org/logo.png)\n") == [
        f"content/index.md:6: link naar een andere website 'https://example.org/logo.png': {OUTSIDE}",
    ]


LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"


def test_a_link_to_the_models_source_or_licence_may_leave_the_scan_and_says_so() -> None:
    source = {"url": "https://voorbeeld.nl/model", "license": {"name": "CC BY-SA 4.0", "url": LICENSE}}
    body = f"\nHet model komt van [de makers](https://voorbeeld.nl/model), onder [deze licentie]({LICENSE}).\n"

    assert link_problems(source, index=body) == []
    page = load_content(Path("content"))[0]["index"]
    assert (f'<a class="external" href="{LICENSE}" rel="external noopener">deze licentie<span class="external-note"> '
            "(andere website)</span></a>") in mark_external(page.html)


def test_the_note_on_a_link_that_leaves_the_scan_speaks_the_pages_language() -> None:
    Path("content").mkdir()
    Path("content/index.md").write_text(f"{FRONT}\nUnder [this licence]({LICENSE}).\n", encoding="utf-8")
    page = load_content(Path("content"))[0]["index"]

    with speaking(Catalogs(locale_folder(PROJECT)), "en", for_pages=True):
        html = mark_external(page.html)

    assert (f'<a class="external" href="{LICENSE}" rel="external noopener">this licence<span class="external-note"> '
            "(other website)</span></a>") in html


def test_an_image_from_the_licences_address_is_still_refused() -> None:
    source = {"license": {"name": "CC BY-SA 4.0", "url": LICENSE}}
    assert link_problems(source, index=f"\n![Licentie]({LICENSE})\n") == [
        f"content/index.md:6: link naar een andere website '{LICENSE}': {OUTSIDE}",
    ]


def test_image_is_checked_like_a_link() -> None:
    # The build copies no images from the content folder, so a local image would be missing on the site.
    assert link_problems(index="\nTekst.\n\n![Foto van het team](team.jpg)\n") == [
        no_such_page("content/index.md:8", "team.jpg"),
    ]


def test_link_to_a_missing_anchor_is_an_error() -> None:
    body = "\nZie [de kop](../colofon.html#makers) en [hier](#nergens).\n"

    assert link_problems(uitleg=body, privacy="\nZie [hier](#nergens).\n") == [
        "content/privacy.md:6: link naar '#nergens': het anker '#nergens' bestaat niet op privacy.html",
        "content/voorbeeld/uitleg.md:6: link naar '../colofon.html#makers': het anker '#makers' bestaat niet op "
        "colofon.html",
        "content/voorbeeld/uitleg.md:6: link naar '#nergens': het anker '#nergens' bestaat niet op "
        "voorbeeld/uitleg.html",
    ]


def test_link_to_an_anchor_made_by_the_template_is_fine() -> None:
    assert link_problems(
        index="\nLees over [de fasen](voorbeeld/uitleg.html#de-fasen) en [wissen](privacy.html#alles-wissen).\n",
        uitleg="\nZie [de elementen](#de-elementen) en [de bronnen](../colofon.html#bronnen).\n",
    ) == []
