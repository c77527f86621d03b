"""The site's own texts in the page's language, from gettext message catalogs (Babel).

Dutch is the source language: a text is written in Dutch where it is used (`{{ _("Naar de inhoud") }}` in a
template, `_("...")` in Python), and that Dutch text is the message's id. `locale/messages.pot` lists every message
the code uses; `locale/<language>/LC_MESSAGES/messages.po` gives each one in that language. Both are plain gettext
files, which any translation tool opens; `python build.py messages` extracts the messages again (babel.cfg says from
which files) and adds new ones to every catalog, keeping what is translated. The build reads the .po files directly
(nothing compiled is committed); a fuzzy message, translated from an older Dutch text, counts as not translated.

In Python, `_()` translates into the language the build is speaking at that moment (`speaking`, set per model
while its pages are planned and per page while it is rendered); `N_()` only marks a text for the catalog where it is
defined (a menu label in site_map.py), and `_()` translates it where it is shown.

A message without a translation is never silent: the page shows the Dutch text, and the build names the message
as a warning (so `--strict` stops on it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from scoring_py import i18n as engine_i18n

SOURCE_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
"""Each language in its own words, as a link to it says it (marked with that language)."""
DOMAIN = "messages"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


def locale_folder(project: Path) -> Path:
    return project / "locale"


Messages = dict[str, tuple[str, ...]]  # Dutch text (for a count: its singular) -> the translated form(s)


@dataclass
class Catalogs:
    """The catalogs of one build, one per language, and the messages a page asked for that had no translation."""

    folder: Path
    missing: dict[str, set[str]] = field(default_factory=dict)  # language -> Dutch messages without a translation
    _loaded: dict[str, Messages] = field(default_factory=dict)

    def messages(self, language: str) -> Messages:
        """The translated messages of one language (none for Dutch, the source)."""
        if language not in self._loaded:
            self._loaded[language] = ({} if language == SOURCE_LANGUAGE
                                      else _read(self.folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"))
        return self._loaded[language]

    def translate(self, language: str, message: str) -> str:
        """A Dutch text in `language`: its translation, or the Dutch text (remembered as missing)."""
        if language == SOURCE_LANGUAGE:
            return message
        found = self.messages(language).get(message)
        if found is None:
            self.missing.setdefault(language, set()).add(message)
            return message
        return found[0]

    def translate_count(self, language: str, singular: str, plural: str, n: int) -> str:
        """The text for `n` things in `language`; Dutch and English both have one form for 1 and one for more."""
        found = self.messages(language).get(singular) if language != SOURCE_LANGUAGE else None
        if language != SOURCE_LANGUAGE and found is None:
            self.missing.setdefault(language, set()).add(singular)
        forms = found or (singular, plural)
        return forms[0] if n == 1 or len(forms) == 1 else forms[1]

    def gettext(self, language: str) -> Callable[[str], str]:
        """`_` in `language`."""
        return partial(self.translate, language)

    def ngettext(self, language: str) -> Callable[[str, str, int], str]:
        return partial(self.translate_count, language)

    def translate_for_page(self, language: str, message: str) -> str:
        """`translate` for a text that goes into a page: one shown untranslated comes back between two marks, which
        `mark_untranslated` turns into lang="nl" once the page is rendered."""
        return self._marked(language, message, self.translate(language, message))

    def translate_count_for_page(self, language: str, singular: str, plural: str, n: int) -> str:
        return self._marked(language, singular, self.translate_count(language, singular, plural, n))

    def page_gettext(self, language: str) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
        """`_` and `ngettext` for a page's templates in `language`, marking a text shown untranslated."""
        return partial(self.translate_for_page, language), partial(self.translate_count_for_page, language)

    def _marked(self, language: str, message: str, shown: str) -> str:
        untranslated = language != SOURCE_LANGUAGE and message in self.missing.get(language, set())
        return f"{UNTRANSLATED[0]}{shown}{UNTRANSLATED[1]}" if untranslated else shown


UNTRANSLATED = ("\x02", "\x03")  # around a page's text shown in Dutch because its catalog lacks it
RAW_TEXT = ("title", "option", "textarea", "script", "style")  # elements whose text cannot hold a <span>
_UNTRANSLATED_TEXT = re.compile(f"{UNTRANSLATED[0]}(.*?){UNTRANSLATED[1]}", re.DOTALL)


def unmarked(text: str) -> str:
    """A text without the marks around an untranslated part (for a message that goes to a terminal, not a page)."""
    return text.replace(UNTRANSLATED[0], "").replace(UNTRANSLATED[1], "")


def mark_untranslated(html: str) -> str:
    """A rendered page with each text shown untranslated marked as Dutch: `<span lang="nl">` in running text, so a
    screen reader pronounces it as Dutch; only unmarked where no element may go (an attribute, a <title>)."""
    def mark(found: re.Match[str]) -> str:
        before = html[:found.start()]
        in_tag = before.rfind("<") > before.rfind(">")
        in_raw_text = any(before.rfind(f"<{name}") > before.rfind(f"</{name}") for name in RAW_TEXT)
        return found[1] if in_tag or in_raw_text else f'<span lang="{SOURCE_LANGUAGE}">{found[1]}</span>'
    return _UNTRANSLATED_TEXT.sub(mark, html)


def _read(po_file: Path) -> Messages:
    """A .po file's translated messages; a fuzzy one (a translation of an older text) counts as not translated."""
    if not po_file.is_file():
        return {}
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    found: Messages = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        given = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        strings = tuple(str(text) for text in given if isinstance(text, str) and text)
        if strings and len(strings) == len(given):
            key = message.id if isinstance(message.id, str) else message.id[0]
            found[key] = strings
    return found


_speaking: ContextVar[tuple[Catalogs | None, str, bool]] = ContextVar("speaking",
                                                                     default=(None, SOURCE_LANGUAGE, False))


@contextmanager
def speaking(catalogs: Catalogs, language: str, for_pages: bool = False) -> Iterator[None]:
    """Within this block, `_()` translates into `language`, here and in the engine's texts (scoring_py/i18n.py).
    `for_pages`: the texts go into pages, so one shown untranslated is marked for `mark_untranslated`."""
    token = _speaking.set((catalogs, language, for_pages))
    before = engine_i18n.use_translator(engine_translator(catalogs, language, for_pages))
    try:
        yield
    finally:
        engine_i18n.use_translator(before)
        _speaking.reset(token)


def engine_translator(catalogs: Catalogs, language: str, for_pages: bool = False) -> Callable[[str], str]:
    """The engine's translator for one language; a counted text comes as 'singular\\0plural' and goes back so."""
    gettext_, ngettext_ = catalogs.page_gettext(language) if for_pages else (catalogs.gettext(language),
                                                                              catalogs.ngettext(language))

    def translate(message: str) -> str:
        if "\x00" in message:
            singular, plural = message.split("\x00", 1)
            return ngettext_(singular, plural, 1) + "\x00" + ngettext_(singular, plural, 2)
        return gettext_(message)
    return translate


def engine_messages(catalogs: Catalogs, language: str) -> dict[str, str]:
    """The engine's texts in `language`, for the model's JSON: every message of scoring_py the catalog translates."""
    if language == SOURCE_LANGUAGE:
        return {}
    template = catalogs.folder / f"{DOMAIN}.pot"
    if not template.is_file():
        return {}
    with template.open("rb") as handle:
        messages = [message for message in read_po(handle)
                    if message.id and any(place.startswith("scoring_py/") for place, _line in message.locations)]
    translate = engine_translator(catalogs, language)
    pairs = ((message.id if isinstance(message.id, str) else "\x00".join(message.id[:2])) for message in messages)
    return {key: translated for key in pairs if (translated := translate(key)) != key}


def _(message: str) -> str:
    """A Dutch text in the language the build is speaking now (Dutch when it speaks no other)."""
    catalogs, language, for_pages = _speaking.get()
    if not catalogs:
        return message
    return catalogs.translate_for_page(language, message) if for_pages else catalogs.translate(language, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    catalogs, language, for_pages = _speaking.get()
    if not catalogs:
        return singular if n == 1 else plural
    if for_pages:
        return catalogs.translate_count_for_page(language, singular, plural, n)
    return catalogs.translate_count(language, singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for "mark, translate later")
    """Marks a text for the catalog where it is defined; `_()` translates it where it is shown."""
    return message


def language_now() -> str:
    return _speaking.get()[1]


# --- keeping the catalogs current ------------------------------------------------------------------------------


def extracted(project: Path) -> Catalog:
    """Every message the code uses now, with where it is used, as the template of the catalogs."""
    catalog = Catalog(project="servicescan", locale=None, domain=DOMAIN, fuzzy=False)
    with (project / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options = parse_mapping_cfg(config)
    for filename, lineno, message, comments, context in extract_from_dir(
            project, method_map, options, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def update_catalogs(project: Path) -> list[Path]:
    """Write messages.pot from the code and bring every language's .po up to it; the files written."""
    folder = locale_folder(project)
    template = extracted(project)
    folder.mkdir(exist_ok=True)
    written = [_write(folder / f"{DOMAIN}.pot", template)]
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        po_file = folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po_file.is_file():
            with po_file.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="servicescan")
        catalog.update(template, update_header_comment=False)
        po_file.parent.mkdir(parents=True, exist_ok=True)
        written.append(_write(po_file, catalog))
    return written


def _write(path: Path, catalog: Catalog) -> Path:
    buffer = BytesIO()
    write_po(buffer, catalog, width=120, omit_header=False, sort_output=False, include_previous=True,
             ignore_obsolete=True)
    path.write_bytes(_without_dates(buffer.getvalue()))
    return path


def _without_dates(po: bytes) -> bytes:
    """The catalog without its creation and revision dates, so extracting twice gives the same file."""
    return b"".join(line for line in po.splitlines(keepends=True)
                    if not line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:')))
