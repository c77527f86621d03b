"""The engine's own texts (its messages, CSV headers, report lines) in the language of the page that runs it.

The texts are written in Dutch, the source language, and marked with `_()` (and `ngettext` for a count), so the
build's catalog (sitegen/i18n.py, Babel) extracts them with the rest of the site. For a model in another language,
the build puts that language's translations of these texts into the model's JSON (`messages`), and the engine takes
them from there when it starts (bridge.make_engine): the browser loads only its page's language, and no catalog
library runs in it. During the build itself sitegen hands its own translator in (`use_translator`).
Pure and standard library only: this module also runs in the browser (Pyodide).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Translator = Callable[[str], str]
_translate: list[Translator] = [lambda message: message]  # one at a time; a list so it can be swapped in place


def use_messages(messages: Mapping[str, str]) -> None:
    """Speak the language of these translations (Dutch text -> translation); a text without one stays Dutch."""
    known = dict(messages)
    _translate[0] = lambda message: known.get(message) or message


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
