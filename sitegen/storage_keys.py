"""The names under which the browser keeps data: one place, so the privacy page lists exactly these."""

from __future__ import annotations

STORAGE_PREFIX = "servicescan"


def scan_key(model: dict) -> str:
    return f"{STORAGE_PREFIX}:{model['id']}:scan"


def storage_keys(model: dict) -> list[dict]:
    """Each key with what it holds, in Dutch, for the privacy page."""
    return [{"key": scan_key(model),
             "holds": "je antwoorden, je notities, de datum van de laatste wijziging en de stap waar je was"}]
