"""`python build.py new-model <id>`: a new model to start from, with its explanation page, that builds as it is.

The model has three stages and two parts with two aspects each; every text is a placeholder that says what to write
(in [rechte haken]), so a publisher sees at once what is theirs to fill in. It builds under --strict, so the
publisher can look at the scan before writing a word, and then replace one text at a time.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import display_path
from .i18n import _
from .keys import ID_PATTERN

STAGES = 3


class NewModelError(Exception):
    """An id that cannot become a new model; the message says why, in the language the command speaks."""


@dataclass(frozen=True)
class NewModel:
    model: Path
    explanation: Path


def create_model(model_id: str, models: Path, content: Path) -> NewModel:
    """Write `models/<id>.yaml` and `content/<id>/uitleg.md`; NewModelError for an id that is not valid or taken."""
    if not ID_PATTERN.match(model_id):
        raise NewModelError(_("'%(id)s' kan geen id van een model zijn: gebruik kleine letters, cijfers en '-', en "
                              "begin met een letter (bijvoorbeeld 'mijn-model')") % {"id": model_id})
    model_file = models / f"{model_id}.yaml"
    explanation = content / model_id / "uitleg.md"
    for taken in (model_file, explanation):
        if taken.exists():
            raise NewModelError(_("%(path)s bestaat al; kies een ander id of pas dat bestand zelf aan") % {
                "path": taken})
    model_file.parent.mkdir(parents=True, exist_ok=True)
    explanation.parent.mkdir(parents=True, exist_ok=True)
    model_file.write_text(model_text(model_id, schema_path(model_file)), encoding="utf-8")
    explanation.write_text(explanation_text(), encoding="utf-8")
    return NewModel(model_file, explanation)


def schema_path(model_file: Path) -> str:
    """The path from the model file to the nearest schema/model.schema.json above it, for the editor's first line."""
    here = model_file.resolve().parent
    for folder in (here, *here.parents):
        schema = folder / "schema" / "model.schema.json"
        if schema.is_file():
            return Path(os.path.relpath(schema, here)).as_posix()
    return "../schema/model.schema.json"


def model_text(model_id: str, schema: str) -> str:
    """The new model file: every key a scan needs, each text a marked placeholder."""
    stages = "".join(f"""    - id: {n}
      name: "[Naam van fase {n}]"
      summary: "[Eén zin: hoe een organisatie in fase {n} werkt]"
""" for n in range(1, STAGES + 1))
    parts = "".join(_part_text(number) for number in (1, 2))
    return f"""# yaml-language-server: $schema={schema}
# Een nieuw model. Vervang elke tekst tussen [rechte haken] door je eigen woorden; de uitleg van elke sleutel
# staat in docs/model-format.md. Het bestand bouwt zoals het is: python build.py serve --model model/{model_id}.yaml
id: {model_id}                      # vast id: de map van de scan; verander het niet meer na publicatie
version: "0.1"
name: "[De volledige naam van het model]"
short_name: "[Korte naam]"
intro: >-
  [Eén alinea: wat deze scan meet, voor wie, en hoe je hem invult.]
source:
  title: "[De titel van de bron]"
  authors: "[De schrijvers]"
  publisher: "[De uitgever]"
  year: 2026
  note: "[Bijvoorbeeld: de teksten zijn in eigen woorden naverteld.]"
words:                              # de woorden van je model; laat weg wat 'fase', 'element' en 'aspect' mag blijven
  stage: {{singular: fase, plural: fasen, article: de}}
  part: {{singular: element, plural: elementen, article: het}}
  aspect: {{singular: aspect, plural: aspecten, article: het}}
phases:
  items:
{stages}elements:
{parts}"""


def _part_text(number: int) -> str:
    aspects = "".join(f"""      - id: e{number}{letter}
        name: "[Naam van aspect {number}{letter}]"
        phases:
""" + "".join(f'          - "[Hoe aspect {number}{letter} eruitziet in fase {n}]"\n' for n in range(1, STAGES + 1))
                      for letter in "ab")
    return f"""  - id: e{number}
    name: "[Naam van element {number}]"
    core: "[Waar element {number} om draait, in een of twee zinnen]"
    aspects:
{aspects}"""


def explanation_text() -> str:
    """The model's explanation page, with its front matter."""
    return """---
title: "[Over het model]"
summary: "[Eén zin over het model, voor zoekmachines]"
---

[Leg hier in gewone taal uit waar het model over gaat, hoe de scan werkt en wat de uitkomst betekent.]
"""


def next_steps(made: NewModel) -> list[str]:
    """What to do next, in plain words, for the command line."""
    values = {"model": display_path(made.model), "explanation": display_path(made.explanation), "python": _python()}
    return [
        _("Gemaakt: %(model)s en %(explanation)s.") % values,
        _("Zo ga je verder:"),
        _("  1. Bekijk de scan meteen: %(python)s build.py serve --model %(model)s") % values,
        _("  2. Vervang in %(model)s elke tekst tussen [rechte haken]; docs/model-format.md legt elke sleutel uit.")
        % values,
        _("     Met een editor die YAML-schema's kent (de YAML language server), zie je fouten al tijdens het typen."),
        _("  3. Schrijf de uitleg in %(explanation)s.") % values,
        _("  4. Zet de naam, de kleuren en het contact van je site in site.yaml."),
        _("  5. Controleer alles: %(python)s build.py build --strict, en publiceer de map dist/ (docs/eigen-model.md).")
        % values,
    ]


def _python() -> str:
    """The Python to type: the project's own (.venv/bin/python) when this one runs from it, else 'python'."""
    running = Path(sys.executable)
    shown = display_path(running)
    return shown if not Path(shown).is_absolute() and ".venv" in running.parts else "python"
