"""A model in each of its languages: the model as written, and one edition per translation file beside it.

    model/semm.yaml                      ->  semm/        (the scan in Dutch, the language of the model file)
    model/translations/semm.en.yaml      ->  semm/en/     (the same scan in English)

Every edition is a scan of its own: its own pages, its model JSON with the texts in its language, its engine
messages. The ids, numbers and rules are the same in each, and so is the model id under which the browser keeps
its scans (scoring_py/record_shape.py): a scan filled in one language opens in the other, and so does an export or
a share link. Each page of an edition links to the same page in the others (`alternates`).

The site pages (home, privacy ...) list a model once, by its first edition.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

from scoring_py.words import model_language

from .i18n import LANGUAGE_NAMES
from .site_map import model_folder
from .translations import Translation, translated


class Edition(TypedDict):
    language: str
    folder: str  # where its pages are, in dist/: "semm", "semm/en"


class Alternate(TypedDict):
    language: str
    name: str  # the language in its own words: "English"
    url: str  # the same page in that edition, relative to the page
    current: bool


def with_editions(models: Sequence[dict[str, Any]], translations: Sequence[Translation]) -> list[dict[str, Any]]:
    """Every edition of every model, each model followed by its translations; a translated model knows its
    editions (`editions`) and its folder (`folder`), keys only the build reads."""
    found: list[dict[str, Any]] = []
    for model in models:
        own = [t for t in translations if t.model == model["id"]]
        if not own:
            found.append(model)
            continue
        editions: list[Edition] = [{"language": model_language(model), "folder": model["id"]}]
        editions += [{"language": t.language, "folder": f"{model['id']}/{t.language}"} for t in own]
        found.append({**model, "editions": editions})
        found += [{**translated(model, t), "editions": editions, "folder": f"{model['id']}/{t.language}"}
                  for t in own]
    return found


def is_first_edition(model: Mapping[str, Any]) -> bool:
    """Is this the model as written (the one the site pages list), not a translation of it?"""
    return "folder" not in model


def edition_files(models: Sequence[dict[str, Any]], files: Mapping[str, bytes],
                  model_json: Callable[[dict[str, Any]], str]) -> dict[str, list[str]]:
    """Per translated edition (its folder): its pages and its model JSON, which the service worker keeps only once
    a visitor opens the edition."""
    return {model_folder(model): sorted([name for name in files if name.startswith(model_folder(model) + "/")]
                                        + [model_json(model)])
            for model in models if not is_first_edition(model)}


def published(model: Mapping[str, Any]) -> dict[str, Any]:
    """The model as the engine gets it: without the keys only the build reads."""
    return {key: value for key, value in model.items() if key not in ("editions", "folder")}


def translations_of(model: Mapping[str, Any], file: str) -> list[Alternate]:
    """The page `file` (scan.html) of each translation of the model, relative to the site's root: the site pages
    name them beside the model."""
    return [_alternate(edition, f"{edition['folder']}/{file}", False) for edition in model.get("editions", [])[1:]]


def alternates(model: Mapping[str, Any], here: str) -> list[Alternate]:
    """The page at `here` (semm/en/scan.html) in each edition of its model; none for a model in one language."""
    editions: list[Edition] = model.get("editions", [])
    folder = model_folder(model)
    if not editions or not here.startswith(folder + "/"):
        return []
    rest = here[len(folder) + 1:]
    base = posixpath.dirname(here) or "."
    return [_alternate(edition, posixpath.relpath(f"{edition['folder']}/{rest}", base), edition["folder"] == folder)
            for edition in editions]


def _alternate(edition: Edition, url: str, current: bool) -> Alternate:
    return {"language": edition["language"], "name": LANGUAGE_NAMES[edition["language"]], "url": url,
            "current": current}
