"""The names under which the browser keeps data: one place, so the privacy page lists exactly these.

Per model (`<model>` is its id, `<scan>` a scan's own id):
  servicescan:<model>:scans              the list of scans in this browser and which one is open
  servicescan:<model>:scan:<scan>        one scan: answers, notes, ambition, earlier measurements, actions, the last
                                         result
  servicescan:<model>:teamsessie         the team page's session: the respondents' scans and the team answers
  servicescan:<model>:onleesbaar:<time>  a copy of stored data that could not be read (kept, never deleted)
"""

from __future__ import annotations

from typing import TypedDict

STORAGE_PREFIX = "servicescan"


class StorageKey(TypedDict):
    key: str
    holds: str  # what the key holds, in Dutch


def key_prefix(model: dict) -> str:
    return f"{STORAGE_PREFIX}:{model['id']}:"


def storage_keys(model: dict) -> list[StorageKey]:
    """Each key with what it holds, in Dutch, for the privacy page."""
    prefix = key_prefix(model)
    return [
        {"key": f"{prefix}scans", "holds": f"de lijst van je scans voor het {model['short_name']}-model en welke "
                                           "scan open staat"},
        {"key": f"{prefix}scan:…", "holds": "per scan: je antwoorden, notities, ambitie, eerdere metingen, de acties "
                                            "van je plan, de datum van de laatste wijziging, de stap waar je was en de "
                                            "laatst berekende uitslag (zodat die de volgende keer meteen te zien is)"},
        {"key": f"{prefix}teamsessie", "holds": "alleen als je op de pagina Team een sessie begeleidt: de scans die je "
                                               "hebt toegevoegd (met de namen die erin staan), de teamantwoorden en "
                                               "jullie notities"},
        {"key": f"{prefix}onleesbaar:…", "holds": "alleen als opgeslagen gegevens niet meer te lezen waren: een kopie "
                                                  "daarvan, zodat er niets verloren gaat"},
    ]
