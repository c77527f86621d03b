"""A warning when a site that does not publish the shipped SEMM scan still carries its name or its texts.

The project ships as a SEMM site: `site.yaml` names it "Service Excellence Scan", and `content/index.md` and
`content/colofon.md` speak of SEMM. A publisher who puts their own model in `model/` easily forgets them, and would
publish a scan of their model under SEMM's name. The build cannot judge a text, but it can see SEMM's names where
no SEMM scan is built.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import Problem, display_path
from .i18n import N_, _

EXAMPLE_MODEL = "semm"  # the id of the shipped model whose texts the site ships with
EXAMPLE_SITE_NAME = "Service Excellence Scan"
EXAMPLE_WORDS = re.compile(r"\b(SEMM|Service Excellence Maturity Model)\b")
NAME_LINE = re.compile(r"^name:", re.MULTILINE)
PAGES = {"index.md": N_("de startpagina"), "colofon.md": N_("het colofon")}
"""The shared pages whose shipped text is about SEMM (privacy and accessibility are about the site itself)."""


def example_leftovers(models: Sequence[Mapping[str, Any]], site: Mapping[str, Any], site_file: Path,
                      content: Path) -> list[Problem]:
    """Warnings for the example's name in site.yaml and its names on the landing page, when no model built is the
    example."""
    if any(model["id"] == EXAMPLE_MODEL for model in models):
        return []
    problems = []
    if site.get("name") == EXAMPLE_SITE_NAME:
        problems.append(Problem(display_path(site_file), line_of(site_file, NAME_LINE),
                                _("de site heet nog '%(name)s', de naam van de voorbeeldsite over SEMM, maar je bouwt "
                                  "geen SEMM-scan; geef je site een eigen naam bij 'name'") % {
                                    "name": EXAMPLE_SITE_NAME}, warning=True))
    for name, page in PAGES.items():
        path = content / name
        found = EXAMPLE_WORDS.search(path.read_text(encoding="utf-8")) if path.is_file() else None
        if found:
            problems.append(Problem(display_path(path), line_of(path, EXAMPLE_WORDS),
                                    _("%(page)s spreekt nog over '%(name)s', maar je bouwt geen SEMM-scan; schrijf "
                                      "de tekst voor je eigen model") % {"page": _(page), "name": found[0]},
                                    warning=True))
    return problems


def line_of(path: Path, pattern: re.Pattern[str]) -> int:
    """The line of the first match in a file, or 1 (the file as a whole) when there is none or no file."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1
