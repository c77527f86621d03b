"""The JSON Schemas of what a publisher writes (a model file, site.yaml, a translation file), made from the build's
own declarations of keys (sitegen/keys.py), so an editor with the YAML language server completes keys and shows
mistakes while typing.

They are committed under schema/; `python build.py schemas` writes them again and a test holds them to the
declarations. A model file names its schema in its first line:

    # yaml-language-server: $schema=../schema/model.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .keys import json_schema
from .model import MODEL
from .siteconfig import SITE
from .translations import TRANSLATION

SCHEMAS = {"model.schema.json": MODEL, "site.schema.json": SITE, "translation.schema.json": TRANSLATION}
SCHEMA_LINE = "# yaml-language-server: $schema={path}"
"""The first line of a model file (or site.yaml), with the path from the file to its schema."""


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by its file name."""
    return {name: {"title": title, **json_schema(declaration)}
            for (name, declaration), title in zip(SCHEMAS.items(), ("Een volwassenheidsmodel voor de scan",
                                                                   "De instellingen van de site",
                                                                   "De teksten van een model in een andere taal"),
                                                strict=True)}


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as the committed file holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written
