"""The keys under which the browser keeps data, with what each holds, for the privacy page.

The keys themselves are declared once, in scoring_py/record_shape.py (STORAGE_KEYS), where the browser's storage
modules read them too; this module only says what each one holds, so the privacy page lists exactly the keys the
browser uses (a test holds the two side by side). The texts are messages of the catalog (sitegen/i18n.py): they are
translated here, while the build speaks the privacy page's language.
"""

from __future__ import annotations

from typing import TypedDict

from scoring_py.record_shape import STORAGE_KEYS, storage_prefix

from .i18n import _

__all__ = ["StorageKey", "key_prefix", "storage_keys"]


class StorageKey(TypedDict):
    key: str
    holds: str  # what the key holds, in the page's language


def key_prefix(model: dict) -> str:
    return storage_prefix(model["id"])


def _holds(model: dict) -> dict[str, str]:
    """Per key of STORAGE_KEYS: what it holds, in the language the build speaks now; the first layout's key is never
    written any more."""
    return {
        "index": _("de lijst van je scans voor het %(model)s-model en welke scan open staat")
                 % {"model": model["short_name"]},
        "scan": _("per scan: je antwoorden, notities, ambitie, eerdere metingen, de acties van je plan, de datum van "
                  "de laatste wijziging en van je laatste export, de stap waar je was en de laatst berekende uitslag "
                  "(zodat die de volgende keer meteen te zien is)"),
        "session": _("alleen als je op de pagina %(team_page)s een sessie begeleidt: de scans die je hebt toegevoegd "
                     "(met de namen die erin staan), de teamantwoorden en jullie notities") % {"team_page": _("Team")},
        "quarantine": _("alleen als opgeslagen gegevens niet meer te lezen waren: een kopie daarvan, zodat er niets "
                        "verloren gaat"),
    }


def storage_keys(model: dict) -> list[StorageKey]:
    """Each key with what it holds, in the page's language, for the privacy page; a key that takes an id or a time
    ends in '…'."""
    prefix = key_prefix(model)
    return [{"key": prefix + STORAGE_KEYS[name] + ("…" if STORAGE_KEYS[name].endswith(":") else ""), "holds": holds}
            for name, holds in _holds(model).items()]
