"""The site's own texts from gettext catalogs (sitegen/i18n.py): the catalogs are current with the code, English
translates every message, a page renders in its language with <html lang>, and a message without a translation
is shown in Dutch and named by the build."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from sitegen.i18n import Catalogs, extracted, locale_folder
from sitegen.pipeline import PROJECT, untranslated

LOCALE = locale_folder(PROJECT)
NOUNS = {"part", "stage", "unit", "below", "parts", "stages"}  # nouns a Dutch call also passes, for English


def catalog(language: str | None = None):  # noqa: ANN201 (a babel Catalog)
    path = LOCALE / "messages.pot" if language is None else LOCALE / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def ids(messages) -> set[str]:  # noqa: ANN001
    return {message.id if isinstance(message.id, str) else message.id[0] for message in messages if message.id}


def test_the_catalogs_hold_exactly_the_messages_the_code_uses() -> None:
    used = ids(extracted(PROJECT))

    assert used, "no message found in the code"
    assert ids(catalog()) == used, "locale/messages.pot is old: run python build.py messages"
    assert ids(catalog("en")) == used, "locale/en is old: run python build.py messages"


def test_english_translates_every_message() -> None:
    def translated(message) -> bool:  # noqa: ANN001
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        return all(forms) and not message.fuzzy

    open_messages = [message.id for message in catalog("en") if message.id and not translated(message)]

    assert open_messages == []


def test_a_page_speaks_its_language_and_dutch_needs_no_catalog() -> None:
    catalogs = Catalogs(LOCALE)

    assert catalogs.gettext("en")("Naar de inhoud") == "Skip to content"
    assert catalogs.gettext("nl")("Naar de inhoud") == "Naar de inhoud"
    assert catalogs.missing == {}


def test_a_message_without_translation_is_shown_in_dutch_and_named(tmp_path: Path) -> None:
    catalogs = Catalogs(tmp_path)  # no catalog for English at all

    assert catalogs.gettext("en")("Naar de inhoud") == "Naar de inhoud"
    assert catalogs.ngettext("en")("1 vraag", "{n} vragen", 2) == "{n} vragen"
    warnings = [str(problem) for problem in untranslated(catalogs)]
    assert warnings == [
        f"{tmp_path}/en/LC_MESSAGES/messages.po:1: waarschuwing: nog niet vertaald, dus in het Nederlands getoond: "
        f"'{text}'; vertaal het in deze catalogus (python build.py messages voegt nieuwe teksten toe)"
        for text in ("1 vraag", "Naar de inhoud")]


def test_the_shared_pages_and_a_models_pages_each_say_their_language(tmp_path: Path) -> None:
    from sitegen.pipeline import build

    out = tmp_path / "dist"
    build(PROJECT / "tests" / "fixtures" / "sample" / "model", out, PROJECT / "tests" / "fixtures" / "sample" /
          "content", site_config=PROJECT / "tests" / "fixtures" / "sample" / "site.yaml")

    assert '<html lang="nl"' in (out / "index.html").read_text(encoding="utf-8")
    assert '<a class="skip-link" href="#inhoud">Naar de inhoud</a>' in (out / "index.html").read_text(encoding="utf-8")


def test_a_translation_keeps_the_placeholders_and_adds_no_markup() -> None:
    """A translation goes into the page as it is (also inside an attribute): it may not bring a quote or a tag that
    its Dutch text does not have, and it fills the same {js} slots the page's script fills."""
    for message in catalog("en"):
        if not message.id or not message.string:
            continue
        dutch = message.id if isinstance(message.id, str) else message.id[0]
        english = message.string if isinstance(message.string, str) else message.string[0]
        for sign in ('"', "<", ">"):
            assert english.count(sign) <= dutch.count(sign), (dutch, english)
        assert set(re.findall(r"\{\w+\}", english)) == set(re.findall(r"\{\w+\}", dutch)), (dutch, english)
        named = set(re.findall(r"%\((\w+)\)s", dutch))
        nouns = {name.split("_", 1)[-1] for name in named}  # the_stage: the call passes the noun stage as well
        allowed = named | NOUNS | nouns | {noun.capitalize() for noun in nouns} | {noun + "s" for noun in nouns}
        assert set(re.findall(r"%\((\w+)\)s", english)) <= allowed, (dutch, english)


def test_a_text_shown_untranslated_is_marked_dutch_where_an_element_may_go(tmp_path: Path) -> None:
    from sitegen.content import load_content
    from sitegen.model import load_model
    from sitegen.pages import plan_pages
    from sitegen.render import make_environment, render_pages
    from sitegen.siteconfig import load_site_config

    from .test_content import ASSET_PATHS

    english = PROJECT / "tests" / "fixtures" / "english"
    po = (LOCALE / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    # a link's text, a menu's name in an attribute, a menu item's label (from Python: sitegen/site_map.py)
    for dutch in ("Naar de inhoud", "Hoofdmenu", "Metingen"):
        po = re.sub(rf'msgid "{dutch}"\nmsgstr "[^"]*"', f'msgid "{dutch}"\nmsgstr ""', po)
    (tmp_path / "en" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "en" / "LC_MESSAGES" / "messages.po").write_text(po, encoding="utf-8")
    catalogs = Catalogs(tmp_path)
    site, _ = load_site_config(PROJECT / "examples" / "english-site" / "site.yaml")
    pages, _ = load_content(PROJECT / "examples" / "english-site" / "content")
    planned = plan_pages([dict(load_model(english / "model" / "practices.yaml"))], pages, catalogs, "en")

    html = render_pages(make_environment(PROJECT / "site_templates"), planned, site, ASSET_PATHS,
                        catalogs)["index.html"].decode("utf-8")

    assert '<a class="skip-link" href="#inhoud"><span lang="nl">Naar de inhoud</span></a>' in html
    assert 'aria-label="Hoofdmenu"' in html
    assert '<span lang="nl">Metingen</span></a>' in html
    assert "\x02" not in html and "\x03" not in html
    assert catalogs.missing == {"en": {"Naar de inhoud", "Hoofdmenu", "Metingen"}}
