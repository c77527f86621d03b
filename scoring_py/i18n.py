"""The engine's own texts (its messages, CSV headers, report lines) in the language of the page that runs it.

The texts are written in Dutch, the source language, and marked with `_()` (and `ngettext` for a count), so the
build's catalog (sitegen/i18n.py, Babel) extracts them with the rest of the site. For a model in another language,
the build puts that language's translations of these texts into the model's JSON (`messages`), and the engine takes
them from there when it starts (bridge.make_engine): the browser loads only its page's language, and no catalog
library runs in it. During the build itself sitegen hands its own translator in (`use_translator`).

Numbers follow the model's language too (words.model_language): the decimal mark and the sign between thousands are
declared once here (NUMBER_SIGNS, the values CLDR gives; a test holds them against Babel's data, which the browser's
Python does not have), and a CSV file is separated the way a spreadsheet in that language reads it.
Pure and standard library only: this module also runs in the browser (Pyodide).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Translator = Callable[[str], str]

NUMBER_SIGNS: dict[str, tuple[str, str]] = {"nl": (",", "."), "en": (".", ",")}
"""Per language: the decimal mark and the sign between groups of thousands (CLDR's, for the standard number system).
A language not listed writes numbers the Dutch way, the source language's."""
SOURCE_LANGUAGE = "nl"
_translate: list[Translator] = [lambda message: message]  # one at a time; a list so it can be swapped in place


def messages_of(model: Any) -> dict[str, str]:
    """The engine's texts a published model carries (`messages`, added by the build for a language other than
    Dutch), taken off it: they travel beside the model, not in it. None for a Dutch model."""
    messages = model.pop("messages", None) if isinstance(model, dict) else None
    return messages if isinstance(messages, dict) else {}


def use_messages(messages: Mapping[str, str]) -> Translator:
    """Speak the language of these translations (Dutch text -> translation); a text without one stays Dutch. The
    translator it replaces, to put back (use_translator)."""
    known = dict(messages)
    return use_translator(lambda message: known.get(message) or message)


def use_translator(translator: Translator) -> Translator:
    """Speak through this function from now on; the one it replaces, to put back."""
    before = _translate[0]
    _translate[0] = translator
    return before


def _(message: str) -> str:
    """A Dutch text in the engine's language."""
    return _translate[0](message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The text for `n` things. The catalog keys a counted text by its singular; both languages here count as
    'one' and 'more than one'."""
    forms = _translate[0](singular + "\x00" + plural)
    if "\x00" in forms:
        one, many = forms.split("\x00", 1)
        return one if n == 1 else many
    return singular if n == 1 else plural


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for "mark, translate later")
    """Marks a text for the catalog where it is defined (a table made when the module loads, before the engine knows
    its language); `_()` translates it where it is shown."""
    return message


def decimal_mark(language: str) -> str:
    """What stands between a number's whole part and its decimals in `language`: "," in Dutch, "." in English."""
    return NUMBER_SIGNS.get(language, NUMBER_SIGNS[SOURCE_LANGUAGE])[0]


def number_text(value: float | None, language: str, decimals: int | None = None) -> str:
    """A number as a person (and a spreadsheet) in `language` reads it: 2, 1,8 or 1.8; with `decimals` places when
    given (a value the model's rule makes), else as it is (a median: 2 or 2,5); empty for no value."""
    if value is None:
        return ""
    text = str(value) if decimals is None else f"{value:.{decimals}f}"
    return text.replace(".", decimal_mark(language))


def grouped(number: int, language: str) -> str:
    """A large whole number with its thousands marked: 2.000.000 in Dutch, 2,000,000 in English."""
    return f"{number:,}".replace(",", NUMBER_SIGNS.get(language, NUMBER_SIGNS[SOURCE_LANGUAGE])[1])


def csv_separator(language: str) -> str:
    """What separates a CSV file's cells for a spreadsheet in `language`: a semicolon where the decimal mark is a
    comma (so 1,8 stays one number, as Dutch Excel expects), else a comma."""
    return ";" if decimal_mark(language) == "," else ","
