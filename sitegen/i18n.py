"""The site's own texts in the page's language, from gettext message catalogs (Babel).

Dutch is the source language: a text is written in Dutch where it is used (`{{ _("Naar de inhoud") }}` in a
template, `_("...")` in Python), and that Dutch text is the message's id. `locale/messages.pot` lists every message
the code uses; `locale/<language>/LC_MESSAGES/messages.po` gives each one in that language. Both are plain gettext
files, which any translation tool opens; `python build.py messages` extracts the messages again (babel.cfg says from
which files) and adds new ones to every catalog, keeping what is translated. The build reads the .po files directly,
so nothing compiled is committed.

In Python, `_()` translates into the language the build is speaking at that moment (`speaking`, set per model
while its pages are planned and per page while it is rendered); `N_()` only marks a text for the catalog where it is
defined (a menu label in site_map.py), and `_()` translates it where it is shown.

A message without a translation is never silent: the page shows the Dutch text, and the build names the message
as a warning (so `--strict` stops on it).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

SOURCE_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
DOMAIN = "messages"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


def locale_folder(project: Path) -> Path:
    return project / "locale"


@dataclass
class Catalogs:
    """The catalogs of one build, one per language, and the messages a page asked for that had no translation."""

    folder: Path
    missing: dict[str, set[str]] = field(default_factory=dict)  # language -> Dutch messages without a translation
    _loaded: dict[str, gettext.NullTranslations] = field(default_factory=dict)

    def translations(self, language: str) -> gettext.NullTranslations:
        """The gettext translations of one language; Dutch is the source, so its texts are their own ids."""
        if language not in self._loaded:
            self._loaded[language] = (gettext.NullTranslations() if language == SOURCE_LANGUAGE
                                      else _compiled(self.folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"))
        return self._loaded[language]

    def gettext(self, language: str) -> Callable[[str], str]:
        """`_` for a page in `language`: the translation, or the Dutch text (remembered as missing)."""
        translations = self.translations(language)

        def translate(message: str) -> str:
            translated = translations.gettext(message)
            if translated == message and language != SOURCE_LANGUAGE:
                self.missing.setdefault(language, set()).add(message)
            return translated
        return translate

    def ngettext(self, language: str) -> Callable[[str, str, int], str]:
        translations = self.translations(language)

        def translate(singular: str, plural: str, n: int) -> str:
            translated = translations.ngettext(singular, plural, n)
            if language != SOURCE_LANGUAGE and translated in (singular, plural):
                self.missing.setdefault(language, set()).add(singular)
            return translated
        return translate


_speaking: ContextVar[tuple[Catalogs | None, str]] = ContextVar("speaking", default=(None, SOURCE_LANGUAGE))


@contextmanager
def speaking(catalogs: Catalogs, language: str) -> Iterator[None]:
    """Within this block, `_()` translates into `language`."""
    token = _speaking.set((catalogs, language))
    try:
        yield
    finally:
        _speaking.reset(token)


def _(message: str) -> str:
    """A Dutch text in the language the build is speaking now (Dutch when it speaks no other)."""
    catalogs, language = _speaking.get()
    return catalogs.gettext(language)(message) if catalogs else message


def ngettext(singular: str, plural: str, n: int) -> str:
    catalogs, language = _speaking.get()
    return catalogs.ngettext(language)(singular, plural, n) if catalogs else (singular if n == 1 else plural)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for "mark, translate later")
    """Marks a text for the catalog where it is defined; `_()` translates it where it is shown."""
    return message


def language_now() -> str:
    return _speaking.get()[1]


def _compiled(po_file: Path) -> gettext.NullTranslations:
    """A .po file as gettext translations, compiled in memory (fuzzy messages count as not translated)."""
    if not po_file.is_file():
        return gettext.NullTranslations()
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


# --- keeping the catalogs current ------------------------------------------------------------------------------


def extracted(project: Path) -> Catalog:
    """Every message the code uses now, with where it is used, as the template of the catalogs."""
    catalog = Catalog(project="servicescan", locale=None, domain=DOMAIN, fuzzy=False)
    method_map = [("site_templates/**.html", "jinja2"), ("sitegen/**.py", "python"), ("scoring_py/**.py", "python"),
                  ("site_templates/assets/js/**.js", "javascript")]
    options: dict[str, dict[str, Any]] = {"site_templates/**.html": {"extensions": "jinja2.ext.i18n",
                                                                     "trimmed": "true"}}
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
